// Composition of the live-AWS features: the connection first, then the views that use it.
import type * as vscode from 'vscode';
import { registerTreeCommands } from '../tree/treeCommands';
import { registerCodeArtifact } from './codeArtifact/registerCodeArtifact';
import { registerConnection } from './connection/registerConnection';
import { registerGlue } from './glue/registerGlue';
import { registerLogs } from './logs/registerLogs';
import { registerStacks } from './stacks/registerStacks';
import { registerRefreshPrices } from '../cost/refreshPricesCommand';

export function registerAws(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const connection = registerConnection(context, log);
  return [registerTreeCommands(), connection, registerStacks(context, connection, log), registerLogs(context, connection, log), registerGlue(connection, log), registerCodeArtifact(context, connection, log), registerRefreshPrices(context, connection, log)];
}
