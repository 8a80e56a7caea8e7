// PLACEHOLDER (owned by the connection work): replaced by the real implementation.
import * as vscode from 'vscode';
import type { AwsConnection } from '../awsConnection';

export function registerConnection(_context: vscode.ExtensionContext, _log: vscode.LogOutputChannel): AwsConnection {
  const emitter = new vscode.EventEmitter<void>();
  return { state: 'noCredentials', onDidChange: emitter.event, services: () => undefined, dispose: () => emitter.dispose() };
}
