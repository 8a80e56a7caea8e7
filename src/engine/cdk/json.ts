/**
 * Small helpers for reading assembly JSON written by someone else: every field is checked before
 * use and objects are read with `Object.hasOwn`, so a hostile `__proto__` or `constructor` key is
 * just data.
 */

/** A plain JSON object, or undefined. */
export function asObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An own property of a JSON object (never from the prototype chain). */
export function own(object: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** An own string property, or undefined. */
export function ownString(object: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** The own entries of a JSON object. */
export function ownEntries(object: Readonly<Record<string, unknown>> | undefined): [string, unknown][] {
  return object === undefined ? [] : Object.keys(object).map((key) => [key, object[key]]);
}

/** `JSON.parse` that answers undefined plus the reason instead of throwing. */
export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Joins a folder and a relative path with `/`, resolving `.` and `..` (never above the root). */
export function joinPath(dir: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${relative}`.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
