// The language server's lint worker (bundled as dist/lintWorker.js). Linting a big or hostile
// document takes from tens of milliseconds to the rule budget; on the server's own thread it
// would hold up hover, completion and every other document meanwhile. Here it runs beside it.
// Files are read as the server reads them (WorkspaceFiles), over a snapshot of the open
// documents sent with each job.
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../engine/analyzer';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { lintCdkAppFolder } from '../node/cdk/appLint';
import type { CdkLintJob, CdkLintJobResult, LintJob, LintJobResult } from './lintJob';
import { WorkspaceFiles } from './workspaceFiles';

let openDocuments: LintJob['openDocuments'] = [];
const files = new WorkspaceFiles({ all: () => openDocuments.map(([uri, text]) => ({ uri, getText: () => text })) });
const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile: files.read });

/**
 * The last analysis of each recently linted file: the next version of it (a keystroke later)
 * re-parses only the edited resource (engine/document/yamlEdit.ts). A few files are kept: the
 * ones being edited; each entry is consumed by the next analysis of its file.
 */
const lastAnalyses = new Map<string, AnalyzedDocument>();
const KEPT_ANALYSES = 8;

function analyze(fileName: string, text: string): AnalyzedDocument {
  const previous = lastAnalyses.get(fileName);
  lastAnalyses.delete(fileName);
  const analyzed = analyzer.analyze(fileName, text, previous);
  lastAnalyses.set(fileName, analyzed);
  if (lastAnalyses.size > KEPT_ANALYSES) lastAnalyses.delete(lastAnalyses.keys().next().value!);
  return analyzed;
}

/** A CDK app: read from disk as the server would (its assembly and sources are not open documents). */
function lintCdk(job: CdkLintJob): CdkLintJobResult {
  try {
    return { id: job.id, cdk: lintCdkAppFolder(job.appDir, analyzer, job.options) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

const isCdkJob = (job: LintJob | CdkLintJob): job is CdkLintJob => 'kind' in job && job.kind === 'cdk';

parentPort?.on('message', (message: LintJob | CdkLintJob) => {
  if (isCdkJob(message)) {
    parentPort?.postMessage(lintCdk(message));
    return;
  }
  const job = message;
  let result: LintJobResult;
  try {
    openDocuments = job.openDocuments;
    files.setRoots(job.roots);
    const reads = new Set<string>();
    const linted = files.recordReads(reads, () => analyzer.lintAnalyzed(analyze(job.fileName, job.text), job.options));
    result = { id: job.id, kind: linted.kind, findings: linted.findings, reads: [...reads] };
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  } finally {
    openDocuments = [];
  }
  parentPort?.postMessage(result);
});
