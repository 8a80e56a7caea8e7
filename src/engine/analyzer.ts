import type { Catalog } from './catalog/catalogTypes';
import { INTERNAL_RULE_ID, type Finding, type LintOptions } from './findings';
import { parseDocument } from './document/parseDocument';
import { detectKind } from './detect';
import { resolveTemplateTag } from './cfn/shortForms';
import { analyzeDocument } from './analyzedDocument';
import type { AnalyzedDocument } from './analyzedDocument';
import { ALL_RULES } from './rules/registry';
import type { Rule, RuleContext } from './rules/rule';
import { Suppressions } from './suppressions';
import { embeddedOpenApiDocuments } from './apigateway/embeddedDocuments';
import type { LineIndex } from './document/lineIndex';
import { resetSuggestionBudget } from './util/suggest';
import { BudgetExceeded, runWithBudget } from './util/workBudget';

import type { DocumentKind } from './documentKind';
import type { RuleMeta } from './rules/rule';
import { compareCodeUnits } from './util/compareText';

export type { DocumentKind } from './documentKind';
export type { RuleMeta } from './rules/rule';

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
  /** The clock rule budgets are measured with, in milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** A rule's time budget when `LintOptions.ruleBudgetMs` is not given (the CLI's; the server sets a tighter one). */
export const DEFAULT_RULE_BUDGET_MS = 10_000;


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
  /**
   * Parses and models a document for language features (and {@link lintAnalyzed}); given the
   * analysis of an earlier version, an edit inside one resource re-parses only that resource.
   */
  analyze(fileName: string, text: string, previous?: AnalyzedDocument): AnalyzedDocument;
  /** Lints an already analyzed document. */
  lintAnalyzed(analyzed: AnalyzedDocument, options?: LintOptions): LintResult;
  /** The catalogue the analyzer uses (for language features). */
  readonly catalog: Catalog;
  /** All rules, sorted by id. */
  readonly rules: readonly RuleMeta[];
}

/** Creates an analyzer over the given host services. */
export function createAnalyzer(host: AnalyzerHost, rules: readonly Rule[] = ALL_RULES): Analyzer {
  const sortedRules = [...rules].sort((a, b) => compareCodeUnits(a.id, b.id));
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

/**
 * The oas-* rules run on OpenAPI embedded in templates: the ones about what the API means.
 * Structural completeness (`info`, response descriptions, unused components...) is left out:
 * API Gateway imports bodies without them, and these bodies exist to be imported.
 */
const EMBEDDED_OPENAPI_RULES: ReadonlySet<string> = new Set(['oas-ref-resolves', 'oas-operation-id-unique', 'oas-path-parameters', 'oas-equivalent-paths', 'oas-parameter-in', 'oas-schema-type']);

/** What every rule run of one lint shares: where findings go and how rules are timed. */
interface LintRun {
  readonly options: LintOptions;
  readonly ignored: ReadonlySet<string>;
  readonly lineIndex: LineIndex;
  readonly findings: Finding[];
  readonly now: () => number;
  readonly budgetMs: number;
  /** Rules already reported as failed or over budget: each is reported once per document. */
  readonly troubled: Set<string>;
}

/** Runs rules over one context, binding each rule's id and severity to `report`. */
function runRules(rules: readonly Rule[], base: Omit<RuleContext, 'report' | 'reportInFile'>, run: LintRun): void {
  const { options, ignored, lineIndex, findings } = run;
  for (const rule of rules) {
    if (ignored.has(rule.id)) continue;
    const override = options.severityOverrides?.[rule.id];
    if (override === 'off') continue;
    const severity = override ?? rule.defaultSeverity;
    const context: RuleContext = {
      ...base,
      report(span, message, fixes, own) {
        findings.push({ rule: rule.id, severity: override ?? own ?? severity, message, span, range: lineIndex.rangeOf(span), ...(fixes && fixes.length > 0 ? { fixes } : {}) });
      },
      reportInFile(anchor, location, message, anchorMessage) {
        const range = lineIndex.rangeOf(anchor);
        const related = [{ file: base.fileName ?? '', range, span: anchor, message: anchorMessage }];
        findings.push({ rule: rule.id, severity, message, span: anchor, range, otherFile: location, related });
      },
    };
    const started = run.now();
    try {
      runWithBudget(run.budgetMs, run.now, () => rule.check(context));
      const elapsed = run.now() - started;
      // A rule without budget checks on its slow path still finishes; say it was slow.
      if (elapsed > run.budgetMs) reportTrouble(run, rule.id, `Rule ${rule.id} took ${Math.round(elapsed)} ms, over its ${run.budgetMs} ms budget: editing this document may feel slow. Please report this.`);
    } catch (error) {
      // A rule bug or a runaway rule must not hide the other rules' findings.
      reportTrouble(
        run,
        rule.id,
        error instanceof BudgetExceeded
          ? `Rule ${rule.id} was stopped after ${Math.round(error.elapsedMs)} ms (its budget is ${run.budgetMs} ms): this document is too large or complex for it, so its findings here may be incomplete. The other rules' findings are complete.`
          : `Rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}. Please report this.`,
      );
    }
  }
}

/** Reports a rule's failure or overrun once per document, as a warning at the document's start. */
function reportTrouble(run: LintRun, ruleId: string, message: string): void {
  if (run.troubled.has(ruleId)) return;
  run.troubled.add(ruleId);
  run.findings.push({ rule: INTERNAL_RULE_ID, severity: 'warning', message, span: { start: 0, end: 0 }, range: run.lineIndex.rangeOf({ start: 0, end: 0 }) });
}

function lintDocument(host: AnalyzerHost, rules: readonly Rule[], analyzed: AnalyzedDocument, options: LintOptions): LintResult {
  const { document, kind, lineIndex, template, text, fileName } = analyzed;
  const { catalog, readFile, followAbsoluteFileRefs } = host;
  if (kind === 'other') return { kind, findings: [] };
  resetSuggestionBudget();
  const broken = document.problems.some((problem) => problem.severity === 'error') && !document.root;
  const findings: Finding[] = [];
  const run: LintRun = {
    options,
    ignored: new Set(options.ignoreRules ?? []),
    lineIndex,
    findings,
    now: host.now ?? Date.now,
    budgetMs: options.ruleBudgetMs ?? DEFAULT_RULE_BUDGET_MS,
    troubled: new Set(),
  };
  const baseContext = { document, template, catalog, options, kind, fileName, readFile, followAbsoluteFileRefs };
  runRules(
    rules.filter((rule) => rule.appliesTo.includes(kind) && !(broken && !rule.runsOnBrokenDocuments)),
    baseContext,
    run,
  );
  if (template && (kind === 'cloudformation' || kind === 'sam') && !broken) {
    // OpenAPI inside the template (RestApi Body, SAM DefinitionBody): the oas-* rules check it
    // in place. The apigw-* rules find embedded bodies themselves.
    for (const embedded of embeddedOpenApiDocuments(template, document)) {
      const embeddedRules = rules.filter((rule) => EMBEDDED_OPENAPI_RULES.has(rule.id));
      runRules(embeddedRules, { ...baseContext, document: embedded, template: undefined, kind: 'openapi' }, run);
    }
  }
  const suppressions = new Suppressions(text, lineIndex, template);
  const kept = findings.filter((finding) => !suppressions.isSuppressed(finding));
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || compareCodeUnits(a.rule, b.rule));
  return { kind, findings: kept };
}
