// The one way to register a command that calls AWS (or the AWS files): it never throws into the
// workbench. A failure is logged (redacted summary only) and shown with what to do next and a
// button to the fix (src/views/errorMessages.ts decides the words); a user cancel is silent; and
// tree arguments are normalised to a list of targets, so a command run on a multi-selection
// (`canSelectMany`: `(node, nodes[])`), on one node, or from the palette (the view's selection)
// reads them the same way.
import * as vscode from 'vscode';
import { isCancelled } from '../../aws/errors';
import { redactSecrets } from '../../aws/redact';
import type { AwsServices } from '../../views/awsServices';
import { commandTargets, oneTarget, targetsOfKind, type NodeKind } from '../../views/commandTargets';
import { commandFailure, errorSummary } from '../../views/errorMessages';
import type { AwsConnection } from './awsConnection';

/** One run of a command. */
export interface CommandInvocation {
  /** The first argument as given: a node, or `{ group }`-style arguments from keybindings, tests and other commands. */
  readonly arg: unknown;
  /** Every argument as given. */
  readonly args: readonly unknown[];
  /** What the command acts on: the multi-selection, the node, or the view's selection (see `commandTargets`). */
  readonly targets: readonly unknown[];
  /** The targets of these kinds, in order. */
  of<K extends NodeKind[]>(...kinds: K): InstanceType<K[number]>[];
  /**
   * The one target of a single-target command: the clicked node when it is of these kinds (in a
   * multi-selection it need not be the first selected), else the first target of these kinds.
   */
  one<K extends NodeKind[]>(...kinds: K): InstanceType<K[number]> | undefined;
}

export interface AwsCommandOptions {
  /** The work in a sentence for the failure message, e.g. `Detecting drift`. */
  readonly what: string;
  /** The selection of the tree a command run without a node acts on (keybindings). */
  readonly selection?: () => readonly unknown[];
}

/**
 * Registers `id`. The handler's result is the command's result (tests and other commands use
 * it); after a failure the command resolves undefined.
 */
export function registerAwsCommand(id: string, log: vscode.LogOutputChannel, options: AwsCommandOptions, handler: (invocation: CommandInvocation) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const targets = commandTargets(args, options.selection);
    const invocation: CommandInvocation = {
      arg: args[0],
      args,
      targets,
      of: (...kinds) => targetsOfKind(targets, ...kinds),
      one: (...kinds) => oneTarget(args, targets, ...kinds),
    };
    try {
      return await handler(invocation);
    } catch (error) {
      reportCommandFailure(log, options.what, error, id);
      return undefined;
    }
  });
}

/**
 * Logs `error` and shows it with its next step and fix; a cancel goes to the log only. For work a
 * command starts and does not wait for (a live tail, a follow-up action); never rejects.
 */
export function reportCommandFailure(log: vscode.LogOutputChannel, what: string, error: unknown, id?: string): void {
  if (isCancelled(error)) {
    log.info(`${what}: cancelled`);
    return;
  }
  // The summary only, redacted: an error object's stack and cause chain can carry request details.
  log.error(redactSecrets(`${what} failed${id ? ` (${id})` : ''}: ${errorSummary(error)}`));
  const { message, action } = commandFailure(what, error);
  const buttons = action ? [action.title, 'Show Log'] : ['Show Log'];
  vscode.window.showErrorMessage(message, ...buttons).then(
    (choice) => {
      if (choice === 'Show Log') log.show(true);
      else if (choice && action) void vscode.commands.executeCommand(action.command);
    },
    () => undefined,
  );
}

/**
 * The connection's services (connecting first if nothing has yet), or undefined after telling the
 * user why there is none and how to connect.
 */
export async function requireServices(connection: AwsConnection): Promise<AwsServices | undefined> {
  await connection.ensureStarted();
  const services = connection.services();
  if (services) return services;
  const reason =
    connection.state === 'noProfileSelected' || connection.state === 'error' ? (connection.lastError ?? 'no AWS connection') : connection.state === 'connecting' ? 'still connecting to AWS' : 'no AWS credentials were found';
  void vscode.window.showWarningMessage(`ArchLens: ${reason.replace(/\.$/, '')}. Select an AWS profile first.`, 'Select Profile').then((choice) => {
    if (choice) void vscode.commands.executeCommand('archlens.aws.selectProfile');
  });
  return undefined;
}
