/** Saving an exported diagram: a save dialog next to the template, then `workspace.fs`. */
import * as vscode from 'vscode';
import type { DiagramExportSaveMessage } from '../../shared/webview/diagramProtocol';

const FILTERS: Readonly<Record<DiagramExportSaveMessage['format'], Record<string, string[]>>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
};

/**
 * Asks where to save and writes the file. The message is already validated: `fileName` is a
 * single safe path segment, so joining it to the template's folder cannot escape it, and the
 * user confirms the final location in the dialog anyway.
 */
export async function saveExport(message: DiagramExportSaveMessage, template: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<void> {
  const folder = template ? vscode.Uri.joinPath(template, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, message.fileName) : undefined,
    filters: FILTERS[message.format],
    saveLabel: 'Export',
    title: `Export the architecture diagram as ${message.format.toUpperCase()}`,
  });
  if (!target) return; // cancelled: not an error
  const bytes = message.format === 'svg' ? new TextEncoder().encode(message.data) : Buffer.from(message.data, 'base64');
  await vscode.workspace.fs.writeFile(target, bytes);
  log.info(`diagram: exported ${message.format.toUpperCase()} (${bytes.byteLength} bytes) to ${target.toString(true)}`);
  void vscode.window.showInformationMessage(`ArchLens: diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
