/**
 * CDK apps in the language server: every app of the workspace folders (a folder with cdk.json)
 * whose cloud assembly exists is linted stack by stack, and the findings are published on the
 * sources that made the resources (`.ts`, `.py`, the OpenAPI file), never opened or not.
 *
 * - The lint runs on the lint worker (backgroundLinter.ts), never on this thread, so requests
 *   are answered meanwhile. An app is re-linted when files of its assembly change (a new synth).
 * - When a source of the app changes (edited in the editor: the extension sends
 *   `archlens/cdkSourceChanged` with the text; saved on disk: a watched-file event), its lines
 *   move: the findings on it are moved with them (src/engine/cdk/lineMapping.ts, from the text the
 *   placement read to the new one) and published again, without linting again.
 * - A stale assembly (older than its newest source) gets an information diagnostic on cdk.json.
 *
 * Each app is one source in the `DiagnosticsBook`, so a publish replaces exactly that app's diagnostics.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import type { Analyzer } from '../engine/analyzer';
import { LineMapping } from '../engine/cdk/lineMapping';
import type { Finding, LintOptions } from '../engine/findings';
import { isAppSource, lintCdkAppFolder, type CdkAppLint } from '../node/cdk/appLint';
import { findCdkApps } from '../node/cdk/findCdkApps';
import { CDK_SOURCE_CHANGED, type CdkSourceChanged } from '../node/cdk/sourceChangeProtocol';
import { MAX_DOCUMENT_BYTES, readTextFile } from '../node/readRegularFile';
import type { BackgroundLinter } from './backgroundLinter';
import { toDiagnostic } from './convert';
import type { DiagnosticsBook } from './diagnosticsBook';

/** Rule-like code of the stale-assembly diagnostic (a Synthesize action can key on it). */
export const STALE_ASSEMBLY_CODE = 'cdk-stale-assembly';
const RELINT_DELAY_MS = 500;
/** Sources the server watches on disk (the client's own watchers cover templates only). */
const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,mjs,cjs,py}';

interface Services {
  readonly analyzer: Analyzer;
  readonly book: DiagnosticsBook;
  readonly uriOf: (file: string) => string | undefined;
  readonly optionsFor: (file: string) => LintOptions;
  readonly log: (message: string) => void;
  /** Runs the lint off this thread; without it (tests of this class alone) the lint runs here. */
  readonly linter?: BackgroundLinter;
  /** For the source-change notification and the watcher on sources. */
  readonly connection?: Connection;
}

/** What the last lint of an app gave, and the newest text known of each of its sources. */
interface AppState {
  readonly lint: CdkAppLint;
  /** Source file -> its current text, for sources changed since the lint. */
  readonly current: Map<string, string>;
}

/** Keeps the diagnostics of the workspace's CDK apps. */
export class CdkDiagnostics {
  private folders: string[] = [];
  /** App folder -> its assembly folder, for the apps found. */
  private readonly apps = new Map<string, string>();
  private readonly states = new Map<string, AppState>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Lints started per app: an answer older than the latest is dropped. */
  private readonly generation = new Map<string, number>();
  private watchingSources = false;

  constructor(private readonly services: Services) {
    services.connection?.onNotification(CDK_SOURCE_CHANGED, (params: CdkSourceChanged) => {
      if (typeof params?.uri === 'string') this.onSourceText(params.uri, typeof params.text === 'string' ? params.text : undefined);
    });
  }

  /** Workspace folder URIs from `initialize`. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** Finds the apps and lints each. */
  refreshAll(): void {
    for (const folder of this.folders) for (const appDir of findCdkApps(folder)) this.schedule(appDir, 0);
  }

