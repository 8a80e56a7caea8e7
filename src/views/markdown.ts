// Text for the Markdown tooltips of every view: free text (names, status reasons, descriptions)
// is escaped so it renders as itself.

/** Escapes text for a Markdown tooltip. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
