/** Where a cursor sits in a (possibly incomplete) JSON document. */
export interface JsonCursor {
  /** Keys and indexes from the root to the container holding the cursor. */
  readonly path: Array<string | number>;
  /** True when the cursor is on a property name; false on a value. */
  readonly inKey: boolean;
  /** On a value: the key it belongs to. */
  readonly key?: string;
}

interface Frame {
  readonly kind: 'object' | 'array';
  key: string | undefined;
  index: number;
  expectingKey: boolean;
}

/**
 * Scans JSON text up to the cursor with a tiny tokenizer (strings, brackets,
 * commas, colons), so it works on documents that are mid-edit and do not parse.
 */
export function jsonCursorAt(text: string, offset: number): JsonCursor {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  let i = 0;
  while (i < offset) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < offset && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) break; // the cursor is inside this string
      lastString = text.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', key: undefined, index: 0, expectingKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ':' && top?.kind === 'object') {
      top.key = lastString;
      top.expectingKey = false;
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
  if (top?.kind === 'array') return { path: [...path, top.index], inKey: false };
  return top?.expectingKey === false ? { path, inKey: false, ...(top.key !== undefined ? { key: top.key } : {}) } : { path, inKey: true };
}
