/**
 * `${Name}` placeholders (and ForEach's `&{Name}`) found by a scanner. The obvious pattern
 * `/\$\{([^}]*)\}/g` rescans to the end of the text from every `${` that is never closed, so
 * 80 KB of `${` took seconds; this is linear.
 */
export interface Placeholder {
  /** Offset of the `$` (or `&`). */
  readonly start: number;
  /** Offset just after the `}`. */
  readonly end: number;
  /** The text between the braces, untrimmed. */
  readonly inner: string;
}

/** The placeholders of `text` opened by any of `openers` (`$`, or `$&`), in order. */
export function placeholders(text: string, openers = '$'): Placeholder[] {
  const out: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const brace = text.indexOf('{', from);
    if (brace < 0) return out;
    if (brace === 0 || !openers.includes(text[brace - 1]!)) {
      from = brace + 1;
      continue;
    }
    const close = text.indexOf('}', brace + 1);
    // No `}` after this one: none after any later `${` either.
    if (close < 0) return out;
    out.push({ start: brace - 1, end: close + 1, inner: text.slice(brace + 1, close) });
    from = close + 1;
  }
}

/** A name with placeholders (`Topic${Name}`) as the literal parts around them, e.g. `['Topic', '']`. */
export function literalParts(text: string, openers = '$'): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const placeholder of placeholders(text, openers)) {
    parts.push(text.slice(last, placeholder.start));
    last = placeholder.end;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * Whether `name` fits literal parts joined by "anything" (see {@link literalParts}). Greedy
 * leftmost matching of each middle part is exact for this kind of pattern and linear, where the
 * equivalent `^a.*b.*c$` regex backtracks exponentially in the number of parts.
 */
export function matchesParts(parts: readonly string[], name: string): boolean {
  if (parts.length === 1) return name === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  const limit = name.length - last.length;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = name.indexOf(parts[i]!, at);
    if (found < 0 || found + parts[i]!.length > limit) return false;
    at = found + parts[i]!.length;
  }
  return true;
}
