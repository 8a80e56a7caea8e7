import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { Finding, LintOptions } from '../engine/findings';
import { EncodingError, MAX_DOCUMENT_BYTES, readTextFile } from '../node/readRegularFile';
import { errorText } from './walk';

/**
 * What became of one file of `archlens lint`, before it is reported: the same whether the main
 * thread or a worker (src/cli/lintPool.ts) did the work, so both print the same bytes.
 * Plain data: it crosses threads by structured clone.
 */
export type FileOutcome =
  /** Not text the engine reads (UTF-16...): skipped with a note, not an error. */
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'unreadable'; readonly reason: string }
  /** The engine threw (it should not): the other files are still linted. */
  | { readonly kind: 'crashed'; readonly reason: string }
  | { readonly kind: 'other' }
  /** A template or OpenAPI document; linted when options were given (`lintedWith`). */
  | { readonly kind: 'document'; readonly analyzed?: AnalyzedDocument; readonly findings?: readonly Finding[]; readonly lintedWith?: LintOptions };

/**
 * Reads and analyses one file and, when it is a document and `options` are given, lints it.
 * `keepAnalysis` keeps the analysed document in the outcome (in process, so the caller can lint
 * it later without parsing again); a worker leaves it out (it does not cross threads).
 */
export function examineFile(analyzer: Analyzer, file: string, options: LintOptions | undefined, keepAnalysis: boolean): FileOutcome {
  let text: string;
  try {
    // Raw text, BOM included: the engine strips it itself so offsets stay true to the file.
    // A regular file under the size limit, read with a bounded read: `x.yaml -> /dev/zero` or
    // a FIFO is an error on that file, not a hang or an out-of-memory abort.
    text = readTextFile(file, MAX_DOCUMENT_BYTES);
  } catch (error) {
    if (error instanceof EncodingError) return { kind: 'skipped', reason: error.message };
    return { kind: 'unreadable', reason: errorText(error) };
  }
  // Parse once: detection and lint share the analysis (a 4 MB OpenAPI spec takes ~0.1 s to parse).
  let analyzed: AnalyzedDocument;
  try {
    analyzed = analyzer.analyze(file, text);
  } catch (error) {
    // The engine reports its limits as findings; should it still throw, the other files are linted.
    return { kind: 'crashed', reason: errorText(error) };
  }
  if (analyzed.kind === 'other') return { kind: 'other' };
  if (!options) return { kind: 'document', analyzed };
  const findings = analyzer.lintAnalyzed(analyzed, options).findings;
  return keepAnalysis ? { kind: 'document', analyzed, findings, lintedWith: options } : { kind: 'document', findings, lintedWith: options };
}

/** Whether findings linted with `used` hold for `wanted` (the same options, compared as data). */
export function sameOptions(used: LintOptions, wanted: LintOptions): boolean {
  return JSON.stringify(used) === JSON.stringify(wanted);
}
