/** One line of a resource's monthly bill. */
export interface CostComponent {
  readonly name: string;
  /** The unit the price is per (`GB-month`, `1M requests`...). */
  readonly unit: string;
  /** Monthly quantity in `unit`s; null when it depends on usage nobody gave. */
  readonly quantity: number | null;
  /**
   * Price per unit: with a known quantity across tiers, the effective (blended) price; with an
   * unknown quantity, the first tier's. Null when the region has no price for it.
   */
  readonly unitPrice: number | null;
  /** quantity priced through the tiers; null when the quantity or the price is unknown (left out of totals). */
  readonly monthly: number | null;
  /** True when the quantity comes from usage (usage file or preset) rather than the template. */
  readonly usageBased: boolean;
  /** Where the price comes from (and its date). */
  readonly source: string | undefined;
  /** Why a figure is what it is: assumptions, "depends on usage", "no price for REGION". */
  readonly note: string | undefined;
}

/** The estimate of one resource. */
export interface ResourceCost {
  readonly logicalId: string;
  readonly type: string;
  /** For SAM types, the CloudFormation type it was priced as. */
  readonly pricedAs: string;
  /** Offset of the logical id in the template (for code lenses and reports). */
  readonly offset: number;
  /** Costs nothing by itself (IAM, routes, security groups, permissions...). */
  readonly free: boolean;
  /** False when the engine has no pricer for the type yet (neither priced nor known free). */
  readonly supported: boolean;
  readonly components: readonly CostComponent[];
  /** The usage figures its pricer reads (`monthlyRequests`...), for editors of the usage file. */
  readonly usageKeys: readonly string[];
  /** Assumptions and caveats about this resource (unresolvable properties, conditions...). */
  readonly notes: readonly string[];
  readonly monthly: {
    /** Sum of the priced template-determined components; null for a type not priced yet (never a fake $0). */
    readonly fixed: number | null;
    /** Sum of usage-based components; null when any of them has unknown usage (or the type is not priced yet). */
    readonly usage: number | null;
  };
}

/** The estimate of a template. */
export interface CostEstimate {
  readonly currency: 'USD';
  readonly region: string;
  readonly priceDate: string;
  readonly monthly: {
    readonly fixed: number;
    /** Sum of known usage-based components; null when usage was needed and none was known. */
    readonly usage: number | null;
    readonly total: number;
  };
  /** Components left out of the total (unknown usage or no price), so a reader knows it is partial. */
  readonly leftOut: number;
  readonly resources: readonly ResourceCost[];
  /** Resources not created under the given parameters (a condition evaluates to false). */
  readonly notCreated: readonly string[];
  /** Template-wide assumptions (free tier off, hours per month...). */
  readonly assumptions: readonly string[];
}
