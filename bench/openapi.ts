/**
 * OpenAPI section of `npm run bench`: the largest spec of the shared corpus
 * (`../shared/corpus/openapi-large`, Stripe's ~4 MB `spec3.json` today), linted by ArchLens and
 * by Spectral (`spectral:oas`), side by side.
 *
 * 1. In process: `analyzer.lint` vs a bare `JSON.parse` / js-yaml `load`, interleaved pairs
 *    (bench/pairs.ts): median ratio and spread, wall and CPU; plus the first call.
 * 2. Cold processes, same work as a CI step: `node dist/cli.js lint --format json FILE` vs
 *    `node_modules/.bin/spectral lint -r <ruleset extending spectral:oas> -f json FILE`, as
 *    interleaved pairs (`spectralPairs`, default 1: Spectral takes seconds). Goal: ArchLens >= 10x faster.
 *
 * Skips cleanly (prints why) when the corpus, dist/ or Spectral is absent. Asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { createAnalyzer } from '../src/engine/analyzer';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { formatMs as fmt, formatPairDetail, formatRatio, interleavedPairs, timeChild, timeInProcess } from './pairs';

const repoRoot = path.resolve(__dirname, '..');
const corpus = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');

/** One printed row: label, value, note. */
export type BenchRow = [string, string, string];

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

/** Runs the OpenAPI benchmark and returns its rows (empty with a note when skipped). */
export async function benchOpenApi(options: { pairs: number; coldPairs: number; spectralPairs: number }): Promise<{ file?: string; rows: BenchRow[]; note?: string }> {
  const dir = path.join(corpus, 'openapi-large');
  if (!fs.existsSync(dir)) return { rows: [], note: `OpenAPI corpus not found (${dir}): skipped` };
  const catalogDir = path.join(repoRoot, 'dist', 'catalog');
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(catalogDir) });
  const file = largestSpec(dir, (candidate, text) => analyzer.detect(candidate, text) === 'openapi');
  if (!file) return { rows: [], note: 'no OpenAPI document in the corpus: skipped' };
  const text = fs.readFileSync(file, 'utf8');
  const json = file.toLowerCase().endsWith('.json');
  const parse = (): unknown => (json ? JSON.parse(text) : load(text));
  const baseline = json ? 'JSON.parse' : 'js-yaml load';

  const firstStart = performance.now();
  const result = analyzer.lint(file, text);
  const firstMs = performance.now() - firstStart;
  const inProcess = await interleavedPairs(() => timeInProcess(() => analyzer.lint(file, text)), () => timeInProcess(parse), options.pairs);
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const rows: BenchRow[] = [
    ['analyzer.lint OpenAPI / ' + baseline + ' (in process)', formatRatio(inProcess.ratio), `${formatPairDetail(inProcess, 'lint', 'parse')}; first call ${fmt(firstMs)}; ${result.findings.length} findings (${errors} errors)`],
  ];

  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return { file: path.relative(repoRoot, file), rows: [...rows, ['archlens lint OpenAPI (cold)', '-', 'no dist/cli.js']] };
  // Both tools exit 1 when they report errors: still a completed lint.
  const archlens = () => timeChild({ nodeArgs: [cli, 'lint', '--format', 'json', file] }, [0, 1], repoRoot);
  const spectral = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'spectral.cmd' : 'spectral');
  if (!fs.existsSync(spectral) || options.spectralPairs < 1) {
    rows.push(['spectral lint spectral:oas (cold)', '-', options.spectralPairs < 1 ? 'skipped (--quick)' : 'not installed (skipped)']);
  } else {
    // Spectral needs a ruleset file; `spectral:oas` is its OpenAPI ruleset (what `extends` names).
    const ruleset = path.join(repoRoot, '.cache', 'bench', 'spectral-oas.yaml');
    fs.mkdirSync(path.dirname(ruleset), { recursive: true });
    fs.writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    const vs = await interleavedPairs(() => timeChild({ command: spectral, args: ['lint', '-r', ruleset, '-f', 'json', file] }, [0, 1], repoRoot), archlens, options.spectralPairs, 0);
    rows.push(['spectral / archlens lint OpenAPI (cold)', formatRatio(vs.ratio), `archlens ${vs.ratio.median.toFixed(1)}x faster (goal >= 10x); ${formatPairDetail(vs, 'spectral', 'archlens')}`]);
  }
  return { file: path.relative(repoRoot, file), rows };
}
