import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import type { ResourceEntry } from '../cfn/template';
import type { CostComponent } from './costTypes';
import type { RegionPrices } from './priceTable';
import { tieredCost } from './tiers';
import type { UsageSource } from './usage';
import { NO_WHAT_IF, type WhatIfChoice, type WhatIfId, type WhatIfRates } from './whatIfTypes';
import { resolveBoolean, resolveNumber, resolveScalar, resolveString, type ValueContext } from './values';

/** A quantity that could not be determined, with the reason shown to the user. */
export interface Unknown {
  readonly unknown: string;
}

/**
 * What a pricer works with for one resource: resolved properties, its usage and the region's
 * prices; it records components. Pricers never see raw prices or do tier arithmetic themselves.
 */
export class ResourcePricer {
  readonly components: CostComponent[] = [];
  readonly notes: string[] = [];
  /** Usage keys this resource's pricer asked for (what the cost view offers to edit). */
  readonly usageKeys = new Set<string>();

  constructor(
    readonly resource: ResourceEntry,
    /** The type priced: the SAM type's CloudFormation counterpart, or the type itself. */
    readonly pricedAs: string,
    private readonly values: ValueContext,
    private readonly prices: RegionPrices | undefined,
    private readonly region: string,
    private readonly usageOf: (key: string) => { value: number; source: UsageSource } | undefined,
    /** The resources of the template (for pricers that follow a Ref, e.g. a service to its task definition). */
    readonly allResources: ReadonlyMap<string, ResourceEntry>,
    /** For SAM resources, the `Globals` section that supplies property defaults. */
    private readonly globals: LocatedNode | undefined,
    /** What-ifs applied to this estimate (Graviton, Spot...): the pricers read them, the template is untouched. */
    private readonly whatIfs: WhatIfChoice = NO_WHAT_IF,
  ) {}

  /** Price factor for components added inside `discounted` (1 = list price). */
  private priceFactor = 1;
  private factorNote: string | undefined;

  /** Whether a what-if is applied. */
  whatIf(id: WhatIfId): boolean {
    return this.whatIfs.ids.has(id);
  }

  /** The rates of the what-ifs (Spot and Savings Plan discounts, DynamoDB utilisation). */
  get rates(): WhatIfRates {
    return this.whatIfs.rates;
  }

  /** Adds the components `add` records at `1 - discount` of the list price, with the reason on each. */
  discounted(discount: number, why: string, add: () => void): void {
    const [factor, note] = [this.priceFactor, this.factorNote];
    this.priceFactor = factor * (1 - discount);
    this.factorNote = note ? `${note}; ${why}` : why;
    try {
      add();
    } finally {
      this.priceFactor = factor;
      this.factorNote = note;
    }
  }

  /** The property node at a dotted path (`RuntimePlatform.CpuArchitecture`). */
  property(path: string, from?: LocatedNode): LocatedNode | undefined {
    const walk = (start: LocatedNode | undefined): LocatedNode | undefined => {
      let node = start;
      for (const part of path.split('.')) {
        // Numeric parts index sequences (`Architectures.0`).
        node = node?.kind === 'sequence' && /^\d+$/.test(part) ? node.items[Number(part)] : getValue(node, part);
      }
      return node;
    };
    if (from) return walk(from);
    return walk(this.resource.properties) ?? walk(this.globals);
  }

  /** The resource a property refers to with `Ref` (e.g. a service's task definition), if in the template. */
  referenced(path: string): ResourceEntry | undefined {
    const node = this.property(path);
    const target = node?.kind === 'mapping' && node.pairs.length === 1 && node.pairs[0]!.key.text === 'Ref' ? node.pairs[0]!.value : undefined;
    return target?.kind === 'scalar' ? this.allResources.get(String(target.value)) : undefined;
  }

  /** A string property: its value, an Unknown (set but not resolvable offline), or undefined (not set). */
  setting(path: string, from?: LocatedNode): string | Unknown | undefined {
    const node = this.property(path, from);
    if (!node) return undefined;
    const resolved = resolveScalar(node, this.values);
    return resolved.ok ? String(resolved.value) : { unknown: `${path} cannot be resolved offline (${resolved.why})` };
  }

  string(path: string, from?: LocatedNode): string | undefined {
    return resolveString(this.property(path, from), this.values);
  }

  /** A numeric property; unset gives `fallback` (when given), unresolvable gives an Unknown. */
  number(path: string, fallback?: number, from?: LocatedNode): number | Unknown {
    const node = this.property(path, from);
    if (!node && fallback !== undefined) return fallback;
    const resolved = resolveNumber(node, this.values);
    return resolved.ok ? resolved.value : { unknown: `${path}: ${resolved.why}` };
  }

