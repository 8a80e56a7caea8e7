import { lineStartOf } from '../document/lineIndex';

/**
 * The text with the line at `offset` blanked out (same length, so offsets elsewhere stay
 * valid): while a line is being typed the document often does not parse, and the rest of
 * it usually does.
 */
export function textWithoutLine(text: string, offset: number): string {
  const lineStart = lineStartOf(text, offset);
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return text.slice(0, lineStart) + ' '.repeat(end - lineStart) + text.slice(end);
}
