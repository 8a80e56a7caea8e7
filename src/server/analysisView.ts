import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { LineIndex } from '../engine/document/lineIndex';
import type { Span } from '../engine/document/located';
import { textDelta } from '../engine/document/textDelta';

/**
 * An analysis as a request handler sees it: offsets of the document's current text in, ranges of
 * the current text out. Usually the analysis is of the current version; right after an edit it
 * can be the last good one (the new one is not ready, or does not parse), and this maps between
 * the two texts so hover and completion answer at once instead of re-analysing (140 ms and more
 * on a 1 MB template) on the editor's request path.
 */
export interface AnalysisView {
  readonly analyzed: AnalyzedDocument;
  /** True when the analysis is of an older text than the document's. */
  readonly stale: boolean;
  /** The analysis offset of a position in the current text; undefined inside text it has not seen. */
  offsetAt(position: Position): number | undefined;
  /** A span of the analysis as a range of the current text. */
  rangeOf(span: Span): Range;
}

/** The view of an analysis of exactly the document's text. */
export function currentView(analyzed: AnalyzedDocument, document: TextDocument): AnalysisView {
  return { analyzed, stale: false, offsetAt: (position) => document.offsetAt(position), rangeOf: (span) => analyzed.lineIndex.rangeOf(span) };
}

export { textDelta, type TextDelta } from '../engine/document/textDelta';

/**
 * The view of an analysis of an older text. Offsets before the changed region are the same in
 * both texts, offsets after it are shifted by the change in length; a position strictly inside
 * the new text of the region has no counterpart (undefined). A span that touches the region
 * stretches over it, so a completion's replace range covers what was typed since.
 */
export function shiftedView(analyzed: AnalyzedDocument, document: TextDocument): AnalysisView {
  const delta = textDelta(analyzed.text, document.getText());
  const shift = delta.newEnd - delta.oldEnd;
  const toCurrentStart = (offset: number): number => (offset <= delta.prefix ? offset : offset >= delta.oldEnd ? offset + shift : delta.prefix);
  const toCurrentEnd = (offset: number): number => (offset >= delta.oldEnd && offset >= delta.prefix ? offset + shift : offset <= delta.prefix ? offset : delta.newEnd);
  return {
    analyzed,
    stale: true,
    offsetAt(position) {
      const offset = document.offsetAt(position);
      if (offset <= delta.prefix) return offset;
      if (offset >= delta.newEnd) return offset - shift;
      return undefined;
    },
    rangeOf(span) {
      const start = toCurrentStart(span.start);
      return { start: document.positionAt(start), end: document.positionAt(Math.max(start, toCurrentEnd(span.end))) };
    },
  };
}

/**
 * For completion, which reads the context at the cursor from the text and only names (resources,
 * parameters, schemas) from the model: the current text over the models of the given analysis.
 * Completion right after typing thus sees what was typed, and the names of the last good analysis
 * (the "partial" analysis: no re-parse). Offsets and spans are those of the current text.
 */
export function currentTextView(view: AnalysisView, document: TextDocument): AnalysisView {
  if (!view.stale) return view;
  const text = document.getText();
  let lineIndex: LineIndex | undefined;
  const analyzed: AnalyzedDocument = {
    ...view.analyzed,
    text,
    get lineIndex(): LineIndex {
      lineIndex ??= new LineIndex(text);
      return lineIndex;
    },
  };
  return { analyzed, stale: true, offsetAt: (position) => document.offsetAt(position), rangeOf: (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }) };
}
