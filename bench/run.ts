/**
 * `npm run bench`: how the engine's cost compares with the cheapest possible parse.
 *
 * 1. In process, median of N runs after warm-up: js-yaml `load` vs `analyzer.lint` on a
 *    generated ~1 MB / 1,750-resource template (goal: lint <= 3x load).
 * 2. Cold processes: `node dist/cli.js lint --format json` vs `node -e <js-yaml load>`
 *    (goal <= 4x): start-up, bundle loading and catalogue shard reads included.
 * 3. The language server over stdio: time from a didChange to its diagnostics (goal <= 3x load).
 * 4. cfn-lint on the same file, once, when it is on PATH (skipped cleanly otherwise).
 * 6. Diagram (bench/diagram.ts): graph build and ELK layout for ~500 and 1,750 resources;
 *    (bench/diagramPaint.ts) the webview's first paint in headless Chromium, median and spread
 *    of --paint-runs cold loads (default 5; goal <= 1.5 s for 500 resources).
 * 7. Live AWS views (bench/aws.ts): 5,000 stacks and a 2,000-resource stack against the local
 *    CloudFormation protocol server: first page vs a bare SDK call, round trips, heap per node.
 * 5. OpenAPI (bench/openapi.ts): the largest spec of ../shared/corpus/openapi-large vs a bare
 *    parse, and the cold CLI vs Spectral's `spectral:oas` (goal >= 10x faster); skipped without the corpus.
 *
 * Informational: prints a table, asserts nothing.
 * Options: --runs N (in-process runs, default 10), --cold-runs N (default 5), --paint-runs N (default 5),
 *          --services N (template size), --file PATH (benchmark an existing file instead).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { loadCatalogFromDir } from '../src/node/catalogLoader';
import { createAnalyzer } from '../src/engine/analyzer';
import { generateTemplate } from './generateTemplate';
import { COLD_BASELINE_SCRIPT, cfnYamlSchema } from './yamlBaseline';
import { measureDidChangeLatency } from './lspLatency';
import { benchOpenApi } from './openapi';
import { measureDiagram } from './diagram';
import { benchDiagramPaint } from './diagramPaint';
import { benchAws } from './aws';

const repoRoot = path.resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time of `fn` over `runs` runs, after `warmup` untimed runs. */
function time(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Median wall time of a child process; returns undefined (and why) when it cannot run. */
function timeProcess(command: string, args: string[], runs: number, okCodes: number[]): { ms: number } | { error: string } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (result.error) return { error: result.error.message };
    if (!okCodes.includes(result.status ?? -1)) return { error: `exit ${result.status}: ${(result.stderr || result.stdout).slice(0, 300)}` };
    samples.push(ms);
  }
  return { ms: median(samples) };
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const runs = Number(option('runs', '10'));
  const coldRuns = Number(option('cold-runs', '5'));
  let file = option('file', '');
  if (!file) {
    file = path.join(repoRoot, '.cache', 'bench', 'template.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const services = option('services', '');
    fs.writeFileSync(file, generateTemplate(services ? { services: Number(services) } : {}));
  }
  const text = fs.readFileSync(file, 'utf8');
  const cliPath = path.join(repoRoot, 'dist', 'cli.js');
  const catalogDir = path.join(repoRoot, 'dist', 'catalog');
  if (!fs.existsSync(cliPath) || !fs.existsSync(catalogDir)) {
    console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does).');
    process.exitCode = 2;
    return;
  }
  console.log(`file: ${path.relative(repoRoot, file)}  (${(text.length / 1024).toFixed(0)} KB, ${text.split('\n').length} lines)`);

  // --- In process.
  const schema = cfnYamlSchema();
  const yamlMs = time(() => load(text, { schema }), runs);
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(catalogDir) });
  const firstStart = performance.now();
  const result = analyzer.lint(file, text);
  const firstLintMs = performance.now() - firstStart;
  const lintMs = time(() => analyzer.lint(file, text), runs);
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const finding of result.findings) bySeverity[finding.severity]++;
  const byRule = new Map<string, number>();
  for (const finding of result.findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);

  // --- The language server: didChange -> publishDiagnostics for that version.
  const latency = fs.existsSync(path.join(repoRoot, 'dist', 'server.js')) ? median(await measureDidChangeLatency(text, runs)) : undefined;

  // --- Cold processes. Exit 1 (error findings) is a normal lint outcome here.
  const cold = timeProcess(process.execPath, [cliPath, 'lint', '--format', 'json', file], coldRuns, [0, 1]);
  const coldYaml = timeProcess(process.execPath, ['-e', COLD_BASELINE_SCRIPT, file], coldRuns, [0]);

  // --- cfn-lint, when installed. Its exit code is a bit mask of finding levels: any code < 32 ran fine.
  let cfnLint: [string, string];
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    cfnLint = ['-', 'not on PATH (skipped)'];
  } else {
    const timed = timeProcess('cfn-lint', ['--format', 'json', file], 1, [0, 2, 4, 6, 8, 10, 12, 14]);
    const version = probe.stdout.trim();
    cfnLint = 'ms' in timed ? [fmt(timed.ms), `${version}, 1 run`] : ['failed', timed.error];
  }

  const rows: [string, string, string][] = [
    ['js-yaml load (in process)', fmt(yamlMs), `median of ${runs}`],
    ['analyzer.lint (in process)', fmt(lintMs), `${(lintMs / yamlMs).toFixed(2)}x load (goal <= 3x); first call ${fmt(firstLintMs)}`],
    ['server didChange -> diagnostics', latency === undefined ? 'no dist/server.js' : fmt(latency), latency === undefined ? '' : `${(latency / yamlMs).toFixed(2)}x load (goal <= 3x), debounce 0`],
    ['node -e js-yaml load (cold)', 'ms' in coldYaml ? fmt(coldYaml.ms) : `failed: ${coldYaml.error}`, `median of ${coldRuns}`],
    [
      'archlens lint --format json (cold)',
      'ms' in cold ? fmt(cold.ms) : `failed: ${cold.error}`,
      'ms' in cold && 'ms' in coldYaml ? `${(cold.ms / coldYaml.ms).toFixed(2)}x node -e load (goal <= 4x)` : '',
    ],
    ['cfn-lint (cold)', ...cfnLint],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log('');
  for (const [label, value, note] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(10)}  ${note}`);
  console.log('');
  const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`);
  console.log(`findings: ${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} info${rules.length ? `  (${rules.slice(0, 6).join(', ')})` : ''}`);

  // --- OpenAPI: the largest corpus spec, ArchLens vs Spectral (bench/openapi.ts).
  const openapi = benchOpenApi({ runs, coldRuns });
  console.log('');
  console.log(`OpenAPI: ${openapi.file ?? openapi.note ?? ''}${openapi.file ? `  (${(fs.statSync(path.join(repoRoot, openapi.file)).size / 1024).toFixed(0)} KB)` : ''}`);
  const openapiWidth = Math.max(0, ...openapi.rows.map((row) => row[0].length));
  for (const [label, value, note] of openapi.rows) console.log(`${label.padEnd(openapiWidth)}  ${value.padStart(10)}  ${note}`);

  // --- Diagram: graph build and the webview's ELK layout (bench/diagram.ts).
  console.log('');
  console.log('Diagram (generated templates; layout = ELK as run in the webview worker, fresh, in Node):');
  for (const row of await measureDiagram()) {
    console.log(`  ${String(row.resources).padStart(5)} resources (${row.boxes} boxes shown)  graph ${fmt(row.graphMs).padStart(9)}  layout ${fmt(row.layoutMs).padStart(9)}`);
  }

  console.log('');
  console.log('Diagram webview first paint (headless Chromium, cold page per sample, graph sent on `diagram/ready`; median, min-max):');
  const paintRows = await benchDiagramPaint({ runs: Number(option('paint-runs', '5')) });
  const paintWidth = Math.max(...paintRows.map((row) => row.label.length));
  for (const row of paintRows) console.log(`  ${row.label.padEnd(paintWidth)}  ${row.value.padStart(10)}  ${row.note}`);

  console.log('');
  console.log('Live AWS views (local CloudFormation protocol server, real SDK over HTTP on 127.0.0.1):');
  const awsRows = await benchAws();
  const awsWidth = Math.max(...awsRows.map((row) => row.label.length));
  for (const row of awsRows) console.log(`  ${row.label.padEnd(awsWidth)}  ${row.value.padStart(10)}  ${row.note}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
