/**
 * OpenAPI section of `npm run bench`: the largest spec of the shared corpus
 * (`../shared/corpus/openapi-large`, Stripe's ~4 MB `spec3.json` today), linted by ArchLens and
 * by Spectral (`spectral:oas`), side by side.
 *
 * 1. In process: bare `JSON.parse` / js-yaml `load` vs `analyzer.lint` (first call and median).
 * 2. Cold processes, same work as a CI step: `node dist/cli.js lint --format json FILE` (median)
 *    vs `node_modules/.bin/spectral lint -r <ruleset extending spectral:oas> -f json FILE` (one
 *    run: Spectral takes seconds). Goal: ArchLens >= 10x faster than Spectral.
 *
 * Skips cleanly (prints why) when the corpus, dist/ or Spectral is absent. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { createAnalyzer } from '../src/engine/analyzer';
import { loadCatalogFromDir } from '../src/node/catalogLoader';

const repoRoot = path.resolve(__dirname, '..');
const corpus = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');

/** One printed row: label, value, note. */
export type BenchRow = [string, string, string];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function* specFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* specFiles(full);
    else if (/\.(json|ya?ml)$/i.test(entry.name)) yield full;
  }
}

/** The largest OpenAPI document of the corpus folder (the Slack AsyncAPI file does not count). */
function largestSpec(dir: string, isOpenApi: (file: string, text: string) => boolean): string | undefined {
  const bySize = [...specFiles(dir)].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  return bySize.find((file) => isOpenApi(file, fs.readFileSync(file, 'utf8')));
}

function timeProcess(command: string, args: string[], runs: number): number | string {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (result.error) return result.error.message;
    // Both tools exit 1 when they report errors: still a completed lint.
    if (result.status !== 0 && result.status !== 1) return `exit ${result.status}: ${(result.stderr || result.stdout).slice(0, 200)}`;
    samples.push(ms);
  }
  return median(samples);
}

/** Runs the OpenAPI benchmark and returns its rows (empty with a note when skipped). */
export function benchOpenApi(options: { runs: number; coldRuns: number }): { file?: string; rows: BenchRow[]; note?: string } {
  const dir = path.join(corpus, 'openapi-large');
  if (!fs.existsSync(dir)) return { rows: [], note: `OpenAPI corpus not found (${dir}): skipped` };
  const catalogDir = path.join(repoRoot, 'dist', 'catalog');
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(catalogDir) });
  const file = largestSpec(dir, (candidate, text) => analyzer.detect(candidate, text) === 'openapi');
  if (!file) return { rows: [], note: 'no OpenAPI document in the corpus: skipped' };
  const text = fs.readFileSync(file, 'utf8');
  const json = file.toLowerCase().endsWith('.json');
  const parse = (): unknown => (json ? JSON.parse(text) : load(text));

  const parseSamples: number[] = [];
  for (let i = 0; i < options.runs + 2; i++) {
    const start = performance.now();
    parse();
    if (i >= 2) parseSamples.push(performance.now() - start);
  }
  const parseMs = median(parseSamples);
  const firstStart = performance.now();
  const result = analyzer.lint(file, text);
  const firstMs = performance.now() - firstStart;
  const lintSamples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    analyzer.lint(file, text);
    lintSamples.push(performance.now() - start);
  }
  const lintMs = median(lintSamples);
  const baseline = json ? 'JSON.parse' : 'js-yaml load';
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const rows: BenchRow[] = [
    [`${baseline} (in process)`, fmt(parseMs), `median of ${options.runs}`],
    ['analyzer.lint OpenAPI (in process)', fmt(lintMs), `${(lintMs / parseMs).toFixed(1)}x ${baseline}; first call ${fmt(firstMs)}; ${result.findings.length} findings (${errors} errors)`],
  ];

  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const cold = fs.existsSync(cli) ? timeProcess(process.execPath, [cli, 'lint', '--format', 'json', file], options.coldRuns) : 'no dist/cli.js';
  rows.push(['archlens lint OpenAPI (cold)', typeof cold === 'number' ? fmt(cold) : `failed: ${cold}`, `median of ${options.coldRuns}`]);

  const spectral = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'spectral.cmd' : 'spectral');
  if (!fs.existsSync(spectral)) {
    rows.push(['spectral lint spectral:oas (cold)', '-', 'not installed (skipped)']);
  } else {
    // Spectral needs a ruleset file; `spectral:oas` is its OpenAPI ruleset (what `extends` names).
    const ruleset = path.join(repoRoot, '.cache', 'bench', 'spectral-oas.yaml');
    fs.mkdirSync(path.dirname(ruleset), { recursive: true });
    fs.writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    const timed = timeProcess(spectral, ['lint', '-r', ruleset, '-f', 'json', file], 1);
    const ratio = typeof timed === 'number' && typeof cold === 'number' ? `archlens ${(timed / cold).toFixed(1)}x faster (goal >= 10x); 1 run` : '1 run';
    rows.push(['spectral lint spectral:oas (cold)', typeof timed === 'number' ? fmt(timed) : `failed: ${timed}`, ratio]);
  }
  return { file: path.relative(repoRoot, file), rows };
}
