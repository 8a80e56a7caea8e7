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

/**
 * A place in a file the engine may not hold the text of (an OpenAPI file a template includes,
 * a CDK construct's source line): the file as the host names it plus a zero-based range.
 */
export interface FileLocation {
  /**
   * The file's path in the host's terms: the analysed file's name joined with a relative
   * reference (`/`-separated, like the paths given to `AnalyzerHost.readFile`).
   */
  readonly file: string;
  readonly range: Range;
  /** Offsets in that file, when the rule had its text. */
  readonly span?: Span;
}

/** Another place that explains a finding ("included here", "synthesized into line N"). */
export interface RelatedLocation extends FileLocation {
  readonly message: string;
}

/** One problem found in a document. Ranges are zero-based (LSP style). */
export interface Finding {
  /** Stable rule id, e.g. `cfn-unknown-property`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /**
   * Where in the analysed document the finding is (or, with {@link otherFile}, the place there
   * that caused it: suppressions and sorting use it).
   */
  readonly span: Span;
  readonly range: Range;
  /** Quick fixes ("did you mean", add required properties...), edits in the analysed document. */
  readonly fixes?: readonly Fix[];
  /**
   * The finding belongs to another file than the analysed one: front ends show it there (the
   * CLI prints it under that file, the language server publishes it on that file's URI, open
   * or not). {@link related} then names the analysed document's place.
   */
  readonly otherFile?: FileLocation;
  /** Other places worth showing with the finding (SARIF `relatedLocations`, LSP `relatedInformation`). */
  readonly related?: readonly RelatedLocation[];
}

/** Whether a finding is shown on the analysed document itself (not on another file). */
export function isOwnFinding(finding: Finding): boolean {
  return finding.otherFile === undefined;
}

/** Settings that shape a lint run; the CLI merges flags and `.archlens.yml` into this. */
/** The rule id of the analyzer's own warnings (a rule that failed or ran out of its time budget). */
export const INTERNAL_RULE_ID = 'archlens-internal';

export interface LintOptions {
  /** Regions to check resource availability against (default: none checked). */
  readonly regions?: readonly string[];
  /** Rule ids to drop. */
  readonly ignoreRules?: readonly string[];
  /** Per-rule severity overrides; `off` drops the rule. */
  readonly severityOverrides?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * The region the template is deployed to, when the host knows it (a CDK stack's manifest
   * environment). Rules about the deployment region use it before `regions`.
   */
  readonly deploymentRegion?: string;
  /** "Today" for dated rules (Lambda runtime deprecation); defaults to the real date. */
  readonly today?: Date;
  /**
   * How long one rule may run on one document, in ms, before it is stopped and reported as an
   * `archlens-internal` warning (default `DEFAULT_RULE_BUDGET_MS`; the language server uses less).
   */
  readonly ruleBudgetMs?: number;
}
