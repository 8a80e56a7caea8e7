/**
 * A policy document given as a JSON string (`PolicyDocument: '{"Statement": ...}'`, or a JSON
 * template's escaped string): parsed with the engine's strict JSON parser, bounded, and its spans
 * mapped back to the template. Where the string's source is its value with only indentation,
 * quote doubling or backslashes added (a plain or quoted scalar, a literal block, `\"` escapes),
 * each token maps to its own place; otherwise every finding sits on the whole string.
 */
import type { LocatedNode, ScalarNode, Span } from '../document/located';
import { parseJson } from '../document/jsonParser';

/** Longest JSON policy string parsed (IAM's largest policy, a KMS key policy, is 32 KB). */
export const MAX_POLICY_TEXT = 100_000;

/** Maps spans of the parsed policy to template spans; `exact` when the token is where it says. */
export interface SpanMapper {
  map(span: Span): Span;
  /** Whether the template text at the mapped span is the token itself (so a quick fix may replace it). */
  exact(span: Span): boolean;
}

/** Spans of nodes that are in the template itself. */
export const IDENTITY_MAPPER: SpanMapper = { map: (span) => span, exact: () => true };

/** The parsed policy string, or the reason it is not one. */
export type PolicyText = { readonly root: LocatedNode; readonly mapper: SpanMapper } | { readonly problem: string } | undefined;

/** Characters the source may add around a string's value: indentation, line breaks of a quoted scalar, quote doubling, escapes. */
const SKIPPABLE = new Set([' ', '\t', '\r', '\n', '\\', "'", '"']);

/**
 * Offsets of each value character in the source, aligning the value with its source greedily;
 * undefined when a character of the source other than {@link SKIPPABLE} would have to be skipped.
 */
function alignValue(source: string, sourceStart: number, value: string): Int32Array | undefined {
  const offsets = new Int32Array(value.length + 1);
  let s = 0;
  for (let v = 0; v < value.length; v++) {
    const ch = value[v]!;
    while (s < source.length && source[s] !== ch) {
      if (!SKIPPABLE.has(source[s]!)) return undefined;
      s++;
    }
    if (s >= source.length) return undefined;
    offsets[v] = sourceStart + s;
    s++;
  }
  offsets[value.length] = sourceStart + s;
  return offsets;
}

/** Parses a string scalar that should hold a JSON policy document. */
export function parsePolicyText(documentText: string, scalar: ScalarNode): PolicyText {
  if (typeof scalar.value !== 'string') return undefined;
  const value = scalar.value;
  if (value.length > MAX_POLICY_TEXT) return undefined;
  const parsed = parseJson(value);
  const syntax = parsed.problems.find((problem) => problem.code === 'syntax' || problem.code === 'depth-limit');
  if (parsed.root === undefined || syntax !== undefined) {
    return { problem: syntax ? `${syntax.message} (at character ${syntax.span.start + 1} of the string)` : 'the string is empty' };
  }
  const whole = scalar.span;
  const offsets = alignValue(documentText.slice(whole.start, whole.end), whole.start, value);
  if (offsets === undefined) return { root: parsed.root, mapper: { map: () => whole, exact: () => false } };
  const map = (span: Span): Span => {
    let start = offsets[span.start]!;
    // A token that opens with an escaped quote (`\"Effect\"`) starts at its backslash.
    if (documentText[start - 1] === '\\' && start - 1 > whole.start && (span.start === 0 || offsets[span.start - 1]! < start - 1)) start--;
    const end = span.end > span.start ? offsets[span.end - 1]! + 1 : start;
    return { start, end };
  };
  return {
    root: parsed.root,
    mapper: {
      map,
      exact(span) {
        const mapped = map(span);
        return documentText.slice(mapped.start, mapped.end) === value.slice(span.start, span.end);
      },
    },
  };
}
