/** The what-ifs the engine can apply (each changes prices or choices, never the template). */
export type WhatIfId = 'graviton' | 'spot' | 'savings-plan' | 'gp3' | 'dynamodb-on-demand' | 'dynamodb-provisioned';

/** Rates a what-if needs that are a choice, not a list price (settable in `.archlens.yml`'s `cost.whatIf`). */
export interface WhatIfRates {
  /** Spot discount from on-demand, 0..1 (Spot prices move hourly). */
  readonly spotDiscount: number;
  /** Compute Savings Plan discount from on-demand, 0..1 (depends on term, payment and family). */
  readonly savingsPlanDiscount: number;
  /** Target utilisation of provisioned DynamoDB capacity, 0..1 (auto scaling's default target is 0.7). */
  readonly dynamoDbUtilisation: number;
}

/**
 * Defaults, each a stated assumption: Spot 70% off (AWS: Fargate Spot "up to 70%", EC2 Spot "up
 * to 90%"); a 1-year no-upfront Compute Savings Plan taken as 20% off (AWS: "up to 66%");
 * provisioned capacity used at 70% (the auto scaling default target).
 */
export const DEFAULT_WHAT_IF_RATES: WhatIfRates = { spotDiscount: 0.7, savingsPlanDiscount: 0.2, dynamoDbUtilisation: 0.7 };

/** Every what-if, its label and the caveat shown with it. */
export const WHAT_IFS: readonly { readonly id: WhatIfId; readonly label: string; readonly caveat: string }[] = [
  { id: 'graviton', label: 'Graviton (arm64)', caveat: 'Lambda, Fargate and instance families with a Graviton equivalent (t3 -> t4g, m5 -> m6g...); the code and images must build for arm64' },
  { id: 'spot', label: 'Spot', caveat: 'Fargate tasks and Auto Scaling group instances; Spot capacity can be interrupted with two minutes\' notice' },
  { id: 'savings-plan', label: 'Compute Savings Plan', caveat: 'EC2 instance hours, Fargate and Lambda compute at the plan rate; a 1- or 3-year commitment per hour' },
  { id: 'gp3', label: 'gp2 -> gp3', caveat: 'EBS and RDS gp2 volumes as gp3 (3,000 IOPS and 125 MB/s included)' },
  { id: 'dynamodb-on-demand', label: 'DynamoDB on-demand', caveat: 'provisioned tables as on-demand, at the given usage (else the provisioned capacity at the target utilisation)' },
  { id: 'dynamodb-provisioned', label: 'DynamoDB provisioned', caveat: 'on-demand tables as provisioned, capacity sized from the given usage at the target utilisation (no headroom for peaks)' },
];

/** The what-ifs applied to one estimate, with their rates. */
export interface WhatIfChoice {
  readonly ids: ReadonlySet<WhatIfId>;
  readonly rates: WhatIfRates;
}

export const NO_WHAT_IF: WhatIfChoice = { ids: new Set(), rates: DEFAULT_WHAT_IF_RATES };

// x86 family -> its Graviton counterpart of the same generation or the nearest later one.
const GRAVITON_FAMILIES: ReadonlyMap<string, string> = new Map([
  ['t2', 't4g'],
  ['t3', 't4g'],
  ['t3a', 't4g'],
  ['m5', 'm6g'],
  ['m5a', 'm6g'],
  ['m6i', 'm6g'],
  ['m6a', 'm6g'],
  ['m7i', 'm7g'],
  ['c5', 'c6g'],
  ['c5a', 'c6g'],
  ['c6i', 'c6g'],
  ['c7i', 'c7g'],
  ['r5', 'r6g'],
  ['r5a', 'r6g'],
  ['r6i', 'r6g'],
  ['r7i', 'r7g'],
]);

/**
 * The Graviton equivalent of an instance, database or cache node type (`t3.medium` ->
 * `t4g.medium`, `db.m5.large` -> `db.m6g.large`, `cache.r5.large` -> `cache.r6g.large`), or
 * undefined when the family has none (or is Graviton already).
 */
export function gravitonEquivalent(instanceType: string): string | undefined {
  const match = /^((?:db|cache)\.)?([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceType);
  if (!match) return undefined;
  const family = GRAVITON_FAMILIES.get(match[2]!);
  return family ? `${match[1] ?? ''}${family}.${match[3]}` : undefined;
}
