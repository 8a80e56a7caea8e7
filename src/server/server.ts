import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { CONFIG_FILE_NAMES } from '../engine/config';
import { isOwnFinding, type Finding, type LintOptions } from '../engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { DOCUMENT_STATUS_NOTIFICATION, SETTINGS_SECTION } from '../shared/protocol';
import type { DocumentStatus, LintSettings } from '../shared/protocol';
import { toDiagnostic } from './convert';
import { DiagnosticsBook } from './diagnosticsBook';
import { DocumentAnalyses, documentPath } from './documentAnalyses';
import { BackgroundLinter } from './backgroundLinter';
import { registerFeatures } from './features';
import { connectionLogger } from './logger';
import { mergeSettings, ProjectConfigCache } from './projectSettings';
import { ValidationScheduler } from './validationScheduler';
import { WorkspaceFiles } from './workspaceFiles';
import { pathOfFileUri } from './fileUris';
import { CdkDiagnostics } from './cdkDiagnostics';

/**
 * The ArchLens language server (`node dist/server.js --stdio`): diagnostics and
 * language features for CloudFormation and SAM templates, for any LSP editor.
 */
/** Set by the `shutdown` request: exiting after it is a clean exit (code 0). */
let shutdownRequested = false;
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = connectionLogger(connection);
const files = new WorkspaceFiles(documents);
const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile: files.read });
const book = new DiagnosticsBook((params) => void connection.sendDiagnostics(params).catch(() => undefined));
const analyses = new DocumentAnalyses(analyzer);
const linter = new BackgroundLinter(path.join(__dirname, 'lintWorker.js'), (job) => {
  const reads = new Set<string>();
  const result = files.recordReads(reads, () => analyzer.lint(job.fileName, job.text, job.options));
  return { ...result, reads: [...reads] };
});
const projectConfigs = new ProjectConfigCache();
/** `<kind> <file>` of configuration messages already shown: each is shown once until the file changes. */
const reportedConfigMessages = new Set<string>();

/** Shows a config file's problems, warnings or notes once (and logs them). */
function reportConfigOnce(file: string, kind: 'problems' | 'warnings' | 'notes', messages: readonly string[], show: (text: string) => void): void {
  const key = `${kind} ${file}`;
  if (messages.length === 0 || reportedConfigMessages.has(key)) return;
  reportedConfigMessages.add(key);
  const text = messages.join('; ');
  if (kind !== 'problems') logger.info(`${file}: ${text}`);
  show(text);
}
let canPullSettings = false;
const settingsCache = new Map<string, Promise<LintSettings>>();
const DEFAULT_DEBOUNCE_MS = 250;
/**
 * How long one rule may run on one document in the editor before it is stopped (the CLI allows
 * more): the server is single-threaded, so a runaway rule would freeze every feature.
 */
const SERVER_RULE_BUDGET_MS = 2_000;
let debounceMs = DEFAULT_DEBOUNCE_MS;
const cdkApps = new CdkDiagnostics({ analyzer, book, uriOf: (file) => files.uriOf(file), optionsFor: (file) => projectOptions(pathToFileURL(file).href), log: (message) => logger.info(message), linter, connection });

/**
 * Over stdio, a malformed header (a bad `Content-Length`) leaves the stream out of step for
 * good: the library's own stdio connection stays up but deaf, so the client never restarts it.
 * Here a reader error ends the process, and the client's restart policy applies. The rest is
 * what the library does for `--stdio`: exit when stdin ends (the server itself never writes
 * to the console; it logs through the connection).
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    process.stderr.write(`archlens: unreadable message from the client (${error.message}); exiting so that the client restarts the server\n`);
    process.exit(1);
  });
  const exit = (): never => process.exit(shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return createConnection(ProposedFeatures.all, reader, writer);
}

connection.onInitialize((params) => {
  canPullSettings = params.capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  files.setFolders(folders);
  cdkApps.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', ':', '!', '.', '{', '"', '$', '['], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'archlens', version: analyzer.catalog.version },
  };
});

connection.onInitialized(() => {
  if (canPullSettings) connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  logger.info(`ArchLens language server ready (${analyzer.catalog.version}).`);
  cdkApps.refreshAll();
});

async function settingsFor(uri: string): Promise<LintSettings> {
  if (!canPullSettings) return {};
  let pending = settingsCache.get(uri);
  if (!pending) {
    pending = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
      (value: LintSettings | null) => value ?? {},
      () => ({}),
    );
    settingsCache.set(uri, pending);
  }
  return pending;
}

function projectOptions(uri: string): LintOptions {
  const filePath = pathOfFileUri(uri);
  if (filePath === undefined) return {};
  const config = projectConfigs.forFile(filePath);
  if (config.file) {
    const file = config.file;
    reportConfigOnce(file, 'problems', config.problems, (text) => void connection.window.showWarningMessage(`ArchLens: ${file} has problems and was partly ignored: ${text}`));
    reportConfigOnce(file, 'warnings', config.warnings, (text) => void connection.window.showWarningMessage(`ArchLens: ${file}: ${text}`));
    reportConfigOnce(file, 'notes', config.notes, (text) => void connection.window.showInformationMessage(`ArchLens: ${file}: ${text}`));
  }
  return config.options;
}

/**
 * After a document's first analysis on this thread: loads the catalogue entries of its resource
 * types now, so the first hover or completion does not parse catalogue shards on the request
 * path (the lint worker has its own catalogue).
 */