  /** Files changed on disk: re-lint the apps whose assembly or cdk.json they belong to; move findings on changed sources. */
  onFilesChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      const file = fileURLToPath(uri);
      for (const [appDir, assemblyDir] of this.apps) {
        if (file.startsWith(assemblyDir + path.sep) || file === path.join(appDir, 'cdk.json')) this.schedule(appDir, RELINT_DELAY_MS);
        else if (this.states.get(appDir)?.lint.sources.some(([source]) => source === file)) this.onSourceText(uri, undefined);
      }
      // A first synth of an app not seen yet.
      if (path.basename(file) === 'manifest.json') {
        const appDir = path.dirname(path.dirname(file));
        if (!this.apps.has(appDir) && this.folders.some((folder) => appDir === folder || appDir.startsWith(folder + path.sep))) this.schedule(appDir, RELINT_DELAY_MS);
      }
    }
  }

  /**
   * A source changed: `text` from the editor, or undefined to read the disk. The findings of every
   * app placed on it move with its lines and are published again (no lint).
   */
  onSourceText(uri: string, text: string | undefined): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    for (const [appDir, state] of this.states) {
      if (!isAppSource(appDir, state.lint.assemblyDir, file) || !state.lint.sources.some(([source]) => source === file)) continue;
      let current = text;
      if (current === undefined) {
        try {
          current = readTextFile(file, MAX_DOCUMENT_BYTES);
        } catch {
          continue; // deleted or unreadable: the next lint says what is left
        }
      }
      state.current.set(file, current);
      this.publish(appDir, state);
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
        void this.lint(appDir);
      }, delay),
    );
  }

  /** Lints one app (on the worker) and replaces what it contributes. Never throws. */
  async lint(appDir: string): Promise<void> {
    const { analyzer, optionsFor, log, linter } = this.services;
    const generation = (this.generation.get(appDir) ?? 0) + 1;
    this.generation.set(appDir, generation);
    try {
      const started = performance.now();
      const options = optionsFor(path.join(appDir, 'cdk.json'));
      const lint = linter ? await linter.lintCdk({ appDir, options }, () => lintCdkAppFolder(appDir, analyzer, options)) : lintCdkAppFolder(appDir, analyzer, options);
      if (this.generation.get(appDir) !== generation) return; // a newer lint is under way
      this.apps.set(appDir, lint.assemblyDir);
      const state: AppState = { lint, current: new Map() };
      this.states.set(appDir, state);
      if (lint.synthesized) log(`CDK app ${appDir}: ${lint.templates} templates linted in ${Math.round(performance.now() - started)} ms${lint.staleSource ? ' (assembly is stale)' : ''}.`);
      this.watchSources();
      this.publish(appDir, state);
    } catch (error) {
      log(`CDK app ${appDir} could not be linted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Publishes an app's findings, each moved along the edits of its source since the lint. */
  private publish(appDir: string, state: AppState): void {
    const { book, uriOf } = this.services;
    const byTarget = new Map<string, Diagnostic[]>();
    const add = (uri: string | undefined, diagnostic: Diagnostic): void => {
      if (!uri) return;
      const list = byTarget.get(uri) ?? [];
      list.push(diagnostic);
      byTarget.set(uri, list);
    };
    const bases = new Map(state.lint.sources);
    const mappings = new Map<string, LineMapping>();
    for (const [file, text] of state.current) {
      const base = bases.get(file);
      if (base !== undefined && base !== text) mappings.set(file, new LineMapping(base, text));
    }
    for (const { target, finding } of state.lint.findings) {
      const mapping = mappings.get(target);
      add(uriOf(target), toDiagnostic(mapping ? moved(finding, mapping) : finding, uriOf));
    }
    const { staleSource, assemblyDir } = state.lint;
    if (staleSource !== undefined) {
      add(uriOf(path.join(appDir, 'cdk.json')), {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        severity: DiagnosticSeverity.Information,
        source: 'archlens',
        code: STALE_ASSEMBLY_CODE,
        message: `The cloud assembly ${path.relative(appDir, assemblyDir)} is older than ${path.relative(appDir, staleSource)}: CDK findings may be out of date. Synthesize the app (cdk synth) to refresh them.`,
      });
    }
    book.setContributions(`archlens-cdk:${appDir}`, byTarget);
  }

  /** Asks the client (once) to report changes of source files on disk, so findings follow saved edits. */
  private watchSources(): void {
    const connection = this.services.connection;
    if (this.watchingSources || !connection) return;
    this.watchingSources = true;
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: SOURCE_GLOB }] }).catch(() => undefined);
  }
}

/** The finding with its source range moved along the lines of an edit. */
function moved(finding: Finding, mapping: LineMapping): Finding {
  const place = finding.otherFile;
  if (!place) return finding;
  const start = mapping.map(place.range.start.line);
  const end = start + (place.range.end.line - place.range.start.line);
  return { ...finding, otherFile: { ...place, range: { start: { ...place.range.start, line: start }, end: { ...place.range.end, line: end } } } };
}
