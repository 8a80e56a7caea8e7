// CodeArtifact (restJson1) for the local AWS-protocol server: domains, repositories and packages
// with their origin controls, in memory. The wire format is the SDK's
// (node_modules/@aws-sdk/client-codeartifact/dist-cjs/index.js, the `[_ht]: [method, path]`
// traits and `[_hQ]` query names): every identifier travels in the query string
// (`domain`, `domain-owner`, `repository`, `max-results`, `next-token`, ...), page sizes and
// tokens too; only list filters of some operations use the JSON body. Errors are
// `x-amzn-errortype: <Code>` + `{"message", ...members}` with the error's status
// (ResourceNotFoundException 404 with `resourceType`, ValidationException 400, Throttling 429).
//
// To add an operation (e.g. DeletePackage, DELETE /v1/package):
//  1. find it in dist-cjs/index.js: `var DeletePackage$ = [9, n0, _DPel, { [_ht]: ["DELETE",
//     "/v1/package", 200] }, ...]` and its request shape `DeletePackageRequest$`, whose members
//     with `[_hQ]: _do` travel as query name "domain-owner"; members without `[_hQ]` are JSON body
//     members (PutPackageOriginConfiguration's `restrictions`);
//  2. add an entry to `operations` below: `http: { method, path, query: { wire-name: member } }`,
//     `input`: required members (no `?` in dist-types/models/models_0.d.ts), enums (enums.d.ts),
//     limits (the API reference: lengths, `maxResults` ranges), `members` for a structure;
//     test/unit/aws/localServer.models.test.ts then checks the model against the SDK;
//  3. the handler gets the members by name and returns the output object (timestamps as epoch
//     seconds); throw `notFound(...)` / `new ServiceError('ConflictException', ..., 409)` for errors;
//  4. test it through the real client: test/unit/aws/localServer.codeArtifact.test.ts.
import { PackageFormat } from '@aws-sdk/client-codeartifact';
import type { InputModel, MemberRule } from '../core/inputModel';
import { takePage } from '../core/paging';
import type { OperationInput, ServiceDefinition } from '../core/service';
import { ServiceError } from '../core/serviceError';

export type OriginRestriction = 'ALLOW' | 'BLOCK';

export interface CodeArtifactPackage {
  readonly format: PackageFormat;
  /** npm scope (without @), Maven groupId, generic namespace; none for pypi, nuget, ruby, cargo. */
  readonly namespace?: string;
  readonly name: string;
  origin: { publish: OriginRestriction; upstream: OriginRestriction };
  /**
   * Versions and where each came from (ListPackageVersions). Absent: one version `1.0.0` whose
   * origin follows the package's defaults (upstream-only packages came from EXTERNAL, the rest were
   * published: INTERNAL). A phantom package (created by PutPackageOriginConfiguration) has none.
   */
  versions?: { readonly version: string; readonly origin: 'INTERNAL' | 'EXTERNAL' | 'UNKNOWN' }[];
}

export interface CodeArtifactRepository {
  readonly name: string;
  readonly packages: CodeArtifactPackage[];
  readonly description?: string;
  /** Upstream repositories (names in the same domain), in search order. */
  readonly upstreams?: readonly string[];
  /** External connections, e.g. `public:npmjs`. */
  readonly externalConnections?: readonly string[];
}

export type GroupRestrictionMode = 'ALLOW' | 'ALLOW_SPECIFIC_REPOSITORIES' | 'BLOCK' | 'INHERIT';
export type GroupRestrictionType = 'PUBLISH' | 'EXTERNAL_UPSTREAM' | 'INTERNAL_UPSTREAM';

/** A package group: a pattern such as `/npm/acme/*` and its own origin modes (absent: INHERIT). */
export interface CodeArtifactPackageGroup {
  readonly pattern: string;
  readonly description?: string;
  readonly modes: Partial<Record<GroupRestrictionType, GroupRestrictionMode>>;
}

export interface CodeArtifactDomain {
  readonly name: string;
  readonly owner: string;
  /** Epoch milliseconds. */
  readonly createdTime: number;
  readonly repositories: CodeArtifactRepository[];
  /** Besides the root group `/*` (ALLOW for every type), which every domain has. Create/Delete change it. */
  packageGroups?: CodeArtifactPackageGroup[];
}

