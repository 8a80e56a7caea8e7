// The top of the CodeArtifact view: the connection's domains, page by page. An empty account
// returns no nodes, so the view's welcome content ("No CodeArtifact domains in REGION") shows.
import type { DomainSummary } from '../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../aws/services/codeArtifact';
import type { AwsServices } from '../awsServices';
import { MessageNode } from '../standardNodes';
import { PagedChildren } from '../pagedChildren';
import type { TreeChangeSink, ViewNode } from '../viewNode';
import type { ViewRoot } from '../viewRoot';
import { CodeArtifactDomainNode, PACKAGE_PAGE_SIZE, type CodeArtifactEnv } from './codeArtifactNodes';

export interface CodeArtifactRootOptions {
  /** Packages per ListPackages page (1-1000); default 100. */
  readonly packagePageSize?: number;
}

export class CodeArtifactRoot implements ViewRoot {
  private readonly domains: PagedChildren<DomainSummary>;
  readonly env: CodeArtifactEnv;

  constructor(
    readonly services: AwsServices,
    private readonly sink: TreeChangeSink,
    options: CodeArtifactRootOptions = {},
  ) {
    this.env = { services, sink, packagePageSize: Math.min(1000, Math.max(1, Math.floor(options.packagePageSize ?? PACKAGE_PAGE_SIZE))) };
    this.domains = new PagedChildren<DomainSummary>({
      idPrefix: 'codeartifact/domains',
      fetch: (startToken, signal) => services.gateway(codeArtifactService).domainPages({ startToken, signal }),
      key: (d) => `${d.owner ?? ''}/${d.name}`,
      toNode: (d) => new CodeArtifactDomainNode(`codeartifact/domain/${d.owner ?? ''}/${d.name}`, this.env, d),
      emptyMessage: 'No CodeArtifact domains',
      sink,
      parent: () => undefined,
    });
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const nodes = await this.domains.children(signal);
    // The empty-listing message is replaced by the view's welcome content.
    return nodes.length === 1 && nodes[0] instanceof MessageNode && this.domains.complete && this.domains.loaded.length === 0 ? [] : nodes;
  }

  refresh(): void {
    this.domains.reset();
    this.sink.changed(undefined);
  }
}
