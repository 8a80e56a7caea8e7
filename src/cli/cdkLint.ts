/**
 * `archlens lint <cdk app folder | cdk.out folder>`: every stack of the app's assembly is
 * linted and its findings are printed at source locations (the `.ts`/`.py` line; the template
 * place as related location). Folders walked for templates are searched for CDK apps too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analyzer } from '../engine/analyzer';
import type { Finding, LintOptions } from '../engine/findings';
import { cdkFolderKind, findCdkApps, staleSource } from '../node/cdk/findCdkApps';
import { lintCdkApp } from '../node/cdk/lintCdkApp';
import { loadCdkApp } from '../node/cdk/loadCdkApp';
import { SourceLocator } from '../node/cdk/sourceLocator';
import type { FileReport } from './report';

/** What the CDK part of a lint run produced. */
export interface CdkLintOutcome {
  /** One report per synthesized template (findings carry `otherFile` = the source). */
  readonly reports: FileReport[];
  /** The command-line paths left for the template walk (assembly folders are taken out: their templates are linted here). */
  readonly remainingPaths: string[];
}

function isDirectory(given: string): boolean {
  try {
    return fs.statSync(given).isDirectory();
  } catch {
    return false;
  }
}

/** Paths of a placed finding as the CLI prints them: relative to the working directory. */
function relativeFinding(finding: Finding, shown: (file: string) => string): Finding {
  return {
    ...finding,
    ...(finding.otherFile ? { otherFile: { ...finding.otherFile, file: shown(finding.otherFile.file) } } : {}),
    ...(finding.related ? { related: finding.related.map((location) => ({ ...location, file: shown(location.file) })) } : {}),
  };
}

/** Lints the CDK apps named by or found under `paths`; notes (stale assemblies, problems) go to `note`. */
export function lintCdkPaths(paths: readonly string[], analyzer: Analyzer, optionsFor: (file: string) => LintOptions, note: (message: string) => void, cwd: string): CdkLintOutcome {
  const reports: FileReport[] = [];
  const remainingPaths: string[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    if (!isDirectory(given)) {
      remainingPaths.push(given);
      continue;
    }
    const kind = cdkFolderKind(given);
    if (kind !== 'assembly') remainingPaths.push(given);
    const targets = kind === 'assembly' ? [given] : findCdkApps(given);
    for (const target of targets) {
      const app = loadCdkApp(target, { withoutTree: true });
      const key = path.resolve(app.assemblyDir);
      if (seen.has(key)) continue;
      seen.add(key);
      const shown = (file: string): string => path.relative(cwd, file) || '.';
      if (!app.assembly) {
        note(`${shown(app.appDir ?? target)} is a CDK app without a cloud assembly: run \`cdk synth\` there, then lint again.`);
        continue;
      }
      for (const problem of [...(app.config?.problems ?? []), ...app.assembly.problems]) note(`${shown(app.assemblyDir)}: ${problem}`);
      // One locator for the run: the staleness check and the placement share its listing of the app's sources.
      const locator = new SourceLocator(app.appDir);
      const stale = app.appDir ? staleSource(app.appDir, app.assemblyDir, locator.sourceFiles()) : undefined;
      if (stale) note(`${shown(app.assemblyDir)} is older than ${shown(stale.file)}: findings may be out of date; run \`cdk synth\` to refresh them.`);
      const result = lintCdkApp(app, analyzer, optionsFor(path.join(app.assemblyDir, 'manifest.json')), locator);
      for (const report of result.reports) reports.push({ file: shown(report.templateFile), findings: report.findings.map((finding) => relativeFinding(finding, shown)) });
    }
  }
  return { reports, remainingPaths };
}
