// Commands shared by every tree's standard nodes ("Load more…", "Failed to load: click to retry").
import * as vscode from 'vscode';
import { ErrorNode, LoadMoreNode } from '../../views/standardNodes';

export function registerTreeCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archlens.tree.loadMore', (node: unknown) => {
      if (node instanceof LoadMoreNode) node.loadMore();
    }),
    vscode.commands.registerCommand('archlens.tree.retry', (node: unknown) => {
      if (node instanceof ErrorNode) node.retry();
    }),
  );
}
