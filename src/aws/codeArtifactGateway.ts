// CodeArtifact gateway: domains, repositories (with upstreams and external connections), packages
// with their origin restrictions, and the one write ArchLens makes (PutPackageOriginConfiguration).
// Listings are resumable `Page`s through `tokenPages`; every call goes through `awsCall`, so
// throttling, access denied and "not found" arrive as `AwsError` codes the operations layer knows.
import {
  DescribePackageCommand,
  DescribeRepositoryCommand,
  ListDomainsCommand,
  CreatePackageGroupCommand,
  DeletePackageGroupCommand,
  DescribePackageGroupCommand,
  ListPackageGroupsCommand,
  UpdatePackageGroupOriginConfigurationCommand,
  type PackageGroupDescription,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  ListRepositoriesInDomainCommand,
  PutPackageOriginConfigurationCommand,
  type CodeartifactClient,
  type PackageFormat,
  type PackageOriginConfiguration,
} from '@aws-sdk/client-codeartifact';
import { AwsError } from './errors';
import { awsCall, tokenPages, type CallOptions, type Page, type PageOptions, type ServiceTarget } from './awsCall';

export type OriginRestriction = 'ALLOW' | 'BLOCK';
/** A package format as CodeArtifact spells it (`npm`, `pypi`, `maven`, `nuget`, `generic`, ...). */
export type CodeArtifactFormat = `${PackageFormat}`;

/** A package's own origin controls: may versions be published here, may they come from upstream. */
export interface OriginRestrictions {
  readonly publish: OriginRestriction;
  readonly upstream: OriginRestriction;
}

export interface DomainSummary {
  readonly name: string;
  readonly owner?: string;
  readonly status?: string;
}

export interface RepositorySummary {
  readonly name: string;
  readonly domain: string;
  readonly domainOwner?: string;
  readonly description?: string;
}

export interface ExternalConnection {
  /** e.g. `public:npmjs`. */
  readonly name: string;
  readonly packageFormat?: string;
  readonly status?: string;
}

export interface RepositoryDetail extends RepositorySummary {
  /** Upstream repositories, in the order CodeArtifact searches them. */
  readonly upstreams: readonly string[];
  readonly externalConnections: readonly ExternalConnection[];
}

/** Which repository: the domain (and its owner, for a domain in another account) and the name. */
export interface RepositoryLocation {
  readonly domain: string;
  readonly domainOwner?: string;
  readonly repository: string;
}

/** One package in a repository. `namespace`: npm scope without `@`, Maven groupId; none for pypi. */
export interface PackageCoordinates {
  readonly format: CodeArtifactFormat;
  readonly namespace?: string;
  readonly name: string;
}

export interface PackageSummary extends PackageCoordinates {
  /** Absent when the service did not report it. */
  readonly origin?: OriginRestrictions;
}

/** ListPackages' server-side filters. */
export interface PackageFilter {
  readonly format?: CodeArtifactFormat;
  readonly namespace?: string;
  readonly prefix?: string;
  readonly publish?: OriginRestriction;
  readonly upstream?: OriginRestriction;
}

export type GroupRestrictionMode = 'ALLOW' | 'ALLOW_SPECIFIC_REPOSITORIES' | 'BLOCK' | 'INHERIT';

/** One restriction of a package group: its own mode and the one that applies (INHERIT resolved). */
export interface GroupRestriction {
  readonly mode?: GroupRestrictionMode;
  readonly effectiveMode?: GroupRestrictionMode;
  /** The pattern of the group it inherits from, when `mode` is INHERIT. */
  readonly inheritedFrom?: string;
}

/** A package group: a pattern such as `/npm/acme/*` and its origin restrictions by type. */
export interface PackageGroupSummary {
  readonly pattern: string;
  readonly description?: string;
  readonly publish?: GroupRestriction;
  readonly externalUpstream?: GroupRestriction;
  readonly internalUpstream?: GroupRestriction;
}

export type GroupRestrictionType = 'PUBLISH' | 'EXTERNAL_UPSTREAM' | 'INTERNAL_UPSTREAM';
export { GROUP_RESTRICTION_TYPES } from './codeArtifactGroupTypes';

