// The CodeArtifact tree: domains > repositories (their upstream repositories and external
// connections on the first rows) > packages with their origin controls as badges. Every listing
// is paged (PagedChildren): a 10,000-package repository costs one ListPackages call per expand or
// "Load more", and a failed page keeps the pages shown. Names come from AWS and are shown as
// text (tooltips escape Markdown).
import type { CodeArtifactGateway, DomainSummary, PackageFilter, PackageGroupSummary, PackageSummary, RepositoryDetail, RepositoryLocation, RepositorySummary } from '../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../aws/services/codeArtifact';
import type { AwsServices } from '../awsServices';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, RefreshableNode, TreeChangeSink, ViewNode } from '../viewNode';
import { associatedGroup, describeEffective, effectiveOrigin, type EffectiveOrigin } from '../../operations/codeArtifact/packageGroups';
import { describeFilter, effectiveBadges, isRiskyOrigin, originIcon, packageDisplayName, RISKY_EXPLANATION } from './originBadges';
import { domainGroups } from '../../operations/codeArtifact/dependencyConfusion';
import { packageKey } from '../../operations/codeArtifact/originOperation';
import { PackageGroupFolderNode } from './packageGroupNodes';

/** Packages per ListPackages call (1-1000). */
export const PACKAGE_PAGE_SIZE = 100;

export interface CodeArtifactEnv {
  readonly services: AwsServices;
  readonly sink: TreeChangeSink;
  readonly packagePageSize: number;
}

function gateway(env: CodeArtifactEnv): CodeArtifactGateway {
  return env.services.gateway(codeArtifactService);
}

export class CodeArtifactPackageNode implements ViewNode {
  private effectiveState: EffectiveOrigin | undefined;

  constructor(
    readonly id: string,
    readonly repository: CodeArtifactRepositoryNode,
    readonly summary: PackageSummary,
    /** The domain's package groups once listed (they load beside the packages, not before them). */
    private readonly groups: () => readonly PackageGroupSummary[] | undefined = () => undefined,
  ) {}

  /** The package's effective state from its own settings and its group's (when the groups could be read). */
  get effective(): EffectiveOrigin | undefined {
    const groups = this.groups();
    if (!this.effectiveState && this.summary.origin && groups) this.effectiveState = effectiveOrigin(this.summary.origin, associatedGroup(groups, this.summary));
    return this.effectiveState;
  }

  item(): NodeItem {
    const p = this.summary;
    const name = packageDisplayName(p);
    const e = this.effective;
    const risky = e ? e.publish.value === 'ALLOW' && e.upstream.value === 'ALLOW' : isRiskyOrigin(p.origin);
    const tooltip = [
      `**${md(name)}** (${md(p.format)})`,
      p.namespace ? `Namespace: ${md(p.namespace)}` : '',
      p.origin ? `Own settings: publish ${p.origin.publish} · upstream ${p.origin.upstream}` : 'Origin controls not reported',
      e ? `Effective: ${md(describeEffective('publish', e.publish, e.group))} · ${md(describeEffective('upstream', e.upstream, e.group))}` : '',
      e?.group ? `Package group: ${md(e.group)}` : '',
      risky ? `⚠ ${RISKY_EXPLANATION}` : '',
    ];
    return {
      label: name,
      description: `${p.format} · ${effectiveBadges(p.origin, e)}`,
      tooltip: tooltip.filter(Boolean).join('\n\n'),
      icon: originIcon(p.origin, e),
      contextValue: CONTEXT.codeArtifactPackage,
      collapsible: 'none',
    };
  }
}

export class CodeArtifactRepositoryNode implements RefreshableNode {
  private readonly packages: PagedChildren<PackageSummary>;
  private detail: Promise<RepositoryDetail> | undefined;
  private groups: readonly PackageGroupSummary[] | undefined;
  /** The server-side package filter (format, prefix, restriction); empty shows every package. */
  private packageFilter: PackageFilter = {};

  constructor(
    readonly id: string,
    private readonly env: CodeArtifactEnv,
    readonly summary: RepositorySummary,
    /** The domain's package groups (listed once per domain), for effective origins. */
    private readonly domainGroups: () => Promise<readonly PackageGroupSummary[]> = () => Promise.resolve([]),
  ) {
    this.packages = new PagedChildren<PackageSummary>({
      idPrefix: `${id}/packages`,
      fetch: (startToken, signal) => gateway(env).packagePages(this.location, this.packageFilter, { pageSize: env.packagePageSize, startToken, signal }),
      key: (p) => packageKey(p),
      toNode: (p) => new CodeArtifactPackageNode(`${id}/package/${packageKey(p)}`, this, p, () => this.groups),
      emptyMessage: 'No packages in this repository',
      sink: env.sink,
      parent: () => this,
    });
  }

  get location(): RepositoryLocation {
    return { domain: this.summary.domain, ...(this.summary.domainOwner ? { domainOwner: this.summary.domainOwner } : {}), repository: this.summary.name };
  }

