import type { CodeAction, CompletionItem, Connection, DocumentSymbol as LspDocumentSymbol, Location, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, ResponseError, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { codeActionsFor } from '../engine/language/codeActions';
import { completionsAt } from '../engine/language/completion';
import type { CompletionKind } from '../engine/language/completion';
import { hoverAt } from '../engine/language/hover';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../engine/language/navigation';
import { documentSymbols } from '../engine/language/symbols';
import type { DocumentSymbol, SymbolKind as EngineSymbolKind } from '../engine/language/symbols';
import { toRange, toTextEdit } from './convert';
import type { DocumentAnalyses } from './documentAnalyses';
import type { Logger } from './logger';
import { WorkspaceSymbolIndex } from './workspaceSymbols';

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  type: CompletionItemKind.Class,
  property: CompletionItemKind.Property,
  reference: CompletionItemKind.Reference,
  function: CompletionItemKind.Function,
  value: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  attribute: CompletionItemKind.Field,
};

const SYMBOL_KINDS: Record<EngineSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  parameter: SymbolKind.Variable,
  resource: SymbolKind.Class,
  condition: SymbolKind.Boolean,
  mapping: SymbolKind.Object,
  output: SymbolKind.Constant,
  property: SymbolKind.Property,
};

/**
 * Registers the language features. Handlers are thin: find the analysis of the
 * document, call the engine, convert to LSP. A failing handler logs and returns
 * nothing rather than breaking the editor.
 */
export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, analyses: DocumentAnalyses, analyzer: Analyzer, logger: Logger): void {
  const withDocument = <T>(uri: string, fallback: T, run: (analyzed: AnalyzedDocument, document: TextDocument) => T): T => {
    const document = documents.get(uri);
    if (!document) return fallback;
    try {
      const analyzed = analyses.get(document);
      if (analyzed.kind === 'other' || analyzed.kind === 'openapi') return fallback;
      return run(analyzed, document);
    } catch (error) {
      logger.error(`Request failed for ${uri}`, error);
      return fallback;
    }
  };

  connection.onHover(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (analyzed, document) => {
      const hover = hoverAt(analyzed, analyzer.catalog, document.offsetAt(position));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(analyzed, hover.span) } : null;
    }),
  );

  connection.onCompletion(({ textDocument, position }) =>
    withDocument(textDocument.uri, [] as CompletionItem[], (analyzed, document) =>
      completionsAt(analyzed, analyzer.catalog, document.offsetAt(position)).map((entry) => ({
        label: entry.label,
        kind: COMPLETION_KINDS[entry.kind],
        ...(entry.detail ? { detail: entry.detail } : {}),
        ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
        ...(entry.sortText ? { sortText: entry.sortText } : {}),
        insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: toRange(analyzed, entry.replace), newText: entry.insertText ?? entry.label },
      })),
    ),
  );

  connection.onDefinition(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (analyzed, document) => {
      const span = definitionAt(analyzed, document.offsetAt(position));
      return span ? { uri: textDocument.uri, range: toRange(analyzed, span) } : null;
    }),
  );

  connection.onReferences(({ textDocument, position, context }) =>
    withDocument(textDocument.uri, [] as Location[], (analyzed, document) =>
      referencesAt(analyzed, document.offsetAt(position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(analyzed, span) })),
    ),
  );

  connection.onPrepareRename(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (analyzed, document) => {
      const target = prepareRename(analyzed, document.offsetAt(position));
      return target ? { range: toRange(analyzed, target.span), placeholder: target.name } : null;
    }),
  );

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const result = withDocument(textDocument.uri, undefined, (analyzed, document) => {
      const rename = renameAt(analyzed, document.offsetAt(position), newName);
      return { analyzed, rename };
    });
    if (!result) return null;
    // A refused rename is an error the editor shows to the user, not a silent no-op.
    if ('error' in result.rename) throw new ResponseError(1, result.rename.error);
    return { changes: { [textDocument.uri]: result.rename.edits.map((edit) => toTextEdit(result.analyzed, edit)) } };
  });

  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(textDocument.uri, [] as LspDocumentSymbol[], (analyzed) => documentSymbols(analyzed).map((symbol) => toLspSymbol(analyzed, symbol))),
  );

  connection.onCodeAction(({ textDocument, range, context }) =>
    withDocument(textDocument.uri, [] as CodeAction[], (analyzed, document) => {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const findings = analyses.findingsOf(document).filter((finding) => finding.span.start <= end && finding.span.end >= start);
      const actions: CodeAction[] = [];
      for (const finding of findings) {
        const diagnostic = context.diagnostics.find((d) => d.code === finding.rule && d.range.start.line === finding.range.start.line);
        for (const fix of codeActionsFor(analyzed, finding)) {
          const isSuppression = fix.title.startsWith('Suppress');
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
            ...(!isSuppression && fix === finding.fixes?.[0] ? { isPreferred: true } : {}),
            edit: { changes: { [textDocument.uri]: fix.edits.map((edit) => toTextEdit(analyzed, edit)) } },
          });
        }
      }
      return actions;
    }),
  );

  const workspaceSymbols = new WorkspaceSymbolIndex(analyzer, logger);
  connection.onWorkspaceSymbol(async ({ query }) => {
    try {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      return workspaceSymbols.search(query, folders.map((folder) => folder.uri), documents.all());
    } catch (error) {
      logger.error('Workspace symbol search failed', error);
      return [];
    }
  });
}

function toLspSymbol(analyzed: AnalyzedDocument, symbol: DocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: toRange(analyzed, symbol.span),
    selectionRange: toRange(analyzed, symbol.selectionSpan),
    children: symbol.children.map((child) => toLspSymbol(analyzed, child)),
  };
}
