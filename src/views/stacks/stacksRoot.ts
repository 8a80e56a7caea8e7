// The top of the stacks view: ListStacks page by page with the status filter applied by AWS
// (StackStatusFilter) and the name filter applied here (ListStacks has no name filter).
//
// Top level: stacks without a ParentId; nested stacks appear under their parent's "Nested
// stacks" folder, which lists the parent's own AWS::CloudFormation::Stack resources on expand,
// so a child on a later ListStacks page still shows under a parent on the first one. With a name filter, every loaded stack whose name contains the text
// (case-insensitive) is shown at the top level, nested ones marked "nested", because the user
// is looking for that stack wherever it lives.
//
// "Load more" and the name filter: the filter applies at once to every stack already loaded.
// A request for more stacks (Load more, or the first render after the filter is set while more
// pages exist) keeps reading pages until it has found `pageSize` more matching stacks or read
// 10 pages (1,000 stacks), so a rare name in 5,000 stacks takes a few clicks instead of 50,
// and no single click sends an unbounded number of requests. Without a name filter one click
// reads one page (100 stacks), so the first page of a huge account is one round trip.
import type { StackSummary } from '../../aws/cloudFormationGateway';
import type { AwsServices } from '../awsServices';
import { PagedChildren, type ListingPage } from '../pagedChildren';
import type { TreeChangeSink, ViewNode } from '../viewNode';
import type { ViewRoot } from '../viewRoot';
import { type NestedStacksKnowledge, type StackDirectory, type StackEnv, type StackInfo, stackInfoFromSummary } from './stackInfo';
import { StackNode } from './stackNode';
import { ACTIVE_STACK_STATUSES, type StackStatus } from './stackStatus';
import { cloudFormationService } from '../../aws/services/cloudFormation';

/** `active` (the default): every status but DELETE_COMPLETE; `all`: deleted stacks too (90 days). */
export type StatusFilter = { readonly kind: 'active' } | { readonly kind: 'all' } | { readonly kind: 'statuses'; readonly statuses: readonly StackStatus[] };

export interface StacksRootOptions {
  /** Matching stacks a request looks for while a name filter is set (`archlens.stacks.pageSize`). */
  readonly pageSize?: number;
  readonly driftPollIntervalMs?: number;
  readonly now?: () => number;
  /** Filters to start with (carried over when the connection changes). */
  readonly filters?: { readonly name: string; readonly status: StatusFilter };
  /** Told after each render of the top level (the extension sets `archlens.stacks.empty`). */
  readonly onDidRender?: (state: { readonly empty: boolean; readonly filtered: boolean }) => void;
}

export class StacksRoot implements StackDirectory, ViewRoot {
  private paged: PagedChildren<StackSummary>;
  private readonly nodes = new Map<string, StackNode>();
  private readonly byId = new Map<string, StackInfo>();
  private readonly parents = new Set<string>();
  private nameFilter = '';
  private statusFilter: StatusFilter = { kind: 'active' };
  private readonly env: StackEnv;

  constructor(
    readonly services: AwsServices,
    private readonly sink: TreeChangeSink,
    private readonly options: StacksRootOptions = {},
  ) {
    this.env = { services, sink, directory: this, driftPollIntervalMs: options.driftPollIntervalMs ?? 2000, now: options.now ?? Date.now };
    if (options.filters) {
      this.nameFilter = options.filters.name.trim();
      this.statusFilter = options.filters.status;
    }
    this.paged = this.createPaged();
  }

  get filters(): { readonly name: string; readonly status: StatusFilter } {
    return { name: this.nameFilter, status: this.statusFilter };
  }

  /** Any filter other than the default (active stacks, any name). */
  get filtered(): boolean {
    return this.nameFilter !== '' || this.statusFilter.kind !== 'active';
  }

  /** The statuses sent as StackStatusFilter (undefined: none, so deleted stacks are included). */
  serverStatuses(): StackStatus[] | undefined {
    const f = this.statusFilter;
    if (f.kind === 'all') return undefined;
    return f.kind === 'active' ? [...ACTIVE_STACK_STATUSES] : [...f.statuses];
  }

  setNameFilter(text: string): void {
    this.nameFilter = text.trim();
    // Look for matches beyond the loaded pages right away (see the header comment).
    const few = this.paged.visible().length < this.fill();
    if (this.nameFilter !== '' && few && this.paged.hasMore && this.paged.loaded.length > 0) this.paged.requestMore();
    else this.sink.changed(undefined);
  }

