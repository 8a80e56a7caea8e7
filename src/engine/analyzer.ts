import type { Catalog } from './catalog/catalogTypes';
import type { Finding, LintOptions, Severity } from './findings';

/** What a file was detected as. */
export type DocumentKind = 'cloudformation' | 'sam' | 'openapi' | 'other';

/** Everything the engine needs from its host: it does no I/O of its own. */
export interface AnalyzerHost {
  readonly catalog: Catalog;
}

/** Public description of a rule (for docs, SARIF and settings). */
export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** Result of linting one document. */
export interface LintResult {
  readonly kind: DocumentKind;
  /** Findings sorted by position. */
  readonly findings: readonly Finding[];
}

/** The engine's single entry point, shared by the CLI, the language server and tests. */
export interface Analyzer {
  /** Classifies a file by name and content. */
  detect(fileName: string, text: string): DocumentKind;
  /** Parses, detects and lints a document. Never throws on bad input. */
  lint(fileName: string, text: string, options?: LintOptions): LintResult;
  /** All rules, sorted by id. */
  readonly rules: readonly RuleMeta[];
}

/** Creates an analyzer over the given host services. */
export function createAnalyzer(host: AnalyzerHost): Analyzer {
  void host;
  throw new Error('not implemented yet');
}
