/**
 * The CDK part of `npm run corpus`: every cloud assembly of
 * ../shared/corpus/cdk-synth-aws-solutions-constructs (the `*.snapshot` folders of
 * aws-solutions-constructs' integration tests, synthesized by aws-cdk-lib) is read with the
 * assembly reader and linted stack by stack, as `archlens lint <cdk.out>` does. These templates
 * deploy: every error is a false positive until proven otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Analyzer } from '../src/engine/analyzer';
import { lintCdkApp } from '../src/node/cdk/lintCdkApp';
import { loadCdkApp } from '../src/node/cdk/loadCdkApp';

export const CDK_CORPUS_FOLDER = 'cdk-synth-aws-solutions-constructs';

function assemblies(root: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  if (entries.some((entry) => entry.isFile() && entry.name === 'manifest.json')) {
    out.push(root);
    return out;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) if (entry.isDirectory() && entry.name !== 'node_modules') assemblies(path.join(root, entry.name), out, depth + 1);
  return out;
}

/** Sweeps the CDK corpus; prints counts and the first errors. Returns the number of errors. */
export function sweepCdkCorpus(corpusRoot: string, analyzer: Analyzer): number {
  const dir = path.join(corpusRoot, CDK_CORPUS_FOLDER);
  if (!fs.existsSync(dir)) return 0;
  const started = performance.now();
  let stacks = 0;
  let problems = 0;
  const errors: string[] = [];
  const byRule = new Map<string, number>();
  const found = assemblies(dir);
  for (const assemblyDir of found) {
    const app = loadCdkApp(assemblyDir);
    problems += app.assembly?.problems.length ?? 0;
    const result = lintCdkApp(app, analyzer);
    for (const report of result.reports) {
      stacks++;
      for (const finding of report.findings) {
        if (finding.severity !== 'error') continue;
        byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
        errors.push(`${path.relative(corpusRoot, report.templateFile)}:${finding.range.start.line + 1}  ${finding.rule}  ${finding.message.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
  }
  console.log(`\nCDK assemblies (${CDK_CORPUS_FOLDER}): ${found.length} assemblies, ${stacks} templates linted as CDK stacks in ${((performance.now() - started) / 1000).toFixed(1)} s; ${problems} unreadable parts; ${errors.length} errors`);
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule}  ${count}`);
  for (const line of errors.slice(0, 20)) console.log(`  ${line}`);
  return errors.length;
}
