/**
 * One CDK app linted as the language server needs it, as plain data that crosses a thread
 * boundary (the lint runs on the server's lint worker, src/server/lintWorker.ts): every finding
 * with the file it is shown on, the text of each source file as the placement read it (the base
 * that later edits are mapped from, src/engine/cdk/lineMapping.ts), and whether the assembly is
 * older than its sources.
 */
import * as path from 'node:path';
import type { Analyzer } from '../../engine/analyzer';
import type { Finding, LintOptions } from '../../engine/findings';
import { staleSource } from './findCdkApps';
import { lintCdkApp } from './lintCdkApp';
import { loadCdkApp } from './loadCdkApp';
import { SourceLocator } from './sourceLocator';

/** A finding and the file it is published on (its source when placed, else its template). */
export interface PlacedCdkFinding {
  readonly target: string;
  readonly finding: Finding;
}

/** The lint of one app folder. */
export interface CdkAppLint {
  readonly appDir: string;
  readonly assemblyDir: string;
  /** False when the app has never been synthesized (no manifest.json). */
  readonly synthesized: boolean;
  readonly templates: number;
  readonly findings: readonly PlacedCdkFinding[];
  /** Source files that hold findings, with the text the placement read. */
  readonly sources: ReadonlyArray<readonly [file: string, text: string]>;
  /** A source newer than the assembly, when there is one. */
  readonly staleSource?: string;
  readonly problems: readonly string[];
}

/** Lints the app in `appDir` (construct tree skipped) and places its findings on sources. */
export function lintCdkAppFolder(appDir: string, analyzer: Analyzer, options: LintOptions): CdkAppLint {
  const app = loadCdkApp(appDir, { withoutTree: true });
  if (!app.assembly) return { appDir, assemblyDir: app.assemblyDir, synthesized: false, templates: 0, findings: [], sources: [], problems: [] };
  const locator = new SourceLocator(app.appDir);
  const result = lintCdkApp(app, analyzer, options, locator);
  const findings: PlacedCdkFinding[] = [];
  const sources = new Map<string, string>();
  for (const report of result.reports) {
    for (const finding of report.findings) {
      const target = finding.otherFile?.file ?? report.templateFile;
      findings.push({ target, finding });
      const text = finding.otherFile ? locator.text(target) : undefined;
      if (text !== undefined) sources.set(target, text);
    }
  }
  const stale = staleSource(appDir, app.assemblyDir, app.appDir === appDir ? locator.sourceFiles() : undefined);
  return {
    appDir,
    assemblyDir: app.assemblyDir,
    synthesized: true,
    templates: result.reports.length,
    findings,
    sources: [...sources],
    ...(stale ? { staleSource: stale.file } : {}),
    problems: result.problems,
  };
}

/** Whether `file` is a source of the app in `appDir` that findings can be placed on (not its assembly or dependencies). */
export function isAppSource(appDir: string, assemblyDir: string, file: string): boolean {
  const relative = path.relative(appDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  if (file.startsWith(assemblyDir + path.sep) || relative.split(path.sep).includes('node_modules')) return false;
  return /\.(ts|tsx|mts|cts|js|mjs|cjs|py|ya?ml|json)$/.test(file);
}
