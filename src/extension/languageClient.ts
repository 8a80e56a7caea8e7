import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** Crash-restart policy: exponential backoff, and give up after this many crashes in the window. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 3 * 60_000;

/**
 * Starts the ArchLens language server (dist/server.js) in its own process, so
 * validation never blocks the extension host. A crash restarts it with backoff
 * and one notification; repeated crashes stop it with an error and a log link.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const crashes: number[] = [];
  let notified = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', pattern: '**/*.template' },
    ],
    outputChannel: output,
    // The server re-reads `.archlens.yml` on change, and re-checks the documents that read a
    // changed file: an OpenAPI file a template includes, a `$ref`'d schema (YAML, JSON,
    // `.template`). Files open in the editor reach it as document changes instead.
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/.archlens.{yml,yaml}'), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,template}')] },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && now - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
        if (crashes.length >= MAX_CRASHES) {
          void vscode.window.showErrorMessage('The ArchLens language server crashed repeatedly and was stopped. Run "ArchLens: Restart Language Server" after checking the log.', 'Show Log').then((choice) => {
            if (choice) output.show();
          });
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (!notified) {
          notified = true;
          void vscode.window.showWarningMessage('The ArchLens language server stopped unexpectedly and is restarting.');
        }
        const delay = Math.min(30_000, 500 * 2 ** (crashes.length - 1));
        setTimeout(() => void client.start().catch((error: unknown) => output.error(`Restart failed: ${String(error)}`)), delay);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  // The error handler above runs only after start(), when `client` is initialised.
  const client = new LanguageClient('archlens', 'ArchLens', serverOptions, clientOptions);
  return client;
}
