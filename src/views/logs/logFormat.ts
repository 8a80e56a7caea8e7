// Pure text formatting for log documents: events as lines, Insights results as a Markdown table
// or CSV, sizes and retention for tree descriptions. No vscode, so it is unit-tested directly.
import type { LogEvent, QueryResults } from '../../aws/logsGateway';

/** `2026-01-01T00:00:05.000Z` (UTC, so a shared document means the same to everyone). */
export function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

/** `2026-01-01 00:00:05Z`, short for tree descriptions. */
export function shortTime(ms: number): string {
  return isoTime(ms).replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

const INDENT = ' '.repeat(isoTime(0).length + 1);

/**
 * Events as text: one `ISO-timestamp message` line each; the continuation lines of a
 * multi-line message (stack traces) are indented under the message, so every line that starts
 * at column 0 is a new event. Trailing newlines (Lambda ends messages with one) are dropped.
 */
export function formatEvents(events: readonly LogEvent[], options: { showStream?: boolean } = {}): string {
  const out: string[] = [];
  for (const e of events) {
    const lines = e.message.replace(/\r?\n$/, '').split(/\r?\n/);
    const stream = options.showStream && e.stream ? `[${e.stream}] ` : '';
    out.push(`${isoTime(e.timestamp)} ${stream}${lines[0] ?? ''}`);
    for (const line of lines.slice(1)) out.push(`${INDENT}${line}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** Escapes a value for a Markdown table cell: rendered as text, never as markup or HTML. */
export function markdownCell(value: string): string {
  return value
    .replace(/[\\`*_[\]|]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ↵ ');
}

/** Insights rows as a GitHub-flavoured Markdown table (a header naming the query goes above). */
export function insightsMarkdown(results: Pick<QueryResults, 'fields' | 'rows'>): string {
  if (results.fields.length === 0) return '_No rows._\n';
  const header = `| ${results.fields.map(markdownCell).join(' | ')} |`;
  const rule = `| ${results.fields.map(() => '---').join(' | ')} |`;
  const rows = results.rows.map((row) => `| ${results.fields.map((f) => markdownCell(row[f] ?? '')).join(' | ')} |`);
  return `${[header, rule, ...rows].join('\n')}\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Insights rows as RFC 4180 CSV (CRLF line ends, quoted where needed). */
export function insightsCsv(results: Pick<QueryResults, 'fields' | 'rows'>): string {
  const lines = [results.fields.map(csvCell).join(','), ...results.rows.map((row) => results.fields.map((f) => csvCell(row[f] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** `12.3 KB` (1024-based, as the console shows stored bytes). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** `30 days` / `never expires` (no retention set means events are kept forever, and billed). */
export function formatRetention(days: number | undefined): string {
  if (days === undefined) return 'never expires';
  return days === 1 ? '1 day' : `${days} days`;
}
