/**
 * OpenAPI peers section of `npm run bench` (also runnable alone:
 * `node --import tsx bench/openapiPeers.ts [--runs N]`): cold `archlens lint`, Redocly CLI
 * (`redocly lint`, its `recommended` rules) and Spectral (`spectral:oas`) on Stripe's 4.2 MB
 * spec (../shared/corpus/openapi-large) and GitHub's 13 MB REST description (the
 * `@octokit/openapi` package), interleaved per round, each run's wall time, CPU time (user +
 * sys) and peak memory (max RSS) read from GNU time. Goals (issue 16): Stripe <= 0.6 s, GitHub
 * <= 2 s and <= 300 MB, every rule on.
 *
 * Redocly and the GitHub description are not project dependencies (400 MB together); the bench
 * reads them from .cache/bench-peers/, installed once with
 *   npm install --prefix .cache/bench-peers @redocly/cli@2.77.0 @octokit/openapi@23.0.2
 * Each missing piece (corpus, package, GNU time) skips its rows with the reason. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spread } from './pairs';
import type { Spread } from './pairs';
import type { GoalRow } from './goals';
import { notRun, verdict } from './goals';

const repoRoot = path.resolve(__dirname, '..');
const corpus = process.env['ARCHLENS_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const peers = path.join(repoRoot, '.cache', 'bench-peers', 'node_modules');
export const PEERS_INSTALL = 'npm install --prefix .cache/bench-peers @redocly/cli@2.77.0 @octokit/openapi@23.0.2';

/** One run of a tool on a spec, from GNU time. */
interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rssMb: number;
}

interface Tool {
  readonly name: string;
  readonly command: string[];
  /** Runs per spec (Spectral takes over a minute on GitHub: fewer). */
  readonly runs: (spec: Spec) => number;
}

interface Spec {
  readonly name: string;
  readonly file: string;
  readonly goal?: { readonly ms: number; readonly mb?: number };
}

/** A row of the printed table. */
export interface PeerRow {
  readonly spec: string;
  readonly tool: string;
  readonly wall?: Spread;
  readonly cpu?: Spread;
  readonly rss?: Spread;
  readonly note?: string;
}

function timed(command: string[], cwd: string): Run | string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-peer-')), 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', ...command], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  // Every tool exits 1 when it reports errors: still a completed lint.
  if (result.status !== 0 && result.status !== 1) return `exit ${result.status}: ${(result.stderr || '').slice(-200)}`;
  const [elapsed, user, sys, rssKb] = fs.readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return { wallMs: elapsed! * 1000, cpuMs: (user! + sys!) * 1000, rssMb: rssKb! / 1024 };
}

function specs(): { found: Spec[]; missing: string[] } {
  const found: Spec[] = [];
  const missing: string[] = [];
  const stripe = path.join(corpus, 'openapi-large', 'stripe-openapi', 'e0123a38', 'openapi', 'spec3.json');
  if (fs.existsSync(stripe)) found.push({ name: 'Stripe 4.2 MB', file: stripe, goal: { ms: 600 } });
  else missing.push(`Stripe (${stripe}) not found`);
  const github = path.join(peers, '@octokit', 'openapi', 'generated', 'api.github.com.json');
  if (fs.existsSync(github)) found.push({ name: 'GitHub 13 MB', file: github, goal: { ms: 2000, mb: 300 } });
  else missing.push(`GitHub description not installed (${PEERS_INSTALL})`);
  return { found, missing };
}

