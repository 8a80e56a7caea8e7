import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerDiagram } from './diagram/registerDiagram';
import { registerStatusBar } from './statusBar';
import { registerAws } from './aws/registerAws';
import { redactingLogChannel } from './redactingLog';
import { registerCost } from './cost/registerCost';
import { registerCdk } from './cdk/registerCdk';

let client: LanguageClient | undefined;

/**
 * Composition root. Analysis runs in the language server process; the
 * extension wires the client, the status bar and the commands. Everything it
 * registers is disposed with the extension.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = redactingLogChannel(vscode.window.createOutputChannel('ArchLens', { log: true }));
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  context.subscriptions.push(
    registerStatusBar(client),
    registerDiagram(context, { log: output }),
    registerCost(context, output),
    ...registerAws(context, output),
    registerCdk(context, output, client),
    vscode.commands.registerCommand('archlens.server.restart', async () => {
      output.info('Restarting the language server on request.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('archlens.log.show', () => output.show()),
  );
  await client.start();
  output.info(`ArchLens activated (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode: analysis only'}).`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
