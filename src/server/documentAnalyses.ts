import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { Finding } from '../engine/findings';
import { pathOfFileUri } from './fileUris';
import { currentView, shiftedView, type AnalysisView } from './analysisView';

/**
 * The path the engine sees for a document: the real path for `file:` URIs (relative
 * `$ref`s resolve against it), the last URI segment otherwise (untitled buffers).
 */
export function documentPath(uri: string): string {
  const filePath = pathOfFileUri(uri);
  if (filePath !== undefined) return filePath;
  // Untitled buffers, and `file://host/...` URIs that have no local path: no relative `$ref`s.
  return safeDecode(uri.replace(/^.*\//, ''));
}

/** `decodeURIComponent` that keeps text with a malformed escape (`%E0%A4%A`) as it is instead of throwing. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Entry {
  readonly version: number;
  /** The analysis of this version, made on first use. */
  readonly analyzed: AnalyzedDocument;
  /** The analysis if it was already made (never makes it). */
  readonly peek: () => AnalyzedDocument | undefined;
  findings: readonly Finding[];
  /**
   * Canonical paths of the files linting this analysis asked the host for. Kept with the
   * analysis because the OpenAPI model caches what it resolved: the same analysis re-linted
   * reads nothing again, yet still depends on those files.
   */
  readonly reads: Set<string>;
  /** A file it read changed: the next request analyses the document afresh. */
  stale: boolean;
}

/**
 * The latest analysis of each open document, keyed by URI and version, so
 * hover, completion and code actions reuse the parse of the last validation.
 */
export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Per URI, the latest analysis whose text parsed: what hover and completion fall back on. */
  private readonly lastGood = new Map<string, AnalyzedDocument>();
  /** Views of a stale analysis, kept for the document version they were made for (one diff per version). */
  private readonly views = new Map<string, { version: number; view: AnalysisView }>();

  constructor(private readonly analyzer: Analyzer) {}

  /** The analysis of the document's current version (computed if missing). */
  get(document: TextDocument): AnalyzedDocument {
    return this.entry(document).analyzed;
  }

  /**
   * Analyses the document's current version now when that is cheap: the last good analysis is a
   * template (an edit re-parses one resource). Returns whether it did.
   */
  analyzeIfIncremental(document: TextDocument): boolean {
    const good = this.lastGood.get(document.uri);
    if (!good || good.kind === 'other' || good.document.format !== 'yaml') return false;
    this.get(document);
    return true;
  }

  /**
   * An analysis for a request that must answer at once (hover, completion): this version's when
   * it exists and parsed; else the last good one, mapped onto the current text (never re-analyse
   * on the request path: on a 1 MB template that is 140 ms and more, per request); else, when the
   * document was never analysed, a fresh analysis.
   */
  forRequest(document: TextDocument): AnalysisView {
    const existing = this.entries.get(document.uri);
    // `peek`: a version validated on the worker but not yet analysed here is not analysed now.
    const current = existing && existing.version === document.version ? existing.peek() : undefined;
    if (current && current.document.root !== undefined) return currentView(current, document);
    const good = this.lastGood.get(document.uri);
    if (!good) return currentView(this.get(document), document);
    if (good.text === document.getText()) return currentView(good, document);
    const kept = this.views.get(document.uri);
    if (kept && kept.version === document.version && kept.view.analyzed === good) return kept.view;
    const view = shiftedView(good, document);
    this.views.set(document.uri, { version: document.version, view });
    return view;
  }

  /** Findings of the last validation of this version (empty until validated). */
  findingsOf(document: TextDocument): readonly Finding[] {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Records the findings computed for a version. */
  setFindings(document: TextDocument, findings: readonly Finding[]): void {
    this.entry(document).findings = findings;
  }

  /** Where to record the files the next lint of this version reads (the dependency index). */
  readsOf(document: TextDocument): Set<string> {
    return this.entry(document).reads;
  }

  /** URIs of analysed documents, other than the file itself, that read `filePath` (a canonical path). */
  dependentsOf(filePath: string, except?: string): string[] {
    return [...this.entries].filter(([uri, entry]) => uri !== except && entry.reads.has(filePath)).map(([uri]) => uri);
  }

  /**
   * A file the document read changed: analyse it afresh next time (a new parse has no cached
   * `$ref` resolutions). Its reads stay indexed until then, so a second change still finds it.
   */
  markStale(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) entry.stale = true;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.lastGood.delete(uri);
    this.views.delete(uri);
  }

  private entry(document: TextDocument): Entry {
    const existing = this.entries.get(document.uri);
    if (existing && existing.version === document.version && !existing.stale) return existing;
    const stale = existing?.stale === true;
    // The analysis is made on first use: validation lints on the worker thread and only records
    // findings and reads here, so this thread parses a document only when a request needs it.
    const fileName = documentPath(document.uri);
    const text = document.getText();
    let analyzed: AnalyzedDocument | undefined;
    const analyze = (): AnalyzedDocument => {
      if (analyzed) return analyzed;
      // The last good analysis is the base: an edit inside one resource re-parses only that
      // resource. It is consumed (its tree reused), so it is replaced right away.
      const previous = stale ? undefined : this.lastGood.get(document.uri);
      analyzed = this.analyzer.analyze(fileName, text, previous);
      if (analyzed.document.root !== undefined) {
        this.lastGood.set(document.uri, analyzed);
        this.views.delete(document.uri);
      }
      return analyzed;
    };
    const entry: Entry = {
      version: document.version,
      get analyzed() {
        return analyze();
      },
      peek: () => analyzed,
      findings: [],
      reads: new Set(),
      stale: false,
    };
    this.entries.set(document.uri, entry);
    return entry;
  }
}
