/**
 * Tells the language server the text of a CDK app's source as it is edited
 * (`archlens/cdkSourceChanged`), so the findings placed on it move with its lines before it is
 * saved: the server does not otherwise see TypeScript or Python documents. Closing a document
 * without saving sends the disk's text back (no `text`: the server reads the file).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CDK_SOURCE_CHANGED, type CdkSourceChanged } from '../../node/cdk/sourceChangeProtocol';
import type { CdkWorkspace } from './cdkWorkspace';

const SOURCE_LANGUAGES = new Set(['typescript', 'javascript', 'python']);
/** Typing sends one message per pause, not one per keystroke. */
const DEBOUNCE_MS = 300;

export function forwardSourceEdits(client: LanguageClient, workspace: CdkWorkspace): vscode.Disposable {
  const timers = new Map<string, NodeJS.Timeout>();
  const send = (document: vscode.TextDocument, text: string | undefined): void => {
    const params: CdkSourceChanged = { uri: document.uri.toString(), ...(text !== undefined ? { text } : {}) };
    // Before the server is up (or while it restarts) there is nothing placed to move.
    if (client.isRunning()) client.sendNotification(CDK_SOURCE_CHANGED, params).catch(() => undefined);
  };
  const isAppSource = (document: vscode.TextDocument): boolean =>
    document.uri.scheme === 'file' && SOURCE_LANGUAGES.has(document.languageId) && workspace.appOfFileSync(document.uri.fsPath) !== undefined;
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length === 0 || !isAppSource(document)) return;
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          send(document, document.getText());
        }, DEBOUNCE_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (!isAppSource(document)) return;
      clearTimeout(timers.get(document.uri.toString()));
      if (document.isDirty) send(document, undefined);
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
