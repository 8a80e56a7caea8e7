/**
 * Keys already written in the YAML mapping or JSON object at the cursor, read from the text so
 * they are known while the document does not parse: completion leaves them out. Shared by the
 * template and the OpenAPI completions.
 */
import { scanKeyLine } from './yamlContext';

/** Keys of the mapping a YAML key at `column` belongs to, read from the neighbouring lines. */
export function yamlSiblingKeys(text: string, lineStart: number, column: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  const visit = (line: string, upward: boolean): boolean => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return true;
    const indent = /^ */.exec(line)![0].length;
    // A scanner, not a regular expression: a lazy key pattern went cubic on long lines of spaces.
    const match = scanKeyLine(line, '#:{}[],');
    if (match) {
      const keyColumn = match.keyColumn;
      if (keyColumn === column) {
        if (match.dash && !upward) return false; // the next item of the list
        keys.add(match.key);
        return !match.dash; // upward, a `- key:` line starts our item
      }
      return keyColumn > column && indent >= column;
    }
    return indent >= column;
  };
  if (!startsItem) {
    let end = lineStart - 1;
    while (end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      if (!visit(text.slice(start, end).replace(/\r$/, ''), true)) break;
      end = start - 1;
    }
  }
  let start = text.indexOf('\n', lineStart);
  while (start >= 0 && start < text.length) {
    const end = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, end < 0 ? text.length : end).replace(/\r$/, '');
    if (!visit(line, false)) break;
    if (end < 0) break;
    start = end;
  }
  return keys;
}

/** Keys of the JSON object around the offset (the string at the cursor excluded). */
export function jsonSiblingKeys(text: string, offset: number): Set<string> {
  interface Frame {
    readonly object: boolean;
    readonly keys: Set<string>;
    expectingKey: boolean;
  }
  const stack: Frame[] = [];
  let atOffset: Frame | undefined;
  let reached = false;
  for (let i = 0; i < text.length; i++) {
    if (!reached && i >= offset) {
      reached = true;
      atOffset = stack[stack.length - 1];
    }
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const containsCursor = i < offset && offset <= j;
      if (top?.object && top.expectingKey && !containsCursor) top.keys.add(text.slice(i + 1, j));
      if (containsCursor && !reached) {
        reached = true;
        atOffset = top;
      }
      i = j;
      continue;
    }
    if (c === '{' || c === '[') stack.push({ object: c === '{', keys: new Set(), expectingKey: c === '{' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && top?.object) top.expectingKey = false;
    else if (c === ',' && top?.object) top.expectingKey = true;
  }
  if (!reached) atOffset = stack[stack.length - 1];
  return atOffset?.object ? atOffset.keys : new Set();
}
