import * as path from 'node:path';
import type { Range } from '../engine/document/lineIndex';
import type { Finding, RelatedLocation, Severity } from '../engine/findings';
import { compareCodeUnits } from '../engine/util/compareText';

/** Findings of one file, with the file named as the user should see it. */
export interface FileReport {
  /** Path as given on the command line or relative to the folder given (never rewritten). */
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** A related location with one-based positions. */
export interface PrintedLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
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
  /** Other places that explain the finding (e.g. the template line that includes this file). */
  readonly related?: readonly PrintedLocation[];
}

/**
 * Converts an engine finding (zero-based, LSP style) to one-based lines and columns.
 * The end column stays exclusive, which is also what SARIF's `endColumn` means.
 */
export function toPrinted(file: string, finding: Finding): PrintedFinding {
  const related = finding.related?.map((location) => ({ file: location.file, ...oneBased(location.range), message: location.message }));
  return {
    file,
    ...oneBased((finding.otherFile ?? finding).range),
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    ...(related && related.length > 0 ? { related } : {}),
  };
}

function oneBased({ start, end }: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * Moves findings that belong to another file (`Finding.otherFile`) to that file's report: the
 * report of the same file when it was linted too (its own name is kept), else a new report
 * named as the engine named the file. Related locations naming a linted
 * file get that file's displayed name. Files are the same when their resolved paths are.
 */
export function placeFindings(reports: readonly FileReport[], cwd: string): FileReport[] {
  const key = (file: string): string => path.resolve(cwd, file);
  const placed = new Map<string, { file: string; findings: Finding[] }>();
  for (const report of reports) placed.set(key(report.file), { file: report.file, findings: [] });
  const shown = (file: string): string => placed.get(key(file))?.file ?? file;
  for (const report of reports) {
    for (const finding of report.findings) {
      const target = finding.otherFile ? key(finding.otherFile.file) : key(report.file);
      let entry = placed.get(target);
      if (!entry) placed.set(target, (entry = { file: finding.otherFile?.file ?? report.file, findings: [] }));
      entry.findings.push(finding.related ? { ...finding, related: finding.related.map((location): RelatedLocation => ({ ...location, file: shown(location.file) })) } : finding);
    }
  }
  const start = (finding: Finding): Range['start'] => (finding.otherFile ?? finding).range.start;
  return [...placed.values()].map(({ file, findings }) => ({
    file,
    // Findings of two sources interleave: order them by position in this file.
    findings: findings.sort((a, b) => start(a).line - start(b).line || start(a).character - start(b).character || compareCodeUnits(a.rule, b.rule)),
  }));
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
