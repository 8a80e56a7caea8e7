// The host of a tree view bound to the AWS connection: one root per connection (profile, region),
// built on first render by the view's `ViewRootFactory` and rebuilt when the connection changes
// (with the previous root handed over, so filters carry over); refresh; which nodes are open; and
// the context keys the view's welcome content and menus use:
//   `<viewId>.empty`: the root rendered no node (e.g. no stacks in this region);
//   `<viewId>.<key>`: whatever the root sets through `ViewRootHost.setState` (e.g. `filtered`).
// While the connection is not ready the view is empty and the connection's own welcome content
// (`archlens.aws.state`) shows. (Not `TreeView.message`: a message hides the welcome content.)
//
// A new view: a root class in src/views, `new ConnectedTreeView({ viewId, connection, createRoot })`,
// and its view, welcome content and menus in package.json.
import * as vscode from 'vscode';
import { ExpandedNodes } from '../../views/expandedNodes';
import type { ViewNode } from '../../views/viewNode';
import type { ViewRoot, ViewRootFactory, ViewRootHost } from '../../views/viewRoot';
import type { AwsConnection } from '../aws/awsConnection';
import { ViewTreeProvider } from './treeAdapter';

export interface ConnectedTreeViewOptions<R extends ViewRoot> {
  /** The view id contributed in package.json, e.g. `archlens.stacks`; also the context key prefix. */
  readonly viewId: string;
  readonly connection: AwsConnection;
  readonly createRoot: ViewRootFactory<R>;
  /** Lets commands receive `(node, nodes[])` for a multi-selection. */
  readonly canSelectMany?: boolean;
  readonly showCollapseAll?: boolean;
}

export class ConnectedTreeView<R extends ViewRoot> implements vscode.Disposable {
  readonly viewId: string;
  readonly connection: AwsConnection;
  readonly provider: ViewTreeProvider;
  readonly tree: vscode.TreeView<ViewNode>;
  private root: R | undefined;
  /** The root of the connection before, until the next one is built from it. */
  private previous: R | undefined;
  private readonly expansion: ExpandedNodes;
  private readonly context = new Map<string, boolean>();
  private readonly resetEmitter = new vscode.EventEmitter<void>();
  private readonly expansionEmitter = new vscode.EventEmitter<{ readonly node: ViewNode; readonly expanded: boolean }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rootHost: ViewRootHost;

  /** The listing was rebuilt (refresh, connection change): node objects from before are gone. */
  readonly onDidReset = this.resetEmitter.event;
  /** A node was expanded or collapsed by the user. */
  readonly onDidChangeExpansion = this.expansionEmitter.event;

  constructor(private readonly options: ConnectedTreeViewOptions<R>) {
    this.viewId = options.viewId;
    this.connection = options.connection;
    this.provider = new ViewTreeProvider((signal) => this.roots(signal));
    this.expansion = new ExpandedNodes((node) => this.provider.getParent(node));
    this.rootHost = { changed: (node) => this.provider.changed(node), setState: (key, value) => this.setContext(key, value) };
    this.tree = vscode.window.createTreeView(options.viewId, {
      treeDataProvider: this.provider,
      showCollapseAll: options.showCollapseAll ?? true,
      canSelectMany: options.canSelectMany ?? false,
    });
    this.disposables.push(
      this.tree,
      this.provider,
      this.resetEmitter,
      this.expansionEmitter,
      options.connection.onDidChange(() => this.connectionChanged()),
      // Any node counts: collapsing a parent hides what is open below it.
      this.tree.onDidExpandElement((e) => {
        this.expansion.expand(e.element);
        this.expansionEmitter.fire({ node: e.element, expanded: true });
      }),
      this.tree.onDidCollapseElement((e) => {
        this.expansion.collapse(e.element);
        this.expansionEmitter.fire({ node: e.element, expanded: false });
      }),
    );
    this.setContext('empty', false);
  }

  /** The root for the current connection, or undefined while it is not ready. */
  current(): R | undefined {
    if (this.connection.state !== 'ready') return undefined;
    if (!this.root) {
      // Built on first use after each connection change (the services object may not be stable
      // between calls, so identity is not compared).
      const services = this.connection.services();
      if (services) {
        this.root = this.options.createRoot(services, this.rootHost, this.previous);
        this.previous = undefined;
      }
    }
    return this.root;
  }

  /** Lists again from the first page (and cancels loads in flight). */
  refresh(): void {
    this.root?.refresh();
    this.provider.refresh();
    this.resetEmitter.fire();
  }

  /** The nodes selected in the tree (a command run without a node acts on them). */
  selection(): readonly ViewNode[] {
    return this.tree.selection;
  }

  /** Expanded, and so is every ancestor: its children are showing. */
  isOpen(node: ViewNode): boolean {
    return this.expansion.isOpen(node);
  }

  /** Reveals `node` when it is rendered under its parent; quietly does nothing when it is not. */
  async reveal(node: ViewNode, options: { expand?: boolean; select?: boolean; focus?: boolean }): Promise<void> {
    await Promise.resolve(this.tree.reveal(node, options)).catch(() => undefined);
  }

  /** Sets `<viewId>.<key>` (only when it changes). */
  setContext(key: string, value: boolean): void {
    const name = `${this.viewId}.${key}`;
    if (this.context.get(name) === value) return;
    this.context.set(name, value);
    void vscode.commands.executeCommand('setContext', name, value);
  }

  private connectionChanged(): void {
    // Views must stop using the old session's nodes: the next render builds a new root.
    this.previous = this.root ?? this.previous;
    this.root = undefined;
    this.provider.refresh();
    this.resetEmitter.fire();
  }

  private async roots(signal: AbortSignal): Promise<ViewNode[]> {
    // The view asks for its roots when it is shown: the first time, that connects.
    void this.connection.ensureStarted();
    const root = this.current();
    if (!root) {
      // The connection's own welcome content (no credentials, connecting, error) shows instead.
      this.setContext('empty', false);
      return [];
    }
    const nodes = await root.children(signal);
    // An aborted render is discarded by the tree: it says nothing about emptiness.
    if (!signal.aborted) this.setContext('empty', nodes.length === 0);
    return nodes;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
