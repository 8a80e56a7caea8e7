// The tree-node contract shared by every sidebar view (docs: architecture.md, practice 7).
// Nodes live in src/views, which never imports `vscode`: a node describes itself as plain data
// (`NodeItem`) and loads its children with an AbortSignal, so views are unit-tested with the
// real AWS SDK against the local protocol servers. `src/extension/tree/treeAdapter.ts` is the one
// place that turns these into `vscode.TreeItem`s.

/** A codicon (`$(id)` without the `$()`), optionally tinted with a theme colour id. */
export interface NodeIcon {
  readonly id: string;
  /** A theme colour id such as `testing.iconFailed` or `charts.yellow`. */
  readonly color?: string;
}

/** A command run when the node is clicked. */
export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

/** How a node shows in a tree: plain data, converted to a `vscode.TreeItem` by the adapter. */
export interface NodeItem {
  readonly label: string;
  readonly description?: string;
  /** Markdown shown on hover. */
  readonly tooltip?: string;
  readonly icon?: NodeIcon;
  /** Drives menus (`viewItem == ...`); values come from `contextValues.ts`. */
  readonly contextValue?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command?: NodeCommand;
}

/** One node of a sidebar tree. */
export interface ViewNode {
  /** Unique within its tree and stable across refreshes (keeps expansion and selection). */
  readonly id: string;
  item(): NodeItem;
  /** Children, loaded on expand; the signal is aborted when the tree no longer needs them. */
  children?(signal: AbortSignal): Promise<ViewNode[]>;
}

/** Something the UI can ask to re-render: a node whose children changed. */
export interface TreeChangeSink {
  /** Re-render `node`'s children (or the whole tree when `node` is undefined). */
  changed(node: ViewNode | undefined): void;
}

/** A node a tree's Refresh action (`archlens.tree.refreshNode`) can reload. */
export interface RefreshableNode extends ViewNode {
  /** Forget what was loaded below this node and re-render it: the next expand asks AWS again. */
  refresh(): void;
}

export function isRefreshable(node: unknown): node is RefreshableNode {
  return typeof node === 'object' && node !== null && typeof (node as { refresh?: unknown }).refresh === 'function' && typeof (node as { id?: unknown }).id === 'string';
}
