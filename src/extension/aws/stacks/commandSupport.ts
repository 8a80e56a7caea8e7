// What every stacks command shares: a failure never escapes (it is logged and shown with what
// to do next), a user cancel is silent, and a node argument falls back to the tree selection
// (keybindings and the command palette pass none).
import * as vscode from 'vscode';
import { isCancelled } from '../../../aws/errors';
import { errorNextStep, errorSummary } from '../../../views/standardNodes';
import type { ViewNode } from '../../../views/viewNode';
import { StageUnavailableError } from './stackDocuments';
import type { StacksView } from './stacksView';

export type CommandHandler = (node: unknown) => unknown;

export function registerStackCommand(id: string, log: vscode.LogOutputChannel, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (node: unknown) => {
    try {
      await handler(node);
    } catch (error) {
      await reportFailure(id, error, log);
    }
  });
}

export async function reportFailure(what: string, error: unknown, log: vscode.LogOutputChannel): Promise<void> {
  if (isCancelled(error)) return;
  log.error(`${what}: ${errorSummary(error)}`);
  const message = error instanceof StageUnavailableError ? error.message : `${errorSummary(error)} ${errorNextStep(error)}`;
  const choice = await vscode.window.showErrorMessage(message, 'Show Log');
  if (choice === 'Show Log') log.show(true);
}

/** The node a command acts on: its argument when it is one of `kinds`, else the selected node. */
export function targetNode<K extends (abstract new (...args: never[]) => ViewNode)[]>(view: StacksView, node: unknown, ...kinds: K): InstanceType<K[number]> | undefined {
  const candidates = node !== undefined ? [node] : view.tree.selection;
  for (const candidate of candidates) {
    if (kinds.some((kind) => candidate instanceof kind)) return candidate as InstanceType<K[number]>;
  }
  return undefined;
}
