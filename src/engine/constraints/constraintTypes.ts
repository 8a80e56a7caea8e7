/**
 * Value and combination constraints of CloudFormation resource properties, as
 * compiled from the resource provider schemas by scripts/buildConstraints.mjs
 * into data/constraints/ (see docs/catalog.md). Short field names keep the
 * checked-in data small; every field is optional and absent means "no constraint".
 */

/** Constraints on one value (a property, a list item, a map value) or one object. */
export interface ConstraintNode {
  /** Allowed values (numbers and booleans stringified). */
  readonly e?: readonly string[];
  /** 1 when {@link e} compares case-insensitively (cfn-lint's `enumCaseInsensitive`). */
  readonly ei?: 1;
  /** ECMAScript pattern the string must match (search semantics, like JSON Schema). */
  readonly p?: string;
  /**
   * Format(s) of the value (the schemas' `format` keyword: `AWS::EC2::VPC.Id`, `AWS::IAM::Role.Arn`,
   * `ipv4-network`...; src/engine/formats/formatCatalog.ts). A list is an `anyOf`: any one of them.
   * Checked on literal values and on what a `Ref` / `Fn::GetAtt` there returns.
   */
  readonly f?: FormatNames;
  /** Minimum / maximum string length in characters (code points). */
  readonly nl?: number;
  readonly xl?: number;
  /** Minimum / maximum numeric value (inclusive). */
  readonly n?: number;
  readonly x?: number;
  /** Minimum / maximum number of list items. */
  readonly ni?: number;
  readonly xi?: number;
  /** 1 when list items must be unique. */
  readonly u?: 1;
  /** Constraints on each list item. */
  readonly i?: ConstraintNode;
  /** Constraints on the properties of an object, by name. */
  readonly o?: Readonly<Record<string, ConstraintNode>>;
  /** Constraints on each value of a map. */
  readonly v?: ConstraintNode;
  /** Name of a definition of the same resource (in {@link ResourceConstraints.d}) whose constraints apply too. */
  readonly $?: string;
  /** Exactly one of these properties must be present (cfn-lint's `requiredXor`). */
  readonly rx?: readonly string[];
  /** When the key is present, none of the listed properties may be (`dependentExcluded`). */
  readonly ex?: Readonly<Record<string, readonly string[]>>;
  /** When the key is present, all the listed properties must be too (`dependentRequired` / `dependencies`). */
  readonly dr?: Readonly<Record<string, readonly string[]>>;
  /** `oneOf` of required groups: exactly one group must be complete. */
  readonly one?: readonly (readonly string[])[];
  /** `anyOf` of required groups: at least one group must be complete. */
  readonly any?: readonly (readonly string[])[];
  /** Conditionals (from cfn-lint's extension schemas): when a property has one of some values, more applies. */
  readonly c?: readonly Conditional[];
}

/**
 * `if` property {@link w} is one of {@link e} `then` {@link r} are required, {@link n} must not be
 * there and {@link o} constrain their values.
 */
export interface Conditional {
  readonly w: string;
  readonly e: readonly string[];
  readonly r?: readonly string[];
  readonly n?: readonly string[];
  readonly o?: Readonly<Record<string, ConstraintNode>>;
}

/** One format name, or several (any one of them). */
export type FormatNames = string | readonly string[];

/**
 * One resource type's constraints: the root object and its named definitions, and the
 * formats of what `Ref` and `Fn::GetAtt` return. Every type with a provider schema has an
 * entry (possibly `{ r: {} }`), so a type in the data is a type whose results are known.
 */
export interface ResourceConstraints {
  readonly r: ConstraintNode;
  readonly d?: Readonly<Record<string, ConstraintNode>>;
  /** Format(s) of the value `Ref` returns (the single primary identifier's); absent: a plain string. */
  readonly rf?: FormatNames;
  /** Attributes (`Arn`, `Endpoint.Address`) -> the format(s) `Fn::GetAtt` returns; 0 = known, no format. Absent attributes are unknown. */
  readonly ga?: Readonly<Record<string, FormatNames | 0>>;
}

/** Read access to the constraint data; implementations load shards lazily. */
export interface ConstraintSource {
  /** e.g. `cfn-lint 1.51.0, us-east-1 resource provider schemas`. */
  readonly version: string;
  /** A resource type's constraints, or undefined when it has none (or is unknown). */
  resource(type: string): ResourceConstraints | undefined;
}

/** One shard file (`AWS_EC2.json`): the constraints of every type of one service namespace. */
export interface ConstraintShard {
  readonly format: number;
  readonly types: Readonly<Record<string, ResourceConstraints>>;
}

/** `index.json` of the constraint data. */
export interface ConstraintIndex {
  readonly format: number;
  readonly source: string;
  /** Date the data was generated (YYYY-MM-DD). */
  readonly generated: string;
  /** Shard name (`AWS_EC2`) -> type names without namespace. */
  readonly shards: Readonly<Record<string, readonly string[]>>;
}
