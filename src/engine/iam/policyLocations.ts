/**
 * Where IAM policy documents live in a template: a table of resource type -> property paths,
 * each with the kind of policy it holds. Only these paths are visited (no walk of the whole
 * tree); an `Fn::If` on the way is followed into both branches, any other function is opaque.
 */
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry, TemplateModel } from '../cfn/template';

/** Identity policies (attached to a user, group or role), role trust policies, resource policies. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** How one place checks its policies. */
export interface PolicyProfile {
  readonly kind: PolicyKind;
  /** Every statement needs exactly one of Resource / NotResource. */
  readonly resourceRequired: boolean;
  /** Every statement needs exactly one of Principal / NotPrincipal (false: optional, never forbidden). */
  readonly principalRequired: boolean;
  /** Repeated Sids: an error (IAM refuses them), a warning, or allowed (S3 bucket policies). */
  readonly uniqueSid: 'error' | 'warning' | 'off';
  /** The only service prefixes the policy's actions may name (cfn-lint W3037), if limited. */
  readonly actionServices?: readonly string[];
  /** Whether `Resource: "*"` is accepted (S3 bucket policies need ARNs). */
  readonly resourceWildcard: boolean;
}

const IDENTITY: PolicyProfile = { kind: 'identity', resourceRequired: true, principalRequired: false, uniqueSid: 'error', resourceWildcard: true };
const TRUST: PolicyProfile = { kind: 'trust', resourceRequired: false, principalRequired: true, uniqueSid: 'error', resourceWildcard: true };
/** Resource policies cfn-lint checks with its resource schema (E3512): Resource required, Sids unique. */
const RESOURCE_STRICT: PolicyProfile = { kind: 'resource', resourceRequired: true, principalRequired: true, uniqueSid: 'error', resourceWildcard: true };
/** Other resource policies: a principal is needed; a missing Resource means "this resource". */
const RESOURCE: PolicyProfile = { kind: 'resource', resourceRequired: false, principalRequired: true, uniqueSid: 'warning', resourceWildcard: true };

/** One policy place: a property path (`*` = every list item) and its profile. */
interface PolicyPath {
  readonly path: readonly string[];
  readonly profile: PolicyProfile;
}

const at = (path: string, profile: PolicyProfile): PolicyPath => ({ path: path.split('.'), profile });

/**
 * Type -> policy paths. The first block is cfn-lint's (E3510, E3512, E3513, E3530); the rest
 * are the resource policies of the provider schemas that take an IAM policy document.
 */
const POLICY_PATHS: ReadonlyMap<string, readonly PolicyPath[]> = new Map<string, PolicyPath[]>([
  ['AWS::IAM::Policy', [at('PolicyDocument', IDENTITY)]],
  ['AWS::IAM::ManagedPolicy', [at('PolicyDocument', IDENTITY)]],
  ['AWS::IAM::UserPolicy', [at('PolicyDocument', IDENTITY)]],
  ['AWS::IAM::RolePolicy', [at('PolicyDocument', IDENTITY)]],
  ['AWS::IAM::GroupPolicy', [at('PolicyDocument', IDENTITY)]],
  ['AWS::IAM::User', [at('Policies.*.PolicyDocument', IDENTITY)]],
  ['AWS::IAM::Group', [at('Policies.*.PolicyDocument', IDENTITY)]],
  ['AWS::IAM::Role', [at('Policies.*.PolicyDocument', IDENTITY), at('AssumeRolePolicyDocument', TRUST)]],
  ['AWS::SSO::PermissionSet', [at('InlinePolicy', IDENTITY)]],
  ['AWS::S3::BucketPolicy', [at('PolicyDocument', { ...RESOURCE_STRICT, uniqueSid: 'off', actionServices: ['s3'], resourceWildcard: false })]],
  ['AWS::SQS::QueuePolicy', [at('PolicyDocument', { ...RESOURCE_STRICT, actionServices: ['sqs'] })]],
  ['AWS::SNS::TopicPolicy', [at('PolicyDocument', { ...RESOURCE_STRICT, actionServices: ['sns'] })]],
  ['AWS::KMS::Key', [at('KeyPolicy', RESOURCE_STRICT)]],
  ['AWS::OpenSearchService::Domain', [at('AccessPolicies', RESOURCE_STRICT)]],
  ['AWS::ECR::Repository', [at('RepositoryPolicyText', { ...RESOURCE, uniqueSid: 'off' })]],
  // Resource policies beyond cfn-lint's list.
  ['AWS::KMS::ReplicaKey', [at('KeyPolicy', RESOURCE_STRICT)]],
  ['AWS::Elasticsearch::Domain', [at('AccessPolicies', RESOURCE_STRICT)]],
  ['AWS::ECR::PublicRepository', [at('RepositoryPolicyText', { ...RESOURCE, uniqueSid: 'off' })]],
  ['AWS::ECR::RegistryPolicy', [at('PolicyText', { ...RESOURCE, uniqueSid: 'off' })]],
  ['AWS::SecretsManager::ResourcePolicy', [at('ResourcePolicy', RESOURCE)]],
  ['AWS::ApiGateway::RestApi', [at('Policy', RESOURCE)]],
  ['AWS::Backup::BackupVault', [at('AccessPolicy', RESOURCE)]],
  ['AWS::EFS::FileSystem', [at('FileSystemPolicy', RESOURCE)]],
  ['AWS::Events::EventBus', [at('Policy', RESOURCE)]],
  ['AWS::Logs::ResourcePolicy', [at('PolicyDocument', RESOURCE)]],
  ['AWS::Logs::Destination', [at('DestinationPolicy', RESOURCE)]],
  ['AWS::CodeArtifact::Domain', [at('PermissionsPolicyDocument', RESOURCE)]],
  ['AWS::CodeArtifact::Repository', [at('PermissionsPolicyDocument', RESOURCE)]],
  ['AWS::DynamoDB::Table', [at('ResourcePolicy.PolicyDocument', RESOURCE), at('StreamSpecification.ResourcePolicy.PolicyDocument', RESOURCE)]],
  ['AWS::Kinesis::ResourcePolicy', [at('ResourcePolicy', RESOURCE)]],
  ['AWS::MSK::ClusterPolicy', [at('Policy', RESOURCE)]],
  ['AWS::S3::AccessPoint', [at('Policy', RESOURCE)]],
  ['AWS::S3Express::BucketPolicy', [at('PolicyDocument', RESOURCE)]],
  // A VPC endpoint policy without a principal applies to every principal.
  ['AWS::EC2::VPCEndpoint', [at('PolicyDocument', { ...RESOURCE, principalRequired: false })]],
]);

