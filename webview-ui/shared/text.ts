/** DOM-free text helpers, shared by the model (which the Node bench also loads) and the view. */

// Control, bidi and other invisible characters that could disguise a label.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may be shown: invisible and reordering controls made visible. */
export function displayText(text: string): string {
  return text.replace(INVISIBLE, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

