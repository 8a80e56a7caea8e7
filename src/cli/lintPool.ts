import type * as Os from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import { createAnalyzer, type Analyzer } from '../engine/analyzer';
import type { LintOptions } from '../engine/findings';
import { defaultCatalogDir, loadCatalogFromDir } from '../node/catalogLoader';
import { examineFile, type FileOutcome } from './lintFile';
import { parseArgs, type Command } from './args';
import { mergeOptions, ProjectConfigResolver, type FlagOptions } from './projectConfig';
import { isFolder, type CandidateFile } from './walk';

/**
 * A folder lint on worker threads. The files are one shared queue: a counter in shared memory
 * that every thread, the main one included, advances to claim its next file (`Atomics.add`), so
 * no thread waits for another to hand it work and a worker that is still starting simply claims
 * later. Each thread reads, analyses and lints what it claims; a worker posts its outcomes back
 * when the queue is empty, and `finishLint` (run.ts) reports all of them in file order, so the
 * output is byte for byte what one thread prints, whichever thread linted which file.
 *
 * Why not hand out files by message (as before): the main thread lints too, synchronously, so a
 * worker asking for its next file waited until the main thread had finished its own; on the
 * 1,200-file bench folder the worker idled and did a third of the files at half the main's pace.
 *
 * Workers run the CLI's own bundle (`dist/cli.js`) with `workerData` saying so (see main.ts).
 *
 * `node:worker_threads` (which loads Node's whole streams stack) and `node:os` are required
 * when a folder lint needs them, not imported: a cold lint of one file never does, and loading
 * them cost it about 4 ms.
 */

/** Node's worker_threads, loaded on first use (see above). */
function workerThreads(): typeof WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof WorkerThreads;
}

/**
 * The argument a lint worker is started with (after the script), so main.ts can tell a worker
 * without loading worker_threads on every run; it then checks `workerData` to be sure.
 */
export const LINT_WORKER_ARGUMENT = '--archlens-lint-worker';

/** Whether this thread is a folder lint's worker (started by {@link LintWorkers}). */
export function isLintWorker(): boolean {
  if (process.argv[2] !== LINT_WORKER_ARGUMENT) return false;
  const threads = workerThreads();
  return !threads.isMainThread && Boolean((threads.workerData as LintWorkerData | undefined)?.archlensLintWorker);
}

/** `workerData` of a lint worker: the marker main.ts looks for, and the shared file counter. */
export interface LintWorkerData {
  readonly archlensLintWorker: true;
  /** One Int32: the index of the next file to claim, shared by every thread of the run. */
  readonly nextFile: SharedArrayBuffer;
}

/** Below this many files, starting workers (each loads the bundle and catalogue) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 24;

/** What the pool needs of a lint run (`LintPlan` in run.ts). */
interface PoolPlan {
  readonly analyzer: Analyzer;
  readonly files: readonly CandidateFile[];
  readonly command: FlagOptions & { readonly config: string | undefined; readonly jobs?: number };
}

/** The main thread's one message to a worker: the files, and how to work out their options. */
interface WorkList {
  readonly files: readonly string[];
  readonly flags: FlagOptions;
  readonly config: string | undefined;
  readonly cwd: string;
}

/**
 * A worker's one answer, when the queue is empty: the indexes it claimed and their outcomes.
 * One message, not one per file: the main thread needs none before the end, and each message
 * costs it an event-loop turn (about 0.1 ms each, measured: 50 ms for 416 files).
 */
interface Done {
  readonly indexes: readonly number[];
  readonly outcomes: readonly FileOutcome[];
}

