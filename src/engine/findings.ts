import type { Range } from './document/lineIndex';
import type { Span } from './document/located';

/** Severity of a finding, as printed by the CLI and mapped to LSP diagnostics. */
export type Severity = 'error' | 'warning' | 'info';

/** A text edit that fixes (part of) a finding, in offsets of the linted text. */
export interface FixEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A suggested fix: a title and the edits that apply it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
}

/** One problem found in a document. Ranges are zero-based (LSP style). */
export interface Finding {
  /** Stable rule id, e.g. `cfn-unknown-property`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly range: Range;
  /** Quick fixes ("did you mean", add required properties...). */
  readonly fixes?: readonly Fix[];
}

/** Settings that shape a lint run; the CLI merges flags and `.archlens.yml` into this. */
export interface LintOptions {
  /** Regions to check resource availability against (default: none checked). */
  readonly regions?: readonly string[];
  /** Rule ids to drop. */
  readonly ignoreRules?: readonly string[];
  /** Per-rule severity overrides; `off` drops the rule. */
  readonly severityOverrides?: Readonly<Record<string, Severity | 'off'>>;
  /** "Today" for dated rules (Lambda runtime deprecation); defaults to the real date. */
  readonly today?: Date;
}
