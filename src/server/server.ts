import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalyzer } from '../engine/analyzer';
import type { LintOptions } from '../engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { readTextFile } from '../node/readRegularFile';
import { DOCUMENT_STATUS_NOTIFICATION, SETTINGS_SECTION } from '../shared/protocol';
import type { DocumentStatus, LintSettings } from '../shared/protocol';
import { toDiagnostic } from './convert';
import { DocumentAnalyses } from './documentAnalyses';
import { registerFeatures } from './features';
import { connectionLogger } from './logger';
import { mergeSettings, ProjectConfigCache } from './projectSettings';
import { ValidationScheduler } from './validationScheduler';

/**
 * The ArchLens language server (`node dist/server.js --stdio`): diagnostics and
 * language features for CloudFormation and SAM templates, for any LSP editor.
 */
/** Set by the `shutdown` request: exiting after it is a clean exit (code 0). */
let shutdownRequested = false;
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = connectionLogger(connection);
const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile: readWorkspaceFile });
const analyses = new DocumentAnalyses(analyzer);
const projectConfigs = new ProjectConfigCache();
const reportedConfigProblems = new Set<string>();
let canPullSettings = false;
const settingsCache = new Map<string, Promise<LintSettings>>();
const DEFAULT_DEBOUNCE_MS = 250;
let debounceMs = DEFAULT_DEBOUNCE_MS;

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

/** Real paths of the workspace folders: the only places multi-file `$ref`s are read from. */
let workspaceRoots: string[] = [];
const MAX_REF_FILE_BYTES = 5 * 1024 * 1024;

function realPath(filePath: string): string | undefined {
  try {
    return fs.realpathSync(filePath);
  } catch {
    return undefined;
  }
}

/** The real path of a file, or of its folder for a file that exists only in the editor. */
function canonicalPath(filePath: string): string | undefined {
  const real = realPath(filePath);
  if (real) return real;
  const dir = realPath(path.dirname(filePath));
  return dir ? path.join(dir, path.basename(filePath)) : undefined;
}

function isInside(filePath: string, root: string): boolean {
  const relative = path.relative(root, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * File access for multi-file `$ref`s. The engine hands over the linted file's path joined
 * with the reference (validate() passes absolute paths for file: documents). Open documents
 * win over the disk, so unsaved edits count. Only files inside a workspace folder are read
 * (symlinks resolved first, so a link cannot lead out), trusted or not; without a folder,
 * only files below the folder of an open document. Remote refs never get here.
 */
function readWorkspaceFile(filePath: string): string | undefined {
  if (!path.isAbsolute(filePath)) return undefined;
  const real = canonicalPath(path.resolve(filePath));
  if (!real) return undefined;
  const openFiles = documents.all().filter((document) => document.uri.startsWith('file:'));
  const roots = workspaceRoots.length > 0 ? workspaceRoots : openFiles.map((document) => realPath(path.dirname(fileURLToPath(document.uri)))).filter((dir): dir is string => dir !== undefined);
  if (!roots.some((root) => isInside(real, root))) return undefined;
  const open = openFiles.find((document) => canonicalPath(fileURLToPath(document.uri)) === real);
  if (open) return open.getText();
  try {
    // A regular file under the limit, read with a bounded read (a link to /dev/zero or a FIFO is refused).
    return readTextFile(real, MAX_REF_FILE_BYTES);
  } catch {
    return undefined;
  }
}

connection.onInitialize((params) => {
  canPullSettings = params.capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceRoots = folders.filter((uri) => uri.startsWith('file:')).map((uri) => realPath(fileURLToPath(uri))).filter((root): root is string => root !== undefined);
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
  if (!uri.startsWith('file:')) return {};
  const config = projectConfigs.forFile(fileURLToPath(uri));
  if (config.file && config.problems.length > 0 && !reportedConfigProblems.has(config.file)) {
    reportedConfigProblems.add(config.file);
    void connection.window.showWarningMessage(`ArchLens: ${config.file} has problems and was partly ignored: ${config.problems.join('; ')}`);
  }
  return config.options;
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
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const started = performance.now();
    // The analysis carries the document's full path: the base of relative `$ref`s.
    const result = analyzer.lintAnalyzed(analyses.get(current), mergeSettings(projectOptions(uri), settings));
    analyses.setFindings(current, result.findings);
    if (documents.get(uri)?.version !== version) return; // stale: publish only the latest version
    await connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map(toDiagnostic) });
    const count = (severity: string) => result.findings.filter((finding) => finding.severity === severity).length;
    const status: DocumentStatus = { uri, version, kind: result.kind, errors: count('error'), warnings: count('warning'), infos: count('info'), durationMs: Math.round(performance.now() - started) };
    await connection.sendNotification(DOCUMENT_STATUS_NOTIFICATION, status);
  } catch (error) {
    logger.error(`Validation failed for ${uri}`, error);
  }
}

const scheduler = new ValidationScheduler(() => debounceMs, validate);

documents.onDidOpen(({ document }) => scheduler.schedule(document.uri, true));
documents.onDidChangeContent(({ document }) => scheduler.schedule(document.uri));
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  analyses.forget(document.uri);
  settingsCache.delete(document.uri);
  // Stale diagnostics of a closed file would linger in the Problems view.
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const document of documents.all()) scheduler.schedule(document.uri, true);
});

connection.onDidChangeWatchedFiles(() => {
  // The client watches `.archlens.yml` files: re-read them and re-validate.
  projectConfigs.invalidate();
  reportedConfigProblems.clear();
  for (const document of documents.all()) scheduler.schedule(document.uri, true);
});

connection.onShutdown(() => {
  shutdownRequested = true;
  scheduler.dispose();
});

registerFeatures(connection, documents, analyses, analyzer, logger, readWorkspaceFile);
documents.listen(connection);
connection.listen();
