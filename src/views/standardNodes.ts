// The standard nodes every tree uses: "nothing here", "failed to load" (retry, show log) and
// "load more". Loaders never throw into the tree: a failure becomes an ErrorNode on that node
// only, so the rest of the tree keeps working (bad-inputs.md, "AccessDenied on one service").
import { CONTEXT } from './contextValues';
import { errorNextStep, errorSummary } from './errorMessages';
import type { NodeItem, ViewNode } from './viewNode';

/** An informational leaf ("No stacks in us-east-1", "Loading…"). */
export class MessageNode implements ViewNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly tooltip?: string,
    private readonly iconId = 'info',
  ) {}

  item(): NodeItem {
    return { label: this.label, tooltip: this.tooltip, icon: { id: this.iconId }, contextValue: CONTEXT.message, collapsible: 'none' };
  }
}

/** "Failed to load …": clicking it retries; the context menu also offers the log. */
export class ErrorNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly error: unknown,
    /** Re-runs the failed load (e.g. resumes paging from the last good page). */
    readonly retry: () => void,
    private readonly what = 'Failed to load',
  ) {}

  item(): NodeItem {
    const summary = errorSummary(this.error);
    return {
      label: `${this.what}: ${summary}`,
      description: 'click to retry',
      tooltip: `${summary}\n\n${errorNextStep(this.error)}`,
      icon: { id: 'error', color: 'errorForeground' },
      contextValue: CONTEXT.error,
      collapsible: 'none',
      command: { command: 'archlens.tree.retry', title: 'Retry', arguments: [this] },
    };
  }
}

/** "Load more…": fetches the next page into its parent. */
export class LoadMoreNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly loadMore: () => void,
    private readonly loadedCount: number,
  ) {}

  item(): NodeItem {
    return {
      label: 'Load more…',
      description: `${this.loadedCount} shown`,
      icon: { id: 'ellipsis' },
      contextValue: CONTEXT.loadMore,
      collapsible: 'none',
      command: { command: 'archlens.tree.loadMore', title: 'Load More', arguments: [this] },
    };
  }
}
