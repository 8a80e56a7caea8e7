/**
 * The one timing method of `npm run bench`: interleaved pairs.
 *
 * A ratio measured as "all of A, then all of B" flips when the machine's load changes between
 * the two halves (lint/parse read 3.47x in one run and 2.43x in the next). Here every sample of
 * the work (A) is taken right beside a sample of its floor (B), alternating which goes first
 * (A B, B A, A B ...), and the ratio is computed per pair: a load spike hits both halves of a
 * pair, so the median of the per-pair ratios holds still where the ratio of medians does not.
 * The spread (interquartile range and min-max of the per-pair ratios) says how far to trust it.
 *
 * Each sample carries wall time and, where it can be had, CPU time (user + system): in process
 * from `process.cpuUsage()`, for a child process from the child's own `process.cpuUsage()` at
 * exit (a preloaded script writes it to a file), so CPU stays beside wall for every row.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** One measurement: wall time, and CPU time when the measure can see it. */
export interface Sample {
  readonly wallMs: number;
  readonly cpuMs?: number;
}

/** Takes one sample (sync or async). */
export type Measure = () => Sample | Promise<Sample>;

/** Median, quartiles, 95th percentile and extremes of a list of numbers. */
export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** A series of samples: wall spread, and CPU spread when every sample had CPU. */
export interface Series {
  readonly wall: Spread;
  readonly cpu?: Spread;
}

/** The outcome of `interleavedPairs`: the per-pair ratio A/B, and each side's own series. */
export interface PairResult {
  readonly ratio: Spread;
  /** Per-pair CPU ratio, when both sides report CPU. */
  readonly cpuRatio?: Spread;
  readonly a: Series;
  readonly b: Series;
}

/** Linear-interpolated quantile of sorted values, q in [0, 1]. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no samples');
  const sorted = [...values].sort((x, y) => x - y);
  return { n: sorted.length, median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), p95: quantile(sorted, 0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function series(samples: readonly Sample[]): Series {
  const cpu = samples.map((s) => s.cpuMs);
  const allCpu = cpu.every((c): c is number => c !== undefined);
  return { wall: spread(samples.map((s) => s.wallMs)), ...(allCpu ? { cpu: spread(cpu) } : {}) };
}

/** `runs` samples of one measure after `warmup` untimed ones (rows without a floor: the diagram). */
export async function sampleSeries(measure: Measure, runs: number, warmup = 0): Promise<Series> {
  for (let i = 0; i < warmup; i++) await measure();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  return series(samples);
}

/**
 * `pairs` interleaved pairs of A (the work) and B (its floor), after `warmup` untimed pairs.
 * Even pairs run A first, odd pairs B first, so neither side always gets the warmer machine.
 */
export async function interleavedPairs(a: Measure, b: Measure, pairs: number, warmup = 1): Promise<PairResult> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  const ratios = as.map((sample, i) => sample.wallMs / bs[i]!.wallMs);
  const cpuPairs = as.map((sample, i) => [sample.cpuMs, bs[i]!.cpuMs] as const);
  const cpuRatios = cpuPairs.every(([x, y]) => x !== undefined && y !== undefined && y > 0) ? cpuPairs.map(([x, y]) => x! / y!) : undefined;
  return { ratio: spread(ratios), ...(cpuRatios ? { cpuRatio: spread(cpuRatios) } : {}), a: series(as), b: series(bs) };
}

/** Wall and CPU time of one in-process call (CPU of the whole process: keep other work idle). */
export async function timeInProcess(fn: () => unknown): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Preloaded into timed Node children: writes the child's own CPU time (ms) at exit. */
const CPU_REPORT_SCRIPT = `process.on('exit', () => {
  const out = process.env.ARCHLENS_BENCH_CPU_OUT;
  if (!out) return;
  const usage = process.cpuUsage();
  require('fs').writeFileSync(out, String((usage.user + usage.system) / 1000));
});
`;

let cpuReportFile: string | undefined;
function cpuReport(): { preload: string; out: string } {
  if (!cpuReportFile) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-bench-'));
    cpuReportFile = path.join(dir, 'cpu-report.cjs');
    fs.writeFileSync(cpuReportFile, CPU_REPORT_SCRIPT);
  }
  return { preload: cpuReportFile, out: path.join(path.dirname(cpuReportFile), `cpu-${process.pid}.txt`) };
}

/**
 * Wall time of a child process, with its CPU time when it is Node (`nodeArgs` given: run as
 * `node -r <cpu report> ...nodeArgs`). Throws with the child's message on a failure or an exit
 * code outside `okCodes`, so a broken run cannot pass for a fast one.
 */
export function timeChild(spec: { nodeArgs: string[] } | { command: string; args: string[] }, okCodes: readonly number[], cwd: string): Sample {
  const report = cpuReport();
  const [command, args] = 'nodeArgs' in spec ? [process.execPath, ['-r', report.preload, ...spec.nodeArgs]] : [spec.command, spec.args];
  fs.rmSync(report.out, { force: true });
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ARCHLENS_BENCH_CPU_OUT: report.out } });
  const wallMs = performance.now() - start;
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`${path.basename(command)} exit ${result.status}: ${(result.stderr || result.stdout).slice(0, 300)}`);
  const cpuText = fs.existsSync(report.out) ? fs.readFileSync(report.out, 'utf8') : '';
  return cpuText ? { wallMs, cpuMs: Number(cpuText) } : { wallMs };
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);

/** "median (IQR q1-q3, min-max, n)" of a duration series. */
export function formatSpreadMs(s: Spread): string {
  return `${ms(s.median)} (IQR ${ms(s.q1)}-${ms(s.q3)}, ${ms(s.min)}-${ms(s.max)}, n=${s.n})`;
}

/** "2.31x (IQR 2.20-2.45, 2.01-2.90, n=11)". */
export function formatRatio(s: Spread): string {
  return `${s.median.toFixed(2)}x (IQR ${s.q1.toFixed(2)}-${s.q3.toFixed(2)}, ${s.min.toFixed(2)}-${s.max.toFixed(2)}, n=${s.n})`;
}

/** One line: wall and CPU medians of both sides of a pair result. */
export function formatPairDetail(result: PairResult, aLabel: string, bLabel: string): string {
  const side = (label: string, s: Series): string => `${label} wall ${ms(s.wall.median)}${s.cpu ? ` cpu ${ms(s.cpu.median)}` : ''}`;
  return `${side(aLabel, result.a)} | ${side(bLabel, result.b)}${result.cpuRatio ? ` | cpu ratio ${formatRatio(result.cpuRatio)}` : ''}`;
}

export { ms as formatMs };
