// Read-only documents of the Glue view (`archlens-glue:`): table documents, partition health
// reports and the two sides of a schema drift diff. Content providers' documents cannot be edited,
// so nobody mistakes them for something that changes the catalog. Kept in memory, the last 50.
import * as vscode from 'vscode';
import { LruCache } from '../../../views/lruCache';

export const GLUE_SCHEME = 'archlens-glue';
const KEEP = 50;

export class GlueDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly contents = new LruCache<string, string>(KEEP);

  /** Stores `text` at `/<region>/<path>` and returns its URI (the extension of `path` picks the language). */
  put(region: string, path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: GLUE_SCHEME, path: `/${region}/${path}` });
    const key = uri.toString();
    const changed = this.contents.has(key) && this.contents.get(key) !== text;
    this.contents.set(key, text);
    if (changed) this.emitter.fire(uri);
    return uri;
  }

  /** Stores and shows a document (Markdown ones in the editor, as text: exact and searchable). */
  async show(region: string, path: string, text: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.put(region, path, text));
    return vscode.window.showTextDocument(document, { preview: false });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '<!-- Open this again from the Glue Data Catalog view: its content is kept for the session only. -->\n';
  }

  dispose(): void {
    this.emitter.dispose();
    this.contents.clear();
  }
}
