/**
 * The YAML key path at a cursor, computed from indentation alone so it works
 * while the document is half-typed and does not parse. Sequence items appear
 * as index 0 (completion only needs to know "inside a list item").
 */
export function yamlPathAt(text: string, offset: number): Array<string | number> {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
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
  const match = /^( *)(- +)?(["']?)([^"':#][^"':]*?|[^"']*)\3\s*:(\s|$)/.exec(line);
  if (!match) {
    const dash = /^( *)- /.exec(line);
    return dash ? { keyIndent: dash[1]!.length + 2, dashIndent: dash[1]!.length } : undefined;
  }
  const indent = match[1]!.length;
  const dash = match[2];
  return dash ? { keyIndent: indent + dash.length, dashIndent: indent, key: match[4]!.trim() } : { keyIndent: indent, key: match[4]!.trim() };
}

/** The word being typed before the cursor (letters, digits, `:`, `.`, `-`, `_`). */
export function wordBefore(text: string, offset: number): { start: number; word: string } {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9:._\-]/.test(text[start - 1]!)) start--;
  return { start, word: text.slice(start, offset) };
}
