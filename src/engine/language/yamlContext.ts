import { lineStartOf } from '../document/lineIndex';

/**
 * The YAML key path at a cursor, computed from indentation alone so it works
 * while the document is half-typed and does not parse. Sequence items appear
 * as index 0 (completion only needs to know "inside a list item").
 */
export function yamlPathAt(text: string, offset: number): Array<string | number> {
  const lineStart = lineStartOf(text, offset);
  const current = text.slice(lineStart, offset);
  let target = indentOf(current);
  // On `- Key` (or a bare `- `), the cursor is inside a sequence item.
  const currentDash = /^(\s*)- /.exec(current);
  const path: Array<string | number> = [];
  if (currentDash) {
    path.push(0);
    target = currentDash[1]!.length;
  }
  let position = lineStart - 1;
  let expectIndentlessSequence = currentDash !== null;
  while (position > 0 && target > 0) {
    const start = text.lastIndexOf('\n', position - 1) + 1;
    const line = text.slice(start, position).replace(/\r$/, '');
    position = start - 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const parsed = parseLine(line);
    if (!parsed) continue;
    if (parsed.dashIndent !== undefined && parsed.keyIndent === target && parsed.key !== undefined) {
      // A sibling key on the first line of our sequence item.
      path.unshift(0);
      target = parsed.dashIndent;
      expectIndentlessSequence = true;
      continue;
    }
    if (parsed.dashIndent !== undefined && parsed.dashIndent === target) {
      // A previous item of the same sequence: keep looking for the owner key.
      expectIndentlessSequence = true;
      continue;
    }
    const ownsIndentless = expectIndentlessSequence && parsed.key !== undefined && parsed.keyIndent === target && parsed.dashIndent === undefined;
    if ((parsed.keyIndent < target || ownsIndentless) && parsed.key !== undefined) {
      path.unshift(parsed.key);
      target = parsed.dashIndent ?? parsed.keyIndent;
      if (parsed.dashIndent !== undefined) path.unshift(0);
      expectIndentlessSequence = parsed.dashIndent !== undefined;
    }
  }
  return path;
}

interface ParsedLine {
  readonly keyIndent: number;
  readonly dashIndent?: number;
  readonly key?: string;
}

function indentOf(line: string): number {
  const match = /^[ ]*/.exec(line);
  return match ? match[0].length : 0;
}

/** Splits `  - Key: value` into indents and the key (quotes removed). */
function parseLine(line: string): ParsedLine | undefined {
  const match = scanKeyLine(line, '');
  if (!match) {
    const dash = /^( *)- /.exec(line);
    return dash ? { keyIndent: dash[1]!.length + 2, dashIndent: dash[1]!.length } : undefined;
  }
  return match.dash ? { keyIndent: match.keyColumn, dashIndent: match.indent, key: match.key } : { keyIndent: match.indent, key: match.key };
}

/** A YAML block `key:` line, split. */
export interface KeyLine {
  /** Leading spaces. */
  readonly indent: number;
  /** The `- ` (with its spaces) that starts a sequence item, or ''. */
  readonly dash: string;
  /** Column of the key (after indent and dash, before its quote). */
  readonly keyColumn: number;
  /** The opening quote of the key, or ''. */
  readonly quote: string;
  /** The key, trimmed, without quotes. */
  readonly key: string;
  /** Offset just after the `:`. */
  readonly end: number;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Splits `  - "Key" : value` without a regular expression: the lines are the document's, and
 * the equivalent patterns (`^( *)(- +)?(["']?)([^:]+?)\3\s*:`) backtrack cubically on a
 * line of spaces. The key ends at its closing quote, or unquoted at the first `:` followed by
 * a blank or the line's end; it may not contain quotes nor any of `forbidden`. `dashes: false`
 * reads a leading `- ` as part of the key.
 */
export function scanKeyLine(line: string, forbidden: string, dashes = true): KeyLine | undefined {
  let i = 0;
  while (line[i] === ' ') i++;
  const indent = i;
  let dash = '';
  if (dashes && line[i] === '-' && line[i + 1] === ' ') {
    let j = i + 1;
    while (line[j] === ' ') j++;
    dash = line.slice(i, j);
    i = j;
  }
  const keyColumn = i;
  const quote = line[i] === '"' || line[i] === "'" ? line[i]! : '';
  if (quote) i++;
  const keyStart = i;
  for (; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' || c === "'") break;
    if (!quote && c === ':' && (i + 1 === line.length || isBlank(line[i + 1]))) break;
    if (forbidden.includes(c)) return undefined;
  }
  const raw = line.slice(keyStart, i);
  if (raw === '') return undefined;
  if (quote) {
    if (line[i] !== quote) return undefined;
    i++;
    while (isBlank(line[i])) i++;
    if (line[i] !== ':' || !(i + 1 === line.length || isBlank(line[i + 1]))) return undefined;
  } else if (line[i] !== ':') return undefined;
  return { indent, dash, keyColumn, quote, key: raw.trim(), end: i + 1 };
}

/** The word being typed before the cursor (letters, digits, `:`, `.`, `-`, `_`). */
export function wordBefore(text: string, offset: number): { start: number; word: string } {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9:._\-]/.test(text[start - 1]!)) start--;
  return { start, word: text.slice(start, offset) };
}
