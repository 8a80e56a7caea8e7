import type { Span } from '../document/located';
import type { Fix } from '../findings';

/** Replacement text for a token that keeps the token's quotes (JSON keys, quoted YAML). */
export function keepQuotes(text: string, span: Span, replacement: string): string {
  const first = text[span.start];
  return (first === '"' || first === "'") && text[span.end - 1] === first ? `${first}${replacement}${first}` : replacement;
}

/** "Change to X" fixes for a token, one per suggestion. */
export function renameFixes(text: string, span: Span, suggestions: readonly string[]): Fix[] {
  return suggestions.map((suggestion) => ({ title: `Change to '${suggestion}'`, edits: [{ span, newText: keepQuotes(text, span, suggestion) }] }));
}

/** A span moved by `delta` characters (text inserted or removed before it). */
export function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** Fixes whose edits all move by `delta` characters. */
export function moveFixes(fixes: readonly Fix[], delta: number): Fix[] {
  return fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: moveSpan(edit.span, delta) })) }));
}

/** Issues (a span, maybe fixes) after an edit before them moved them by `delta` characters. */
export function moveIssues<T extends { readonly span: Span; readonly fixes?: readonly Fix[] }>(issues: readonly T[], delta: number): readonly T[] {
  return issues.map((issue) => ({ ...issue, span: moveSpan(issue.span, delta), ...(issue.fixes ? { fixes: moveFixes(issue.fixes, delta) } : {}) }));
}
