// Paged children for listings with thousands of entries (5,000 stacks, 50,000 log groups): the
// first expand fetches one page (one round trip), "Load more" fetches the next. Pages already
// shown are kept when a later page fails: the list ends with an ErrorNode whose retry resumes
// from the last good token, and items are de-duplicated by key, so a restart after an expired
// token or a dropped connection never shows an entry twice (bad-inputs.md, network faults).
//
// The one paging abstraction of src/views: every listing a view shows (tree folders, the stack
// pick of palette commands) reads `ListingPage`s through it; gateways' page types fit
// `ListingPage` structurally, so views never import them.
import { AwsError, isCancelled } from '../aws/errors';
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
  /**
   * With a client-side filter a page can show nothing new; a request then keeps reading pages
   * until this many new items pass the filter (or `maxPagesPerRequest` is reached). Without it,
   * every request reads exactly one page.
   */
  readonly fill?: number | (() => number | undefined);
  /** Bound on the pages one request reads while filling; default 10. */
  readonly maxPagesPerRequest?: number;
  /** Whether a failed resume means the token expired, so the listing restarts; default `isExpiredPageToken`. */
  readonly restartOn?: (error: unknown) => boolean;
}

/**
 * A pagination token the service no longer accepts. CloudFormation answers
 * `ValidationError: <token> is not a valid NextToken` (boto/boto3#2203), CloudWatch Logs
 * `InvalidParameterException: The specified nextToken is invalid`.
 */
export function isExpiredPageToken(error: unknown): boolean {
  return error instanceof AwsError && error.code === 'InvalidInput' && /next\s?token/i.test(error.message);
}

export class PagedChildren<T> {
  private readonly items: T[] = [];
  private readonly keys = new Set<string>();
  private nextToken: string | undefined;
  private started = false;
  private error: unknown;
  private pending = false;
  private inflight: { promise: Promise<void>; signal: AbortSignal } | undefined;

  constructor(private readonly options: PagedChildrenOptions<T>) {}

  /** Items loaded so far (after de-duplication). */
  get loaded(): readonly T[] {
    return this.items;
  }

  get hasMore(): boolean {
    return !this.started || this.nextToken !== undefined;
  }

  /** Every page was read without error. */
  get complete(): boolean {
    return this.started && this.nextToken === undefined && this.error === undefined;
  }

  /** Forget everything; the next `children()` fetches the first page again. */
  reset(): void {
    this.items.length = 0;
    this.keys.clear();
    this.nextToken = undefined;
    this.started = false;
    this.error = undefined;
    this.pending = false;
    this.inflight = undefined;
  }

  /** The items that pass the filter, in listing order. */
  visible(): T[] {
    const filter = this.options.filter;
    return filter ? this.items.filter(filter) : [...this.items];
  }

  /** The nodes to show; fetches the first page on first call, or the next one after "load more". */
  async children(signal: AbortSignal): Promise<ViewNode[]> {
    if (!this.started || this.pending) await this.load(signal);
    // Nobody waits for an aborted load (the tree re-renders with a fresh signal).
    if (signal.aborted) return [];
    const visible = this.visible();
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

  /** One fetch at a time: the tree may ask for the same children twice while a page is on its way. */
  private load(signal: AbortSignal): Promise<void> {
    if (this.inflight && !this.inflight.signal.aborted) return this.inflight.promise;
    const promise = this.fetchPage(signal).finally(() => {
      if (this.inflight?.promise === promise) this.inflight = undefined;
    });
    this.inflight = { promise, signal };
    return promise;
  }

  private async fetchPage(signal: AbortSignal): Promise<void> {
    let token = this.started ? this.nextToken : undefined;
    if (this.started && token === undefined && this.error === undefined) {
      this.pending = false;
      return;
    }
    const { filter } = this.options;
    const fill = typeof this.options.fill === 'function' ? this.options.fill() : this.options.fill;
    const maxPages = this.options.maxPagesPerRequest ?? 10;
    const restartOn = this.options.restartOn ?? isExpiredPageToken;
    const previousError = this.error;
    this.error = undefined;
    let restarted = false;
    let pages = 0;
    let added = 0;
    let addedVisible = 0;
    try {
      for (;;) {
        try {
          for await (const page of this.options.fetch(token, signal)) {
            pages += 1;
            for (const item of page.items) {
              const key = this.options.key(item);
              if (this.keys.has(key)) continue;
              this.keys.add(key);
              this.items.push(item);
              added += 1;
              if (!filter || filter(item)) addedVisible += 1;
            }
            this.nextToken = page.nextToken;
            this.started = true;
            if (page.nextToken === undefined) break;
            // After a restart the first pages are ones already shown: skip to the first new item.
            if (restarted && added === 0) continue;
            if (fill === undefined || addedVisible >= fill || pages >= maxPages) break;
          }
          break;
        } catch (error) {
          if (!restarted && token !== undefined && restartOn(error)) {
            restarted = true;
            token = undefined;
            continue;
          }
          throw error;
        }
      }
      this.pending = false;
    } catch (error) {
      // A cancelled load is not a failure: the tree asks again with a fresh signal.
      if (isCancelled(error)) {
        this.error = previousError;
        return;
      }
      // A first page that failed is retried from the start; a later one from the last good token.
      this.error = error;
      this.pending = false;
      if (!this.started) this.nextToken = undefined;
    }
  }
}