const ACCOUNT = '123456789012';
const FORMATS: readonly string[] = Object.values(PackageFormat);
const RESTRICTIONS = ['ALLOW', 'BLOCK'];

/** A small account: domain `acme` (repositories `npm-store` with 25 npm packages, `internal` with mixed formats) and an empty domain `sandbox`. */
export function codeArtifactFixture(): CodeArtifactDomain[] {
  const npm: CodeArtifactPackage[] = Array.from({ length: 25 }, (_, i) => ({
    format: 'npm',
    ...(i % 5 === 0 ? { namespace: 'acme' } : {}),
    name: `pkg-${String(i).padStart(2, '0')}`,
    // The pre-2022 default (ALLOW/ALLOW) on every third package: the risky "mixed" state.
    origin: i % 3 === 0 ? { publish: 'ALLOW', upstream: 'ALLOW' } : { publish: 'BLOCK', upstream: 'ALLOW' },
  }));
  const internal: CodeArtifactPackage[] = [
    { format: 'npm', namespace: 'acme', name: 'billing-client', origin: { publish: 'ALLOW', upstream: 'BLOCK' } },
    { format: 'pypi', name: 'acme-etl', origin: { publish: 'ALLOW', upstream: 'BLOCK' } },
    { format: 'maven', namespace: 'com.acme', name: 'orders-core', origin: { publish: 'ALLOW', upstream: 'BLOCK' } },
    { format: 'generic', namespace: 'tools', name: 'deploy-kit', origin: { publish: 'ALLOW', upstream: 'ALLOW' } },
  ];
  return [
    {
      name: 'acme',
      owner: ACCOUNT,
      createdTime: Date.UTC(2025, 0, 15),
      packageGroups: [{ pattern: '/npm/acme/*', description: 'Acme npm scope', modes: { PUBLISH: 'ALLOW', EXTERNAL_UPSTREAM: 'BLOCK' } }],
      repositories: [{ name: 'npm-store', packages: npm, externalConnections: ['public:npmjs'] }, { name: 'internal', packages: internal, upstreams: ['npm-store'], description: 'Packages built here' }],
    },
    { name: 'sandbox', owner: ACCOUNT, createdTime: Date.UTC(2026, 2, 1), repositories: [] },
  ];
}

/** A token bucket: `perSecond` calls a second, bursts up to one second's worth. */
class RateBucket {
  private tokens: number;
  private at = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class CodeArtifactState {
  private readBucket: RateBucket | undefined;
  private writeBucket: RateBucket | undefined;
  /** Calls answered ThrottlingException by the quota (not by injected faults). */
  readonly throttled = { reads: 0, writes: 0 };
  /** Successful PutPackageOriginConfiguration calls per package (`format/namespace/name`): a bench checks none is lost or repeated. */
  readonly writesByPackage = new Map<string, number>();
  /** Successful UpdatePackageGroupOriginConfiguration calls (a restore test checks none is repeated). */
  groupWrites = 0;

  constructor(
    readonly domains: CodeArtifactDomain[] = codeArtifactFixture(),
    readonly region = 'us-east-1',
  ) {}

  /** The account's request quotas, as AWS enforces them (about 100 writes/s, 800 reads/s); none by default. */
  setQuota(quota: { readonly readsPerSecond?: number; readonly writesPerSecond?: number }): void {
    this.readBucket = quota.readsPerSecond ? new RateBucket(quota.readsPerSecond) : undefined;
    this.writeBucket = quota.writesPerSecond ? new RateBucket(quota.writesPerSecond) : undefined;
  }

  /** Throws the service's ThrottlingException when the quota of `kind` is used up. */
  spend(kind: 'read' | 'write'): void {
    const bucket = kind === 'read' ? this.readBucket : this.writeBucket;
    if (bucket && !bucket.take()) {
      this.throttled[kind === 'read' ? 'reads' : 'writes'] += 1;
      throw new ServiceError('ThrottlingException', 'Rate exceeded', 429);
    }
  }

  domain(input: OperationInput): CodeArtifactDomain {
    const found = this.domains.find((d) => d.name === input.domain && (input.domainOwner === undefined || input.domainOwner === d.owner));
    if (found === undefined) throw notFound('domain', String(input.domain));
    return found;
  }

  repository(input: OperationInput): CodeArtifactRepository {
    const found = this.domain(input).repositories.find((r) => r.name === input.repository);
    if (found === undefined) throw notFound('repository', String(input.repository));
    return found;
  }
}

export function notFound(resourceType: 'domain' | 'repository' | 'package' | 'package-group', resourceId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `${resourceType} ${resourceId} not found`, 404, { resourceId, resourceType });
}

