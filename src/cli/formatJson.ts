import { toPrinted, type FileReport } from './report';

/**
 * Formats reports as a JSON array of flat findings with one-based positions:
 * `{ file, line, column, endLine, endColumn, severity, rule, message }`.
 * Always an array (empty when clean), so `jq length` works without special cases.
 */
export function formatJson(reports: readonly FileReport[]): string {
  const findings = reports.flatMap((report) => report.findings.map((finding) => toPrinted(report.file, finding)));
  return JSON.stringify(findings, null, 2) + '\n';
}