  setStatusFilter(filter: StatusFilter): void {
    this.statusFilter = filter.kind === 'statuses' && filter.statuses.length === 0 ? { kind: 'active' } : filter;
    this.recreate(true);
    this.sink.changed(undefined);
  }

  clearFilters(): void {
    const refetch = this.statusFilter.kind !== 'active';
    this.nameFilter = '';
    this.statusFilter = { kind: 'active' };
    this.recreate(refetch);
    this.sink.changed(undefined);
  }

  /** Forget every loaded stack; the next render lists again from the first page. */
  refresh(): void {
    this.recreate(true);
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const nodes = await this.paged.children(signal);
    // An aborted render is discarded by the tree: it says nothing about emptiness.
    if (signal.aborted) return [];
    const stacks = nodes.filter((n) => n instanceof StackNode).length;
    const empty = stacks === 0 && this.paged.complete;
    this.options.onDidRender?.({ empty, filtered: this.filtered });
    // An empty list shows the view's welcome content (Select Region, Clear Filters) instead.
    return empty ? [] : nodes;
  }

  /** Stack nodes shown so far at the top level (for commands and tests). */
  topLevel(): StackNode[] {
    return this.paged.visible().map((s) => this.node(`stacks/${s.StackId ?? ''}`, stackInfoFromSummary(s), false));
  }

  known(stackId: string): StackInfo | undefined {
    return this.byId.get(stackId);
  }

  nestedStacks(stackId: string): NestedStacksKnowledge {
    if (this.parents.has(stackId)) return 'yes';
    // With every page read and no status hidden, every child stack was listed with its ParentId.
    // Until then (5,000 stacks, one page shown) a child may come on a later page: don't guess.
    const everyChildListed = this.paged.complete && this.statusFilter.kind !== 'statuses';
    return everyChildListed ? 'no' : 'unknown';
  }

  /**
   * The node of a stack picked outside the tree (a command run from the palette): the one the
   * tree shows when it is loaded, so a drift result shows there too; else a node kept for when
   * the listing reaches it.
   */
  stackNode(info: StackInfo): StackNode {
    return this.allNodes().find((n) => n.info.id === info.id) ?? this.node(`stacks/${info.id}`, info, false);
  }

  /** Every stack node created so far, e.g. to find expanded events folders. */
  allNodes(): readonly StackNode[] {
    return [...this.nodes.values()];
  }

  private matchesName(s: StackSummary): boolean {
    return (s.StackName ?? '').toLowerCase().includes(this.nameFilter.toLowerCase());
  }

  private fill(): number {
    return this.nameFilter ? (this.options.pageSize ?? 100) : 1;
  }

  private recreate(refetch: boolean): void {
    // A name filter alone keeps the loaded pages (and their position) as they are.
    if (!refetch) return;
    this.nodes.clear();
    this.byId.clear();
    this.parents.clear();
    this.paged = this.createPaged();
  }

  private createPaged(): PagedChildren<StackSummary> {
    const statuses = this.serverStatuses();
    return new PagedChildren<StackSummary>({
      idPrefix: 'stacks',
      fetch: (startToken, signal) => this.remember(this.services.gateway(cloudFormationService).listStacks({ startToken, signal, statuses })),
      key: (s) => s.StackId ?? s.StackName ?? '',
      filter: (s) => (this.nameFilter ? this.matchesName(s) : !s.ParentId),
      fill: () => this.fill(),
      toNode: (s) => this.node(`stacks/${s.StackId ?? ''}`, stackInfoFromSummary(s), !!this.nameFilter),
      emptyMessage: 'No stacks',
      sink: this.sink,
      parent: () => undefined,
    });
  }

  /** Indexes each page as it arrives: summaries for nested-stack nodes, parents to hide empty folders. */
  private async *remember(pages: AsyncIterable<ListingPage<StackSummary>>): AsyncGenerator<ListingPage<StackSummary>> {
    for await (const page of pages) {
      for (const s of page.items) {
        if (!s.StackId) continue;
        this.byId.set(s.StackId, stackInfoFromSummary(s));
        if (s.ParentId) this.parents.add(s.ParentId);
      }
      yield page;
    }
  }

  private node(id: string, info: StackInfo, detached: boolean): StackNode {
    const key = `${id}${detached ? '#detached' : ''}`;
    // Within one listing a summary never changes; keeping the node keeps what it learned since
    // (a status from its events, a drift result) and what is loaded below it.
    const existing = this.nodes.get(key);
    if (existing) return existing;
    const created = new StackNode(id, info, this.env, (folderId, nested) => this.node(`${folderId}/${nested.id}`, nested, false), detached);
    this.nodes.set(key, created);
    return created;
  }
}