  get filter(): PackageFilter {
    return this.packageFilter;
  }

  /** Lists the packages again with `filter` (ListPackages filters on the server). */
  setFilter(filter: PackageFilter): void {
    this.packageFilter = { ...filter };
    this.packages.reset();
    this.env.sink.changed(this);
  }

  item(): NodeItem {
    const filtered = describeFilter(this.packageFilter);
    const description = [this.summary.description, filtered ? `filtered: ${filtered}` : ''].filter(Boolean).join(' · ');
    return {
      label: this.summary.name,
      ...(description ? { description } : {}),
      tooltip: `**${md(this.summary.name)}** in domain ${md(this.summary.domain)}${this.summary.description ? `\n\n${md(this.summary.description)}` : ''}`,
      icon: { id: 'repo' },
      contextValue: CONTEXT.codeArtifactRepository,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    // The domain's groups (one listing per domain, shared) load beside the first page, so an
    // expand costs one round trip of latency; package rows read them when drawn. Without them
    // (no permission, a failure) packages show their own settings only.
    const groups = this.domainGroups().then(
      (list) => (this.groups = list),
      () => undefined,
    );
    const [head, packages] = await Promise.all([this.sourceNodes(signal), this.packages.children(signal), groups]);
    return [...head, ...packages];
  }

  /** Upstream repositories and external connections, the first rows under a repository. */
  private async sourceNodes(signal: AbortSignal): Promise<ViewNode[]> {
    this.detail ??= gateway(this.env).describeRepository(this.location, { signal });
    try {
      const detail = await this.detail;
      const upstreams = detail.upstreams.length > 0 ? detail.upstreams.join(', ') : 'none';
      const external = detail.externalConnections.length > 0 ? detail.externalConnections.map((c) => c.name).join(', ') : 'none';
      return [
        new MessageNode(`${this.id}/upstreams`, `Upstream repositories: ${upstreams}`, 'CodeArtifact looks in these repositories, in this order, for versions not in this one.'),
        new MessageNode(`${this.id}/external`, `External connections: ${external}`, 'Public registries this repository can pull versions from.'),
      ];
    } catch (error) {
      this.detail = undefined;
      if (signal.aborted) return [];
      return [new ErrorNode(`${this.id}/detail-error`, error, () => this.env.sink.changed(this))];
    }
  }

  /** The packages loaded so far (for "refresh after write" and tests). */
  get loadedPackages(): readonly PackageSummary[] {
    return this.packages.loaded;
  }

  refresh(): void {
    this.detail = undefined;
    this.packages.reset();
    this.env.sink.changed(this);
  }
}

export class CodeArtifactDomainNode implements RefreshableNode {
  private readonly repositories: PagedChildren<RepositorySummary>;
  readonly groups: PackageGroupFolderNode;
  private groupList: Promise<readonly PackageGroupSummary[]> | undefined;

  constructor(
    readonly id: string,
    private readonly env: CodeArtifactEnv,
    readonly summary: DomainSummary,
  ) {
    const where = { domain: summary.name, ...(summary.owner ? { domainOwner: summary.owner } : {}) };
    this.groups = new PackageGroupFolderNode(`${id}/package-groups`, env.services, env.sink, where);
    this.repositories = new PagedChildren<RepositorySummary>({
      idPrefix: `${id}/repositories`,
      fetch: (startToken, signal) => gateway(env).repositoryPages(where, { startToken, signal }),
      key: (r) => r.name,
      toNode: (r) => new CodeArtifactRepositoryNode(`${id}/repository/${r.name}`, env, r, () => this.packageGroups()),
      emptyMessage: 'No repositories in this domain',
      sink: env.sink,
      parent: () => this,
    });
  }

  item(): NodeItem {
    return {
      label: this.summary.name,
      ...(this.summary.owner ? { description: this.summary.owner } : {}),
      tooltip: `Domain **${md(this.summary.name)}**${this.summary.owner ? ` (owner ${md(this.summary.owner)})` : ''}${this.summary.status ? `\n\nStatus: ${md(this.summary.status)}` : ''}`,
      icon: { id: 'database' },
      contextValue: CONTEXT.codeArtifactDomain,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    return [this.groups, ...(await this.repositories.children(signal))];
  }

  /** The domain's package groups, listed once (until refresh) and shared by its repositories. */
  packageGroups(): Promise<readonly PackageGroupSummary[]> {
    this.groupList ??= domainGroups(gateway(this.env), { domain: this.summary.name, ...(this.summary.owner ? { domainOwner: this.summary.owner } : {}) });
    this.groupList.catch(() => (this.groupList = undefined));
    return this.groupList;
  }

  refresh(): void {
    this.groupList = undefined;
    this.repositories.reset();
    this.groups.refresh();
    this.env.sink.changed(this);
  }
}
