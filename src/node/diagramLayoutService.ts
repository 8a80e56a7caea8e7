/**
 * One warm diagram layout worker per window (the extension host is one per window): created
 * when the first diagram panel opens (`warm()`), reused by every panel and every re-render,
 * ended with the extension. vscode-free, so the browser tests and the bench drive the same
 * class over the same built worker (`dist/diagramLayoutWorker.js`).
 *
 * Per page (`client`), only the newest job matters: while one of its jobs is in the worker,
 * a newer one waits and replaces any job already waiting (which resolves as superseded,
 * `undefined`). Jobs of different pages share the worker in arrival order. A worker that
 * fails or exits fails the jobs it held; the next job starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { LayoutJob, LayoutResult } from '../shared/webview/diagramLayout';
import type { DiagramLayoutFailedMessage, DiagramLayoutRequestMessage, DiagramLayoutResultMessage } from '../shared/webview/diagramLayoutProtocol';
import type { LayoutWorkerRequest, LayoutWorkerResponse } from './diagramLayoutWorker';

/** ELK on the largest diagram the panel accepts stays well below this; a runaway one is stopped. */
const WORKER_HEAP_MB = 1024;

interface Job {
  readonly client: string;
  readonly job: LayoutJob;
  resolve(result: LayoutResult | undefined): void;
  reject(error: Error): void;
}

export class DiagramLayoutService {
  private worker: Worker | undefined;
  private warmUp: Promise<number> | undefined;
  private nextId = 1;
  private readonly inWorker = new Map<number, Job>();
  private readonly busy = new Set<string>();
  private readonly waiting = new Map<string, Job>();
  private disposed = false;

  constructor(private readonly workerFile: string) {}

  /** Starts the worker if it is not running (it warms ELK up at once). Resolves with the warm-up's milliseconds. */
  warm(): Promise<number> {
    try {
      this.ensureWorker();
    } catch {
      // Reported by the first layout that needs the worker.
      return Promise.resolve(0);
    }
    return this.warmUp ?? Promise.resolve(0);
  }

  /** Lays a job out for a page; `undefined` when a newer job of the same page replaced it first. */
  layout(client: string, job: LayoutJob): Promise<LayoutResult | undefined> {
    if (this.disposed) return Promise.reject(new Error('the diagram layout service has stopped'));
    return new Promise((resolve, reject) => {
      const entry: Job = { client, job, resolve, reject };
      if (!this.busy.has(client)) {
        this.send(entry);
        return;
      }
      this.waiting.get(client)?.resolve(undefined);
      this.waiting.set(client, entry);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.failAll(new Error('the diagram layout service has stopped'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // The warm-up's end is the worker's first message.
    this.warmUp = new Promise((resolve) => {
      const onWarm = (message: LayoutWorkerResponse): void => {
        if ('warm' in message) {
          worker.off('message', onWarm);
          resolve(message.elapsedMs);
        }
      };
      worker.on('message', onWarm);
      worker.once('exit', () => resolve(0));
    });
    worker.on('message', (message: LayoutWorkerResponse) => this.settle(message));
    const lost = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error(reason));
    };
    worker.on('error', (error) => lost(`the layout worker failed: ${error.message}`));
    worker.on('exit', (code) => lost(`the layout worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private send(entry: Job): void {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      entry.reject(new Error(`the layout worker could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    const id = this.nextId++;
    this.busy.add(entry.client);
    this.inWorker.set(id, entry);
    const request: LayoutWorkerRequest = { id, job: entry.job };
    worker.postMessage(request);
  }

  private settle(message: LayoutWorkerResponse): void {
    if ('warm' in message) return;
    const entry = this.inWorker.get(message.id);
    if (!entry) return;
    this.inWorker.delete(message.id);
    this.busy.delete(entry.client);
    if ('result' in message) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
    const next = this.waiting.get(entry.client);
    if (next) {
      this.waiting.delete(entry.client);
      this.send(next);
    }
  }

  private failAll(error: Error): void {
    const all = [...this.inWorker.values(), ...this.waiting.values()];
    this.inWorker.clear();
    this.waiting.clear();
    this.busy.clear();
    for (const entry of all) entry.reject(error);
  }
}

/**
 * The host's answer to a `diagram/layout/request` of page `client`: its layout, a failure
 * with the reason, or nothing when a newer request of the page replaced it.
 */
export async function answerLayoutRequest(service: DiagramLayoutService, client: string, request: DiagramLayoutRequestMessage): Promise<DiagramLayoutResultMessage | DiagramLayoutFailedMessage | undefined> {
  try {
    const result = await service.layout(client, request.job);
    return result ? { type: 'diagram/layout/result', requestId: request.requestId, ...result } : undefined;
  } catch (error) {
    return { type: 'diagram/layout/failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
}
