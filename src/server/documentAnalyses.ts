import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { Finding } from '../engine/findings';
import { fileURLToPath } from 'node:url';

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
}

/**
 * The latest analysis of each open document, keyed by URI and version, so
 * hover, completion and code actions reuse the parse of the last validation.
 */
export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly analyzer: Analyzer) {}

  /** The analysis of the document's current version (computed if missing). */
  get(document: TextDocument): AnalyzedDocument {
    return this.entry(document).analyzed;
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

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(document: TextDocument): Entry {
    const existing = this.entries.get(document.uri);
    if (existing && existing.version === document.version) return existing;
    const entry: Entry = { version: document.version, analyzed: this.analyzer.analyze(documentPath(document.uri), document.getText()), findings: [] };
    this.entries.set(document.uri, entry);
    return entry;
  }
}
