// Runs lint jobs on a worker thread (lintWorker.ts) so the server's own thread stays free for
// requests: a hover on one document answers while another, slow one is being linted. The
// worker is started on first use and again after it stops (a crash or out-of-memory on a
// hostile document ends the worker, not the server: that job fails and the next one restarts it).
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DocumentKind } from '../engine/documentKind';
import type { Finding } from '../engine/findings';
import type { CdkAppLint } from '../node/cdk/appLint';
import type { CdkLintJob, CdkLintJobResult, LintJob, LintJobResult } from './lintJob';

export interface BackgroundLint {
  readonly kind: DocumentKind;
  readonly findings: readonly Finding[];
  /** Canonical paths of the files the lint asked for (the dependency index). */
  readonly reads: readonly string[];
}

interface Pending {
  // Document and CDK jobs share the worker and the id sequence; each caller knows its answer's shape.
  readonly resolve: (result: never) => void;
  readonly reject: (error: Error) => void;
}

/** Heap cap of the worker: a document that needs more fails alone instead of taking the server down. */
const WORKER_HEAP_MB = 2048;

export class BackgroundLinter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /**
   * @param workerFile the bundled worker (dist/lintWorker.js next to dist/server.js)
   * @param lintHere lints in this thread when the worker bundle is missing (a partial build)
   */
  constructor(
    private readonly workerFile: string,
    private readonly lintHere: (job: Omit<LintJob, 'id'>) => BackgroundLint,
  ) {}

  lint(job: Omit<LintJob, 'id'>): Promise<BackgroundLint> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.lintHere(job));
    const id = this.nextId++;
    return new Promise<BackgroundLint>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies LintJob);
    });
  }

  /** Lints a CDK app on the worker; `here` lints it in this thread when the worker bundle is missing. */
  lintCdk(job: Omit<CdkLintJob, 'id' | 'kind'>, here: () => CdkAppLint): Promise<CdkAppLint> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(here());
    const id = this.nextId++;
    return new Promise<CdkAppLint>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id, kind: 'cdk' } satisfies CdkLintJob);
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll(new Error('The language server is shutting down.'));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (!fs.existsSync(this.workerFile)) return undefined;
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (result: LintJobResult | CdkLintJobResult) => {
      const pending = this.pending.get(result.id);
      if (!pending) return;
      this.pending.delete(result.id);
      if ('error' in result) pending.reject(new Error(result.error));
      else (pending.resolve as (answer: unknown) => void)('cdk' in result ? result.cdk : result);
    });
    const stopped = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error(`The lint worker stopped (${reason}); the next check starts a new one.`));
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    // The server must be able to exit while the worker idles.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
