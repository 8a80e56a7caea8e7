import * as os from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { createAnalyzer, type Analyzer } from '../engine/analyzer';
import type { LintOptions } from '../engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { examineFile, type FileOutcome } from './lintFile';
import { mergeOptions, ProjectConfigResolver, type FlagOptions } from './projectConfig';
import type { CandidateFile } from './walk';

/**
 * A folder lint on worker threads: each worker reads, analyses and lints files by index, the main
 * thread hands out the next index as results come back, and `finishLint` then reports them in
 * file order, so the output is byte for byte what one thread prints.
 *
 * Workers run the CLI's own bundle (`dist/cli.js`) with `workerData` saying so (see main.ts).
 */

/** `workerData` of a lint worker. */
export const LINT_WORKER_DATA = { archlensLintWorker: true } as const;

/** Below this many files, starting workers (each loads the bundle and catalogue) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 24;

/** Files a worker holds at once: one being linted, one waiting, so it never idles on the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/** What the pool needs of a lint run (`LintPlan` in run.ts). */
interface PoolPlan {
  readonly analyzer: Analyzer;
  readonly files: readonly CandidateFile[];
  readonly command: FlagOptions & { readonly config: string | undefined };
}

interface Job {
  readonly index: number;
  readonly file: string;
  readonly options: LintOptions | undefined;
}

interface Done {
  readonly index: number;
  readonly outcome: FileOutcome;
}

/**
 * How many worker threads a run starts: `--jobs` threads in all (else one per core, at most 8),
 * the main thread being one of them; none for few files.
 */
export function workerCount(requested: number | undefined, files: number): number {
  const jobs = requested ?? Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  if (jobs <= 1 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(jobs - 1, Math.ceil(files / IN_FLIGHT_PER_WORKER));
}

/**
 * Examines a plan's files on `count` workers running `script`; undefined when not worth it.
 * Options are worked out here for each file, quietly: config notes and errors are the report's
 * to show, in order (a file whose config fails goes without options and is linted then).
 */
export async function examineInWorkers(plan: PoolPlan, script: string, requested: number | undefined, cwd: string): Promise<FileOutcome[] | undefined> {
  const count = workerCount(requested, plan.files.length);
  if (count === 0) return undefined;
  const quietConfigs = new ProjectConfigResolver(plan.command.config, cwd);
  const optionsOf = (file: string): LintOptions | undefined => {
    try {
      return mergeOptions(quietConfigs.optionsFor(file), plan.command);
    } catch {
      return undefined;
    }
  };
  const outcomes = new Array<FileOutcome>(plan.files.length);
  let next = 0;
  let finished = 0;
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: LINT_WORKER_DATA }));
  try {
    await new Promise<void>((resolve, reject) => {
      const take = (): Job | undefined => {
        if (next >= plan.files.length) return undefined;
        const index = next++;
        const file = plan.files[index]!.path;
        return { index, file, options: optionsOf(file) };
      };
      const record = (done: Done): void => {
        outcomes[done.index] = done.outcome;
        finished++;
        if (finished === plan.files.length) resolve();
      };
      const give = (worker: Worker): void => {
        const job = take();
        if (job) worker.postMessage(job);
      };
      // The main thread takes files too, one per turn of the event loop, so the workers' results
      // are taken in between (and it does not sit idle while they start).
      const work = (): void => {
        const job = take();
        if (!job) return;
        record({ index: job.index, outcome: examineSafely(plan.analyzer, job) });
        setImmediate(work);
      };
      for (const worker of workers) {
        worker.on('message', (done: Done) => {
          record(done);
          give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (finished < plan.files.length) reject(new Error(`a lint worker exited (code ${code})`));
        });
        for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) give(worker);
      }
      setImmediate(work);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** The worker's side: examine each file it is given with the real analyzer and file access. */
export function runLintWorker(readFile: (filePath: string) => string | undefined): void {
  const port = parentPort;
  if (!port) throw new Error('runLintWorker outside a worker thread');
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile });
  port.on('message', (job: Job) => {
    const done: Done = { index: job.index, outcome: examineSafely(analyzer, job) };
    port.postMessage(done);
  });
}

function examineSafely(analyzer: Analyzer, job: Job): FileOutcome {
  try {
    return examineFile(analyzer, job.file, job.options, false);
  } catch {
    // A rule threw (the engine promises not to): the report lints this file again itself and
    // fails the way a one-thread run fails.
    return { kind: 'document' };
  }
}
