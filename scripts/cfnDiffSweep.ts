/**
 * `npm run sweep:cfn`: differential sweep of ArchLens against the two reference validators.
 *
 * Runs ArchLens, `@aws/cloudformation-validate` (a NEW engine per file: a template that traps the
 * WASM engine poisons that instance) and cfn-lint (`cfn-lint --format json`, in batches) over
 *   - the broken templates of test/fixtures/broken-cfn/ (each one a real mistake, named by what it
 *     breaks, its line marked `# BROKEN`), and prints each tool's recall on them;
 *   - the real templates of ../shared/corpus (or $ARCHLENS_CORPUS), and prints, per file, the
 *     errors one tool reports and ArchLens does not, and the reverse.
 * Findings are matched by line and kind: the same line, or within a few lines when the ArchLens
 * rule's page claims the peer's rule id ("Equivalent cfn-lint rules:", read by
 * scripts/cfnLintEquivalence.ts). Each peer is skipped with a note when it is absent, and so is the
 * corpus. Options: --broken-only, --corpus-only, --offset N and --limit N (a chunk of the corpus
 * files, in their sorted order), --files LIST (only the corpus files named in LIST, one path relative
 * to the corpus a line), --without PEER, --json OUT.json, --peer-cache FILE.jsonl (the peers'
 * results are kept there per file and content hash, appended as each file finishes, so a long sweep
 * can be stopped, resumed in chunks and re-run against a changed ArchLens without the slow peers),
 * --cfn-validate-timeout S (run cfn-validate per file in a child process killed after S seconds).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { collectFiles } from '../src/cli/walk';
import { createAnalyzer, type Analyzer } from '../src/engine/analyzer';
import { readPageClaims } from './cfnLintEquivalence';

const repoRoot = path.resolve(__dirname, '..');
const corpusRoot = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const BROKEN_DIR = path.join(repoRoot, 'test', 'fixtures', 'broken-cfn');
const CORPUS_FOLDERS = ['aws-cloudformation-templates', 'widdix-aws-cf-templates', 'cfn-large'];
/** Files upstream does not lint clean (see scripts/corpusSweep.ts). */
const EXPECTED_NOISE = [/(^|\/)MacrosExamples\//, /custom-control-tower-initiation\.template$/];
/** How far apart two tools may place the same kind of finding (a key vs its value, a resource vs its property). */
const KIND_LINE_SLACK = 6;
const CFN_LINT_BATCH = 40;

type Tool = 'archlens' | 'cfn-validate' | 'cfn-lint';
const PEERS: readonly Tool[] = ['cfn-validate', 'cfn-lint'];

interface ToolFinding {
  readonly tool: Tool;
  readonly line: number;
  readonly rule: string;
  /** Whether the tool calls it an error (what breaks a deployment). */
  readonly error: boolean;
  /** A warning (not informational best practice). */
  readonly warning: boolean;
  readonly message: string;
}

/** What one tool said about one file: its findings, or why it could not say. */
type ToolResult = { readonly findings: ToolFinding[] } | { readonly failed: string };

function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length > 160 ? flat.slice(0, 157) + '...' : flat;
}

// ---------------------------------------------------------------- the three tools

function runArchLens(analyzer: Analyzer, file: string): ToolResult {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const findings = analyzer.lint(file, text).findings.map((f) => ({ tool: 'archlens' as const, line: f.range.start.line + 1, rule: f.rule, error: f.severity === 'error', warning: f.severity === 'warning', message: f.message }));
    return { findings };
  } catch (error) {
    return { failed: `ArchLens threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

interface CfnValidateModule {
  RegoEngine: new () => { validateStandard(template: unknown): { status: string; diagnostics: { ruleId: string; severity: string; message: string; startLine?: number }[] }; free(): void };
  TemplateFile: new (path: string) => unknown;
  version(): string;
}

function loadCfnValidate(): CfnValidateModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dev dependency, loaded only when present
    return require('@aws/cloudformation-validate') as CfnValidateModule;
  } catch {
    return undefined;
  }
}

function runCfnValidate(mod: CfnValidateModule, file: string): ToolResult {
  // A new engine per file: a template that traps the WASM engine leaves that instance unusable.
  let engine: InstanceType<CfnValidateModule['RegoEngine']> | undefined;
  try {
    engine = new mod.RegoEngine();
    const report = engine.validateStandard(new mod.TemplateFile(file));
    const findings = report.diagnostics.map((d) => ({ tool: 'cfn-validate' as const, line: d.startLine ?? 1, rule: d.ruleId, error: d.severity === 'ERROR' || d.severity === 'FATAL', warning: d.severity === 'WARN', message: d.message }));
    return report.status === 'ERROR' && findings.length === 0 ? { failed: 'cfn-validate: pipeline error with no diagnostics' } : { findings };
  } catch (error) {
    return { failed: `cfn-validate trapped: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    try {
      engine?.free();
    } catch {
      // A trapped engine may not free cleanly; it is dropped either way.
    }
  }
}

