// The CodeArtifact tree: domains > repositories (their upstream repositories and external
// connections on the first rows) > packages with their origin controls as badges. Every listing
// is paged (PagedChildren): a 10,000-package repository costs one ListPackages call per expand or
// "Load more", and a failed page keeps the pages shown. Names come from AWS and are shown as
// text (tooltips escape Markdown).
import type { CodeArtifactGateway, DomainSummary, PackageSummary, RepositoryDetail, RepositoryLocation, RepositorySummary } from '../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../aws/services/codeArtifact';
import type { AwsServices } from '../awsServices';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, RefreshableNode, TreeChangeSink, ViewNode } from '../viewNode';
import { isRiskyOrigin, originBadges, originIcon, packageDisplayName, RISKY_EXPLANATION } from './originBadges';
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
  constructor(
    readonly id: string,
    readonly repository: CodeArtifactRepositoryNode,
    readonly summary: PackageSummary,
  ) {}

  item(): NodeItem {
    const p = this.summary;
    const name = packageDisplayName(p);
    const tooltip = [
      `**${md(name)}** (${md(p.format)})`,
      p.namespace ? `Namespace: ${md(p.namespace)}` : '',
      p.origin ? `Publish: ${p.origin.publish} · Upstream: ${p.origin.upstream}` : 'Origin controls not reported',
      isRiskyOrigin(p.origin) ? `⚠ ${RISKY_EXPLANATION}` : '',
    ];
    return {
      label: name,
      description: `${p.format} · ${originBadges(p.origin)}`,
      tooltip: tooltip.filter(Boolean).join('\n\n'),
      icon: originIcon(p.origin),
      contextValue: CONTEXT.codeArtifactPackage,
      collapsible: 'none',
    };
  }
}

export class CodeArtifactRepositoryNode implements RefreshableNode {
  private readonly packages: PagedChildren<PackageSummary>;
  private detail: Promise<RepositoryDetail> | undefined;

  constructor(
    readonly id: string,
    private readonly env: CodeArtifactEnv,
    readonly summary: RepositorySummary,
  ) {
    this.packages = new PagedChildren<PackageSummary>({
      idPrefix: `${id}/packages`,
      fetch: (startToken, signal) => gateway(env).packagePages(this.location, {}, { pageSize: env.packagePageSize, startToken, signal }),
      key: (p) => packageKey(p),
      toNode: (p) => new CodeArtifactPackageNode(`${id}/package/${packageKey(p)}`, this, p),
      emptyMessage: 'No packages in this repository',
      sink: env.sink,
      parent: () => this,
    });
  }

  get location(): RepositoryLocation {
    return { domain: this.summary.domain, ...(this.summary.domainOwner ? { domainOwner: this.summary.domainOwner } : {}), repository: this.summary.name };
  }

  item(): NodeItem {
    return {
      label: this.summary.name,
      ...(this.summary.description ? { description: this.summary.description } : {}),
      tooltip: `**${md(this.summary.name)}** in domain ${md(this.summary.domain)}${this.summary.description ? `\n\n${md(this.summary.description)}` : ''}`,
      icon: { id: 'repo' },
      contextValue: CONTEXT.codeArtifactRepository,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const [head, packages] = await Promise.all([this.sourceNodes(signal), this.packages.children(signal)]);
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
      toNode: (r) => new CodeArtifactRepositoryNode(`${id}/repository/${r.name}`, env, r),
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

  refresh(): void {
    this.repositories.reset();
    this.groups.refresh();
    this.env.sink.changed(this);
  }
}
