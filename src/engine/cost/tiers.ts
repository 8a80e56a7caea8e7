import type { PriceTier } from './priceTable';

/**
 * The cost of `quantity` units under graduated tiers: each tier's price applies only to the
 * part of the quantity inside it (never "the first price dimension" for all of it).
 * Tiers are in ascending `upTo` order; the last one is open (`upTo: null`).
 */
export function tieredCost(quantity: number, tiers: readonly PriceTier[]): number {
  let cost = 0;
  let floor = 0;
  for (const tier of tiers) {
    if (quantity <= floor) break;
    const ceiling = tier.upTo ?? Infinity;
    const inTier = Math.min(quantity, ceiling) - floor;
    if (inTier > 0) cost += inTier * tier.price;
    floor = ceiling;
  }
  return cost;
}