/**
 * cfn-validate on one file in a child process that is killed after `timeoutSeconds`: some
 * templates keep its WASM engine busy for many minutes (widdix fargate/service-cloudmap.yaml), and
 * an in-process engine cannot be interrupted. The child is this script with --cfn-validate-child.
 */
function runCfnValidateIsolated(file: string, timeoutSeconds: number): ToolResult {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--cfn-validate-child', file], { encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { failed: `cfn-validate timed out after ${timeoutSeconds} s` };
  try {
    return JSON.parse(run.stdout) as ToolResult;
  } catch {
    return { failed: `cfn-validate child failed (exit ${String(run.status)}): ${oneLine(run.stderr)}` };
  }
}

function cfnLintVersion(): string | undefined {
  const run = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  return run.error || run.status !== 0 ? undefined : run.stdout.trim();
}

interface CfnLintJson {
  Filename: string;
  Level: string;
  Message: string;
  Rule: { Id: string };
  Location: { Start: { LineNumber: number } };
}

/** cfn-lint over many files in batches (its start-up dominates single-file runs). */
function runCfnLint(files: readonly string[]): Map<string, ToolResult> {
  const out = new Map<string, ToolResult>();
  for (let i = 0; i < files.length; i += CFN_LINT_BATCH) {
    const batch = files.slice(i, i + CFN_LINT_BATCH);
    const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...batch], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    let parsed: CfnLintJson[] | undefined;
    try {
      parsed = JSON.parse(run.stdout) as CfnLintJson[];
    } catch {
      parsed = undefined;
    }
    for (const file of batch) {
      if (!parsed) {
        out.set(file, { failed: `cfn-lint gave no JSON (exit ${String(run.status)}): ${oneLine(run.stderr)}` });
        continue;
      }
      const findings = parsed
        .filter((f) => path.resolve(f.Filename) === path.resolve(file))
        .map((f) => ({ tool: 'cfn-lint' as const, line: f.Location.Start.LineNumber, rule: f.Rule.Id, error: f.Level === 'Error', warning: f.Level === 'Warning', message: f.Message }));
      out.set(file, { findings });
    }
  }
  return out;
}

// ---------------------------------------------------------------- peer cache

/**
 * The peers' results per file, keyed by tool, file name and content hash (not the folder, so a copy
 * of the tree shares them): the peers do not change between runs, ArchLens does.
 * One JSON line per result, appended as it is made.
 */
class PeerCache {
  private readonly entries = new Map<string, ToolResult>();

  constructor(private readonly file: string | undefined) {
    if (!file || !fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as { key: string; result: ToolResult };
        this.entries.set(entry.key, entry.result);
      } catch {
        // A line cut short by a stopped run: that file is run again.
      }
    }
  }

  static key(tool: Tool, file: string): string {
    return `${tool} ${path.basename(file)} ${createHash('sha1').update(fs.readFileSync(file)).digest('hex')}`;
  }

  get(tool: Tool, file: string): ToolResult | undefined {
    return this.file ? this.entries.get(PeerCache.key(tool, file)) : undefined;
  }

  set(tool: Tool, file: string, result: ToolResult): void {
    if (!this.file) return;
    const key = PeerCache.key(tool, file);
    this.entries.set(key, result);
    fs.appendFileSync(this.file, JSON.stringify({ key, result }) + '\n');
  }
}

// ---------------------------------------------------------------- matching

/** ArchLens rule -> the cfn-lint ids its page claims (the "kind" of a finding across tools). */
function claimsByRule(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const claim of readPageClaims().claims) {
    const set = out.get(claim.rule) ?? new Set<string>();
    set.add(claim.id);
    out.set(claim.rule, set);
  }
  return out;
}