// Member rules from the API reference (dist-types carry no limits).
const DOMAIN: MemberRule = { required: true, length: [2, 50], pattern: /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/ };
const DOMAIN_OWNER: MemberRule = { length: [12, 12], pattern: /^[0-9]{12}$/ };
const REPOSITORY: MemberRule = { required: true, length: [2, 100], pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/ };
const MAX_RESULTS: MemberRule = { type: 'integer', range: [1, 1000] };
const NEXT_TOKEN: MemberRule = { length: [1, 2000] };
/** The package format an external connection serves (`public:npmjs` -> npm). */
const CONNECTION_FORMATS: Readonly<Record<string, string>> = { 'public:npmjs': 'npm', 'public:pypi': 'pypi', 'public:maven-central': 'maven', 'public:nuget-org': 'nuget', 'public:crates-io': 'cargo' };

function repositoryArn(region: string, domain: CodeArtifactDomain, repository: CodeArtifactRepository): string {
  return `arn:aws:codeartifact:${region}:${domain.owner}:repository/${domain.name}/${repository.name}`;
}

/** The members ListRepositoriesInDomain and DescribeRepository share. */
function repositorySummary(region: string, domain: CodeArtifactDomain, r: CodeArtifactRepository): Record<string, unknown> {
  return {
    name: r.name,
    administratorAccount: domain.owner,
    domainName: domain.name,
    domainOwner: domain.owner,
    arn: repositoryArn(region, domain, r),
    ...(r.description !== undefined ? { description: r.description } : {}),
  };
}

const PACKAGE_LOCATION = { domain: 'domain', 'domain-owner': 'domainOwner', repository: 'repository', format: 'format', namespace: 'namespace', package: 'package' };

/** Where one package is: DescribePackage, PutPackageOriginConfiguration, DeletePackage... */
const PACKAGE_INPUT: InputModel = {
  domain: DOMAIN,
  domainOwner: DOMAIN_OWNER,
  repository: REPOSITORY,
  format: { required: true, enum: FORMATS },
  namespace: { length: [1, 255] },
  package: { required: true, length: [1, 255] },
};

function originConfiguration(p: CodeArtifactPackage): unknown {
  return { restrictions: { publish: p.origin.publish, upstream: p.origin.upstream } };
}

/** A package's versions as ListPackageVersions reports them (see `CodeArtifactPackage.versions`). */
export function packageVersions(p: CodeArtifactPackage): readonly { readonly version: string; readonly origin: 'INTERNAL' | 'EXTERNAL' | 'UNKNOWN' }[] {
  if (p.versions) return p.versions;
  return [{ version: '1.0.0', origin: p.origin.publish === 'BLOCK' && p.origin.upstream === 'ALLOW' ? 'EXTERNAL' : 'INTERNAL' }];
}

