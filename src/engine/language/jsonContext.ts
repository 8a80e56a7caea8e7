/** Where a cursor sits in a (possibly incomplete) JSON document. */
export interface JsonCursor {
  /** Keys and indexes from the root to the container holding the cursor. */
  readonly path: Array<string | number>;
  /** True when the cursor is on a property name; false on a value. */
  readonly inKey: boolean;
  /** On a value: the key it belongs to. */
  readonly key?: string;
  /** Keys of the object holding the cursor written before and after it (not the one being typed). */
  readonly presentKeys: readonly string[];
}

interface Frame {
  readonly kind: 'object' | 'array';
  key: string | undefined;
  index: number;
  expectingKey: boolean;
  /** Keys seen so far in this object. */
  readonly keys: string[];
}

/**
 * Scans JSON text up to the cursor with a tiny tokenizer (strings, brackets,
 * commas, colons), so it works on documents that are mid-edit and do not parse.
 */
export function jsonCursorAt(text: string, offset: number): JsonCursor {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  let i = 0;
  let inString = false;
  while (i < offset) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < offset && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) {
        inString = true; // the cursor is inside this string
        break;
      }
      lastString = text.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', key: undefined, index: 0, expectingKey: c === '{', keys: [] });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ':' && top?.kind === 'object') {
      top.key = lastString;
      top.expectingKey = false;
      if (lastString !== undefined) top.keys.push(lastString);
    } else if (c === ',' && top) {
      if (top.kind === 'object') top.expectingKey = true;
      else top.index++;
    }
    i++;
  }
  const path: Array<string | number> = [];
  for (let k = 0; k < stack.length - 1; k++) {
    const frame = stack[k]!;
    path.push(frame.kind === 'object' ? (frame.key ?? '') : frame.index);
  }
  const top = stack[stack.length - 1];
  if (top?.kind === 'array') return { path: [...path, top.index], inKey: false, presentKeys: [] };
  const presentKeys = top ? [...top.keys, ...keysAfter(text, offset, inString)] : [];
  return top?.expectingKey === false ? { path, inKey: false, ...(top.key !== undefined ? { key: top.key } : {}), presentKeys } : { path, inKey: true, presentKeys };
}

/** Keys of the object around `offset` written after it, up to its closing brace (or the end of the text). */
function keysAfter(text: string, offset: number, inString: boolean): string[] {
  const keys: string[] = [];
  let i = offset;
  // Skip the rest of the string being typed: it is the key under the cursor, not a present one.
  if (inString) {
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  }
  let depth = 0;
  let lastString: string | undefined;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ':' && depth === 0 && lastString !== undefined) keys.push(lastString);
    i++;
  }
  return keys;
}
