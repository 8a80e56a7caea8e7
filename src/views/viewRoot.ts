// The top of a connection-bound view (the stacks view today; Glue or CodeArtifact next). The
// extension's host (src/extension/tree/connectedTreeView.ts) makes one root per connection
// (profile, region) through a `ViewRootFactory`, renders its children as the top level, and
// rebuilds it when the connection changes: a new view is a root class and a few lines of host.
import type { AwsServices } from './awsServices';
import type { TreeChangeSink, ViewNode } from './viewNode';

export interface ViewRoot {
  /**
   * The top-level nodes. An empty list shows the view's welcome content: the host sets
   * `<viewId>.empty` (e.g. "No stacks in this region" with Select Region).
   */
  children(signal: AbortSignal): Promise<ViewNode[]>;
  /** Forget what was loaded; the next render lists again from the first page. */
  refresh(): void;
}

/** What the host gives a root: re-rendering, and context keys for menus and welcome content. */
export interface ViewRootHost extends TreeChangeSink {
  /** Sets the `<viewId>.<key>` context key, e.g. `archlens.stacks.filtered`. */
  setState(key: string, value: boolean): void;
}

/**
 * Builds the root of a connection. `previous` is the root of the connection before (undefined at
 * first): what the user chose there (filters) can carry over.
 */
export type ViewRootFactory<R extends ViewRoot> = (services: AwsServices, host: ViewRootHost, previous: R | undefined) => R;
