/**
 * Regular expressions written by the document's author (a parameter's `AllowedPattern`, a
 * JSON Schema `pattern` or `patternProperties` key) are hostile input: V8's backtracking
 * engine takes exponential time on `(a+)+b` and throws on megabyte patterns. They are compiled
 * with RE2JS, a linear-time engine (no backtracking, so no lookaround and no backreferences),
 * and both the pattern and the text it is matched against are capped in length.
 */
import { RE2JS } from 're2js';

/**
 * Longer patterns are not compiled (RE2 compile time and memory grow with the pattern). Real
 * templates have patterns of 1,248 characters (a list of cron schedules).
 */
export const MAX_PATTERN_CHARS = 4096;
/** Longer texts are not matched. */
export const MAX_SUBJECT_CHARS = 10_000;
/**
 * Matching is linear in the text but also in the pattern: pattern x text characters beyond
 * this are not matched (a few hundred milliseconds at worst).
 */
const MAX_MATCH_WORK = 4_000_000;

/** Flags as written in JavaScript (`i`, `m`, `s`; `u`, `g`, `y` change nothing for a test). */
export type PatternFlags = string;

export type UserPattern =
  /** `test` answers undefined when the text is too long to match. */
  | { readonly kind: 'regexp'; readonly test: (text: string) => boolean | undefined }
  /** Not a regular expression at all (the reason, without the pattern). */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Valid, but needs backtracking (lookaround, backreferences): not checkable in bounded time. */
  | { readonly kind: 'unsupported' }
  /** Longer than {@link MAX_PATTERN_CHARS}. */
  | { readonly kind: 'tooLong'; readonly length: number };

function re2Flags(flags: PatternFlags): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out;
}

/**
 * Compiles a document-supplied pattern. `whole` anchors it at both ends (CloudFormation's
 * Java `Matcher.matches()`); otherwise it matches anywhere (JSON Schema `pattern`).
 */
export function compileUserPattern(source: string, flags: PatternFlags = '', whole = false): UserPattern {
  if (source.length > MAX_PATTERN_CHARS) return { kind: 'tooLong', length: source.length };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(toRe2Syntax(source), re2Flags(flags));
  } catch {
    return classifyFailure(source, flags);
  }
  const test = (text: string): boolean | undefined => {
    if (text.length > MAX_SUBJECT_CHARS || text.length * source.length > MAX_MATCH_WORK) return undefined;
    return whole ? compiled.matches(text) : compiled.matcher(text).find();
  };
  return { kind: 'regexp', test };
}

/**
 * JavaScript's (and Java's) `\uXXXX` and `\u{X...}` escapes in RE2's spelling, `\x{...}`: they are
 * common in schemas (`^[\u0020-\u007E]*$`) and RE2 would refuse the whole pattern.
 */
function toRe2Syntax(source: string): string {
  if (!source.includes('\\u')) return source;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const hex4 = /^u([0-9A-Fa-f]{4})/.exec(source.slice(i + 1, i + 6));
    const braced = hex4 ? null : /^u\{([0-9A-Fa-f]{1,6})\}/.exec(source.slice(i + 1, i + 11));
    const code = hex4?.[1] ?? braced?.[1];
    if (code !== undefined) {
      out += `\\x{${code}}`;
      i += hex4 ? 5 : code.length + 3;
    } else {
      // Any other escape is copied whole, so `\\u0041` stays a backslash and `u0041`.
      out += c + (source[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/** RE2 refused the pattern: invalid everywhere, or valid JavaScript that RE2 cannot run. */
function classifyFailure(source: string, flags: PatternFlags): UserPattern {
  try {
    // Compiling is linear in the pattern (and it is capped); nothing is matched here.
    new RegExp(source, flags.replace(/[^ims]/g, ''));
    return { kind: 'unsupported' };
  } catch (error) {
    // "Invalid regular expression: /[a-z/: Unterminated character class" -> the reason only.
    const text = error instanceof Error ? error.message : String(error);
    const colon = text.lastIndexOf(': ');
    return { kind: 'invalid', message: colon >= 0 ? text.slice(colon + 2) : text };
  }
}

/**
 * The pattern engine ajv uses for schemas written by the document's author (its `code.regExp`
 * option): RE2JS, so validating an example never backtracks. A pattern RE2 cannot compile
 * throws, and the caller treats the schema as not checkable. Texts over
 * {@link MAX_SUBJECT_CHARS} pass (not checked).
 */
export const ajvUserRegExp = Object.assign(
  (pattern: string, flags: string): { test: (text: string) => boolean; toString: () => string } => {
    const compiled = compileUserPattern(pattern);
    if (compiled.kind !== 'regexp') throw new Error(`Pattern not checkable (${compiled.kind}).`);
    // ajv keys its compiled patterns by `toString()`: without a distinct one, every pattern of a
    // validator would be the first one compiled.
    return { test: (text: string) => compiled.test(text) ?? true, toString: () => `/${pattern}/${flags}` };
  },
  // ajv names the engine in generated code by this string; validators are not exported as code.
  { code: 'ajvUserRegExp' },
);
