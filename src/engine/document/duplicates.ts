import type { MappingNode, SyntaxProblem } from './located';

/**
 * Reports every occurrence of a key that appears more than once in a mapping.
 * Keys brought in by a YAML merge (`<<`) are overrides, not duplicates.
 */
export function findDuplicateKeys(mapping: MappingNode): SyntaxProblem[] {
  if (mapping.pairs.length < 2) return [];
  const seen = new Map<string, number>();
  let hasDuplicate = false;
  for (const pair of mapping.pairs) {
    if (pair.merged) continue;
    const count = (seen.get(pair.key.text) ?? 0) + 1;
    seen.set(pair.key.text, count);
    if (count > 1) hasDuplicate = true;
  }
  if (!hasDuplicate) return [];
  const problems: SyntaxProblem[] = [];
  for (const pair of mapping.pairs) {
    if (pair.merged || (seen.get(pair.key.text) ?? 0) < 2) continue;
    problems.push({
      code: 'duplicate-key',
      severity: 'error',
      message: `Duplicate key '${pair.key.text}': it appears ${seen.get(pair.key.text)} times in this mapping, and parsers disagree on which one wins.`,
      span: pair.key.span,
    });
  }
  return problems;
}
