// Commands shared by every tree: the standard nodes' "Load more…" and "Failed to load: click to
// retry", and the Refresh action on any node that can reload (`RefreshableNode`: stack folders,
// log groups, ...), on each node of a multi-selection.
import * as vscode from 'vscode';
import { commandTargets } from '../../views/commandTargets';
import { ErrorNode, LoadMoreNode } from '../../views/standardNodes';
import { isRefreshable } from '../../views/viewNode';

export function registerTreeCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archlens.tree.loadMore', (node: unknown) => {
      if (node instanceof LoadMoreNode) node.loadMore();
    }),
    vscode.commands.registerCommand('archlens.tree.retry', (node: unknown) => {
      if (node instanceof ErrorNode) node.retry();
    }),
    vscode.commands.registerCommand('archlens.tree.refreshNode', (...args: unknown[]) => {
      for (const target of commandTargets(args)) if (isRefreshable(target)) target.refresh();
    }),
  );
}