function sameFinding(archlens: ToolFinding, peer: ToolFinding, claims: Map<string, Set<string>>): boolean {
  if (archlens.line === peer.line) return true;
  return Math.abs(archlens.line - peer.line) <= KIND_LINE_SLACK && (claims.get(archlens.rule)?.has(peer.rule) ?? false);
}

interface FileDiff {
  readonly file: string;
  /** Peer errors no ArchLens finding matches. */
  readonly peerOnly: ToolFinding[];
  /** ArchLens errors no finding of that peer matches, per peer that ran. */
  readonly archlensOnly: Map<Tool, ToolFinding[]>;
  readonly failures: string[];
}

function diffFile(file: string, results: Map<Tool, ToolResult>, claims: Map<string, Set<string>>): FileDiff {
  const failures: string[] = [];
  const archlens = results.get('archlens');
  const ours = archlens && 'findings' in archlens ? archlens.findings : [];
  if (archlens && 'failed' in archlens) failures.push(archlens.failed);
  const peerOnly: ToolFinding[] = [];
  const archlensOnly = new Map<Tool, ToolFinding[]>();
  for (const peer of PEERS) {
    const result = results.get(peer);
    if (!result) continue;
    if ('failed' in result) {
      failures.push(result.failed);
      continue;
    }
    for (const theirs of result.findings) {
      if (theirs.error && !ours.some((mine) => sameFinding(mine, theirs, claims))) peerOnly.push(theirs);
    }
    // Only the peer's errors and warnings count as "seen" (its informational best practices do not).
    const seen = result.findings.filter((f) => f.error || f.warning);
    archlensOnly.set(peer, ours.filter((mine) => mine.error && !seen.some((theirs) => sameFinding(mine, theirs, claims))));
  }
  return { file, peerOnly, archlensOnly, failures };
}

// ---------------------------------------------------------------- the broken set

