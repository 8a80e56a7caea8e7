import type { Severity } from '../engine/findings';
import { countSeverities, toPrinted, type FileReport } from './report';

/** How the text output looks. */
export interface TextFormatOptions {
  /** ANSI colours (only for a TTY without `NO_COLOR`; see {@link shouldUseColor}). */
  readonly color: boolean;
  /** Number of templates linted, for the summary line (files without findings count too). */
  readonly filesLinted: number;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

/**
 * Formats reports as `file:line:col  severity  message  [rule]`, one block per file with a
 * blank line between files, then a summary line. `file:line:col` first so terminals and
 * editors make it clickable.
 */
export function formatText(reports: readonly FileReport[], options: TextFormatOptions): string {
  const paint = (code: string, text: string): string => (options.color ? code + text + ANSI.reset : text);
  const blocks: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const lines = report.findings.map((finding) => {
      const p = toPrinted(report.file, finding);
      const where = `${p.file}:${p.line}:${p.column}`;
      // Pad before painting so escape codes do not break the alignment.
      const line = `${paint(ANSI.bold, where)}  ${paint(SEVERITY_COLOR[p.severity], p.severity.padEnd(7))}  ${p.message}  ${paint(ANSI.dim, `[${p.rule}]`)}`;
      // Related places (the template line that includes this file), clickable too.
      const related = (p.related ?? []).map((location) => `    ${paint(ANSI.dim, `${location.file}:${location.line}:${location.column}`)}  ${location.message}`);
      return [line, ...related].join('\n');
    });
    blocks.push(lines.join('\n'));
  }
  const counts = countSeverities(reports);
  const total = counts.error + counts.warning + counts.info;
  const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;
  let summary: string;
  if (options.filesLinted === 0) {
    summary = 'No templates found.';
  } else if (total === 0) {
    summary = paint(ANSI.bold, `No problems found in ${files(options.filesLinted)}.`);
  } else {
    const withFindings = reports.filter((report) => report.findings.length > 0).length;
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`];
    const text = `${plural(total, 'problem')} (${parts.join(', ')}) in ${withFindings} of ${files(options.filesLinted)}`;
    summary = paint(ANSI.bold + (counts.error > 0 ? ANSI.red : counts.warning > 0 ? ANSI.yellow : ''), text);
  }
  return [...blocks, summary].join('\n\n') + '\n';
}

/** Colours only on a TTY, and never when `NO_COLOR` is set to a non-empty value (no-color.org). */
export function shouldUseColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