/** The policy paths of every type, as dotted paths (for tests that check them against the catalogue). */
export function policyPathTable(): ReadonlyArray<{ readonly type: string; readonly path: string; readonly kind: PolicyKind }> {
  return [...POLICY_PATHS].flatMap(([type, paths]) => paths.map((p) => ({ type, path: p.path.join('.'), kind: p.profile.kind })));
}

/** SAM resources whose `Policies` may hold inline identity policy documents. */
const SAM_POLICIES_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);
/** SAM resources with a role trust policy. */
const SAM_TRUST_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** One policy document found in the template. */
export interface PolicySite {
  readonly resource: ResourceEntry;
  readonly profile: PolicyProfile;
  /** The document: a mapping, or a string holding JSON. */
  readonly node: LocatedNode;
}

/** `Fn::If` nesting followed at most (deeper ones are left unchecked). */
const MAX_IF_DEPTH = 8;

/** The values a node may take: each `Fn::If` branch; `AWS::NoValue` and other functions give none. */
export function possibleValues(node: LocatedNode, out: LocatedNode[] = [], depth = 0): LocatedNode[] {
  const call = asIntrinsic(node);
  if (call === undefined) {
    out.push(node);
    return out;
  }
  if (call.name === 'Fn::If' && call.argument.kind === 'sequence' && call.argument.items.length === 3 && depth < MAX_IF_DEPTH) {
    possibleValues(call.argument.items[1]!, out, depth + 1);
    possibleValues(call.argument.items[2]!, out, depth + 1);
  }
  return out;
}

function follow(node: LocatedNode, path: readonly string[], index: number, visit: (node: LocatedNode) => void): void {
  for (const value of possibleValues(node)) {
    if (index === path.length) {
      visit(value);
      continue;
    }
    const segment = path[index]!;
    if (segment === '*') {
      if (value.kind === 'sequence') for (const item of value.items) follow(item, path, index + 1, visit);
      continue;
    }
    const next = getValue(value, segment);
    if (next !== undefined) follow(next, path, index + 1, visit);
  }
}

/** Whether a SAM `Policies` entry is an inline policy document (not a policy name or a policy template). */
function isInlineDocument(node: LocatedNode): boolean {
  return node.kind === 'mapping' && node.pairs.some((pair) => pair.key.text === 'Statement' || pair.key.text === 'Version');
}

const cache = new WeakMap<TemplateModel, readonly PolicySite[]>();

/** Every policy document of the template's resources, computed once per template. */
export function policySites(template: TemplateModel): readonly PolicySite[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const sites: PolicySite[] = [];
  for (const resource of template.resources.values()) {
    const type = resource.type;
    const properties = resource.properties;
    if (type === undefined || properties === undefined) continue;
    for (const { path, profile } of POLICY_PATHS.get(type) ?? []) {
      follow(properties, path, 0, (node) => sites.push({ resource, profile, node }));
    }
    if (SAM_POLICIES_TYPES.has(type)) {
      follow(properties, ['Policies'], 0, (policies) => {
        const entries = policies.kind === 'sequence' ? policies.items.flatMap((item) => possibleValues(item)) : [policies];
        for (const entry of entries) if (isInlineDocument(entry)) sites.push({ resource, profile: IDENTITY, node: entry });
      });
    }
    if (SAM_TRUST_TYPES.has(type)) follow(properties, ['AssumeRolePolicyDocument'], 0, (node) => sites.push({ resource, profile: TRUST, node }));
  }
  cache.set(template, sites);
  return sites;
}