/** Threads a folder lint may use: `--jobs`, else one per core (at most 8), the main thread included. */
function threadsFor(requested: number | undefined): number {
  if (requested !== undefined) return requested;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof Os;
  return Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * How many worker threads a run uses: `--jobs` threads in all (else one per core, at most 8),
 * the main thread being one of them; none for few files, and never more than one worker per
 * `MIN_FILES_FOR_WORKERS` files (a worker's start-up is paid back only over many files).
 */
export function workerCount(requested: number | undefined, files: number): number {
  const jobs = threadsFor(requested);
  if (jobs <= 1 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(jobs - 1, Math.floor(files / MIN_FILES_FOR_WORKERS));
}

/**
 * The worker threads of one `archlens` run. A worker takes about 0.1 s of CPU to start (the
 * bundle, from the code cache, and the catalogue): `prestart` starts the first one before the
 * catalogue is loaded and the folder walked, as soon as the command line says "a folder, on more
 * than one thread", so it is ready sooner; it is stopped unused when the folder has few files.
 * A single file, or `--jobs 1`, never starts one.
 */
export class LintWorkers {
  private readonly workers: WorkerThreads.Worker[] = [];
  private readonly nextFile = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);

  private constructor(
    private readonly script: string,
    private readonly debug: (line: string) => void,
  ) {}

  /**
   * The run's workers, the first one started now when `argv` is a folder lint on several threads.
   * @param debug told when a worker starts or stops unused (`ARCHLENS_DEBUG`)
   */
  static prestart(argv: readonly string[], script: string, debug: (line: string) => void = () => undefined): LintWorkers {
    const pool = new LintWorkers(script, debug);
    if (mayWantWorkers(argv)) pool.grow(1);
    return pool;
  }

  /**
   * Examines a plan's files on the main thread and the workers; undefined when they are not
   * worth it. Options are worked out by each thread for the files it claims, quietly: config
   * notes and errors are the report's to show, in order (a file whose config fails goes without
   * options and is linted then, by the report).
   * @throws when a worker fails or exits early (the caller then lints on one thread).
   */
  async examine(plan: PoolPlan, cwd: string): Promise<FileOutcome[] | undefined> {
    const count = workerCount(plan.command.jobs, plan.files.length);
    if (count === 0) {
      // A prestarted worker stops here rather than take CPU from the lint on this thread.
      if (this.workers.length > 0) this.debug(`lint worker stopped unused (${plan.files.length} files)`);
      this.close();
      return undefined;
    }
    try {
      return await this.examineWith(count, plan, cwd);
    } finally {
      // After an answer, or after a failure (the report then lints every file on this thread).
      this.close();
    }
  }

  private async examineWith(count: number, plan: PoolPlan, cwd: string): Promise<FileOutcome[]> {
    this.grow(count);
    const workers = this.workers.slice(0, count);
    const total = plan.files.length;
    const work: WorkList = { files: plan.files.map((file) => file.path), flags: { regions: plan.command.regions, ignore: plan.command.ignore }, config: plan.command.config, cwd };
    const outcomes = new Array<FileOutcome>(total);
    let finished = 0;
    // Listeners first: the workers' answers queue up while this thread lints its share below.
    const allDone = new Promise<void>((resolve, reject) => {
      for (const worker of workers) {
        // Held open until it answers (a started worker does not keep the process alive).
        worker.ref();
        worker.on('message', (done: Done) => {
          done.indexes.forEach((index, at) => (outcomes[index] = done.outcomes[at]!));
          finished += done.indexes.length;
          if (finished === total) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (finished < total) reject(new Error(`a lint worker exited (code ${code})`));
        });
        worker.postMessage(work);
      }
    });
    // Awaited only when a worker still owes files: a worker that fails after this thread linted
    // every file is not an error of the run.
    allDone.catch(() => undefined);
    const optionsOf = quietOptions(work);
    for (const index of claims(this.nextFile, total)) {
      const file = work.files[index]!;
      outcomes[index] = examineSafely(plan.analyzer, file, optionsOf(file));
      finished++;
    }
    const own = finished;
    if (finished < total) await allDone;
    this.debug(`lint workers examined ${total - own} of ${total} files`);
    return outcomes;
  }

  /**
   * Stops every worker (started or in use); the run's report needs none of them any more. Not
   * waited for: a worker in the middle of loading its bundle stops only when that returns, and
   * waiting for it made a 6-file folder 0.05 s slower (11 interleaved runs, loaded machine).
   */
  close(): void {
    for (const worker of this.workers.splice(0)) void worker.terminate();
  }

  private grow(count: number): void {
    const data: LintWorkerData = { archlensLintWorker: true, nextFile: this.nextFile };
    while (this.workers.length < count) {
      const worker = new (workerThreads().Worker)(this.script, { workerData: data, argv: [LINT_WORKER_ARGUMENT] });
      worker.unref();
      this.workers.push(worker);
      this.debug(`lint worker ${this.workers.length} started`);
    }
  }
}

/**
 * Whether `argv` is a lint that may go to workers: more than one thread, and a folder among its
 * paths. Only a guess before the walk (the folder may hold few files, or be a CDK app).
 */
function mayWantWorkers(argv: readonly string[]): boolean {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch {
    return false;
  }
  return command.command === 'lint' && command.paths.some(isFolder) && threadsFor(command.jobs) > 1;
}

/** The worker's side: examine the files it claims with the real analyzer and file access. */
export function runLintWorker(readFile: (filePath: string) => string | undefined): void {
  const threads = workerThreads();
  const port = threads.parentPort;
  if (!port) throw new Error('runLintWorker outside a worker thread');
  const { nextFile } = threads.workerData as LintWorkerData;
  // Loaded while the main thread is still walking the folder or linting its first files.
  const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()), readFile });
  port.once('message', (work: WorkList) => {
    const optionsOf = quietOptions(work);
    const done: { indexes: number[]; outcomes: FileOutcome[] } = { indexes: [], outcomes: [] };
    for (const index of claims(nextFile, work.files.length)) {
      const file = work.files[index]!;
      done.indexes.push(index);
      done.outcomes.push(examineSafely(analyzer, file, optionsOf(file)));
    }
    port.postMessage(done satisfies Done);
  });
}

/** Indexes this thread claims from the shared counter, until every file is claimed. */
function* claims(nextFile: SharedArrayBuffer, total: number): Generator<number> {
  const counter = new Int32Array(nextFile);
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= total) return;
    yield index;
  }
}

/** Each file's options as the report will work them out, without its notes (the report shows those). */
function quietOptions(work: WorkList): (file: string) => LintOptions | undefined {
  const configs = new ProjectConfigResolver(work.config, work.cwd);
  return (file) => {
    try {
      return mergeOptions(configs.optionsFor(file), work.flags);
    } catch {
      return undefined;
    }
  };
}

function examineSafely(analyzer: Analyzer, file: string, options: LintOptions | undefined): FileOutcome {
  try {
    return examineFile(analyzer, file, options, false);
  } catch {
    // A rule threw (the engine promises not to): the report lints this file again itself and
    // fails the way a one-thread run fails.
    return { kind: 'document' };
  }
}
