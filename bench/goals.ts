/**
 * The goals table `npm run bench` prints first, in the format of the speed issue's "Goals":
 * work | floor | goal | measured (median ratio, spread) | verdict.
 *
 * A verdict comes from the median of interleaved pairs (bench/pairs.ts); when the interquartile
 * range crosses the goal it says "borderline", so a reader sees which verdicts a noisy machine
 * could flip. Where both sides report CPU (cold processes), the CPU ratio stands beside the wall
 * one: on a loaded machine it holds far steadier (2.45-2.65x over three runs where wall read
 * 2.26-3.01x), though the verdict stays on wall time, which is what the goals name.
 * Goals whose measurement does not exist yet say so; no figure is invented for them.
 */
import type { Spread } from './pairs';

export interface GoalRow {
  readonly work: string;
  readonly floor: string;
  readonly goal: string;
  readonly measured: string;
  readonly verdict: string;
}

/**
 * "met" / "missed" for a spread against an upper limit (`atMost`) or a lower one (`atLeast`),
 * qualified "borderline" when the IQR reaches across the limit.
 */
export function verdict(s: Spread, limit: number, kind: 'atMost' | 'atLeast' = 'atMost'): string {
  const ok = (value: number): boolean => (kind === 'atMost' ? value <= limit : value >= limit);
  const met = ok(s.median);
  const iqrAgrees = ok(s.q1) === met && ok(s.q3) === met;
  return `${met ? 'met' : 'MISSED'}${iqrAgrees ? '' : ' (borderline: IQR crosses the goal)'}`;
}

/** A goal with no measurement in the bench yet. */
export function notMeasured(work: string, floor: string, goal: string): GoalRow {
  return { work, floor, goal, measured: 'not measured yet', verdict: '-' };
}

/** A row whose measurement could not run (why, instead of a figure). */
export function notRun(work: string, floor: string, goal: string, why: string): GoalRow {
  return { work, floor, goal, measured: `not run: ${why}`, verdict: '-' };
}

/** The table as Markdown (the format), so it can be pasted as it is. */
export function formatGoalsTable(rows: readonly GoalRow[]): string {
  const cells = (row: readonly string[]): string => `| ${row.join(' | ')} |`;
  return [cells(['work', 'floor', 'goal', 'measured (median ratio, spread)', 'verdict']), cells(['---', '---', '---', '---', '---']), ...rows.map((row) => cells([row.work, row.floor, row.goal, row.measured, row.verdict]))].join('\n');
}
