import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/engine/analyzer';
import type { Analyzer } from '../../src/engine/analyzer';
import type { Finding, LintOptions } from '../../src/engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';

let analyzer: Analyzer | undefined;

/** The real analyzer over the real compiled catalogue (built by `npm run build`). */
export function realAnalyzer(): Analyzer {
  analyzer ??= createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) });
  return analyzer;
}

/** A marked span in a test document: the text between « and ». */
export interface MarkedSpan {
  readonly start: number;
  readonly end: number;
}

/** Removes « » markers and returns the clean text with the marked spans (in order). */
export function stripMarkers(marked: string): { text: string; spans: MarkedSpan[] } {
  let text = '';
  const spans: MarkedSpan[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

/** One row of a rule table: a document with « » around each expected finding. */
export interface RuleCase {
  readonly name: string;
  readonly doc: string;
  readonly file?: string;
  /** Substrings (or patterns) the messages must contain, in span order. */
  readonly messages?: readonly (string | RegExp)[];
  readonly options?: LintOptions;
}

/** Lints a case and returns the findings of one rule. */
export function findingsOf(rule: string, doc: string, file = 'template.yaml', options: LintOptions = {}): Finding[] {
  return realAnalyzer().lint(file, doc, options).findings.filter((finding) => finding.rule === rule);
}

/** Asserts that `rule` reports exactly at the marked spans of each case (no marks = clean). */
export function assertRuleCase(rule: string, testCase: RuleCase): void {
  const { text, spans } = stripMarkers(testCase.doc);
  const findings = findingsOf(rule, text, testCase.file ?? 'template.yaml', testCase.options ?? {});
  const actual = findings.map((f) => `${f.span.start}-${f.span.end} ${JSON.stringify(text.slice(f.span.start, f.span.end))}: ${f.message}`);
  assert.deepEqual(
    findings.map((f) => [f.span.start, f.span.end]),
    spans.map((s) => [s.start, s.end]),
    `${testCase.name}: findings were\n  ${actual.join('\n  ') || '(none)'}`,
  );
  testCase.messages?.forEach((expected, i) => {
    const message = findings[i]?.message ?? '';
    if (typeof expected === 'string') assert.ok(message.includes(expected), `${testCase.name}: message ${JSON.stringify(message)} lacks ${JSON.stringify(expected)}`);
    else assert.match(message, expected, testCase.name);
  });
}
