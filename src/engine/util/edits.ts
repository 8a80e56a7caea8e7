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
