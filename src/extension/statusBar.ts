import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_STATUS_NOTIFICATION } from '../shared/protocol';
import type { DocumentStatus } from '../shared/protocol';

const KIND_LABELS: Record<DocumentStatus['kind'], string> = {
  cloudformation: 'CloudFormation',
  sam: 'SAM',
  openapi: 'OpenAPI',
  other: '',
};

/** A status bar item: what the active file was detected as, and its problem count. */
export function registerStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('archlens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'ArchLens';
  item.command = 'workbench.actions.view.problems';
  const statuses = new Map<string, DocumentStatus>();

  const render = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? statuses.get(uri) : undefined;
    // Drives the diagram's editor-title button: shown only on CloudFormation and SAM templates.
    void vscode.commands.executeCommand('setContext', 'archlens.activeEditorIsTemplate', status?.kind === 'cloudformation' || status?.kind === 'sam');
    if (!status || status.kind === 'other') {
      item.hide();
      return;
    }
    const problems = status.errors + status.warnings + status.infos;
    item.text = problems === 0 ? `$(check) ${KIND_LABELS[status.kind]}` : `$(error) ${status.errors} $(warning) ${status.warnings} ${KIND_LABELS[status.kind]}`;
    item.tooltip = `ArchLens: detected as ${KIND_LABELS[status.kind]}; ${status.errors} errors, ${status.warnings} warnings, ${status.infos} infos (analysed in ${status.durationMs} ms). Click to open Problems.`;
    item.show();
  };

  const subscriptions = [
    item,
    client.onNotification(DOCUMENT_STATUS_NOTIFICATION, (status: DocumentStatus) => {
      statuses.set(status.uri, status);
      render();
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidCloseTextDocument((document) => statuses.delete(document.uri.toString())),
  ];
  return vscode.Disposable.from(...subscriptions);
}