/** A group's own modes by restriction type (what UpdatePackageGroupOriginConfiguration sets). */
export type GroupModes = Readonly<Record<GroupRestrictionType, GroupRestrictionMode>>;

function groupSummary(g: PackageGroupDescription): PackageGroupSummary | undefined {
  if (!g.pattern) return undefined;
  const r = g.originConfiguration?.restrictions;
  const restriction = (value: (typeof r & object)['PUBLISH']): GroupRestriction | undefined =>
    value ? { ...(value.mode ? { mode: value.mode } : {}), ...(value.effectiveMode ? { effectiveMode: value.effectiveMode } : {}), ...(value.inheritedFrom?.pattern ? { inheritedFrom: value.inheritedFrom.pattern } : {}) } : undefined;
  const publish = restriction(r?.PUBLISH);
  const externalUpstream = restriction(r?.EXTERNAL_UPSTREAM);
  const internalUpstream = restriction(r?.INTERNAL_UPSTREAM);
  return { pattern: g.pattern, ...(g.description ? { description: g.description } : {}), ...(publish ? { publish } : {}), ...(externalUpstream ? { externalUpstream } : {}), ...(internalUpstream ? { internalUpstream } : {}) };
}

export interface PackagePageOptions extends PageOptions {
  /** 1-1000; default: the service's (100). */
  readonly pageSize?: number;
}

function restrictions(config: PackageOriginConfiguration | undefined): OriginRestrictions | undefined {
  const r = config?.restrictions;
  const valid = (v: unknown): v is OriginRestriction => v === 'ALLOW' || v === 'BLOCK';
  return r && valid(r.publish) && valid(r.upstream) ? { publish: r.publish, upstream: r.upstream } : undefined;
}

function owner(location: { readonly domainOwner?: string }): { domainOwner?: string } {
  return location.domainOwner ? { domainOwner: location.domainOwner } : {};
}

/** The members that name one package in a request: DescribePackage, ListPackageVersions, PutPackageOriginConfiguration. */
function packageInput(location: RepositoryLocation, coordinates: PackageCoordinates): { domain: string; domainOwner?: string; repository: string; format: PackageFormat; namespace?: string; package: string } {
  return { domain: location.domain, ...owner(location), repository: location.repository, format: coordinates.format, ...(coordinates.namespace ? { namespace: coordinates.namespace } : {}), package: coordinates.name };
}

export class CodeArtifactGateway {
  constructor(
    private readonly client: CodeartifactClient,
    private readonly target: ServiceTarget = { service: 'CodeArtifact' },
  ) {}

  domainPages(options: PageOptions = {}): AsyncIterable<Page<DomainSummary>> {
    return tokenPages(this.target, 'ListDomains', options, async (token) => {
      const out = await this.client.send(new ListDomainsCommand({ ...(token ? { nextToken: token } : {}) }), { abortSignal: options.signal });
      return {
        items: (out.domains ?? []).filter((d) => d.name).map((d) => ({ name: d.name!, ...(d.owner ? { owner: d.owner } : {}), ...(d.status ? { status: d.status } : {}) })),
        nextToken: out.nextToken,
      };
    });
  }

  repositoryPages(domain: { readonly domain: string; readonly domainOwner?: string }, options: PageOptions = {}): AsyncIterable<Page<RepositorySummary>> {
    return tokenPages(this.target, 'ListRepositoriesInDomain', options, async (token) => {
      const out = await this.client.send(new ListRepositoriesInDomainCommand({ domain: domain.domain, ...owner(domain), ...(token ? { nextToken: token } : {}) }), { abortSignal: options.signal });
      return {
        items: (out.repositories ?? [])
          .filter((r) => r.name)
          .map((r) => ({ name: r.name!, domain: r.domainName ?? domain.domain, ...(r.domainOwner ? { domainOwner: r.domainOwner } : {}), ...(r.description ? { description: r.description } : {}) })),
        nextToken: out.nextToken,
      };
    });
  }

