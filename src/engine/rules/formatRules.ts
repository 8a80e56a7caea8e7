import { propertyIssueRule } from './resourceRules';

// Formats of ids and ARNs (the resource schemas' `format` keywords, data/constraints/,
// src/engine/formats/). Found by the shared property walk (src/engine/cfn/propertyCheck.ts with
// src/engine/constraints/constraintCheck.ts); each rule reports one kind.

/** Literal ids, ARNs, names and CIDRs of the wrong shape. */
export const valueFormatRule = propertyIssueRule(
  'cfn-value-format',
  'value-format',
  'Literal ids, ARNs, names and CIDR blocks must have the format the resource schema names (vpc-…, sg-…, ami-…, KMS key ids and ARNs, IAM role ARNs by partition, service, region and account...).',
);

/** Ref / GetAtt results of another format than the property expects. */
export const referenceFormatRule = propertyIssueRule(
  'cfn-reference-format',
  'reference-format',
  'A Ref or Fn::GetAtt must return what the property expects: a role ARN (not its name), a security group id (not a default-VPC group name), a VPC id (not a subnet id)...',
);
