import { propertyIssueRule } from './resourceRules';

// Value and combination constraints of the resource provider schemas (data/constraints/,
// docs/catalog.md). They are found by the shared property walk (src/engine/cfn/propertyCheck.ts
// with src/engine/constraints/constraintCheck.ts); each rule reports one kind.

/** Enumerated values (`VolumeType: gp3`). */
export const valueEnumRule = propertyIssueRule('cfn-value-enum', 'value-enum', 'Property values with a fixed set of allowed values (from the resource schemas) must use one of them; near misses get a "did you mean".');

/** Patterns of string values. */
export const valuePatternRule = propertyIssueRule('cfn-value-pattern', 'value-pattern', 'String property values must match the pattern the resource schema gives them (names, ARNs, ids, CIDRs...).');

/** String lengths. */
export const valueLengthRule = propertyIssueRule('cfn-value-length', 'value-length', 'String property values must respect the minimum and maximum length of the resource schema.');

/** Numeric ranges. */
export const valueRangeRule = propertyIssueRule('cfn-value-range', 'value-range', 'Numeric property values must lie within the minimum and maximum of the resource schema.');

/** List sizes and uniqueness. */
export const arraySizeRule = propertyIssueRule('cfn-array-size', 'array-size', 'Lists must have as many items as the resource schema allows (minItems/maxItems) and no repeated item where items must be unique.');

/** Properties that cannot be used together. */
export const propertyExclusiveRule = propertyIssueRule('cfn-property-exclusive', 'property-exclusive', 'Properties the resource schema makes mutually exclusive must not be used together (e.g. CidrIp and SourceSecurityGroupId in one ingress rule).');

/** Properties that need other properties. */
export const propertyDependencyRule = propertyIssueRule('cfn-property-dependency', 'property-dependency', 'A property that the resource schema ties to others needs those others too (e.g. a CloudFront ViewerCertificate AcmCertificateArn needs SslSupportMethod).');

/** One of several properties (or groups of properties) is required. */
export const propertyOneOfRule = propertyIssueRule('cfn-property-one-of', 'property-one-of', 'Where the resource schema requires one of several properties (or groups), at least one, or exactly one, must be given.');