function tools(runs: number): { found: Tool[]; missing: string[] } {
  const found: Tool[] = [{ name: 'archlens', command: [process.execPath, path.join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', 'json'], runs: () => runs }];
  const missing: string[] = [];
  const redocly = path.join(peers, '@redocly', 'cli', 'bin', 'cli.js');
  if (fs.existsSync(redocly)) found.push({ name: 'redocly', command: [process.execPath, redocly, 'lint', '--format', 'json'], runs: () => runs });
  else missing.push(`Redocly not installed (${PEERS_INSTALL})`);
  const spectral = path.join(repoRoot, 'node_modules', '.bin', 'spectral');
  if (fs.existsSync(spectral)) {
    const ruleset = path.join(repoRoot, '.cache', 'bench', 'spectral-oas.yaml');
    fs.mkdirSync(path.dirname(ruleset), { recursive: true });
    fs.writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    found.push({ name: 'spectral', command: [spectral, 'lint', '-r', ruleset, '-f', 'json'], runs: (spec) => (spec.name.startsWith('GitHub') ? 1 : Math.min(runs, 3)) });
  } else missing.push('Spectral not installed (npm ci)');
  return { found, missing };
}

/** Runs every tool on every spec, interleaved by round, and returns the rows. */
export function benchOpenApiPeers(runs: number): { rows: PeerRow[]; notes: string[] } {
  if (!fs.existsSync('/usr/bin/time')) return { rows: [], notes: ['GNU time (/usr/bin/time) not found: peers skipped'] };
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) return { rows: [], notes: ['no dist/cli.js (npm run build): peers skipped'] };
  const s = specs();
  const t = tools(runs);
  const rows: PeerRow[] = [];
  for (const spec of s.found) {
    const samples = new Map<string, Run[]>(t.found.map((tool) => [tool.name, []]));
    const errors = new Map<string, string>();
    const rounds = Math.max(...t.found.map((tool) => tool.runs(spec)));
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no tool always runs on the coolest machine.
      const order = t.found.map((_, i) => t.found[(i + round) % t.found.length]!);
      for (const tool of order) {
        if (round >= tool.runs(spec) || errors.has(tool.name)) continue;
        const run = timed([...tool.command, spec.file], repoRoot);
        if (typeof run === 'string') errors.set(tool.name, run);
        else samples.get(tool.name)!.push(run);
      }
    }
    for (const tool of t.found) {
      const list = samples.get(tool.name)!;
      if (list.length === 0) rows.push({ spec: spec.name, tool: tool.name, note: errors.get(tool.name) ?? 'no run' });
      else rows.push({ spec: spec.name, tool: tool.name, wall: spread(list.map((r) => r.wallMs)), cpu: spread(list.map((r) => r.cpuMs)), rss: spread(list.map((r) => r.rssMb)) });
    }
  }
  return { rows, notes: [...s.missing, ...t.missing] };
}

/** The issue's goal rows: archlens on Stripe <= 0.6 s; on GitHub <= 2 s and <= 300 MB (peers beside it). */
export function openApiPeerGoals(rows: readonly PeerRow[], notes: readonly string[]): GoalRow[] {
  const goals: GoalRow[] = [];
  const peerNote = (spec: string): string => rows.filter((row) => row.spec === spec && row.tool !== 'archlens' && row.wall).map((row) => `${row.tool} ${s(row.wall!.median)} s / ${row.rss!.median.toFixed(0)} MB`).join('; ');
  for (const [spec, ms, mb] of [['Stripe 4.2 MB', 600, undefined], ['GitHub 13 MB', 2000, 300]] as const) {
    const work = `cold \`archlens lint\` ${spec} OpenAPI, every rule`;
    const goal = `≤ ${ms / 1000} s${mb ? `, ≤ ${mb} MB` : ''}`;
    const row = rows.find((r) => r.spec === spec && r.tool === 'archlens');
    if (!row?.wall || !row.rss || !row.cpu) {
      goals.push(notRun(work, '—', goal, row?.note ?? (notes.join('; ') || 'skipped')));
      continue;
    }
    const memory = mb ? `; peak RSS ${row.rss.median.toFixed(0)} MB (${verdict(row.rss, mb)})` : '';
    goals.push({ work, floor: '—', goal, measured: `wall ${s(row.wall.median)} s (${s(row.wall.min)}-${s(row.wall.max)}, n=${row.wall.n}); cpu ${s(row.cpu.median)} s${memory}; ${peerNote(spec)}`, verdict: verdict(row.wall, ms) });
  }
  return goals;
}

const s = (value: number): string => (value / 1000).toFixed(2);

/** "0.71 s (0.69-0.75, n=5)" style cells. */
export function formatPeerRow(row: PeerRow): string {
  if (!row.wall || !row.cpu || !row.rss) return `${row.spec.padEnd(14)} ${row.tool.padEnd(9)} ${row.note ?? ''}`;
  const range = (x: Spread, f: (v: number) => string): string => `${f(x.median)} (${f(x.min)}-${f(x.max)}, n=${x.n})`;
  return `${row.spec.padEnd(14)} ${row.tool.padEnd(9)} wall ${range(row.wall, s)} s  cpu ${range(row.cpu, s)} s  peak RSS ${range(row.rss, (v) => v.toFixed(0))} MB`;
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Number(process.argv[at + 1]) : 5;
  const { rows, notes } = benchOpenApiPeers(runs);
  console.log('OpenAPI peers (cold CLI, GNU time; median (min-max, n)):');
  for (const row of rows) console.log(`  ${formatPeerRow(row)}`);
  for (const note of notes) console.log(`  ${note}`);
}
