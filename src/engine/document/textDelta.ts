// Where two versions of a text differ, as an editor's edits since the last analysis make it:
// the server maps positions across it (server/analysisView.ts) and the YAML re-parse confines
// itself to it (document/yamlEdit.ts).

/**
 * One changed region: `[prefix, oldEnd)` of the old text became `[prefix, newEnd)` of the new
 * one; the rest is equal.
 */
export interface TextDelta {
  readonly prefix: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Chunk of the coarse comparison: slices compare as memory, far faster than char by char. */
const CHUNK = 2048;

/** The changed region: longest common prefix, then longest common suffix of what is left. */
export function textDelta(oldText: string, newText: string): TextDelta {
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix + CHUNK <= shorter && oldText.slice(prefix, prefix + CHUNK) === newText.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  const maxSuffix = shorter - prefix;
  const oldLength = oldText.length;
  const newLength = newText.length;
  let suffix = 0;
  while (suffix + CHUNK <= maxSuffix && oldText.slice(oldLength - suffix - CHUNK, oldLength - suffix) === newText.slice(newLength - suffix - CHUNK, newLength - suffix)) suffix += CHUNK;
  while (suffix < maxSuffix && oldText.charCodeAt(oldLength - 1 - suffix) === newText.charCodeAt(newLength - 1 - suffix)) suffix++;
  return { prefix, oldEnd: oldLength - suffix, newEnd: newLength - suffix };
}
