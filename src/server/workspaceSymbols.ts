import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pathOfFileUri } from './fileUris';
import type { SymbolInformation } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import { documentSymbols } from '../engine/language/symbols';
import type { Logger } from './logger';
import type { DocumentAnalyses } from './documentAnalyses';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { readTextFile } from '../node/readRegularFile';

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'cdk.out', 'dist', '.aws-sam']);
const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 2_000_000;

interface CachedFile {
  readonly mtimeMs: number;
  readonly symbols: readonly SymbolInformation[];
}

/**
 * Workspace symbols: logical ids, parameters, conditions, mappings and outputs of
 * every template in the workspace folders (bounded walk, cached by mtime), with
 * open documents taking precedence over their files on disk.
 */
export class WorkspaceSymbolIndex {
  private readonly cache = new Map<string, CachedFile>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly analyses: DocumentAnalyses,
    private readonly logger: Logger,
  ) {}

  search(query: string, folderUris: readonly string[], openDocuments: readonly TextDocument[]): SymbolInformation[] {
    const needle = query.toLowerCase();
    const open = new Map(openDocuments.map((document) => [document.uri, document]));
    const results: SymbolInformation[] = [];
    // Open documents: their current analysis is already kept per version (no re-parse).
    for (const document of openDocuments) results.push(...symbolsOf(document.uri, this.analyses.get(document)));
    for (const file of this.files(folderUris)) {
      const uri = pathToFileURL(file).toString();
      if (open.has(uri)) continue;
      results.push(...this.symbolsOfFile(file, uri));
    }
    return needle ? results.filter((symbol) => symbol.name.toLowerCase().includes(needle)) : results;
  }

  private symbolsOfText(uri: string, text: string): SymbolInformation[] {
    return symbolsOf(uri, this.analyzer.analyze(uri.replace(/^.*\//, ''), text));
  }

  private symbolsOfFile(file: string, uri: string): readonly SymbolInformation[] {
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_FILE_BYTES) return [];
      const cached = this.cache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs) return cached.symbols;
      // Bounded and regular files only: a `*.yaml` link to /dev/zero or a FIFO is refused.
      const symbols = this.symbolsOfText(uri, readTextFile(file, MAX_FILE_BYTES));
      this.cache.set(file, { mtimeMs: stat.mtimeMs, symbols });
      return symbols;
    } catch (error) {
      this.logger.error(`Cannot index ${file}`, error);
      return [];
    }
  }

  private files(folderUris: readonly string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (out.length >= MAX_FILES) return;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name));
        } else if (TEMPLATE_FILE.test(entry.name)) out.push(path.join(dir, entry.name));
      }
    };
    for (const uri of folderUris) {
      const folder = pathOfFileUri(uri);
      if (folder !== undefined) walk(folder);
    }
    return out;
  }
}

/** The logical ids, parameters, conditions, mappings and outputs of a template as workspace symbols. */
function symbolsOf(uri: string, analyzed: AnalyzedDocument): SymbolInformation[] {
  if (analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam') return [];
  const out: SymbolInformation[] = [];
  for (const section of documentSymbols(analyzed)) {
    for (const child of section.children) {
      out.push({ name: child.name, kind: child.kind === 'resource' ? SymbolKind.Class : SymbolKind.Variable, containerName: section.name, location: { uri, range: analyzed.lineIndex.rangeOf(child.selectionSpan) } });
    }
  }
  return out;
}
