// What the stacks commands share: the command wrapper bound to the stacks view (a command run
// without a node acts on the tree's selection), and the stack a palette command acts on.
import type * as vscode from 'vscode';
import type { StackInfo } from '../../../views/stacks/stackInfo';
import { StackNode } from '../../../views/stacks/stackNode';
import { registerAwsCommand, requireServices, type CommandInvocation } from '../awsCommand';
import { pickStack } from './stackPick';
import type { StacksView } from './stacksView';

export type StackCommandRegistrar = (id: string, what: string, handler: (invocation: CommandInvocation) => unknown) => vscode.Disposable;

/** Registers stacks commands: never throwing, falling back to the tree's selection. */
export function stackCommandRegistrar(view: StacksView, log: vscode.LogOutputChannel): StackCommandRegistrar {
  return (id, what, handler) => registerAwsCommand(id, log, { what, selection: () => view.selection() }, handler);
}

/**
 * The stack a command acts on: the stack node it was run on, else (the palette, a keybinding)
 * one the user picks from the region's stacks, with the tree's selected stack highlighted.
 * Undefined when there is no connection (the user was told) or the pick was closed.
 */
export async function stackOrPick(view: StacksView, invocation: CommandInvocation, title: string): Promise<StackInfo | undefined> {
  if (invocation.arg instanceof StackNode) return invocation.arg.info;
  if (!(await requireServices(view.connection))) return undefined;
  const root = view.current();
  return root ? pickStack(root, title, view.selection()) : undefined;
}
