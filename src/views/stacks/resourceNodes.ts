// A stack's resources (paged: a stack can have thousands through nested stacks and imports) and
// its nested stacks (its `AWS::CloudFormation::Stack` resources, shown as stacks).
import type { StackResourceSummary } from '../../aws/cloudFormationGateway';
import { CONTEXT } from '../contextValues';
import { isExpiredPageToken, PagedChildren, type ListingPage, type PagedChildrenOptions } from '../pagedChildren';
import type { NodeItem, ViewNode } from '../viewNode';
import { stackResourcesConsoleUrl } from './consoleUrls';
import { StackFolderNode } from './stackFolder';
import { formatTime, type StackEnv, type StackInfo, stackInfoFromNestedResource } from './stackInfo';
import { md } from '../markdown';
import { statusIcon, statusText } from './stackStatus';
import { cloudFormationService } from '../../aws/services/cloudFormation';

const NESTED_TYPE = 'AWS::CloudFormation::Stack';

/** One resource: logical id, type, status; physical id in the tooltip and for "Copy ARN". */
export class ResourceNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly resource: StackResourceSummary,
    readonly stack: StackInfo,
    private readonly region: string,
  ) {}

  get logicalId(): string {
    return this.resource.LogicalResourceId ?? '';
  }

  /** What "Copy ARN" copies: the physical id (an ARN for most types, a name or URL for some). */
  get physicalId(): string | undefined {
    return this.resource.PhysicalResourceId || undefined;
  }

  consoleUrl(): string {
    return stackResourcesConsoleUrl(this.region, this.stack.id);
  }

  item(): NodeItem {
    const r = this.resource;
    const lines = [
      `**${md(this.logicalId)}** (${md(r.ResourceType ?? '')})`,
      `Status: ${md(statusText(r.ResourceStatus))}${r.ResourceStatusReason ? ` — ${md(r.ResourceStatusReason)}` : ''}`,
      `Physical id: ${r.PhysicalResourceId ? md(r.PhysicalResourceId) : '(none yet)'}`,
    ];
    if (r.LastUpdatedTimestamp) lines.push(`Updated: ${formatTime(r.LastUpdatedTimestamp)}`);
    return {
      label: this.logicalId,
      description: r.ResourceType,
      tooltip: lines.join('\n\n'),
      icon: statusIcon(r.ResourceStatus),
      contextValue: CONTEXT.stackResource,
      collapsible: 'none',
    };
  }
}

/** What differs between the folders that page through a stack's resources. */
type ResourcePagesOptions = Pick<PagedChildrenOptions<StackResourceSummary>, 'toNode' | 'emptyMessage' | 'filter' | 'fill' | 'maxPagesPerRequest'>;

/** A folder over `ListStackResources`, one page per expand or "Load more". */
abstract class ResourcePagesFolderNode extends StackFolderNode {
  private readonly paged: PagedChildren<StackResourceSummary>;

  protected constructor(
    id: string,
    env: StackEnv,
    protected readonly pages: StackResourcePages,
    label: string,
    iconId: string,
    options: ResourcePagesOptions,
  ) {
    super(id, env, label, iconId);
    this.paged = new PagedChildren({
      idPrefix: id,
      fetch: (startToken, signal) => pages.read(startToken, signal),
      key: (r) => r.LogicalResourceId ?? '',
      sink: env.sink,
      parent: () => this,
      ...options,
    });
  }

  children(signal: AbortSignal): Promise<ViewNode[]> {
    return this.paged.children(signal);
  }

  protected clear(): void {
    this.pages.clear();
    this.paged.reset();
  }
}

export class ResourcesFolderNode extends ResourcePagesFolderNode {
  constructor(id: string, env: StackEnv, stack: StackInfo, pages: StackResourcePages) {
    super(id, env, pages, 'Resources', 'symbol-class', {
      toNode: (r) => new ResourceNode(`${id}/${r.LogicalResourceId ?? ''}`, r, stack, env.services.region),
      emptyMessage: 'No resources',
    });
  }
}

/** Builds the stack node of a nested stack (the root owns stack nodes, so they are reused). */
export type NestedStackFactory = (folderId: string, info: StackInfo) => ViewNode;

/** A resource that is a nested stack the view can show (it has a stack id). */
const isNestedStack = (r: StackResourceSummary): boolean => r.ResourceType === NESTED_TYPE && !!r.PhysicalResourceId;

export class NestedStacksFolderNode extends ResourcePagesFolderNode {
  constructor(id: string, env: StackEnv, stack: StackInfo, pages: StackResourcePages, nestedNode: NestedStackFactory) {
    super(id, env, pages, 'Nested stacks', 'layers', {
      filter: isNestedStack,
      // Nested stacks are a few among many resources: read up to 20 pages (2,000 resources) per expand.
      fill: Number.MAX_SAFE_INTEGER,
      maxPagesPerRequest: 20,
      toNode: (r) => nestedNode(id, env.directory.known(r.PhysicalResourceId!) ?? stackInfoFromNestedResource(r, stack)),
      emptyMessage: 'No nested stacks',
    });
  }

  /**
   * Whether to show the folder, decided from at most one request: the first page of the stack's
   * resources, kept for the Resources folder and for this folder's own load. Shown when that page
   * has a nested stack, when more pages follow (one may be there: opening the folder reads on and
   * says "No nested stacks" if none is), or when the request fails (the folder's load shows the
   * error). Reading every page first cost up to 20 calls in a row before a big stack showed anything.
   */
  async mayHaveContent(signal: AbortSignal): Promise<boolean> {
    try {
      for await (const page of this.pages.read(undefined, signal)) return page.nextToken !== undefined || page.items.some(isNestedStack);
      return false;
    } catch (error) {
      if (signal.aborted) throw error;
      return true;
    }
  }
}

/**
 * A stack's `ListStackResources` pages, shared by the folders that read them (the nested-stacks
 * probe, Resources, the logs folder): a page one of them read is not asked again. Only finished
 * pages are kept; refreshing a folder over them forgets them all.
 */
export class StackResourcePages {
  private readonly byToken = new Map<string, ListingPage<StackResourceSummary>>();

  constructor(
    private readonly env: StackEnv,
    private readonly stackId: string,
  ) {}

  /** The pages from `startToken` on: the kept ones first, then the service from the first missing one. */
  async *read(startToken: string | undefined, signal: AbortSignal): AsyncIterable<ListingPage<StackResourceSummary>> {
    let token = startToken;
    for (let kept = this.byToken.get(token ?? ''); kept !== undefined; kept = this.byToken.get(token ?? '')) {
      yield kept;
      if (kept.nextToken === undefined) return;
      token = kept.nextToken;
    }
    try {
      for await (const page of this.env.services.gateway(cloudFormationService).listStackResources(this.stackId, { startToken: token, signal })) {
        this.byToken.set(token ?? '', page);
        yield page;
        token = page.nextToken;
      }
    } catch (error) {
      // The kept pages lead to a token the service no longer takes: a restart must list afresh.
      if (isExpiredPageToken(error)) this.clear();
      throw error;
    }
  }

  clear(): void {
    this.byToken.clear();
  }

  /** Every resource (all pages), for the logs folder. */
  async all(signal: AbortSignal): Promise<{ logicalId: string; physicalId?: string; type: string }[]> {
    const out: { logicalId: string; physicalId?: string; type: string }[] = [];
    for await (const page of this.read(undefined, signal)) {
      for (const r of page.items) out.push({ logicalId: r.LogicalResourceId ?? '', physicalId: r.PhysicalResourceId || undefined, type: r.ResourceType ?? '' });
    }
    return out;
  }
}
