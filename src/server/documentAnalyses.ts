import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { Finding } from '../engine/findings';
import { fileURLToPath } from 'node:url';
import { currentView, shiftedView, type AnalysisView } from './analysisView';

/**
 * The path the engine sees for a document: the real path for `file:` URIs (relative
 * `$ref`s resolve against it), the last URI segment otherwise (untitled buffers).
 */
export function documentPath(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  return decodeURIComponent(uri.replace(/^.*\//, ''));
}

interface Entry {
  readonly version: number;
  readonly analyzed: AnalyzedDocument;
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
   * An analysis for a request that must answer at once (hover, completion): this version's when
   * it exists and parsed; else the last good one, mapped onto the current text (never re-analyse
   * on the request path: on a 1 MB template that is 140 ms and more, per request); else, when the
   * document was never analysed, a fresh analysis.
   */
  forRequest(document: TextDocument): AnalysisView {
    const existing = this.entries.get(document.uri);
    const current = existing && existing.version === document.version ? existing.analyzed : undefined;
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
    const entry: Entry = { version: document.version, analyzed: this.analyzer.analyze(documentPath(document.uri), document.getText()), findings: [], reads: new Set(), stale: false };
    this.entries.set(document.uri, entry);
    if (entry.analyzed.document.root !== undefined) {
      this.lastGood.set(document.uri, entry.analyzed);
      this.views.delete(document.uri);
    }
    return entry;
  }
}
