/**
 * Differential sweep: the SAM translator (aws-sam-translator, through scripts/samTranslate.py)
 * against ArchLens, over the broken SAM templates of test/fixtures/sam-broken and the SAM
 * templates of the shared corpus (`../shared/corpus`, or $ARCHLENS_CORPUS; skipped when absent).
 *
 * For each file: does the translator reject it, and does ArchLens report an error? Prints the
 * recall (rejected files ArchLens flags), the rejected files it misses (rules to add), and the
 * files ArchLens flags that the translator accepts (each must be a real defect the translator
 * ignores, or a false alarm to fix). Needs python3 with aws-sam-translator and cfn-lint (for
 * its YAML decoder and managed-policy map); a dev tool, never run by the extension.
 *
 * Usage: npm run build && node --import tsx scripts/samDiffSweep.ts [--corpus-only|--broken-only] [--dir DIR]... [--mutate] [--json OUT]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { createAnalyzer } from '../src/engine/analyzer';
import type { Finding } from '../src/engine/findings';
import { SAM_GLOBALS } from '../src/engine/rules/samRules';

const repoRoot = path.resolve(__dirname, '..');
const corpusRoot = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const brokenDir = path.join(repoRoot, 'test', 'fixtures', 'sam-broken');
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const SERVERLESS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::Serverless::/;

interface OracleResult {
  file: string;
  rejected?: boolean;
  skipped?: boolean;
  errors?: string[];
  parse?: string[];
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, out);
    else if (entry.isFile() && TEMPLATE_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

function samCorpusFiles(): string[] {
  if (!fs.existsSync(corpusRoot)) return [];
  return filesUnder(corpusRoot).filter((file) => {
    const stat = fs.statSync(file);
    return stat.size < 2_000_000 && fs.readFileSync(file, 'utf8').includes(SAM_TRANSFORM);
  });
}

function runOracle(files: readonly string[]): Map<string, OracleResult> {
  const out = execFileSync('python3', [path.join(__dirname, 'samTranslate.py'), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results = new Map<string, OracleResult>();
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const result = JSON.parse(line) as OracleResult;
    results.set(result.file, result);
  }
  return results;
}

/** The Globals table of cfn-sam-globals against the translator's own list: prints what differs. */
function compareGlobals(): void {
  const translator = JSON.parse(execFileSync('python3', [path.join(__dirname, 'samTranslate.py'), '--globals'], { encoding: 'utf8' })) as Record<string, string[]>;
  const differences: string[] = [];
  for (const section of new Set([...Object.keys(translator), ...Object.keys(SAM_GLOBALS)])) {
    const theirs = new Set(translator[section] ?? []);
    const ours = new Set(SAM_GLOBALS[section] ?? []);
    const onlyTheirs = [...theirs].filter((name) => !ours.has(name));
    const onlyOurs = [...ours].filter((name) => !theirs.has(name));
    if (onlyTheirs.length || onlyOurs.length) differences.push(`Globals.${section}: translator only [${onlyTheirs.join(', ')}], ArchLens only [${onlyOurs.join(', ')}]`);
  }
  console.log(differences.length ? `Globals table differs from the translator:\n  ${differences.join('\n  ')}` : `Globals table: same sections and properties as the translator (${Object.keys(translator).length} sections)`);
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function main(): void {
  const corpusOnly = process.argv.includes('--corpus-only');
  const brokenOnly = process.argv.includes('--broken-only');
  const jsonIndex = process.argv.indexOf('--json');
  const sets: [string, string[]][] = [];
  if (!corpusOnly) sets.push(['broken', filesUnder(brokenDir)]);
  if (!brokenOnly) sets.push(['corpus', samCorpusFiles()]);
  // --dir DIR (repeatable): more SAM templates to compare, e.g. the repository's own fixtures.
  process.argv.forEach((arg, index) => {
    const dir = process.argv[index + 1];
    if (arg === '--dir' && dir) sets.push([dir, filesUnder(path.resolve(dir)).filter((file) => fs.readFileSync(file, 'utf8').includes(SAM_TRANSFORM))]);
  });
  compareGlobals();
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(path.join(repoRoot, 'dist', 'catalog')) });
  const errorsOf = (file: string, text: string): Finding[] => analyzer.lint(file, text).findings.filter((finding) => finding.severity === 'error');
  // --mutate: one-change mutants of the corpus and sam-valid templates (scripts/samMutate.py); a mutant's
  // errors are those its original does not have, so the corpus's own defects do not count.
  const originals = new Map<string, string>();
  let outDir: string | undefined;
  if (process.argv.includes('--mutate')) {
    const sources = [...samCorpusFiles(), ...filesUnder(path.join(repoRoot, 'test', 'fixtures', 'sam-valid'))];
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sam-mutants-'));
    execFileSync('python3', [path.join(__dirname, 'samMutate.py'), outDir, ...sources], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const mutants = filesUnder(outDir);
    for (const mutant of mutants) originals.set(mutant, sources[Number(path.basename(mutant).split('-', 1)[0])]!);
    sets.push(['mutants', mutants]);
  }
  const report: Record<string, unknown> = {};
  for (const [name, files] of sets) {
    if (files.length === 0) {
      console.log(`${name}: no files`);
      continue;
    }
    const oracle = runOracle(files);
    const rows = files.map((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const original = originals.get(file);
      const known = new Set(original ? errorsOf(original, fs.readFileSync(original, 'utf8')).map((e) => `${e.rule}|${e.message}`) : []);
      const errors = errorsOf(file, text).filter((e) => !known.has(`${e.rule}|${e.message}`));
      const verdict = oracle.get(file);
      // Without the SAM transform CloudFormation itself rejects AWS::Serverless::* types.
      const rejected = verdict?.skipped ? SERVERLESS_TYPE.test(text) : verdict?.rejected === true;
      const label = original ? `${path.basename(file)} (from ${path.relative(repoRoot, original)})` : path.relative(repoRoot, file);
      return { file: label, rejected, why: verdict?.skipped ? ['no SAM transform (CloudFormation rejects AWS::Serverless::* types)'] : (verdict?.errors ?? verdict?.parse ?? []), errors };
    });
    const rejected = rows.filter((row) => row.rejected);
    const caught = rejected.filter((row) => row.errors.length > 0);
    const missed = rejected.filter((row) => row.errors.length === 0);
    const extra = rows.filter((row) => !row.rejected && row.errors.length > 0);
    console.log(`\n== ${name}: ${rows.length} files, translator/CloudFormation rejects ${rejected.length}, ArchLens flags ${caught.length} of them (recall ${rejected.length ? ((100 * caught.length) / rejected.length).toFixed(0) : '-'}%)`);
    for (const row of missed) console.log(`  MISSED ${row.file}: ${oneLine(row.why[0] ?? '')}`);
    for (const row of caught) console.log(`  caught ${row.file}: ${[...new Set(row.errors.map((e) => e.rule))].join(', ')} | ${oneLine(row.why[0] ?? '', 100)}`);
    console.log(`  ArchLens errors on files the translator accepts: ${extra.length}`);
    for (const row of extra) for (const e of row.errors) console.log(`  EXTRA ${row.file}:${e.range.start.line + 1} ${e.rule}: ${oneLine(e.message)}`);
    report[name] = { files: rows.length, rejected: rejected.length, caught: caught.length, missed: missed.map((r) => r.file), extra: extra.map((r) => ({ file: r.file, errors: r.errors.map((e) => `${e.rule}: ${e.message}`) })) };
  }
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  if (jsonIndex >= 0 && process.argv[jsonIndex + 1]) fs.writeFileSync(process.argv[jsonIndex + 1]!, JSON.stringify(report, null, 2));
}

main();
