// The CDK side of the extension: the CDK view, its commands, the editor features and
// "Synthesize CDK App". One call from extension.ts; everything it starts is disposed with it.
// Nothing here loads toolkit-lib: a synth forks dist/cdkSynthWorker.js on demand.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandTargets } from '../../views/commandTargets';
import type { CdkApp, SourcePosition, SynthesizedResource } from '../../views/cdk/cdkModel';
import { AppNode, CDK_COMMANDS, ConstructNode, StackNode } from '../../views/cdk/cdkNodes';
import { OPEN_DIAGRAM_COMMAND } from '../diagram/registerDiagram';
import { registerCdkEditorFeatures } from './cdkEditorFeatures';
import { CdkTreeView } from './cdkTreeView';
import { CdkWorkspace, isInside } from './cdkWorkspace';
import { forwardSourceEdits } from './sourceEdits';
import { synthesizeApp, type SynthCommandServices } from './synth/synthCommand';

const SOURCE_LANGUAGES = new Set(['typescript', 'javascript', 'python']);

function isSourcePosition(value: unknown): value is SourcePosition {
  const v = value as Partial<SourcePosition> | undefined;
  return typeof v === 'object' && v !== null && typeof v.file === 'string' && typeof v.line === 'number' && typeof v.column === 'number';
}

function isResource(value: unknown): value is SynthesizedResource {
  const v = value as Partial<SynthesizedResource> | undefined;
  return typeof v === 'object' && v !== null && typeof v.templateFile === 'string' && typeof v.logicalId === 'string' && typeof v.line === 'number';
}

/** Opens a file at a position; from the tree, focus stays there (arrow keys keep browsing, as in the Explorer). */
async function openAt(file: string, line: number, column: number, preserveFocus: boolean): Promise<void> {
  const position = new vscode.Position(line, column);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true, preserveFocus });
}

/** The template (and line) a node or resource points at. */
function templateTarget(target: unknown): { file: string; line: number } | undefined {
  if (isResource(target)) return { file: target.templateFile, line: target.line };
  if (target instanceof ConstructNode) {
    const first = target.resources()[0];
    return first ? { file: first.templateFile, line: first.line } : undefined;
  }
  if (target instanceof StackNode) return { file: target.stack.templateFile, line: 0 };
  return undefined;
}

export function registerCdk(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, client?: LanguageClient): vscode.Disposable {
  const workspace = new CdkWorkspace(log);
  const view = new CdkTreeView(workspace);
  const synth: SynthCommandServices = { workspace, log, workerPath: context.asAbsolutePath(path.join('dist', 'cdkSynthWorker.js')) };

  /** The app a command acts on: its argument (folder, app or stack node), the tree's selection, the only app, or a pick. */
  const appFor = async (args: unknown[]): Promise<CdkApp | undefined> => {
    const apps = await workspace.list();
    for (const target of commandTargets(args, () => view.selection())) {
      if (typeof target === 'string') return apps.find((app) => app.rootDir === target);
      if (target instanceof AppNode || target instanceof StackNode) return target.app;
    }
    const editor = vscode.window.activeTextEditor?.document.uri.fsPath;
    const ofEditor = editor ? workspace.appOfFileSync(editor) : undefined;
    if (ofEditor) return ofEditor;
    if (apps.length <= 1) {
      if (apps.length === 0) void vscode.window.showInformationMessage('ArchLens: no CDK app (a folder with cdk.json) in this workspace.');
      return apps[0];
    }
    const picked = await vscode.window.showQuickPick(
      apps.map((app) => ({ label: app.name, description: app.appCommand ?? 'no "app" in cdk.json', detail: app.rootDir, app })),
      { title: 'Synthesize CDK App', placeHolder: 'Which CDK app?' },
    );
    return picked?.app;
  };

  let saveTimer: NodeJS.Timeout | undefined;
  const synthOnSave = (document: vscode.TextDocument): void => {
    if (!SOURCE_LANGUAGES.has(document.languageId) || !vscode.workspace.isTrusted) return;
    if (!vscode.workspace.getConfiguration('archlens.cdk', document.uri).get<boolean>('synthOnSave', false)) return;
    const app = workspace.appOfFileSync(document.uri.fsPath);
    if (!app || isInside(document.uri.fsPath, app.outDir)) return;
    // Saving several files in a row (Save All) starts one synth.
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void synthesizeApp(app, synth, 'save'), 1_000);
  };

  return vscode.Disposable.from(
    workspace,
    view,
    registerCdkEditorFeatures(workspace),
    ...(client ? [forwardSourceEdits(client, workspace)] : []),
    vscode.workspace.onDidSaveTextDocument(synthOnSave),
    { dispose: () => saveTimer && clearTimeout(saveTimer) },
    vscode.commands.registerCommand(CDK_COMMANDS.synthesize, async (...args: unknown[]) => {
      const app = await appFor(args);
      if (app) await synthesizeApp(app, synth, 'explicit');
    }),
    vscode.commands.registerCommand(CDK_COMMANDS.openSource, async (position: unknown) => {
      if (isSourcePosition(position)) await openAt(position.file, position.line, position.column, true);
    }),
    vscode.commands.registerCommand(CDK_COMMANDS.openTemplate, async (...args: unknown[]) => {
      const targets = commandTargets(args, () => view.selection());
      const target = targets.map(templateTarget).find((t) => t !== undefined);
      if (!target) {
        void vscode.window.showInformationMessage('ArchLens: select a stack or construct in the CDK view to open its synthesized template.');
        return;
      }
      // A code lens passes the resource itself: the user is in the editor and goes to the template.
      await openAt(target.file, target.line, 0, !isResource(targets[0]));
    }),
    vscode.commands.registerCommand(CDK_COMMANDS.showInDiagram, async (...args: unknown[]) => {
      const target = commandTargets(args, () => view.selection()).map(templateTarget).find((t) => t !== undefined);
      if (!target) {
        void vscode.window.showInformationMessage('ArchLens: select a stack or construct in the CDK view to show its template in the diagram.');
        return;
      }
      await vscode.commands.executeCommand(OPEN_DIAGRAM_COMMAND, vscode.Uri.file(target.file));
    }),
    vscode.commands.registerCommand('archlens.cdk.refresh', () => workspace.invalidate()),
  );
}