function preloadCatalog(analyzed: AnalyzedDocument): void {
  for (const resource of analyzed.template?.resources.values() ?? []) if (resource.type) analyzer.catalog.resourceType(resource.type);
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  try {
    const settings = await settingsFor(uri);
    if (typeof settings.debounceMs === 'number' && settings.debounceMs >= 0) debounceMs = settings.debounceMs;
    const current = documents.get(uri);
    // A newer edit arrived while settings were fetched: its own validation is scheduled.
    if (!current || current.version !== version) return;
    if (settings.enabled === false) {
      book.setOwn(uri, version, []);
      book.setContributions(uri, new Map());
      return;
    }
    const started = performance.now();
    // Linted on the worker thread: this thread keeps answering requests meanwhile. The engine
    // sees the document's full path (the base of relative `$ref`s) and the open documents.
    const linting = linter.lint({
      fileName: documentPath(uri),
      text: current.getText(),
      options: { ...mergeSettings(projectOptions(uri), settings), ruleBudgetMs: SERVER_RULE_BUDGET_MS },
      openDocuments: documents.all().map((document) => [document.uri, document.getText()] as const),
      roots: files.folderRoots,
    });
    // This version's analysis is made here too, so hover and completion right after the next
    // edit find it ready (`DocumentAnalyses.forRequest`). An edit of a template already analysed
    // re-parses one resource (a few ms): done while the worker lints. Otherwise it waits for the
    // worker's verdict, so a JSON or YAML file that is no template is never parsed here.
    const early = analyses.analyzeIfIncremental(current);
    const result = await linting;
    if (documents.get(uri)?.version !== version) return; // stale: publish only the latest version
    if (!early && result.kind !== 'other') preloadCatalog(analyses.get(current));
    // The files lint read are recorded with the analysis: the documents to re-check when they change.
    const reads = analyses.readsOf(current);
    for (const read of result.reads) reads.add(read);
    const own = result.findings.filter(isOwnFinding);
    analyses.setFindings(current, own);
    // One lookup per file, not per finding (each compares real paths of the open documents).
    const uris = new Map<string, string | undefined>();
    const uriOf = (file: string): string | undefined => {
      if (!uris.has(file)) uris.set(file, files.uriOf(file));
      return uris.get(file);
    };
    book.setOwn(uri, version, own.map((finding) => toDiagnostic(finding, uriOf)));
    book.setContributions(uri, contributionsOf(result.findings, uriOf));
    const count = (severity: string) => own.filter((finding) => finding.severity === severity).length;
    const status: DocumentStatus = { uri, version, kind: result.kind, errors: count('error'), warnings: count('warning'), infos: count('info'), durationMs: Math.round(performance.now() - started) };
    await connection.sendNotification(DOCUMENT_STATUS_NOTIFICATION, status);
  } catch (error) {
    logger.error(`Validation failed for ${uri}`, error);
  }
}

function uriBaseName(uri: string): string {
  try {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  } catch {
    return '';
  }
}

/** Findings that belong to other files, as diagnostics grouped by the URI they are published on. */
function contributionsOf(findings: readonly Finding[], uriOf: (file: string) => string | undefined): Map<string, Diagnostic[]> {
  const byTarget = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const target = finding.otherFile && uriOf(finding.otherFile.file);
    if (!target) continue;
    const list = byTarget.get(target) ?? [];
    list.push(toDiagnostic(finding, uriOf));
    byTarget.set(target, list);
  }
  return byTarget;
}

const scheduler = new ValidationScheduler(() => debounceMs, validate);

/**
 * The file at `filePath` (canonical) changed, in the editor or on disk: re-check the documents
 * that read it (a template including an OpenAPI file, a spec `$ref`-ing another), afresh.
 */
function revalidateDependents(filePath: string | undefined, changedUri?: string, immediately = false): void {
  if (!filePath) return;
  for (const uri of analyses.dependentsOf(filePath, changedUri)) {
    analyses.markStale(uri);
    scheduler.schedule(uri, immediately);
  }
}

documents.onDidOpen(({ document }) => {
  scheduler.schedule(document.uri, true);
  // From now on the editor's text, not the disk's, is what dependents read.
  revalidateDependents(files.pathOfUri(document.uri), document.uri);
});
documents.onDidChangeContent(({ document }) => {
  scheduler.schedule(document.uri);
  revalidateDependents(files.pathOfUri(document.uri), document.uri);
});
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  analyses.forget(document.uri);
  settingsCache.delete(document.uri);
  // Stale diagnostics of a closed file would linger in the Problems view; what it put on other
  // files goes too (it is no longer checked), while other documents' findings on it stay.
  book.setContributions(document.uri, new Map());
  book.clearOwn(document.uri);
  // Dependents read the disk again, which may differ from the unsaved text they saw.
  revalidateDependents(files.pathOfUri(document.uri), document.uri);
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const document of documents.all()) scheduler.schedule(document.uri, true);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  // The client watches `.archlens.yml` files and the files templates and specs read
  // (YAML, JSON, `.template`). A config change re-validates everything with the new options;
  // another file re-validates the documents that read it. An open file's editor text wins
  // over the disk, so its disk events change nothing for its dependents.
  if (changes.some((change) => CONFIG_FILE_NAMES.includes(uriBaseName(change.uri)))) {
    projectConfigs.invalidate();
    reportedConfigMessages.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, true);
  }
  cdkApps.onFilesChanged(changes.map((change) => change.uri));
  for (const change of changes) {
    if (!change.uri.startsWith('file:') || documents.get(change.uri)) continue;
    revalidateDependents(files.pathOfUri(change.uri), undefined, true);
  }
});

connection.onShutdown(() => {
  shutdownRequested = true;
  scheduler.dispose();
  linter.dispose();
  cdkApps.dispose();
});

registerFeatures(connection, documents, analyses, analyzer, logger, files.read);
documents.listen(connection);
connection.listen();
