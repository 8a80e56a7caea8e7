/**
 * `npm run corpus`: false-positive sweep over the shared real-world corpus.
 *
 * Lints every template in aws-cloudformation-templates, widdix-aws-cf-templates and cfn-large
 * (upstream lints them clean, so nearly every error here is ours to explain), checks that the
 * files in aws-cloudformation-templates/NON_TEMPLATES.txt are detected as `other`, and prints
 * counts by rule plus the first 40 error findings to hunt false positives.
 *
 * The corpus is optional (a fresh clone does not have it): `../shared/corpus` relative to the
 * repository, or $ARCHLENS_CORPUS. Absent -> prints a note and exits 0.
 * Options: --json OUT.json writes every finding and detection result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { collectFiles } from '../src/cli/walk';
import { createAnalyzer, type DocumentKind } from '../src/engine/analyzer';
import type { Severity } from '../src/engine/findings';
import { sweepCdkCorpus } from './cdkCorpusSweep';

const repoRoot = path.resolve(__dirname, '..');
const corpusRoot = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const TEMPLATE_FOLDERS = ['aws-cloudformation-templates', 'widdix-aws-cf-templates', 'cfn-large'];
const NON_TEMPLATES_LIST = path.join('aws-cloudformation-templates', 'NON_TEMPLATES.txt');
const TOP_ERRORS = 40;
/**
 * Files upstream does not expect to be clean: MacrosExamples need their custom macros
 * (aws-cloudformation-templates' .cfnlintrc ignores them) and one Control Tower template has a
 * `%TEMPLATE_BUCKET_NAME%` placeholder (see the corpus README). Their findings are counted
 * apart so the list below is the one to hunt false positives in.
 */
const EXPECTED_NOISE = [/(^|\/)MacrosExamples\//, /custom-control-tower-initiation\.template$/];

interface SweepFinding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length > 200 ? flat.slice(0, 197) + '...' : flat;
}

function main(): void {
  if (!fs.existsSync(corpusRoot)) {
    console.log(`corpus not found, skipping (${corpusRoot})`);
    return;
  }
  const jsonIndex = process.argv.indexOf('--json');
  const jsonOut = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(path.join(repoRoot, 'dist', 'catalog')) });
  const started = performance.now();

  // Detection negatives: listed files must never be linted as templates.
  const listPath = path.join(corpusRoot, NON_TEMPLATES_LIST);
  const nonTemplates = fs.existsSync(listPath)
    ? fs.readFileSync(listPath, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    : [];
  const nonTemplateSet = new Set(nonTemplates.map((rel) => path.join(corpusRoot, 'aws-cloudformation-templates', rel)));
  const misdetected: string[] = [];
  for (const rel of nonTemplates) {
    const file = path.join(corpusRoot, 'aws-cloudformation-templates', rel);
    if (!fs.existsSync(file)) continue;
    const kind = analyzer.detect(file, fs.readFileSync(file, 'utf8'));
    if (kind !== 'other') misdetected.push(`${rel} (detected as ${kind})`);
  }

  const kinds = new Map<DocumentKind, number>();
  const findings: SweepFinding[] = [];
  const otherFiles: string[] = [];
  const crashes: string[] = [];
  let scanned = 0;
  for (const folder of TEMPLATE_FOLDERS) {
    const dir = path.join(corpusRoot, folder);
    if (!fs.existsSync(dir)) continue;
    for (const { path: file } of collectFiles([dir])) {
      scanned++;
      const shown = path.relative(corpusRoot, file);
      try {
        const text = fs.readFileSync(file, 'utf8');
        const kind = analyzer.detect(file, text);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (kind === 'other') {
          if (!nonTemplateSet.has(file)) otherFiles.push(shown);
          continue;
        }
        for (const f of analyzer.lint(file, text).findings) {
          findings.push({ file: shown, line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, rule: f.rule, message: f.message });
        }
      } catch (error) {
        // The engine promises never to throw; a throw is the most important thing to report.
        crashes.push(`${shown}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const templates = scanned - (kinds.get('other') ?? 0);
  const kindText = [...kinds].filter(([kind]) => kind !== 'other').map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`corpus: ${corpusRoot}`);
  console.log(`files linted: ${scanned} in ${seconds} s; detected as templates: ${templates} (${kindText}); other: ${kinds.get('other') ?? 0}`);
  console.log(`NON_TEMPLATES.txt: ${nonTemplates.length - misdetected.length}/${nonTemplates.length} detected as other`);
  for (const line of misdetected) console.log(`  misdetected: ${line}`);
  if (otherFiles.length > 0) {
    console.log(`not detected as templates (and not in NON_TEMPLATES.txt): ${otherFiles.length}`);
    for (const file of otherFiles.slice(0, 20)) console.log(`  ${file}`);
    if (otherFiles.length > 20) console.log(`  ... ${otherFiles.length - 20} more`);
  }
  if (crashes.length > 0) {
    console.log(`ENGINE THREW on ${crashes.length} files:`);
    for (const crash of crashes.slice(0, 10)) console.log(`  ${crash}`);
  }

  const byRule = new Map<string, { error: number; warning: number; info: number }>();
  for (const f of findings) {
    const counts = byRule.get(f.rule) ?? { error: 0, warning: 0, info: 0 };
    counts[f.severity]++;
    byRule.set(f.rule, counts);
  }
  const total = (severity: Severity): number => findings.filter((f) => f.severity === severity).length;
  console.log(`\nfindings: ${total('error')} errors, ${total('warning')} warnings, ${total('info')} info`);
  const ruleRows = [...byRule].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
  const width = Math.max(4, ...ruleRows.map(([rule]) => rule.length));
  if (ruleRows.length > 0) console.log(`  ${'rule'.padEnd(width)}  errors  warnings  info`);
  for (const [rule, c] of ruleRows) console.log(`  ${rule.padEnd(width)}  ${String(c.error).padStart(6)}  ${String(c.warning).padStart(8)}  ${String(c.info).padStart(4)}`);

  const isNoise = (f: SweepFinding): boolean => EXPECTED_NOISE.some((pattern) => pattern.test(f.file.split(path.sep).join('/')));
  const noise = findings.filter((f) => f.severity === 'error' && isNoise(f));
  if (noise.length > 0) console.log(`\n${noise.length} errors are in files upstream does not lint clean (MacrosExamples, placeholders); not listed below.`);
  const errors = findings.filter((f) => f.severity === 'error' && !isNoise(f));
  if (errors.length === 0) console.log('\nno other errors.');
  if (errors.length > 0) {
    console.log(`\nfirst ${Math.min(TOP_ERRORS, errors.length)} of ${errors.length} errors:`);
    // Messages may quote multi-line values; one line per finding keeps the list scannable.
    for (const f of errors.slice(0, TOP_ERRORS)) console.log(`  ${f.file}:${f.line}:${f.column}  ${f.rule}  ${oneLine(f.message)}`);
  }

  sweepCdkCorpus(corpusRoot, analyzer);

  if (jsonOut) {
    fs.writeFileSync(jsonOut, JSON.stringify({ corpus: corpusRoot, scanned, kinds: Object.fromEntries(kinds), misdetected, otherFiles, crashes, findings }, null, 2) + '\n');
    console.log(`\nwrote ${jsonOut}`);
  }
}

main();
