// Paged children for listings with thousands of entries (5,000 stacks, 50,000 log groups): the
// first expand fetches one page (one round trip), "Load more" fetches the next. Pages already
// shown are kept when a later page fails: the list ends with an ErrorNode whose retry resumes
// from the last good token, and items are de-duplicated by key, so a restart after an expired
// token or a dropped connection never shows an entry twice (bad-inputs.md, network faults).
import { ErrorNode, LoadMoreNode, MessageNode } from './standardNodes';
import type { TreeChangeSink, ViewNode } from './viewNode';

/** One page of a listing, as the gateways yield them. */
export interface ListingPage<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export interface PagedChildrenOptions<T> {
  /** Prefix for the ids of the standard nodes (unique per parent). */
  readonly idPrefix: string;
  /** Starts the listing at `startToken` (undefined: the first page). */
  readonly fetch: (startToken: string | undefined, signal: AbortSignal) => AsyncIterable<ListingPage<T>>;
  /** Stable identity of an item, for de-duplication. */
  readonly key: (item: T) => string;
  readonly toNode: (item: T) => ViewNode;
  /** Shown when the listing is empty. */
  readonly emptyMessage: string;
  /** Re-renders the parent after "load more" or "retry". */
  readonly sink: TreeChangeSink;
  /** The node whose children these are. */
  readonly parent: () => ViewNode | undefined;
  /** Keep only items that pass (a client-side filter on top of the server's). */
  readonly filter?: (item: T) => boolean;
}

export class PagedChildren<T> {
  private readonly items: T[] = [];
  private readonly keys = new Set<string>();
  private nextToken: string | undefined;
  private started = false;
  private error: unknown;
  private pending = false;

  constructor(private readonly options: PagedChildrenOptions<T>) {}

  /** Items loaded so far (after de-duplication). */
  get loaded(): readonly T[] {
    return this.items;
  }

  get hasMore(): boolean {
    return !this.started || this.nextToken !== undefined;
  }

  /** Forget everything; the next `children()` fetches the first page again. */
  reset(): void {
    this.items.length = 0;
    this.keys.clear();
    this.nextToken = undefined;
    this.started = false;
    this.error = undefined;
    this.pending = false;
  }

  /** The nodes to show; fetches the first page on first call, or the next one after "load more". */
  async children(signal: AbortSignal): Promise<ViewNode[]> {
    if (!this.started || this.pending) await this.fetchPage(signal);
    const filter = this.options.filter;
    const visible = filter ? this.items.filter(filter) : this.items;
    const nodes = visible.map((item) => this.options.toNode(item));
    const { idPrefix } = this.options;
    if (this.error !== undefined) {
      nodes.push(new ErrorNode(`${idPrefix}/error`, this.error, () => this.requestMore()));
    } else if (this.nextToken !== undefined) {
      nodes.push(new LoadMoreNode(`${idPrefix}/more`, () => this.requestMore(), visible.length));
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(`${idPrefix}/empty`, this.options.emptyMessage));
    }
    return nodes;
  }

  /** Marks the next page as wanted and re-renders the parent (which then calls `children`). */
  requestMore(): void {
    this.pending = true;
    this.options.sink.changed(this.options.parent());
  }

  private async fetchPage(signal: AbortSignal): Promise<void> {
    const resumeFrom = this.started ? this.nextToken : undefined;
    if (this.started && resumeFrom === undefined && this.error === undefined) {
      this.pending = false;
      return;
    }
    this.error = undefined;
    try {
      for await (const page of this.options.fetch(resumeFrom, signal)) {
        for (const item of page.items) {
          const key = this.options.key(item);
          if (this.keys.has(key)) continue;
          this.keys.add(key);
          this.items.push(item);
        }
        this.nextToken = page.nextToken;
        break; // one page per request: "load more" fetches the next
      }
      this.started = true;
      this.pending = false;
    } catch (error) {
      // A first page that failed is retried from the start; a later one from the last good token.
      this.error = error;
      this.pending = false;
      if (!this.started) this.nextToken = undefined;
    }
  }
}
