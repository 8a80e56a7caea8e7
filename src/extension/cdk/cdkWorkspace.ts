// The workspace's CDK apps, for the tree, the code lenses and go to definition: every folder with
// a cdk.json (outside node_modules and assembly folders), each read into the view model by
// `appSnapshot` on first use and again when its assembly changes (a synth here or in a terminal)
// or a source is saved (the stale marker). Reading is local and read-only, so it also runs in an
// untrusted workspace.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CdkApp } from '../../views/cdk/cdkModel';
import type { CdkReader, createCdkReader } from './cdkReader';

/** More apps than this in one workspace are not listed (a monorepo of fixtures, not a project). */
const MAX_APPS = 50;
const EXCLUDE = '{**/node_modules/**,**/cdk.out/**,**/.git/**}';

export class CdkWorkspace implements vscode.Disposable {
  private apps: Promise<readonly CdkApp[]> | undefined;
  private loadedReader: CdkReader | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: NodeJS.Timeout | undefined;
  /** The apps were read again: views and lenses re-render. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{cdk.json,manifest.json}');
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.invalidateSoon()),
      watcher.onDidCreate(() => this.invalidateSoon()),
      watcher.onDidDelete(() => this.invalidateSoon()),
      // A saved source may make an assembly stale.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.appOfFileSync(doc.uri.fsPath)) this.invalidateSoon();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateSoon()),
    );
  }

  /** The apps (read once, then from memory until something changes). */
  list(): Promise<readonly CdkApp[]> {
    this.apps ??= this.read().catch((error: unknown) => {
      this.apps = undefined;
      throw error;
    });
    return this.apps;
  }

  /** The apps already read, without waiting (for synchronous checks such as a save). */
  private known: readonly CdkApp[] = [];

  /** The app a file belongs to (its folder or a subfolder), from what was last read. */
  appOfFileSync(file: string): CdkApp | undefined {
    return this.known.filter((app) => isInside(file, app.rootDir)).sort((a, b) => b.rootDir.length - a.rootDir.length)[0];
  }

  async appOfFile(file: string): Promise<CdkApp | undefined> {
    await this.list();
    return this.appOfFileSync(file);
  }

  /** Forget what was read and tell the views (debounced: a synth writes many files). */
  invalidateSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.invalidate(), 400);
  }

  invalidate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.apps = undefined;
    this.emitter.fire();
  }

  /**
   * The reader (dist/cdkReader.js, beside this bundle), loaded on first use, not at activation.
   * The specifier is not a literal, so esbuild leaves the require alone.
   */
  reader(): CdkReader {
    if (!this.loadedReader) {
      const load = require as (id: string) => { createCdkReader: typeof createCdkReader };
      this.loadedReader = load(path.join(__dirname, 'cdkReader.js')).createCdkReader();
    }
    return this.loadedReader;
  }

  private async read(): Promise<readonly CdkApp[]> {
    const files = await vscode.workspace.findFiles('**/cdk.json', EXCLUDE, MAX_APPS);
    const reader = this.reader();
    const apps: CdkApp[] = [];
    for (const file of files) {
      const folder = path.dirname(file.fsPath);
      try {
        apps.push(reader.snapshot(folder, displayName(file)));
      } catch (error) {
        this.log.warn(`CDK: could not read the app in ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.known = apps;
    this.log.info(`CDK: ${apps.length} app${apps.length === 1 ? '' : 's'} in the workspace.`);
    return apps;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The app folder relative to its workspace folder (the folder's own name at the top). */
function displayName(cdkJson: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(cdkJson);
  const dir = path.dirname(cdkJson.fsPath);
  if (!folder) return path.basename(dir);
  const relative = path.relative(folder.uri.fsPath, dir);
  return relative === '' ? folder.name : relative.split(path.sep).join('/');
}
