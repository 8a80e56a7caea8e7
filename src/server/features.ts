import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Connection, Diagnostic, DocumentSymbol as LspDocumentSymbol, Hover, Location, Position, Range, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, ResponseError, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { LineIndex } from '../engine/document/lineIndex';
import type { Span } from '../engine/document/located';
import type { Finding, Fix } from '../engine/findings';
import { codeActionsFor } from '../engine/language/codeActions';
import { completionsAt } from '../engine/language/completion';
import type { CompletionEntry, CompletionKind } from '../engine/language/completion';
import { hoverAt } from '../engine/language/hover';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../engine/language/navigation';
import { documentSymbols } from '../engine/language/symbols';
import type { DocumentSymbol, SymbolKind as EngineSymbolKind } from '../engine/language/symbols';
import { openApiCodeActionsFor } from '../engine/openapi/language/codeActions';
import { openApiCompletionsAt } from '../engine/openapi/language/completion';
import { openApiHoverAt } from '../engine/openapi/language/hover';
import type { OpenApiLanguageHost, OpenApiLocation } from '../engine/openapi/language/languageModel';
import { openApiDefinitionAt, openApiPrepareRename, openApiReferencesAt, openApiRenameAt } from '../engine/openapi/language/navigation';
import { openApiDocumentSymbols } from '../engine/openapi/language/symbols';
import type { OpenApiDocumentSymbol, OpenApiSymbolKind } from '../engine/openapi/language/symbols';
import { BudgetExceeded, runWithBudget } from '../engine/util/workBudget';
import { currentTextView, type AnalysisView } from './analysisView';
import { toRange, toTextEdit } from './convert';
import type { DocumentAnalyses } from './documentAnalyses';
import type { Logger } from './logger';
import { WorkspaceSymbolIndex } from './workspaceSymbols';

/** How long one request (hover, completion, references...) may compute before it answers empty. */
const REQUEST_BUDGET_MS = 1_000;

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

const OPENAPI_SYMBOL_KINDS: Record<OpenApiSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  path: SymbolKind.Module,
  operation: SymbolKind.Method,
  webhook: SymbolKind.Event,
  schema: SymbolKind.Struct,
  parameter: SymbolKind.Variable,
  response: SymbolKind.Interface,
  securityScheme: SymbolKind.Key,
  component: SymbolKind.Object,
};

/**
 * Registers the language features. Handlers are thin: find the analysis of the
 * document, call the engine, convert to LSP. A failing handler logs and returns
 * nothing rather than breaking the editor.
 *
 * OpenAPI documents go to `src/engine/openapi/language/`. Their multi-file `$ref`s are read
 * with `readFile`: the server's workspace-confined reader, the one lint uses (open documents
 * win over the disk).
 */
