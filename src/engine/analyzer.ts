import type { Catalog } from './catalog/catalogTypes';
import type { Finding, LintOptions, Severity } from './findings';
import { parseDocument } from './document/parseDocument';
import { detectKind } from './detect';
import { resolveTemplateTag } from './cfn/shortForms';
import { analyzeDocument } from './analyzedDocument';
import type { AnalyzedDocument } from './analyzedDocument';
import { ALL_RULES } from './rules/registry';
import type { Rule, RuleContext } from './rules/rule';
import { Suppressions } from './suppressions';

/** What a file was detected as. */
export type DocumentKind = 'cloudformation' | 'sam' | 'openapi' | 'other';

/** Everything the engine needs from its host: it does no I/O of its own. */
export interface AnalyzerHost {
  readonly catalog: Catalog;
  /**
   * Reads another file for multi-file OpenAPI `$ref`s; undefined when it cannot or must not
   * be read (the host decides what is reachable: the language server only reads inside the
   * workspace). Paths are the linted file's name (the `fileName` given to `lint`/`analyze`)
   * joined with the relative reference, `/`-separated, `.`/`..` removed: relative when the
   * file name is. Without it, references to other files are not checked.
   */
  readonly readFile?: (path: string) => string | undefined;
  /** Follow absolute `file:` URLs and absolute paths in `$ref`s (default off: they are reported, not read). */
  readonly followAbsoluteFileRefs?: boolean;
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
  /**
   * Parses, detects and lints a document. Never throws on bad input. `fileName` is the file's
   * path (absolute, or relative to where the host reads files): its extension picks JSON or
   * YAML, and its folder is the base of relative OpenAPI `$ref`s read through `readFile`.
   */
  lint(fileName: string, text: string, options?: LintOptions): LintResult;
  /** Parses and models a document for language features (and {@link lintAnalyzed}). */
  analyze(fileName: string, text: string): AnalyzedDocument;
  /** Lints an already analyzed document. */
  lintAnalyzed(analyzed: AnalyzedDocument, options?: LintOptions): LintResult;
  /** The catalogue the analyzer uses (for language features). */
  readonly catalog: Catalog;
  /** All rules, sorted by id. */
  readonly rules: readonly RuleMeta[];
}

/** Creates an analyzer over the given host services. */
export function createAnalyzer(host: AnalyzerHost, rules: readonly Rule[] = ALL_RULES): Analyzer {
  const sortedRules = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    rules: sortedRules.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity })),
    detect(fileName, text) {
      return detectKind(parseDocument(fileName, text, { resolveTag: resolveTemplateTag }).root, text);
    },
    lint(fileName, text, options = {}) {
      return lintDocument(host, sortedRules, analyzeDocument(fileName, text), options);
    },
    analyze: analyzeDocument,
    lintAnalyzed(analyzed, options = {}) {
      return lintDocument(host, sortedRules, analyzed, options);
    },
    catalog: host.catalog,
  };
}

function lintDocument(host: AnalyzerHost, rules: readonly Rule[], analyzed: AnalyzedDocument, options: LintOptions): LintResult {
  const { document, kind, lineIndex, template, text, fileName } = analyzed;
  const { catalog, readFile, followAbsoluteFileRefs } = host;
  if (kind === 'other') return { kind, findings: [] };
  const broken = document.problems.some((problem) => problem.severity === 'error') && !document.root;
  const ignored = new Set(options.ignoreRules ?? []);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.appliesTo.includes(kind) || ignored.has(rule.id)) continue;
    if (broken && !rule.runsOnBrokenDocuments) continue;
    const override = options.severityOverrides?.[rule.id];
    if (override === 'off') continue;
    const severity = override ?? rule.defaultSeverity;
    const context: RuleContext = {
      document,
      template,
      catalog,
      options,
      kind,
      fileName,
      readFile,
      followAbsoluteFileRefs,
      report(span, message, fixes) {
        findings.push({ rule: rule.id, severity, message, span, range: lineIndex.rangeOf(span), ...(fixes && fixes.length > 0 ? { fixes } : {}) });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule bug must not hide the other rules' findings.
      findings.push({
        rule: 'archlens-internal',
        severity: 'warning',
        message: `Rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}. Please report this.`,
        span: { start: 0, end: 0 },
        range: lineIndex.rangeOf({ start: 0, end: 0 }),
      });
    }
  }
  const suppressions = new Suppressions(text, lineIndex, template);
  const kept = findings.filter((finding) => !suppressions.isSuppressed(finding));
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { kind, findings: kept };
}