  async describeRepository(location: RepositoryLocation, options: CallOptions = {}): Promise<RepositoryDetail> {
    const out = await awsCall(this.target, 'DescribeRepository', options.signal, () =>
      this.client.send(new DescribeRepositoryCommand({ domain: location.domain, ...owner(location), repository: location.repository }), { abortSignal: options.signal }),
    );
    const r = out.repository;
    return {
      name: r?.name ?? location.repository,
      domain: r?.domainName ?? location.domain,
      ...(r?.domainOwner ? { domainOwner: r.domainOwner } : {}),
      ...(r?.description ? { description: r.description } : {}),
      upstreams: (r?.upstreams ?? []).map((u) => u.repositoryName).filter((n): n is string => typeof n === 'string'),
      externalConnections: (r?.externalConnections ?? [])
        .filter((c) => c.externalConnectionName)
        .map((c) => ({ name: c.externalConnectionName!, ...(c.packageFormat ? { packageFormat: c.packageFormat } : {}), ...(c.status ? { status: c.status } : {}) })),
    };
  }

  /** A domain's package groups (the root group `/*` included), one page per iteration. */
  packageGroupPages(domain: { readonly domain: string; readonly domainOwner?: string }, options: PageOptions = {}): AsyncIterable<Page<PackageGroupSummary>> {
    return tokenPages(this.target, 'ListPackageGroups', options, async (token) => {
      const out = await this.client.send(new ListPackageGroupsCommand({ domain: domain.domain, ...owner(domain), ...(token ? { nextToken: token } : {}) }), { abortSignal: options.signal });
      const items = (out.packageGroups ?? []).map(groupSummary).filter((g): g is PackageGroupSummary => g !== undefined);
      return { items, nextToken: out.nextToken };
    });
  }

  /** Packages of a repository, filtered by the service, one page per iteration. */
  packagePages(location: RepositoryLocation, filter: PackageFilter = {}, options: PackagePageOptions = {}): AsyncIterable<Page<PackageSummary>> {
    return tokenPages(this.target, 'ListPackages', options, async (token) => {
      const out = await this.client.send(
        new ListPackagesCommand({
          domain: location.domain,
          ...owner(location),
          repository: location.repository,
          ...(filter.format ? { format: filter.format } : {}),
          ...(filter.namespace ? { namespace: filter.namespace } : {}),
          ...(filter.prefix ? { packagePrefix: filter.prefix } : {}),
          ...(filter.publish ? { publish: filter.publish } : {}),
          ...(filter.upstream ? { upstream: filter.upstream } : {}),
          ...(options.pageSize ? { maxResults: options.pageSize } : {}),
          ...(token ? { nextToken: token } : {}),
        }),
        { abortSignal: options.signal },
      );
      const items: PackageSummary[] = [];
      for (const p of out.packages ?? []) {
        if (!p.format || !p.package) continue;
        const origin = restrictions(p.originConfiguration);
        items.push({ format: p.format, ...(p.namespace ? { namespace: p.namespace } : {}), name: p.package, ...(origin ? { origin } : {}) });
      }
      return { items, nextToken: out.nextToken };
    });
  }

  /**
   * One package's origin controls now; undefined when the package does not exist (a state, not an
   * error: compare-and-set must see a deleted package, and a plan must never write to a name that
   * is not there, since PutPackageOriginConfiguration would create it).
   */
  /** Package-group reads and writes over the same client. */
  packageGroups(): PackageGroupCalls {
    return new PackageGroupCalls(this.client, this.target);
  }