export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, analyses: DocumentAnalyses, analyzer: Analyzer, logger: Logger, readFile: (filePath: string) => string | undefined): void {
  // One stable host: the OpenAPI model is cached per parse and reader.
  const openApiHost: OpenApiLanguageHost = { readFile };

  /**
   * Runs a request's work under a budget (the server has one thread: a request must not hold up
   * the others); a failure or overrun is logged and answered with `fallback`.
   */
  const answer = <T>(uri: string, fallback: T, work: () => T): T => {
    try {
      return runWithBudget(REQUEST_BUDGET_MS, Date.now, work);
    } catch (error) {
      if (error instanceof BudgetExceeded) logger.info(`A request on ${uri} was stopped after ${Math.round(error.elapsedMs)} ms (budget ${REQUEST_BUDGET_MS} ms): the document is too large or complex for it.`);
      else logger.error(`Request failed for ${uri}`, error);
      return fallback;
    }
  };

  const withDocument = <T>(uri: string, fallback: T, run: (analyzed: AnalyzedDocument, document: TextDocument) => T, openapi?: (analyzed: AnalyzedDocument, document: TextDocument) => T): T => {
    const document = documents.get(uri);
    if (!document) return fallback;
    return answer(uri, fallback, () => {
      const analyzed = analyses.get(document);
      if (analyzed.kind === 'other') return fallback;
      // The analysis is named by the document's full path (`documentPath`): the base of relative `$ref`s.
      if (analyzed.kind === 'openapi') return openapi ? openapi(analyzed, document) : fallback;
      return run(analyzed, document);
    });
  };

  /**
   * Hover and completion answer from the last good analysis when this version's is not ready
   * (`DocumentAnalyses.forRequest`): right after an edit they never wait for a re-analysis. Hover
   * maps positions between the texts (inside text typed since, it has no answer yet); completion
   * reads the current text with that analysis's names (`currentTextView`).
   */
  const withLastAnalysis = <T>(
    uri: string,
    position: Position,
    fallback: T,
    run: (view: AnalysisView, offset: number) => T,
    openapi: (view: AnalysisView, offset: number) => T,
    adapt: (view: AnalysisView, document: TextDocument) => AnalysisView = (view) => view,
  ): T => {
    const document = documents.get(uri);
    if (!document) return fallback;
    return answer(uri, fallback, () => {
      const view = adapt(analyses.forRequest(document), document);
      const offset = view.offsetAt(position);
      if (offset === undefined || view.analyzed.kind === 'other') return fallback;
      return view.analyzed.kind === 'openapi' ? openapi(view, offset) : run(view, offset);
    });
  };

  const toHover = (view: AnalysisView, hover: { markdown: string; span: Span } | undefined): Hover | null => (hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: view.rangeOf(hover.span) } : null);

  connection.onHover(({ textDocument, position }) =>
    withLastAnalysis(
      textDocument.uri,
      position,
      null,
      (view, offset) => toHover(view, hoverAt(view.analyzed, analyzer.catalog, offset)),
      (view, offset) => toHover(view, openApiHoverAt(view.analyzed, offset, openApiHost)),
    ),
  );

  connection.onCompletion(({ textDocument, position }) =>
    withLastAnalysis(
      textDocument.uri,
      position,
      [] as CompletionItem[],
      (view, offset) => completionsAt(view.analyzed, analyzer.catalog, offset).map((entry) => toCompletionItem(view, entry)),
      (view, offset) => openApiCompletionsAt(view.analyzed, offset, openApiHost).map((entry) => toCompletionItem(view, entry)),
      currentTextView,
    ),
  );

  /** An OpenAPI location as an LSP location: another file's range comes from its text, read through the same host. */
  const toLocation = (analyzed: AnalyzedDocument, uri: string, location: OpenApiLocation): Location => {
    if (location.fileName === undefined) return { uri, range: toRange(analyzed, location.span) };
    const text = readFile(location.fileName);
    const range = text === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : new LineIndex(text).rangeOf(location.span);
    return { uri: pathToFileURL(location.fileName).href, range };
  };

  connection.onDefinition(({ textDocument, position }) =>
    withDocument(
      textDocument.uri,
      null,
      (analyzed, document) => {
        const span = definitionAt(analyzed, document.offsetAt(position));
        return span ? { uri: textDocument.uri, range: toRange(analyzed, span) } : null;
      },
      (analyzed, document) => {
        const location = openApiDefinitionAt(analyzed, document.offsetAt(position), openApiHost);
        return location ? toLocation(analyzed, textDocument.uri, location) : null;
      },
    ),
  );

  connection.onReferences(({ textDocument, position, context }) =>
    withDocument(
      textDocument.uri,
      [] as Location[],
      (analyzed, document) => referencesAt(analyzed, document.offsetAt(position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(analyzed, span) })),
      (analyzed, document) => openApiReferencesAt(analyzed, document.offsetAt(position), context.includeDeclaration, openApiHost).map((location) => toLocation(analyzed, textDocument.uri, location)),
    ),
  );

  connection.onPrepareRename(({ textDocument, position }) =>
    withDocument(
      textDocument.uri,
      null,
      (analyzed, document) => {
        const target = prepareRename(analyzed, document.offsetAt(position));
        return target ? { range: toRange(analyzed, target.span), placeholder: target.name } : null;
      },
      (analyzed, document) => {
        const target = openApiPrepareRename(analyzed, document.offsetAt(position), openApiHost);
        return target ? { range: toRange(analyzed, target.span), placeholder: target.name } : null;
      },
    ),
  );

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const result = withDocument(
      textDocument.uri,
      undefined,
      (analyzed, document) => {
        const rename = renameAt(analyzed, document.offsetAt(position), newName);
        return { analyzed, rename };
      },
      (analyzed, document) => ({ analyzed, rename: openApiRenameAt(analyzed, document.offsetAt(position), newName, openApiHost) }),
    );
    if (!result) return null;
    // A refused rename is an error the editor shows to the user, not a silent no-op.
    if ('error' in result.rename) throw new ResponseError(1, result.rename.error);
    return { changes: { [textDocument.uri]: result.rename.edits.map((edit) => toTextEdit(result.analyzed, edit)) } };
  });

  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(
      textDocument.uri,
      [] as LspDocumentSymbol[],
      (analyzed) => documentSymbols(analyzed).map((symbol) => toLspSymbol(analyzed, symbol)),
      (analyzed) => openApiDocumentSymbols(analyzed).map((symbol) => toLspOpenApiSymbol(analyzed, symbol)),
    ),
  );

  /** Quick fixes for the findings in a range; `fixesOf` gives a finding's fixes and the preferred one. */
  const codeActions = (analyzed: AnalyzedDocument, document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], fixesOf: (finding: Finding) => { fixes: readonly Fix[]; preferred: Fix | undefined }): CodeAction[] => {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const findings = analyses.findingsOf(document).filter((finding) => finding.span.start <= end && finding.span.end >= start);
    const actions: CodeAction[] = [];
    for (const finding of findings) {
      const diagnostic = diagnostics.find((d) => d.code === finding.rule && d.range.start.line === finding.range.start.line);
      const { fixes, preferred } = fixesOf(finding);
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          ...(fix === preferred ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: fix.edits.map((edit) => toTextEdit(analyzed, edit)) } },
        });
      }
    }
    return actions;
  };

  connection.onCodeAction(({ textDocument, range, context }) =>
    withDocument(
      textDocument.uri,
      [] as CodeAction[],
      (analyzed, document) =>
        codeActions(analyzed, document, range, context.diagnostics, (finding) => {
          const fixes = codeActionsFor(analyzed, finding);
          // The finding's own first fix; never a suppression.
          const preferred = fixes.find((fix) => !fix.title.startsWith('Suppress') && fix === finding.fixes?.[0]);
          return { fixes, preferred };
        }),
      (analyzed, document) =>
        codeActions(analyzed, document, range, context.diagnostics, (finding) => {
          const fixes = openApiCodeActionsFor(analyzed, finding, openApiHost);
          return { fixes, preferred: fixes[0] && !fixes[0].title.startsWith('Suppress') ? fixes[0] : undefined };
        }),
    ),
  );

  const workspaceSymbols = new WorkspaceSymbolIndex(analyzer, analyses, logger);
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

function toCompletionItem(view: AnalysisView, entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: view.rangeOf(entry.replace), newText: entry.insertText ?? entry.label },
  };
}

function toLspOpenApiSymbol(analyzed: AnalyzedDocument, symbol: OpenApiDocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: OPENAPI_SYMBOL_KINDS[symbol.kind],
    range: toRange(analyzed, symbol.span),
    selectionRange: toRange(analyzed, symbol.selectionSpan),
    children: symbol.children.map((child) => toLspOpenApiSymbol(analyzed, child)),
  };
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
