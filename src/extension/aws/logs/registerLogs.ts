// PLACEHOLDER (owned by the logs work): replaced by the real implementation.
import * as vscode from 'vscode';
import type { AwsConnection } from '../awsConnection';

export function registerLogs(_context: vscode.ExtensionContext, _connection: AwsConnection, _log: vscode.LogOutputChannel): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
