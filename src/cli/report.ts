import type { Finding, Severity } from '../engine/findings';

/** Findings of one linted file, with the file named as the user should see it. */
export interface FileReport {
  /** Path as given on the command line or relative to the folder given (never rewritten). */
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** A finding with one-based positions, as printed by every output format. */
export interface PrintedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

/**
 * Converts an engine finding (zero-based, LSP style) to one-based lines and columns.
 * The end column stays exclusive, which is also what SARIF's `endColumn` means.
 */
export function toPrinted(file: string, finding: Finding): PrintedFinding {
  const { start, end } = finding.range;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
  };
}

/** Counts of findings per severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** Counts findings per severity over all reports. */
export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}
