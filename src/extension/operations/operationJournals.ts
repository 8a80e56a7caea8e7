// Where write operations keep their journals in the extension: a folder under the extension's
// global storage. Global, not per workspace: a bulk change to an AWS account belongs to no folder,
// and its backup must outlive closing the workspace or uninstalling nothing but the folder.
// The first user (CodeArtifact bulk origin-control changes) creates the store from its `register`
// function; on start it can call `unfinishedJournals(await store.list())` to offer resume or restore.
// Progress: run inside `withAwsProgress` and pass `percentReporter(progress.report)` as onProgress.
import * as vscode from 'vscode';
import { createFileJournalStore } from '../../node/fileJournalStore';
import type { JournalStore } from '../../operations/journal';

export const JOURNAL_FOLDER = 'operation-journals';

/**
 * The journal store for write operations, or undefined when global storage is not on the local
 * file system (journals need fsync; write operations are then not offered).
 */
export function createOperationJournalStore(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>): JournalStore | undefined {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, JOURNAL_FOLDER);
  return folder.scheme === 'file' ? createFileJournalStore(folder.fsPath) : undefined;
}
