// IAM policy documents wherever a template holds them (identity policies of users, groups and
// roles, role trust policies, bucket/queue/topic/key and other resource policies, SAM inline
// `Policies`), as mappings or JSON strings. Found through a table of policy paths per type
// (src/engine/iam/policyLocations.ts) and checked once per document by src/engine/iam/policyCheck.ts;
// each rule reports one kind of problem.
import type { Rule } from './rule';
import { issueKindRule } from './issueKindRule';
import { checkIamPolicies } from '../iam/policyCheck';
import type { IamIssueKind } from '../iam/iamIssues';

function iamIssueRule(id: string, kind: IamIssueKind, description: string): Rule {
  return issueKindRule(id, kind, description, ({ document, template, catalog }) => (template ? checkIamPolicies(document, template, catalog) : undefined));
}

/** Document and statement structure, Effect, and which elements a kind of policy takes. */
export const iamPolicyStructureRule = iamIssueRule(
  'cfn-iam-policy-structure',
  'policy-structure',
  'IAM policy documents need a Statement (typos such as Statemnt get a "did you mean"), a known Version, statements with Effect Allow or Deny, exactly one of Action/NotAction, exactly one of Resource/NotResource in identity and key/bucket/queue/topic policies, no Principal in identity policies, a Principal in trust and resource policies, no Resource in trust policies, and elements of the right type.',
);

/** Principal shapes. */
export const iamPrincipalRule = iamIssueRule(
  'cfn-iam-principal',
  'principal',
  "A Principal or NotPrincipal must be '*' or a mapping of AWS (account ids, IAM and STS ARNs, '*'), Service (service principals such as lambda.amazonaws.com), Federated or CanonicalUser (64 hexadecimal characters) to a value or a list.",
);

/** Sid uniqueness and characters. */
export const iamSidRule = iamIssueRule('cfn-iam-sid', 'sid', 'Statement ids (Sid) must be unique within a policy (S3 bucket and ECR policies excepted), and hold only letters and digits in IAM identity and trust policies.');

/** Condition operators and blocks. */
export const iamConditionRule = iamIssueRule(
  'cfn-iam-condition',
  'condition',
  'Condition blocks must use condition operators that exist (StringEquals, ArnLike, IpAddress..., with the ForAnyValue:/ForAllValues: prefixes and the IfExists suffix) and map condition keys to a value or a list of values; Null takes true or false.',
);

/** Action names. */
export const iamActionRule = iamIssueRule(
  'cfn-iam-action',
  'action',
  "Actions must read 'service:action' (or '*') with an IAM service prefix that exists; an action the service does not have, or a wildcard that matches none, is a warning with a \"did you mean\", as are actions of another service in an S3, SQS or SNS policy.",
);

/** Resource ARNs. */
export const iamResourceArnRule = iamIssueRule(
  'cfn-iam-resource-arn',
  'resource-arn',
  "Resource and NotResource values must be ARNs (arn:partition:service:region:account:resource) or '*'; an S3 bucket policy names its bucket's ARNs, not '*'.",
);
