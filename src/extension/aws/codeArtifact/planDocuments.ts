// Read-only documents for origin-control plans and run reports (`archlens-plan:` URIs): a plan
// is reviewed as a Markdown table in an editor (searchable, screen-reader friendly, theme-aware)
// and cannot be edited by mistake; exports go through a save dialog.
import * as vscode from 'vscode';

export const PLAN_SCHEME = 'archlens-plan';

export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This plan is no longer available; make it again.';
  }

  /** Opens `text` as a read-only Markdown document titled `title`. */
  async show(title: string, text: string): Promise<vscode.TextEditor> {
    this.counter += 1;
    const safe = title.replace(/[^A-Za-z0-9._ -]/g, '-').slice(0, 80);
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${this.counter}/${safe}.md` });
    // Bounded: the newest 20 documents are kept.
    if (this.texts.size >= 20) this.texts.delete(this.texts.keys().next().value!);
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

export function registerPlanDocuments(): { documents: PlanDocuments; disposable: vscode.Disposable } {
  const documents = new PlanDocuments();
  return { documents, disposable: vscode.Disposable.from(documents, vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, documents)) };
}

/** Asks where to save `text` (a plan export) and writes it; never overwrites without the dialog's own confirmation. */
export async function exportText(defaultName: string, text: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultName) } : {}), filters, saveLabel: 'Export' });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`ArchLens: plan exported to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