function byCoordinates(a: CodeArtifactPackage, b: CodeArtifactPackage): number {
  const key = (p: CodeArtifactPackage): string => `${p.format}\u0000${p.namespace ?? ''}\u0000${p.name}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

const ROOT_GROUP: CodeArtifactPackageGroup = { pattern: '/*', description: 'Root package group', modes: { PUBLISH: 'ALLOW', EXTERNAL_UPSTREAM: 'ALLOW', INTERNAL_UPSTREAM: 'ALLOW' } };
const GROUP_TYPES: readonly GroupRestrictionType[] = ['PUBLISH', 'EXTERNAL_UPSTREAM', 'INTERNAL_UPSTREAM'];
const GROUP_MODES: readonly string[] = ['ALLOW', 'ALLOW_SPECIFIC_REPOSITORIES', 'BLOCK', 'INHERIT'];
const GROUP_LOCATION = { domain: 'domain', 'domain-owner': 'domainOwner', 'package-group': 'packageGroup' };
// The API reference: a pattern of 2-520 characters; its syntax is checked by the handlers.
const PACKAGE_GROUP: MemberRule = { required: true, length: [2, 520] };
const GROUP_INPUT: InputModel = { domain: DOMAIN, domainOwner: DOMAIN_OWNER, packageGroup: PACKAGE_GROUP };
/** The pattern syntax of the user guide (`/*`, `/npm/*`, `/maven/com.acme~`, `/npm/acme/*`, `/npm/acme/ui-~`, `/npm/acme/ui$`). */
const GROUP_PATTERN = /^\/(\*|[a-z]+\/(\*|[^/]+~)|[a-z]+\/[^/]*\/(\*|[^/]+[~$]))$/;

/** A group as PackageGroupDescription: its own modes and the effective ones (INHERIT resolves to the root group's ALLOW). */
function groupDescription(region: string, domain: CodeArtifactDomain, g: CodeArtifactPackageGroup): Record<string, unknown> {
  const arn = (group: CodeArtifactPackageGroup): string => `arn:aws:codeartifact:${region}:${domain.owner}:package-group/${domain.name}${group.pattern}`;
  return {
    arn: arn(g),
    pattern: g.pattern,
    domainName: domain.name,
    domainOwner: domain.owner,
    createdTime: domain.createdTime / 1000,
    ...(g.description !== undefined ? { description: g.description } : {}),
    originConfiguration: {
      restrictions: Object.fromEntries(
        GROUP_TYPES.map((type) => {
          const mode = g.modes[type] ?? 'INHERIT';
          // Simplification: groups inherit from the root group, whose modes are ALLOW.
          const inherited = mode === 'INHERIT';
          return [type, { mode, effectiveMode: inherited ? 'ALLOW' : mode, ...(inherited ? { inheritedFrom: { arn: arn(ROOT_GROUP), pattern: ROOT_GROUP.pattern } } : {}), repositoriesCount: 0 }];
        }),
      ),
    },
    ...(g !== ROOT_GROUP ? { parent: { arn: arn(ROOT_GROUP), pattern: ROOT_GROUP.pattern } } : {}),
  };
}

function findGroup(domain: CodeArtifactDomain, pattern: unknown): CodeArtifactPackageGroup {
  const found = pattern === ROOT_GROUP.pattern ? ROOT_GROUP : (domain.packageGroups ?? []).find((g) => g.pattern === pattern);
  if (found === undefined) throw notFound('package-group', String(pattern));
  return found;
}

const listPackagesInput: InputModel = {
  domain: DOMAIN,
  domainOwner: DOMAIN_OWNER,
  repository: REPOSITORY,
  format: { enum: FORMATS },
  namespace: { length: [1, 255] },
  packagePrefix: { length: [1, 255] },
  maxResults: MAX_RESULTS,
  nextToken: NEXT_TOKEN,
  publish: { enum: RESTRICTIONS },
  upstream: { enum: RESTRICTIONS },
};

export function codeArtifactService(state: CodeArtifactState): ServiceDefinition {
  const invalidToken = (): ServiceError => new ServiceError('ValidationException', 'The pagination token is not valid.', 400, { reason: 'FIELD_VALIDATION_FAILED' });
  return {
    name: 'codeartifact',
    protocol: 'restJson1',
    tokenMember: 'nextToken',
    errors: {
      validation: { code: 'ValidationException', status: 400, message: 'Validation failed' },
      serialization: { code: 'ValidationException', status: 400, message: 'Could not parse the request' },
      throttle: { code: 'ThrottlingException', status: 429, message: 'Rate exceeded' },
      expiredToken: { code: 'ExpiredTokenException', status: 403, message: 'The security token included in the request is expired' },
      accessDenied: { code: 'AccessDeniedException', status: 403, message: 'User is not authorized to perform this action' },
      serverError: { code: 'InternalServerException', status: 500, message: 'An internal error occurred' },
      unknownOperation: { code: 'UnknownOperationException', status: 404, message: 'Unknown operation' },
      invalidToken,
    },
    operations: {
      ListDomains: {
        http: { method: 'POST', path: '/v1/domains' },
        input: { maxResults: MAX_RESULTS, nextToken: NEXT_TOKEN },
        handle(input) {
          const size = typeof input.maxResults === 'number' ? input.maxResults : 100;
          const sorted = [...state.domains].sort((a, b) => (a.name < b.name ? -1 : 1));
          const { page, nextToken } = takePage(sorted, { scope: 'ListDomains', token: input.nextToken as string | undefined, size, invalid: invalidToken });
          return {
            domains: page.map((d) => ({
              name: d.name,
              owner: d.owner,
              arn: `arn:aws:codeartifact:${state.region}:${d.owner}:domain/${d.name}`,
              status: 'Active',
              createdTime: d.createdTime / 1000,
              encryptionKey: `arn:aws:kms:${state.region}:${d.owner}:key/00000000-0000-4000-8000-000000000001`,
            })),
            ...(nextToken !== undefined ? { nextToken } : {}),
          };
        },
      },
      ListRepositoriesInDomain: {
        http: { method: 'POST', path: '/v1/domain/repositories', query: { domain: 'domain', 'domain-owner': 'domainOwner', 'administrator-account': 'administratorAccount', 'repository-prefix': 'repositoryPrefix', 'max-results': 'maxResults', 'next-token': 'nextToken' } },
        input: { domain: DOMAIN, domainOwner: DOMAIN_OWNER, administratorAccount: DOMAIN_OWNER, repositoryPrefix: { length: [2, 100] }, maxResults: MAX_RESULTS, nextToken: NEXT_TOKEN },
        handle(input) {
          const domain = state.domain(input);
          const prefix = typeof input.repositoryPrefix === 'string' ? input.repositoryPrefix : '';
          const sorted = domain.repositories.filter((r) => r.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
          const size = typeof input.maxResults === 'number' ? input.maxResults : 100;
          const { page, nextToken } = takePage(sorted, { scope: `ListRepositoriesInDomain/${domain.name}`, token: input.nextToken as string | undefined, size, invalid: invalidToken });
          return {
            repositories: page.map((r) => ({
              ...repositorySummary(state.region, domain, r),
              createdTime: domain.createdTime / 1000,
            })),
            ...(nextToken !== undefined ? { nextToken } : {}),
          };
        },
      },
      DescribeRepository: {
        http: { method: 'GET', path: '/v1/repository', query: { domain: 'domain', 'domain-owner': 'domainOwner', repository: 'repository' } },
        input: { domain: DOMAIN, domainOwner: DOMAIN_OWNER, repository: REPOSITORY },
        handle(input) {
          const domain = state.domain(input);
          const r = state.repository(input);
          return {
            repository: {
              ...repositorySummary(state.region, domain, r),
              upstreams: (r.upstreams ?? []).map((repositoryName) => ({ repositoryName })),
              externalConnections: (r.externalConnections ?? []).map((externalConnectionName) => ({ externalConnectionName, packageFormat: Object.hasOwn(CONNECTION_FORMATS, externalConnectionName) ? CONNECTION_FORMATS[externalConnectionName] : 'generic', status: 'Available' })),
              createdTime: domain.createdTime / 1000,
            },
          };
        },
      },
      ListPackageGroups: {
        http: { method: 'POST', path: '/v1/package-groups', query: { domain: 'domain', 'domain-owner': 'domainOwner', 'max-results': 'maxResults', 'next-token': 'nextToken', prefix: 'prefix' } },
        input: { domain: DOMAIN, domainOwner: DOMAIN_OWNER, maxResults: MAX_RESULTS, nextToken: NEXT_TOKEN, prefix: { length: [2, 520] } },
        handle(input) {
          const domain = state.domain(input);
          const prefix = typeof input.prefix === 'string' ? input.prefix : '';
          const groups = [ROOT_GROUP, ...(domain.packageGroups ?? [])].filter((g) => g.pattern.startsWith(prefix)).sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
          const size = typeof input.maxResults === 'number' ? input.maxResults : 100;
          const { page, nextToken } = takePage(groups, { scope: `ListPackageGroups/${domain.name}`, token: input.nextToken as string | undefined, size, invalid: invalidToken });
          return {
            packageGroups: page.map((g) => groupDescription(state.region, domain, g)),
            ...(nextToken !== undefined ? { nextToken } : {}),
          };
        },
      },
      DescribePackageGroup: {
        http: { method: 'GET', path: '/v1/package-group', query: GROUP_LOCATION },
        input: GROUP_INPUT,
        handle(input) {
          state.spend('read');
          const domain = state.domain(input);
          return { packageGroup: groupDescription(state.region, domain, findGroup(domain, input.packageGroup)) };
        },
      },
      CreatePackageGroup: {
        // packageGroup and description travel in the JSON body (no `[_hQ]` trait on them).
        http: { method: 'POST', path: '/v1/package-group', query: { domain: 'domain', 'domain-owner': 'domainOwner' } },
        input: { ...GROUP_INPUT, contactInfo: { length: [0, 1000] }, description: { length: [0, 1000] }, tags: { type: 'list' } },
        handle(input) {
          state.spend('write');
          const domain = state.domain(input);
          const pattern = String(input.packageGroup);
          if (!GROUP_PATTERN.test(pattern)) throw new ServiceError('ValidationException', `Invalid package group pattern ${pattern}`, 400, { reason: 'FIELD_VALIDATION_FAILED' });
          if (pattern === ROOT_GROUP.pattern || (domain.packageGroups ?? []).some((g) => g.pattern === pattern)) {
            throw new ServiceError('ConflictException', `Package group ${pattern} already exists`, 409, { resourceId: pattern, resourceType: 'package-group' });
          }
          const group: CodeArtifactPackageGroup = { pattern, ...(typeof input.description === 'string' ? { description: input.description } : {}), modes: {} };
          (domain.packageGroups ??= []).push(group);
          return { packageGroup: groupDescription(state.region, domain, group) };
        },
      },
      UpdatePackageGroupOriginConfiguration: {
        http: { method: 'PUT', path: '/v1/package-group-origin-configuration', query: GROUP_LOCATION },
        input: { ...GROUP_INPUT, restrictions: { type: 'structure', members: Object.fromEntries(GROUP_TYPES.map((t) => [t, { enum: GROUP_MODES }])) }, addAllowedRepositories: { type: 'list' }, removeAllowedRepositories: { type: 'list' } },
        handle(input) {
          state.spend('write');
          const domain = state.domain(input);
          const group = findGroup(domain, input.packageGroup);
          if (group === ROOT_GROUP) throw new ServiceError('ValidationException', 'The root package group cannot be changed here', 400, { reason: 'FIELD_VALIDATION_FAILED' });
          const restrictions = (input.restrictions ?? {}) as Partial<Record<GroupRestrictionType, GroupRestrictionMode>>;
          for (const type of GROUP_TYPES) {
            const mode = Object.hasOwn(restrictions, type) ? restrictions[type] : undefined;
            if (mode !== undefined) (group.modes as Partial<Record<GroupRestrictionType, GroupRestrictionMode>>)[type] = mode;
          }
          state.groupWrites += 1;
          return { packageGroup: groupDescription(state.region, domain, group), allowedRepositoryUpdates: {} };
        },
      },
      DeletePackageGroup: {
        http: { method: 'DELETE', path: '/v1/package-group', query: GROUP_LOCATION },
        input: GROUP_INPUT,
        handle(input) {
          state.spend('write');
          const domain = state.domain(input);
          const group = findGroup(domain, input.packageGroup);
          if (group === ROOT_GROUP) throw new ServiceError('ValidationException', 'The root package group cannot be deleted', 400, { reason: 'FIELD_VALIDATION_FAILED' });
          // Packages and versions stay; they fall back to the parent group (here always the root).
          domain.packageGroups = (domain.packageGroups ?? []).filter((g) => g !== group);
          return { packageGroup: groupDescription(state.region, domain, group) };
        },
      },
      ListPackages: {
        http: {
          method: 'POST',
          path: '/v1/packages',
          query: { domain: 'domain', 'domain-owner': 'domainOwner', repository: 'repository', format: 'format', namespace: 'namespace', 'package-prefix': 'packagePrefix', 'max-results': 'maxResults', 'next-token': 'nextToken', publish: 'publish', upstream: 'upstream' },
        },
        input: listPackagesInput,
        handle(input) {
          state.spend('read');
          const matching = state
            .repository(input)
            .packages.filter(
              (p) =>
                (input.format === undefined || p.format === input.format) &&
                (typeof input.namespace !== 'string' || (p.namespace ?? '').startsWith(input.namespace)) &&
                (typeof input.packagePrefix !== 'string' || p.name.startsWith(input.packagePrefix)) &&
                (input.publish === undefined || p.origin.publish === input.publish) &&
                (input.upstream === undefined || p.origin.upstream === input.upstream),
            )
            .sort(byCoordinates);
          const size = typeof input.maxResults === 'number' ? input.maxResults : 100;
          const { page, nextToken } = takePage(matching, { scope: `ListPackages/${String(input.domain)}/${String(input.repository)}`, token: input.nextToken as string | undefined, size, invalid: invalidToken });
          return {
            packages: page.map((p) => ({ format: p.format, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), package: p.name, originConfiguration: originConfiguration(p) })),
            ...(nextToken !== undefined ? { nextToken } : {}),
          };
        },
      },
      DescribePackage: {
        http: { method: 'GET', path: '/v1/package', query: PACKAGE_LOCATION },
        input: PACKAGE_INPUT,
        handle(input) {
          state.spend('read');
          const found = state.repository(input).packages.find((p) => p.format === input.format && p.name === input.package && p.namespace === input.namespace);
          if (found === undefined) throw notFound('package', String(input.package));
          return { package: { format: found.format, ...(found.namespace !== undefined ? { namespace: found.namespace } : {}), name: found.name, originConfiguration: originConfiguration(found) } };
        },
      },
      ListPackageVersions: {
        http: {
          method: 'POST',
          path: '/v1/package/versions',
          query: { ...PACKAGE_LOCATION, status: 'status', sortBy: 'sortBy', 'max-results': 'maxResults', 'next-token': 'nextToken', originType: 'originType' },
        },
        input: {
          ...PACKAGE_INPUT,
          status: { enum: ['Published', 'Unfinished', 'Unlisted', 'Archived', 'Disposed', 'Deleted'] },
          sortBy: { enum: ['PUBLISHED_TIME'] },
          maxResults: MAX_RESULTS,
          nextToken: NEXT_TOKEN,
          originType: { enum: ['INTERNAL', 'EXTERNAL', 'UNKNOWN'] },
        },
        handle(input) {
          state.spend('read');
          const found = state.repository(input).packages.find((p) => p.format === input.format && p.name === input.package && p.namespace === input.namespace);
          if (found === undefined) throw notFound('package', String(input.package));
          const versions = packageVersions(found).filter((v) => input.originType === undefined || v.origin === input.originType);
          const size = typeof input.maxResults === 'number' ? input.maxResults : 50;
          const { page, nextToken } = takePage([...versions], { scope: `ListPackageVersions/${String(input.repository)}/${found.name}`, token: input.nextToken as string | undefined, size, invalid: invalidToken });
          return {
            format: found.format,
            ...(found.namespace !== undefined ? { namespace: found.namespace } : {}),
            package: found.name,
            versions: page.map((v) => ({ version: v.version, revision: 'r1', status: 'Published', origin: { originType: v.origin } })),
            ...(nextToken !== undefined ? { nextToken } : {}),
          };
        },
      },
      PutPackageOriginConfiguration: {
        // The real path is POST /v1/package (the SDK's `[_ht]` trait), with the location in the query string.
        http: { method: 'POST', path: '/v1/package', query: PACKAGE_LOCATION },
        input: { ...PACKAGE_INPUT, restrictions: { type: 'structure', required: true, members: { publish: { required: true, enum: RESTRICTIONS }, upstream: { required: true, enum: RESTRICTIONS } } } },
        handle(input) {
          state.spend('write');
          const repository = state.repository(input);
          const restrictions = input.restrictions as { publish: OriginRestriction; upstream: OriginRestriction };
          let found = repository.packages.find((p) => p.format === input.format && p.name === input.package && p.namespace === input.namespace);
          if (found === undefined) {
            // AWS creates the package (with no versions) when it does not exist: a typo makes a phantom package.
            found = { format: input.format as PackageFormat, ...(typeof input.namespace === 'string' ? { namespace: input.namespace } : {}), name: String(input.package), origin: { ...restrictions }, versions: [] };
            repository.packages.push(found);
          }
          found.origin = { publish: restrictions.publish, upstream: restrictions.upstream };
          const key = `${found.format}/${found.namespace ?? ''}/${found.name}`;
          state.writesByPackage.set(key, (state.writesByPackage.get(key) ?? 0) + 1);
          return { originConfiguration: originConfiguration(found) };
        },
      },
    },
  };
}