  async describePackage(location: RepositoryLocation, coordinates: PackageCoordinates, options: CallOptions = {}): Promise<PackageSummary | undefined> {
    try {
      const out = await awsCall(this.target, 'DescribePackage', options.signal, () =>
        this.client.send(
          new DescribePackageCommand(packageInput(location, coordinates)),
          { abortSignal: options.signal },
        ),
      );
      const origin = restrictions(out.package?.originConfiguration);
      return { ...coordinates, ...(origin ? { origin } : {}) };
    } catch (error) {
      if (isPackageNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Whether the package has at least one version (of `originType`, when given: INTERNAL = published
   * to this domain, EXTERNAL = pulled from a public registry). One ListPackageVersions call of one
   * item; undefined when the package does not exist.
   */
  async hasVersions(location: RepositoryLocation, coordinates: PackageCoordinates, originType?: 'INTERNAL' | 'EXTERNAL' | 'UNKNOWN', options: CallOptions = {}): Promise<boolean | undefined> {
    try {
      const out = await awsCall(this.target, 'ListPackageVersions', options.signal, () =>
        this.client.send(
          new ListPackageVersionsCommand({
            ...packageInput(location, coordinates),
            ...(originType ? { originType } : {}),
            maxResults: 1,
          }),
          { abortSignal: options.signal },
        ),
      );
      return (out.versions ?? []).length > 0;
    } catch (error) {
      if (isPackageNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Sets a package's origin controls. CAUTION: AWS creates the package when it does not exist;
   * callers write only packages they have just read (see the origin-control operation target).
   * Takes no signal on purpose: a write once sent is let finish (docs/ARCHITECTURE.md, write operations).
   */
  async putPackageOrigin(location: RepositoryLocation, coordinates: PackageCoordinates, origin: OriginRestrictions): Promise<OriginRestrictions | undefined> {
    const out = await awsCall(this.target, 'PutPackageOriginConfiguration', undefined, () =>
      this.client.send(
        new PutPackageOriginConfigurationCommand({
          ...packageInput(location, coordinates),
          restrictions: { publish: origin.publish, upstream: origin.upstream },
        }),
      ),
    );
    return restrictions(out.originConfiguration);
  }
}

type DomainRef = { readonly domain: string; readonly domainOwner?: string };

/**
 * Package-group writes and the one read they are compared against (the package-group operation,
 * src/operations/codeArtifact/groupOperation.ts). Writes take no signal: once sent, let finish.
 */
export class PackageGroupCalls {
  constructor(
    private readonly client: CodeartifactClient,
    private readonly target: ServiceTarget = { service: 'CodeArtifact' },
  ) {}

  /** The group with exactly this pattern, or undefined when there is none (a state, not an error). */
  async describe(domain: DomainRef, pattern: string, options: CallOptions = {}): Promise<PackageGroupSummary | undefined> {
    try {
      const out = await awsCall(this.target, 'DescribePackageGroup', options.signal, () =>
        this.client.send(new DescribePackageGroupCommand({ domain: domain.domain, ...owner(domain), packageGroup: pattern }), { abortSignal: options.signal }),
      );
      return out.packageGroup ? groupSummary(out.packageGroup) : undefined;
    } catch (error) {
      if (isNotFoundOf(error, 'package-group')) return undefined;
      throw error;
    }
  }

  async create(domain: DomainRef, pattern: string, description: string): Promise<void> {
    await awsCall(this.target, 'CreatePackageGroup', undefined, () => this.client.send(new CreatePackageGroupCommand({ domain: domain.domain, ...owner(domain), packageGroup: pattern, description })));
  }

  async updateOrigin(domain: DomainRef, pattern: string, modes: Partial<GroupModes>): Promise<void> {
    await awsCall(this.target, 'UpdatePackageGroupOriginConfiguration', undefined, () =>
      this.client.send(new UpdatePackageGroupOriginConfigurationCommand({ domain: domain.domain, ...owner(domain), packageGroup: pattern, restrictions: { ...modes } })),
    );
  }

  async delete(domain: DomainRef, pattern: string): Promise<void> {
    await awsCall(this.target, 'DeletePackageGroup', undefined, () => this.client.send(new DeletePackageGroupCommand({ domain: domain.domain, ...owner(domain), packageGroup: pattern })));
  }
}

function isNotFoundOf(error: unknown, resourceType: string): boolean {
  if (!(error instanceof AwsError) || error.code !== 'NotFound') return false;
  const { cause } = error;
  return typeof cause === 'object' && cause !== null && (cause as { resourceType?: unknown }).resourceType === resourceType;
}

/** A "package not found" (not a missing domain or repository, which fail the whole listing). */
function isPackageNotFound(error: unknown): boolean {
  if (!(error instanceof AwsError) || error.code !== 'NotFound') return false;
  const { cause } = error;
  // ResourceNotFoundException carries `resourceType` (domain, repository, package).
  return typeof cause === 'object' && cause !== null && (cause as { resourceType?: unknown }).resourceType === 'package';
}
