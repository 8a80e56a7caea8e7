import { detectFromText } from './detect';

/**
 * Decides, without parsing, that a file is not a template or an OpenAPI description: the common
 * case in a workspace (package.json, tsconfig, Kubernetes manifests, CDK's manifest.json and
 * tree.json). Building the located tree of a 4.6 MB JSON file only to classify it "other" took
 * 214 ms on every open and edit; this reads the text once, in a few milliseconds.
 *
 * It answers only when it is sure, and `undefined` means "parse it". Sure means: `detectKind`
 * would say "other" whatever the parse gives. When the parse fails, `detectKind` reads the text
 * (`detectFromText`), so that must say "other" too. When it succeeds, the kind comes from the
 * root's keys, and only these keys can make it something else:
 */
const DECISIVE_KEYS: readonly string[] = ['Resources', 'AWSTemplateFormatVersion', 'Transform', 'openapi', 'swagger'];

// One regular expression per question: V8 scans a literal alternation far faster than it runs
// `indexOf` with a multi-character needle (1-2 ms against 15 ms per word on 5 MB).
const DECISIVE_WORD = new RegExp(DECISIVE_KEYS.join('|'));
/** How strict JSON writes one of them as a key: quoted, then `:`. */
const DECISIVE_JSON_KEY = new RegExp(`"(?:${DECISIVE_KEYS.join('|')})"[ \\t\\r\\n]*:`);
/** Escapes that can spell a letter in a quoted key (`\u0052`, `\x52`, `\U00000052`) or join two lines. */
const LETTER_ESCAPE = /\\[uxU\r\n]/;

/**
 * True when the text is surely not a template or an OpenAPI document (see above): no decisive
 * key can be a top-level key, because the words are not in the text at all (and no escape could
 * spell them), or, in JSON, never as a key (`"Resources":`) at any depth, or because a scan of
 * the top-level keys (JSON, or block YAML) finds none of them.
 */
export function isSurelyOther(text: string): boolean {
  if (detectFromText(text) !== 'other') return false;
  const escapes = LETTER_ESCAPE.test(text);
  if (!escapes && !DECISIVE_WORD.test(text)) return true;
  const json = /^\uFEFF?\s*\{/.test(text);
  if (json && !escapes) {
    // Strict JSON writes a key as `"name"` then `:`; without escapes it can be spelled no other way.
    const first = DECISIVE_JSON_KEY.exec(text);
    if (!first) return true;
    // Pretty-printed JSON: a decisive key on a line of its own, indented like the first key, is
    // almost surely top-level. "Parse it" is then the answer, without scanning every value first
    // (Stripe's spec puts 4 MB of `components` before `openapi`). A wrong guess only costs a parse.
    if (decisiveKeyAtFirstKeyIndent(text, first.index)) return false;
  }
  const keys = json ? jsonTopLevelKeys(text) : yamlTopLevelKeys(text);
  return keys !== undefined && !keys.some((key) => DECISIVE_KEYS.includes(key));
}

/** The whitespace between the last line break before the first key and the key, when the first key starts a line. */
const FIRST_KEY_INDENT = /^\uFEFF?[ \t\r\n]*\{[ \t\r]*\n(?:[ \t\r]*\n)*([ \t]*)"/;

/** Whether a decisive key at or after `from` starts a line indented like the root's first key. */
function decisiveKeyAtFirstKeyIndent(text: string, from: number): boolean {
  const indent = FIRST_KEY_INDENT.exec(text)?.[1];
  if (indent === undefined) return false;
  const atIndent = new RegExp(`\\n${indent}"(?:${DECISIVE_KEYS.join('|')})"[ \\t\\r\\n]*:`, 'g');
  // Start on the line of the first decisive key: everything before it has none to find.
  atIndent.lastIndex = Math.max(0, text.lastIndexOf('\n', from));
  return atIndent.test(text);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whitespace JSON allows between tokens. */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index after the closing quote of the string opening at `at`, or -1 when it does not close. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    i = close + 1;
  }
}

/**
 * The keys of a top-level JSON object, values skipped without being built (strings jump to their
 * closing quote; brackets are counted). Undefined (parse it) on anything unexpected, or a key
 * with an escape: the strict parser decides those.
 */
export function jsonTopLevelKeys(text: string): string[] | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipSpace = (): void => {
    while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
  };
  skipSpace();
  if (text[i] !== '{') return undefined;
  i++;
  const keys: string[] = [];
  skipSpace();
  if (text[i] === '}') return keys;
  for (;;) {
    skipSpace();
    if (text.charCodeAt(i) !== QUOTE) return undefined;
    const end = stringEnd(text, i);
    if (end < 0) return undefined;
    const key = text.slice(i + 1, end - 1);
    if (key.includes('\\')) return undefined;
    keys.push(key);
    i = end;
    skipSpace();
    if (text[i] !== ':') return undefined;
    i++;
    // The value: up to the `,` or `}` at depth 0.
    let depth = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const close = stringEnd(text, i);
        if (close < 0) return undefined;
        i = close - 1;
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) break;
        depth--;
      } else if (c === 0x2c && depth === 0) break;
    }
    if (i >= n) return undefined;
    if (text[i] === '}') {
      i++;
      skipSpace();
      return i === n ? keys : undefined;
    }
    if (text[i] !== ',') return undefined;
    i++;
  }
}

/**
 * The keys of a block YAML mapping at the root: the lines that start at column 0. Undefined
 * (parse it) for whatever could put a key elsewhere or hide one: an indented root, a flow root,
 * explicit (`?`), tagged, anchored or alias keys, merge keys (`<<`), quoted keys with escapes,
 * and more than one document.
 */
export function yamlTopLevelKeys(text: string): string[] | undefined {
  const keys: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sawContent = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineStart = start;
    start = end + 1;
    const first = text.charAt(lineStart);
    if (first === '\n' || first === '#' || first === '\r' || lineStart === end) continue;
    if (first === ' ' || first === '\t') {
      // The root's own keys must start at column 0; indented lines belong to values.
      if (!sawContent) {
        const trimmed = text.slice(lineStart, end).trim();
        if (trimmed !== '' && !trimmed.startsWith('#')) return undefined;
      }
      continue;
    }
    const line = text.slice(lineStart, end);
    if (first === '%') continue;
    if (line.startsWith('---') || line.startsWith('...')) {
      if (sawContent) return undefined;
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) return undefined;
      continue;
    }
    sawContent = true;
    const key = lineKey(line);
    if (key === undefined) return undefined;
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * The key a column-0 line starts with; null when it holds none (a sequence item, a scalar line);
 * undefined when it might hold one this scan cannot read.
 */
function lineKey(line: string): string | null | undefined {
  const first = line.charAt(0);
  if (first === '-' && (line.length === 1 || line[1] === ' ' || line[1] === '\t' || line[1] === '\r')) return null;
  if ('{[?&*!|>@`<'.includes(first)) return undefined;
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, 1);
    if (close < 0 || line.slice(0, close).includes('\\')) return undefined;
    const after = line.slice(close + 1).trimStart();
    return after.startsWith(':') ? line.slice(1, close) : undefined;
  }
  // A plain key ends at the first `:` followed by a space, a tab or the end of the line.
  const colon = /:(?=[ \t\r]|$)/.exec(line);
  if (!colon) return null;
  const key = line.slice(0, colon.index);
  // ` #` starts a comment: a `:` after it is not the key's.
  if (/[ \t]#/.test(key)) return null;
  return key.trimEnd();
}
