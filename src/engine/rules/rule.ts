import type { DocumentKind } from '../documentKind';
import type { Catalog } from '../catalog/catalogTypes';
import type { TemplateModel } from '../cfn/template';
import type { ParsedDocument, Span } from '../document/located';
import type { FileLocation, Fix, LintOptions, Severity } from '../findings';

/** What a rule's check sees. Rules are pure: they read the context and report. */
export interface RuleContext {
  readonly document: ParsedDocument;
  /** The template model; undefined when the root is not a mapping. */
  readonly template: TemplateModel | undefined;
  readonly catalog: Catalog;
  readonly options: LintOptions;
  readonly kind: DocumentKind;
  /** The linted file's path as the host named it (`AnalyzedDocument.fileName`): the base of relative `$ref`s. */
  readonly fileName?: string;
  /** Reads another file for a multi-file `$ref` (see `AnalyzerHost.readFile`); undefined: no file access. */
  readonly readFile?: (path: string) => string | undefined;
  /** Whether absolute `file:` / `/path` refs may be read (see `AnalyzerHost.followAbsoluteFileRefs`). */
  readonly followAbsoluteFileRefs?: boolean;
  /**
   * Reports a finding of this rule at a span. `severity` lowers one finding below the rule's
   * default (e.g. "too long to check" is a warning from an error rule); a user override wins.
   */
  readonly report: (span: Span, message: string, fixes?: readonly Fix[], severity?: Severity) => void;
  /**
   * Reports a finding that belongs to another file (`Finding.otherFile`), e.g. a line of an
   * OpenAPI file this template includes. `anchor` is the place in this document it comes from:
   * it is shown with the finding as a related location saying `anchorMessage`, and suppressions
   * in this document apply at it.
   */
  readonly reportInFile: (anchor: Span, location: FileLocation, message: string, anchorMessage: string) => void;
}

/** Public description of a rule (for docs, SARIF and settings). */
export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** A rule: declarative metadata plus a pure check. */
export interface Rule extends RuleMeta {
  /** Document kinds the rule runs on. */
  readonly appliesTo: readonly DocumentKind[];
  /** Whether the rule also runs when the document has syntax errors (only syntax rules do). */
  readonly runsOnBrokenDocuments?: boolean;
  check(context: RuleContext): void;
}

/** Kinds that are CloudFormation templates. */
export const TEMPLATE_KINDS: readonly DocumentKind[] = ['cloudformation', 'sam'];
