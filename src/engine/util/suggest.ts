import { compareCodeUnits } from './compareText';

/** Edit-distance cells one lint may spend on suggestions (about 0.2 s); see {@link resetSuggestionBudget}. */
export const SUGGESTION_CELL_BUDGET = 10_000_000;
const budget = { cells: SUGGESTION_CELL_BUDGET };

/** Gives the next document a fresh suggestion budget (the analyzer calls it before each lint). */
export function resetSuggestionBudget(): void {
  budget.cells = SUGGESTION_CELL_BUDGET;
}

/**
 * "Did you mean" suggestions: the closest candidates by edit distance, case
 * differences counting less, so `bucketname` suggests `BucketName`.
 */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  // Each suggestion compares against every candidate: without a bound, a template with
  // 38,000 dangling references to 38,000 resources took minutes. Past the budget, no
  // suggestions (the findings themselves are still reported).
  if (budget.cells <= 0) return [];
  const scored: Array<{ candidate: string; score: number }> = [];
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    budget.cells -= candidate.length + 1;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) {
      scored.push({ candidate, score: 0 });
      continue;
    }
    if (Math.abs(candidate.length - input.length) > limit) continue;
    budget.cells -= (lower.length + 1) * (candidateLower.length + 1);
    if (budget.cells <= 0) break;
    const distance = editDistance(lower, candidateLower, limit);
    if (distance <= limit) scored.push({ candidate, score: distance + 0.5 });
  }
  scored.sort((a, b) => a.score - b.score || compareCodeUnits(a.candidate, b.candidate));
  return scored.slice(0, max).map((entry) => entry.candidate);
}

/** Levenshtein distance with an early exit once every cell exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return rowMin;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Formats suggestions as a sentence suffix: ` Did you mean 'A' or 'B'?` (empty when none). */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `'${s}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}
