import { lineStartOf } from './lineIndex';

/**
 * Quoted scalars whose continuation lines are indented less than their key:
 *
 *     Description: "a long
 *   text"
 *
 * YAML 1.2 requires the continuation lines of a flow scalar in block context to
 * be indented more than the enclosing block (s-flow-line-prefix(n), 7.3), so
 * js-yaml (and the `yaml` package) reject this with "deficient indentation".
 * CloudFormation's parser, like PyYAML and cfn-lint, accepts it, and the value
 * does not depend on that indentation: a continuation line's leading white space
 * is folded away. So when js-yaml fails that way inside a quoted scalar, the
 * parser retries on a copy whose deficient lines are padded with spaces, then
 * maps every offset back to the original text.
 */

/** Most lines padded for one document: each costs a re-parse, and real templates need one or two. */
export const MAX_PADDED_LINES = 16;
/** Characters re-parsed at most while padding (a few hundred milliseconds): a 1 MB template gets 8 attempts. */
export const MAX_PADDED_REPARSE_CHARS = 8_000_000;

/** Spaces inserted at an offset of the original text. */
export interface Insertion {
  readonly at: number;
  readonly count: number;
}

/** A padded copy of a text and how to map its offsets back. */
export interface PaddedText {
  readonly text: string;
  /** Sorted by `at`. */
  readonly insertions: readonly Insertion[];
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/**
 * Pads the line holding `errorOffset` in `current` (a padded copy of the
 * original, or the original), or returns undefined when that line cannot be a
 * quoted scalar's continuation or is already padded enough.
 *
 * The target indentation: one past the previous non-blank line's first quote when
 * it has one (where the scalar opened: padding more than needed is harmless, the
 * white space is folded away), else that line's own indentation (a continuation
 * line that was accepted or padded).
 */
export function padLine(current: PaddedText, errorOffset: number): PaddedText | undefined {
  const { text } = current;
  const lineStart = lineStartOf(text, Math.min(errorOffset, text.length));
  let previous = lineStart - 1;
  let previousStart = -1;
  while (previous > 0) {
    previousStart = lineStartOf(text, previous);
    if (text.slice(previousStart, previous).trim() !== '') break;
    previous = previousStart - 1;
    previousStart = -1;
  }
  if (previousStart < 0) return undefined;
  const previousLine = text.slice(previousStart, previous);
  const quote = previousLine.search(/["']/);
  const target = quote < 0 ? indentOf(text, previousStart) : quote + 1;
  const count = target - indentOf(text, lineStart);
  if (count <= 0) return undefined;
  const original = toOriginal(current.insertions, lineStart);
  const insertions = [...current.insertions, { at: original, count }].sort((a, b) => a.at - b.at);
  return { text: text.slice(0, lineStart) + ' '.repeat(count) + text.slice(lineStart), insertions };
}

/** Maps an offset of the padded text back to the original (inserted spaces map to their insertion point). */
export function toOriginal(insertions: readonly Insertion[], offset: number): number {
  let shift = 0;
  for (const insertion of insertions) {
    const paddedAt = insertion.at + shift;
    if (offset < paddedAt) break;
    if (offset < paddedAt + insertion.count) return insertion.at;
    shift += insertion.count;
  }
  return offset - shift;
}