  boolean(path: string, from?: LocatedNode): boolean | undefined {
    return resolveBoolean(this.property(path, from), this.values);
  }

  /** The raw usage figure for `key`, if any was given (resource, type default or preset). */
  usage(key: string): number | undefined {
    this.usageKeys.add(key);
    return this.usageOf(key)?.value;
  }

  /** Adds a component whose quantity the template determines. */
  fixed(name: string, priceKey: string, quantity: number | Unknown, note?: string): void {
    this.add(name, priceKey, quantity, false, note);
  }

  /**
   * Adds a usage-based component: the figures named by `usageKeys`, read from the usage input,
   * turned into the price's unit by `toUnits` (e.g. requests -> millions). Any unknown figure
   * leaves the quantity unknown.
   */
  usageBased(name: string, priceKey: string, usageKeys: string | readonly string[], toUnits: (...values: number[]) => number | Unknown = (value) => value, note?: string): void {
    const keys = typeof usageKeys === 'string' ? [usageKeys] : usageKeys;
    for (const key of keys) this.usageKeys.add(key);
    const found = keys.map((key) => this.usageOf(key));
    const missing = keys.filter((_, index) => !found[index]);
    if (missing.length > 0) {
      this.add(name, priceKey, { unknown: `depends on usage (set ${missing.join(' and ')} in the usage file)` }, true, note);
      return;
    }
    const given = keys.map((key, index) => {
      const figure = found[index]!;
      return figure.source === 'resource' ? `${key} = ${figure.value}` : `${key} = ${figure.value} (${figure.source})`;
    });
    const usageNote = given.join(', ');
    this.add(name, priceKey, toUnits(...found.map((figure) => figure!.value)), true, note ? `${usageNote}; ${note}` : usageNote);
  }

  /** A caveat about the whole resource. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** Whether the region's table has `priceKey` (for pricers that choose between keys). */
  hasPrice(priceKey: string): boolean {
    return this.prices?.has(priceKey) ?? false;
  }

  private add(name: string, priceKey: string, quantity: number | Unknown, usageBased: boolean, note: string | undefined): void {
    const entry = this.prices?.get(priceKey);
    const known = typeof quantity === 'number';
    const notes: string[] = [];
    if (note) notes.push(note);
    if (this.factorNote) notes.push(this.factorNote);
    if (!entry) {
      // A `?` in the key: the property that selects the price (instance type...) is not resolvable.
      if (priceKey.includes('?')) notes.push(known ? `unknown: ${name} depends on a setting that cannot be resolved offline` : `unknown: ${quantity.unknown}`);
      else {
        notes.push(this.prices ? `unknown (no price for ${priceKeyLabel(priceKey)} in ${this.region})` : `unknown (no price for ${this.region})`);
        if (!known) notes.push(quantity.unknown);
      }
      this.components.push({ name, unit: '', quantity: known ? quantity : null, unitPrice: null, monthly: null, usageBased, source: undefined, note: notes.join('; ') });
      return;
    }
    const source = `${entry.source} (${entry.date})`;
    const factor = this.priceFactor;
    const firstPrice = (entry.tiers[0]?.price ?? 0) * factor;
    if (!known) {
      const perUnit = `$${formatPrice(firstPrice)} per ${entry.unit}${entry.tiers.length > 1 ? ' (first tier)' : ''}`;
      notes.push(quantity.unknown.startsWith('depends on usage') ? `${perUnit}, ${quantity.unknown}` : `${perUnit}; quantity unknown: ${quantity.unknown}`);
      this.components.push({ name, unit: entry.unit, quantity: null, unitPrice: firstPrice, monthly: null, usageBased, source, note: notes.join('; ') });
      return;
    }
    const monthly = tieredCost(quantity, entry.tiers) * factor;
    const unitPrice = entry.tiers.length > 1 && quantity > 0 ? monthly / quantity : firstPrice;
    if (entry.tiers.length > 1) notes.push('tiered price: each tier applies to its part of the quantity');
    this.components.push({ name, unit: entry.unit, quantity, unitPrice, monthly, usageBased, source, note: notes.length > 0 ? notes.join('; ') : undefined });
  }
}

function priceKeyLabel(priceKey: string): string {
  // `ec2.instance.t3.nano` -> `ec2 instance t3.nano`: readable without a second lookup table.
  const [service, kind, ...rest] = priceKey.split('.');
  return [service, kind, rest.join('.')].filter((part) => part).join(' ');
}

/** A price with its significant digits (`0.04048`, `0.0000166667`), no float noise or trailing zeros. */
export function formatPrice(price: number): string {
  return String(Number(price.toPrecision(6)));
}

export function isUnknown<T extends number | string>(value: T | Unknown): value is Unknown {
  return typeof value === 'object';
}
