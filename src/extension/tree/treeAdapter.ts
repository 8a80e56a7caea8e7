// The one bridge between src/views nodes and VS Code's TreeView: converts `NodeItem` data into
// `vscode.TreeItem`s, turns the tree's cancellation into an AbortSignal, and never lets a loader
// throw into the workbench (a failure becomes an ErrorNode on that node only).
import * as vscode from 'vscode';
import { ErrorNode } from '../../views/standardNodes';
import type { TreeChangeSink, ViewNode } from '../../views/viewNode';

export class ViewTreeProvider implements vscode.TreeDataProvider<ViewNode>, TreeChangeSink, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly parents = new WeakMap<ViewNode, ViewNode>();
  /** Aborted on refresh and dispose, so loads nobody waits for stop reaching AWS. */
  private loads = new AbortController();

  constructor(private readonly roots: (signal: AbortSignal) => Promise<ViewNode[]>) {}

  changed(node: ViewNode | undefined): void {
    this.emitter.fire(node);
  }

  /** Re-render everything, cancelling loads still in flight. */
  refresh(): void {
    this.loads.abort();
    this.loads = new AbortController();
    this.emitter.fire(undefined);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const item = node.item();
    const state =
      item.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : item.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const tree = new vscode.TreeItem(item.label, state);
    tree.id = node.id;
    if (item.description !== undefined) tree.description = item.description;
    if (item.tooltip !== undefined) tree.tooltip = new vscode.MarkdownString(item.tooltip);
    if (item.icon) tree.iconPath = new vscode.ThemeIcon(item.icon.id, item.icon.color ? new vscode.ThemeColor(item.icon.color) : undefined);
    if (item.contextValue !== undefined) tree.contextValue = item.contextValue;
    if (item.command) tree.command = { command: item.command.command, title: item.command.title, arguments: item.command.arguments ? [...item.command.arguments] : undefined };
    return tree;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return this.parents.get(node);
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    const signal = this.loads.signal;
    try {
      const children = node ? ((await node.children?.(signal)) ?? []) : await this.roots(signal);
      if (node) for (const child of children) this.parents.set(child, node);
      return children;
    } catch (error) {
      const id = `${node?.id ?? 'root'}/error`;
      return [new ErrorNode(id, error, () => this.changed(node))];
    }
  }

  dispose(): void {
    this.loads.abort();
    this.emitter.dispose();
  }
}