/** The lines a finding may sit on to count as catching the file's mistake. */
function brokenRegion(text: string): { marker: number; from: number; to: number } | undefined {
  const lines = text.split(/\r?\n/);
  const marker = lines.findIndex((line) => /#\s*BROKEN\b/.test(line));
  if (marker < 0) return undefined;
  // The mistake's resource (or output, parameter...): from its two-space key line to the next one.
  let from = marker;
  while (from > 0 && !/^ {2}[^\s#-]/.test(lines[from]!)) from--;
  if (!/^ {2}[^\s#-]/.test(lines[from]!)) return { marker: marker + 1, from: 1, to: lines.length };
  let to = marker + 1;
  while (to < lines.length && !/^ {0,2}[^\s#-]/.test(lines[to]!)) to++;
  return { marker: marker + 1, from: from + 1, to };
}

interface Recall {
  errors: number;
  errorsOrWarnings: number;
  ran: number;
  missed: string[];
}

function caught(result: ToolResult | undefined, region: { from: number; to: number }, errorsOnly: boolean): boolean {
  if (!result || 'failed' in result) return false;
  return result.findings.some((f) => (f.error || (!errorsOnly && f.warning)) && f.line >= region.from && f.line <= region.to);
}

// ---------------------------------------------------------------- main

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--cfn-validate-child') {
    const mod = loadCfnValidate();
    process.stdout.write(JSON.stringify(mod ? runCfnValidate(mod, args[1]!) : { failed: 'cfn-validate not installed' }));
    return;
  }
  const timeoutIndex = args.indexOf('--cfn-validate-timeout');
  const cfnValidateTimeout = timeoutIndex >= 0 ? Number(args[timeoutIndex + 1]) : undefined;
  const limitIndex = args.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : Infinity;
  const offsetIndex = args.indexOf('--offset');
  const offset = offsetIndex >= 0 ? Number(args[offsetIndex + 1]) : 0;
  const filesIndex = args.indexOf('--files');
  const fileList = filesIndex >= 0 ? new Set(fs.readFileSync(args[filesIndex + 1]!, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '')) : undefined;
  const cacheIndex = args.indexOf('--peer-cache');
  const peerCache = new PeerCache(cacheIndex >= 0 ? args[cacheIndex + 1] : undefined);
  const jsonIndex = args.indexOf('--json');
  const jsonOut = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
  const analyzer = createAnalyzer({
    catalog: loadCatalogFromDir(path.join(repoRoot, 'dist', 'catalog')),
    readFile: (file) => {
      try {
        return fs.statSync(file).isFile() && fs.statSync(file).size < 5_000_000 ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  });
  // --without cfn-validate|cfn-lint: leave a peer out (cfn-validate needs over a second per template).
  const without = args.flatMap((arg, i) => (arg === '--without' ? [args[i + 1]] : []));
  const cfnValidate = without.includes('cfn-validate') ? undefined : loadCfnValidate();
  const cfnLint = without.includes('cfn-lint') ? undefined : cfnLintVersion();
  console.log(`ArchLens: this tree; @aws/cloudformation-validate: ${cfnValidate ? cfnValidate.version() : 'not installed, skipped'}; cfn-lint: ${cfnLint ?? 'not installed, skipped'}`);
  const claims = claimsByRule();
  const report: Record<string, unknown> = {};

  const runAll = (files: readonly string[]): Map<string, Map<Tool, ToolResult>> => {
    const all = new Map<string, Map<Tool, ToolResult>>();
    const timings = { archlens: 0, 'cfn-validate': 0, 'cfn-lint': 0 };
    for (const [i, file] of files.entries()) {
      // cfn-validate takes a second or more per file: show progress on long runs.
      if (i > 0 && i % 50 === 0) process.stderr.write(`  ${i}/${files.length} files\n`);
      const results = new Map<Tool, ToolResult>();
      let t = performance.now();
      results.set('archlens', runArchLens(analyzer, file));
      timings.archlens += performance.now() - t;
      if (cfnValidate) {
        t = performance.now();
        let result = peerCache.get('cfn-validate', file);
        if (!result) {
          result = cfnValidateTimeout === undefined ? runCfnValidate(cfnValidate, file) : runCfnValidateIsolated(file, cfnValidateTimeout);
          peerCache.set('cfn-validate', file, result);
        }
        results.set('cfn-validate', result);
        timings['cfn-validate'] += performance.now() - t;
      }
      all.set(file, results);
    }
    if (cfnLint) {
      const t = performance.now();
      const uncached: string[] = [];
      for (const file of files) {
        const cached = peerCache.get('cfn-lint', file);
        if (cached) all.get(file)!.set('cfn-lint', cached);
        else uncached.push(file);
      }
      for (const [file, result] of runCfnLint(uncached)) {
        all.get(file)!.set('cfn-lint', result);
        peerCache.set('cfn-lint', file, result);
      }
      timings['cfn-lint'] += performance.now() - t;
    }
    console.log(`  time: ArchLens ${(timings.archlens / 1000).toFixed(1)} s, cfn-validate ${(timings['cfn-validate'] / 1000).toFixed(1)} s, cfn-lint ${(timings['cfn-lint'] / 1000).toFixed(1)} s (batches of ${CFN_LINT_BATCH})`);
    return all;
  };

  if (!args.includes('--corpus-only')) {
    const files = fs.readdirSync(BROKEN_DIR).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(BROKEN_DIR, name));
    console.log(`\n== broken templates: ${files.length} in ${path.relative(repoRoot, BROKEN_DIR)}`);
    const results = runAll(files);
    const tools: Tool[] = ['archlens', ...PEERS.filter((peer) => (peer === 'cfn-validate' ? cfnValidate : cfnLint) !== undefined)];
    const recall = new Map<Tool, Recall>(tools.map((tool) => [tool, { errors: 0, errorsOrWarnings: 0, ran: 0, missed: [] }]));
    for (const file of files) {
      const region = brokenRegion(fs.readFileSync(file, 'utf8'));
      if (!region) {
        console.log(`  ${path.basename(file)}: no '# BROKEN' marker, skipped`);
        continue;
      }
      for (const tool of tools) {
        const r = recall.get(tool)!;
        const result = results.get(file)!.get(tool);
        if (result && !('failed' in result)) r.ran++;
        if (caught(result, region, true)) r.errors++;
        else r.missed.push(path.basename(file, '.yaml'));
        if (caught(result, region, false)) r.errorsOrWarnings++;
      }
    }
    console.log(`\n  recall on ${files.length} broken templates (a finding on the mistake's resource or line):`);
    console.log(`  ${'tool'.padEnd(14)} ${'errors'.padStart(14)} ${'errors+warnings'.padStart(16)}  ran`);
    for (const [tool, r] of recall) {
      const pct = (n: number): string => `${n}/${files.length} ${((100 * n) / files.length).toFixed(0).padStart(3)}%`;
      console.log(`  ${tool.padEnd(14)} ${pct(r.errors).padStart(14)} ${pct(r.errorsOrWarnings).padStart(16)}  ${r.ran}`);
    }
    for (const [tool, r] of recall) if (r.missed.length > 0) console.log(`  ${tool} misses (errors): ${r.missed.join(', ')}`);
    report['broken'] = Object.fromEntries([...recall].map(([tool, r]) => [tool, r]));
  }

  if (!args.includes('--broken-only')) {
    if (!fs.existsSync(corpusRoot)) {
      console.log(`\ncorpus not found, skipping (${corpusRoot})`);
    } else {
      const files: string[] = [];
      for (const folder of CORPUS_FOLDERS) {
        const dir = path.join(corpusRoot, folder);
        if (!fs.existsSync(dir)) continue;
        for (const { path: file } of collectFiles([dir])) {
          const shown = path.relative(corpusRoot, file).split(path.sep).join('/');
          if (EXPECTED_NOISE.some((pattern) => pattern.test(shown))) continue;
          if (fileList && !fileList.has(shown)) continue;
          const kind = analyzer.detect(file, fs.readFileSync(file, 'utf8'));
          if (kind === 'cloudformation' || kind === 'sam') files.push(file);
        }
      }
      const chosen = files.slice(offset, offset + limit);
      console.log(`\n== corpus: ${chosen.length} templates (from #${offset}) of ${CORPUS_FOLDERS.join(', ')} (MacrosExamples and the placeholder file left out)`);
      const results = runAll(chosen);
      const diffs = chosen.map((file) => diffFile(file, results.get(file)!, claims));
      const peerOnlyByRule = new Map<string, number>();
      const oursByRule = new Map<string, Map<Tool, number>>();
      let ourErrors = 0;
      for (const diff of diffs) {
        const shown = path.relative(corpusRoot, diff.file);
        const ours = results.get(diff.file)!.get('archlens');
        if (ours && 'findings' in ours) ourErrors += ours.findings.filter((f) => f.error).length;
        const lines: string[] = [];
        for (const failure of diff.failures) lines.push(`    ! ${oneLine(failure)}`);
        for (const f of diff.peerOnly) {
          lines.push(`    only ${f.tool}: ${f.line} ${f.rule} ${oneLine(f.message)}`);
          const key = `${f.tool} ${f.rule}`;
          peerOnlyByRule.set(key, (peerOnlyByRule.get(key) ?? 0) + 1);
        }
        const reported = new Set<ToolFinding>();
        for (const [peer, only] of diff.archlensOnly) {
          for (const f of only) {
            const byPeer = oursByRule.get(f.rule) ?? new Map<Tool, number>();
            byPeer.set(peer, (byPeer.get(peer) ?? 0) + 1);
            oursByRule.set(f.rule, byPeer);
            if (reported.has(f)) continue;
            reported.add(f);
            const missedBy = [...diff.archlensOnly].filter(([, list]) => list.includes(f)).map(([p]) => p).join(' and ');
            lines.push(`    only ArchLens (not ${missedBy}): ${f.line} ${f.rule} ${oneLine(f.message)}`);
          }
        }
        if (lines.length > 0) console.log(`  ${shown}\n${lines.join('\n')}`);
      }
      console.log(`\n  ArchLens errors on the corpus: ${ourErrors}`);
      console.log('  peer errors ArchLens does not report, by rule:');
      for (const [key, n] of [...peerOnlyByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`    ${key.padEnd(24)} ${n}`);
      console.log('  ArchLens errors a peer does not report, by rule:');
      for (const [rule, byPeer] of [...oursByRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`    ${rule.padEnd(32)} ${[...byPeer].map(([peer, n]) => `${peer} ${n}`).join(', ')}`);
      report['corpus'] = diffs.map((d) => ({ file: path.relative(corpusRoot, d.file), peerOnly: d.peerOnly, archlensOnly: Object.fromEntries(d.archlensOnly), failures: d.failures }));
    }
  }
  if (jsonOut) {
    fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
    console.log(`wrote ${jsonOut}`);
  }
}

main();
