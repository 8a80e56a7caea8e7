/**
 * CDK apps in the language server: every app of the workspace folders (a folder with cdk.json)
 * whose cloud assembly exists is linted stack by stack, and the findings are published on the
 * sources that made the resources (`.ts`, `.py`, the OpenAPI file), never opened or not. An app
 * is re-linted when files of its assembly change (the client watches `*.json`, so a new synth is
 * seen). A stale assembly (older than its newest source) gets an information diagnostic on
 * cdk.json saying so. Each app is one source in the `DiagnosticsBook`, so a re-lint replaces
 * exactly that app's diagnostics.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Analyzer } from '../engine/analyzer';
import type { LintOptions } from '../engine/findings';
import { findCdkApps, staleSource } from '../node/cdk/findCdkApps';
import { lintCdkApp } from '../node/cdk/lintCdkApp';
import { loadCdkApp } from '../node/cdk/loadCdkApp';
import { toDiagnostic } from './convert';
import type { DiagnosticsBook } from './diagnosticsBook';

/** Rule-like code of the stale-assembly diagnostic (a Synthesize action can key on it). */
export const STALE_ASSEMBLY_CODE = 'cdk-stale-assembly';
const RELINT_DELAY_MS = 500;

interface Services {
  readonly analyzer: Analyzer;
  readonly book: DiagnosticsBook;
  readonly uriOf: (file: string) => string | undefined;
  readonly optionsFor: (file: string) => LintOptions;
  readonly log: (message: string) => void;
}

/** Keeps the diagnostics of the workspace's CDK apps. */
export class CdkDiagnostics {
  private folders: string[] = [];
  /** App folder -> its assembly folder, for the apps found. */
  private readonly apps = new Map<string, string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly services: Services) {}

  /** Workspace folder URIs from `initialize`. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** Finds the apps and lints each (one per tick, so requests are answered in between). */
  refreshAll(): void {
    for (const folder of this.folders) for (const appDir of findCdkApps(folder)) this.schedule(appDir, 0);
  }

  /** Files changed on disk: re-lint the apps whose assembly or cdk.json they belong to. */
  onFilesChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const file = fileURLToPath(uri);
      for (const [appDir, assemblyDir] of this.apps) {
        if (file.startsWith(assemblyDir + path.sep) || file === path.join(appDir, 'cdk.json')) this.schedule(appDir, RELINT_DELAY_MS);
      }
      // A first synth of an app not seen yet.
      if (path.basename(file) === 'manifest.json') {
        const appDir = path.dirname(path.dirname(file));
        if (!this.apps.has(appDir) && this.folders.some((folder) => appDir === folder || appDir.startsWith(folder + path.sep))) this.schedule(appDir, RELINT_DELAY_MS);
      }
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(appDir: string, delay: number): void {
    const previous = this.pending.get(appDir);
    if (previous) clearTimeout(previous);
    this.pending.set(
      appDir,
      setTimeout(() => {
        this.pending.delete(appDir);
        this.lint(appDir);
      }, delay),
    );
  }

  /** Lints one app and replaces what it contributes. Never throws. */
  lint(appDir: string): void {
    const { analyzer, book, uriOf, optionsFor, log } = this.services;
    try {
      const started = performance.now();
      const app = loadCdkApp(appDir);
      this.apps.set(appDir, app.assemblyDir);
      const byTarget = new Map<string, Diagnostic[]>();
      const add = (uri: string | undefined, diagnostic: Diagnostic): void => {
        if (!uri) return;
        const list = byTarget.get(uri) ?? [];
        list.push(diagnostic);
        byTarget.set(uri, list);
      };
      if (app.assembly) {
        const result = lintCdkApp(app, analyzer, optionsFor(path.join(app.assemblyDir, 'manifest.json')));
        for (const report of result.reports) {
          for (const finding of report.findings) add(uriOf(finding.otherFile?.file ?? report.templateFile), toDiagnostic(finding, uriOf));
        }
        const stale = staleSource(appDir, app.assemblyDir);
        if (stale) {
          add(uriOf(path.join(appDir, 'cdk.json')), {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            severity: DiagnosticSeverity.Information,
            source: 'archlens',
            code: STALE_ASSEMBLY_CODE,
            message: `The cloud assembly ${path.relative(appDir, app.assemblyDir)} is older than ${path.relative(appDir, stale.file)}: CDK findings may be out of date. Synthesize the app (cdk synth) to refresh them.`,
          });
        }
        log(`CDK app ${appDir}: ${result.reports.length} templates linted in ${Math.round(performance.now() - started)} ms${stale ? ' (assembly is stale)' : ''}.`);
      }
      book.setContributions(`archlens-cdk:${appDir}`, byTarget);
    } catch (error) {
      log(`CDK app ${appDir} could not be linted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
