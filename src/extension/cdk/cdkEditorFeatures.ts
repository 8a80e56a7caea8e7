// The CDK features in editors: code lenses on construct lines ("Creates AWS::S3::Bucket,
// AWS::S3::BucketPolicy", click opens the template at the resource) and "Synthesize CDK App" on
// `new App()` and stack classes; go to definition from a synthesized template's resource (its
// logical id key or `aws:cdk:path`) to the source line that created it.
import * as vscode from 'vscode';
import { lensesForFile, lensTitle, sourceOfResource } from '../../views/cdk/constructLenses';
import { CDK_COMMANDS } from '../../views/cdk/cdkNodes';
import { synthLensLines } from '../../views/cdk/synthLenses';
import { resourceAnchoredAt } from '../../views/cdk/templateIndex';
import { isInside, type CdkWorkspace } from './cdkWorkspace';

const SOURCE_SELECTOR: vscode.DocumentSelector = [
  { language: 'typescript', scheme: 'file' },
  { language: 'javascript', scheme: 'file' },
  { language: 'python', scheme: 'file' },
];
const TEMPLATE_SELECTOR: vscode.DocumentSelector = [{ language: 'json', scheme: 'file', pattern: '**/*.template.json' }];

/** Paths compared as the file system does (case-insensitive on Windows and macOS volumes is not guessed: exact). */
const samePath = (a: string, b: string): boolean => a === b;

class CdkCodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly workspace: CdkWorkspace) {}

  changed(): void {
    this.emitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('archlens.cdk', document.uri).get<boolean>('codeLens', true)) return [];
    const app = await this.workspace.appOfFile(document.uri.fsPath);
    if (!app || isInside(document.uri.fsPath, app.outDir)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const at of synthLensLines(document.getText(), document.languageId === 'python')) {
      const range = new vscode.Range(at.line, at.column, at.line, at.column);
      lenses.push(new vscode.CodeLens(range, { title: 'Synthesize CDK App', tooltip: app.appCommand ? `Runs ${app.appCommand} in ${app.rootDir}` : 'cdk.json has no "app" command', command: CDK_COMMANDS.synthesize, arguments: [app.rootDir] }));
    }
    for (const lens of lensesForFile([app], document.uri.fsPath, samePath)) {
      const range = new vscode.Range(lens.line, lens.column, lens.line, lens.column);
      const first = lens.resources[0];
      lenses.push(
        new vscode.CodeLens(range, {
          title: lensTitle(lens),
          tooltip: `${lens.path}: ${lens.resources.map((r) => `${r.logicalId} (${r.type})`).join(', ')}. Click to open the synthesized template.`,
          command: CDK_COMMANDS.openTemplate,
          arguments: first ? [first] : [],
        }),
      );
    }
    return lenses;
  }
}

class TemplateDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly workspace: CdkWorkspace) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const apps = await this.workspace.list();
    const file = document.uri.fsPath;
    if (!apps.some((app) => isInside(file, app.outDir))) return undefined;
    // No lint here: only the resource under the cursor is wanted.
    const resource = resourceAnchoredAt(this.workspace.reader().templateIndex(file, document.getText()), document.offsetAt(position));
    if (!resource) return undefined;
    const source = sourceOfResource(apps, file, resource.logicalId, samePath)?.source;
    if (!source) return undefined;
    return new vscode.Location(vscode.Uri.file(source.file), new vscode.Position(source.line, source.column));
  }
}

export function registerCdkEditorFeatures(workspace: CdkWorkspace): vscode.Disposable {
  const lenses = new CdkCodeLensProvider(workspace);
  return vscode.Disposable.from(
    vscode.languages.registerCodeLensProvider(SOURCE_SELECTOR, lenses),
    vscode.languages.registerDefinitionProvider(TEMPLATE_SELECTOR, new TemplateDefinitionProvider(workspace)),
    workspace.onDidChange(() => lenses.changed()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('archlens.cdk.codeLens')) lenses.changed();
    }),
  );
}
