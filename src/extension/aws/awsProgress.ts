// Slow AWS work behind a cancellable progress notification. The progress token and connection
// changes become one AbortSignal (OperationSignal in src/views): a user cancel ends the work
// silently, a connection change (whose old clients are about to be destroyed) ends it with a
// message that says to run it again, and only real failures reach the caller.
import * as vscode from 'vscode';
import type { AwsServices } from '../../views/awsServices';
import { OperationSignal, type StopReason } from '../../views/operationSignal';
import type { AwsConnection } from './awsConnection';

export interface AwsProgressOptions {
  readonly title: string;
  /** The work, for the "connection changed" message: e.g. `the search of /aws/lambda/orders`. */
  readonly what: string;
  readonly connection: AwsConnection;
  /** The services the work uses, when the command took them before its prompts; default: the current ones. */
  readonly services?: AwsServices;
  readonly location?: vscode.ProgressLocation;
}

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

/** Runs `task`; resolves undefined when the user cancelled it or the connection changed under it. */
export async function withAwsProgress<T>(options: AwsProgressOptions, task: (progress: ProgressReport, signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const outcome = await vscode.window.withProgress(
    { location: options.location ?? vscode.ProgressLocation.Notification, title: options.title, cancellable: true },
    async (progress, token): Promise<{ value: T } | { stopped: StopReason }> => {
      const operation = new OperationSignal({ token, connection: options.connection, services: options.services });
      try {
        const value = await task(progress, operation.signal);
        return operation.reason ? { stopped: operation.reason } : { value };
      } catch (error) {
        if (operation.reason) return { stopped: operation.reason };
        throw error;
      } finally {
        operation.dispose();
      }
    },
  );
  if ('value' in outcome) return outcome.value;
  if (outcome.stopped === 'connectionChanged') {
    void vscode.window.showWarningMessage(`ArchLens: ${options.what} was stopped because the AWS connection changed or lost its credentials. Run it again once connected.`);
  }
  return undefined;
}
