// What the fuzzer feeds each input to: the entry points the CLI and the language server use
// (lint, analyze, hover, completion, definition, references, rename, symbols, code actions),
// and what it counts as a defect.
import type { Analyzer } from '../../../src/engine/analyzer';
import type { AnalyzedDocument } from '../../../src/engine/analyzedDocument';
import type { Finding } from '../../../src/engine/findings';
import { codeActionsFor } from '../../../src/engine/language/codeActions';
import { completionsAt } from '../../../src/engine/language/completion';
import { hoverAt } from '../../../src/engine/language/hover';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../../../src/engine/language/navigation';
import { documentSymbols } from '../../../src/engine/language/symbols';
import { openApiCodeActionsFor } from '../../../src/engine/openapi/language/codeActions';
import { openApiCompletionsAt } from '../../../src/engine/openapi/language/completion';
import { openApiHoverAt } from '../../../src/engine/openapi/language/hover';
import { openApiDefinitionAt, openApiPrepareRename, openApiReferencesAt, openApiRenameAt } from '../../../src/engine/openapi/language/navigation';
import { openApiDocumentSymbols } from '../../../src/engine/openapi/language/symbols';
import type { Random } from './random';

/** One thing wrong with how ArchLens handled an input. */
export interface Defect {
  readonly kind: 'crash' | 'internal-failure' | 'slow' | 'range-outside';
  /** The entry point (`lint`, `hover@123`...). */
  readonly where: string;
  readonly detail: string;
}

/** An input over this much CPU time is "slow" (issue 18's goal: none over 1 s). */
export const SLOW_MS = 1_000;

/** Language-feature calls made per input, at random offsets. */
const FEATURE_PROBES = 3;

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}

/** Defects in one lint result: internal rule failures and ranges outside the document. */
function findingDefects(text: string, lineLengths: readonly number[], findings: readonly Finding[]): Defect[] {
  const defects: Defect[] = [];
  for (const finding of findings) {
    // A rule stopped by its budget is the budget working; a rule that threw is a bug.
    if (finding.rule === 'archlens-internal' && / failed: /.test(finding.message)) defects.push({ kind: 'internal-failure', where: 'lint', detail: finding.message.slice(0, 300) });
    const { span, range } = finding;
    const outside =
      span.start < 0 ||
      span.end > text.length ||
      span.start > span.end ||
      range.start.line >= lineLengths.length ||
      range.end.line >= lineLengths.length ||
      range.start.character > lineLengths[range.start.line]! ||
      range.end.character > lineLengths[range.end.line]!;
    if (outside && finding.otherFile === undefined) defects.push({ kind: 'range-outside', where: `lint:${finding.rule}`, detail: JSON.stringify({ span, range }) });
  }
  return defects;
}

/** Lengths of each line in UTF-16 units, without the line break (LSP positions count these). */
function lineLengthsOf(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** Calls every language feature at one offset, as the server does (none for other files); throws what they throw. */
function probeFeatures(analyzer: Analyzer, analyzed: AnalyzedDocument, offset: number, findings: readonly Finding[]): void {
  if (analyzed.kind === 'other') return;
  if (analyzed.kind === 'openapi') {
    openApiHoverAt(analyzed, offset);
    openApiCompletionsAt(analyzed, offset);
    openApiDefinitionAt(analyzed, offset);
    openApiReferencesAt(analyzed, offset, true);
    if (openApiPrepareRename(analyzed, offset)) openApiRenameAt(analyzed, offset, 'renamed');
    openApiDocumentSymbols(analyzed);
    for (const finding of findings.slice(0, 5)) openApiCodeActionsFor(analyzed, finding);
  } else {
    hoverAt(analyzed, analyzer.catalog, offset);
    completionsAt(analyzed, analyzer.catalog, offset);
    definitionAt(analyzed, offset);
    referencesAt(analyzed, offset, true);
    if (prepareRename(analyzed, offset)) renameAt(analyzed, offset, 'Renamed');
    documentSymbols(analyzed);
    for (const finding of findings.slice(0, 5)) codeActionsFor(analyzed, finding);
  }
}

/**
 * Runs one input through lint and the language features (at a few random offsets, or at every
 * offset for a small reproducer); returns its defects and how long it took. A slow input is timed a second time before it counts, so one scheduling hiccup on a
 * busy machine is not reported as a defect.
 */
export function examine(analyzer: Analyzer, fileName: string, text: string, random: Random, everyOffset = false): { defects: Defect[]; ms: number } {
  const offsets = everyOffset ? Array.from({ length: text.length + 1 }, (_, offset) => offset) : Array.from({ length: FEATURE_PROBES }, () => random.below(text.length + 1));
  const once = (): { defects: Defect[]; ms: number } => {
    const defects: Defect[] = [];
    // CPU time, not wall time: on a busy machine (CI, parallel builds) the wall clock runs on
    // while this process waits for a core, which is not slowness of ours.
    const started = process.cpuUsage();
    let findings: readonly Finding[] = [];
    try {
      findings = analyzer.lint(fileName, text).findings;
      defects.push(...findingDefects(text, lineLengthsOf(text), findings));
    } catch (error) {
      defects.push({ kind: 'crash', where: 'lint', detail: message(error) });
    }
    let analyzed: AnalyzedDocument | undefined;
    try {
      analyzed = analyzer.analyze(fileName, text);
    } catch (error) {
      defects.push({ kind: 'crash', where: 'analyze', detail: message(error) });
    }
    if (analyzed) {
      for (const offset of offsets) {
        try {
          probeFeatures(analyzer, analyzed, offset, findings);
        } catch (error) {
          defects.push({ kind: 'crash', where: `features@${offset}`, detail: message(error) });
        }
      }
    }
    const used = process.cpuUsage(started);
    return { defects, ms: (used.user + used.system) / 1000 };
  };
  let result = once();
  if (result.ms > SLOW_MS) result = once();
  if (result.ms > SLOW_MS) result.defects.push({ kind: 'slow', where: 'all', detail: `${Math.round(result.ms)} ms` });
  return result;
}
