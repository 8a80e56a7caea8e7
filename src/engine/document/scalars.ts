/**
 * YAML 1.2 core-schema resolution of plain scalars. Kept separate from the
 * parser so JSON and YAML agree on what a number is.
 */

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(inf|Inf|INF)$/;
const NAN = /^\.(nan|NaN|NAN)$/;

/** Resolves an untagged plain scalar's text to null, boolean, number or string. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  const first = text.charCodeAt(0);
  // Fast exit: most scalars in templates are identifiers that start with a letter
  // other than the ones that begin null/bool keywords.
  const isDigitish = (first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46;
  if (!isDigitish) {
    if (NULLS.has(text)) return null;
    if (TRUES.has(text)) return true;
    if (FALSES.has(text)) return false;
    return text;
  }
  if (INT_DEC.test(text)) return Number.parseInt(text, 10);
  if (FLOAT.test(text)) return Number.parseFloat(text);
  if (INT_OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (INT_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return Number.NaN;
  return text;
}
