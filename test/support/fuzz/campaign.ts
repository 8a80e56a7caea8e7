// A fuzzing campaign: seeded mutations of the seeds, each examined (targets.ts); defects are
// collected with the input that caused them, and can be minimised into reproducers.
import type { Analyzer } from '../../../src/engine/analyzer';
import { mutate } from './mutators';
import { Random } from './random';
import type { Seed } from './seeds';
import { examine, type Defect } from './targets';

/** A defect with the input that caused it. */
export interface FuzzHit {
  readonly defect: Defect;
  readonly seedFile: string;
  readonly mutations: readonly string[];
  readonly text: string;
}

export interface CampaignSummary {
  readonly inputs: number;
  readonly findings: readonly FuzzHit[];
  /** The slowest input's time (ms) and the mutations that made it. */
  readonly slowest: { readonly ms: number; readonly seedFile: string; readonly mutations: readonly string[] };
  readonly totalMs: number;
}

export interface CampaignOptions {
  readonly seed: number;
  readonly count: number;
  /** Called every 1,000 inputs (progress for the long run). */
  readonly onProgress?: (done: number, findings: number) => void;
  /** Stop collecting after this many defects (the first ones are the useful ones). */
  readonly maxFindings?: number;
}

export function runCampaign(analyzer: Analyzer, seeds: readonly Seed[], options: CampaignOptions): CampaignSummary {
  const random = new Random(options.seed);
  const findings: FuzzHit[] = [];
  let slowest = { ms: 0, seedFile: '', mutations: [] as readonly string[] };
  const started = performance.now();
  let done = 0;
  for (; done < options.count; done++) {
    const seed = seeds[done % seeds.length]!;
    const { text, applied } = mutate(seed.text, random);
    const { defects, ms } = examine(analyzer, seed.fileName, text, random);
    if (ms > slowest.ms) slowest = { ms, seedFile: seed.fileName, mutations: applied };
    for (const defect of defects) if (findings.length < (options.maxFindings ?? 50)) findings.push({ defect, seedFile: seed.fileName, mutations: applied, text });
    if ((done + 1) % 1000 === 0) options.onProgress?.(done + 1, findings.length);
  }
  return { inputs: done, findings, slowest, totalMs: performance.now() - started };
}

/**
 * Shrinks `text` while `fails(text)` holds: drops chunks of lines (halving the chunk size),
 * then chunks of characters, within `maxAttempts` calls of `fails`.
 */
export function minimize(text: string, fails: (candidate: string) => boolean, maxAttempts = 400): string {
  let attempts = 0;
  const tryRemove = (units: string[], join: string): string[] => {
    for (let size = Math.max(1, Math.floor(units.length / 2)); size >= 1 && attempts < maxAttempts; size = Math.floor(size / 2)) {
      for (let at = 0; at < units.length && attempts < maxAttempts; ) {
        const candidate = [...units.slice(0, at), ...units.slice(at + size)];
        attempts++;
        if (candidate.length > 0 && fails(candidate.join(join))) units = candidate;
        else at += size;
      }
    }
    return units;
  };
  const lines = tryRemove(text.split('\n'), '\n').join('\n');
  // Characters in chunks of 64 (long generated lines shrink fast), then the result.
  const chunks = lines.match(/[\s\S]{1,64}/g) ?? [lines];
  return tryRemove(chunks, '').join('');
}
