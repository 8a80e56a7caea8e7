/**
 * The UI side of the layout worker: starts it, sends jobs, matches answers, and caches
 * layouts by the model's signature (and by the host's graph hash + options).
 *
 * Starting the worker: VS Code serves extension files from a resource origin that is not the
 * webview's own, and `new Worker(url)` needs a same-origin URL (worker script requests also
 * bypass the webview's service worker). So the script is fetched (`connect-src`) and started
 * from a `blob:` URL of those bytes (`worker-src blob:`), which is what the VS Code webview
 * guide prescribes. The fetch starts when the page loads, in parallel with the host
 * computing the first graph.
 */
import { layoutRequest } from './model';
import type { DiagramModel } from './model';
import type { Box, Layout, LayoutResponse, Point } from './layoutTypes';

/** How a layout was obtained. */
export type LayoutSource = 'elk' | 'cache' | 'incremental';

/** A finished layout job. */
export interface LayoutOutcome {
  readonly layout: Layout;
  readonly source: LayoutSource;
  /** Milliseconds in ELK (0 for cache hits). */
  readonly elkMs: number;
}

/** A newer request replaced this one before the worker got to it. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer layout');
  }
}

const CACHE_SIZE = 12;

/** The Trusted Types API (not in TypeScript's DOM library yet). */
interface TrustedTypesApi {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

// The page enforces Trusted Types, and `new Worker(url)` is a script-URL sink. This policy
// (allowed by name in the CSP, created once) passes exactly one thing: the `blob:` URL
// this module just made from the fetched worker bundle.
let workerBlobUrl: string | undefined;
let workerPolicy: { createScriptURL(url: string): unknown } | undefined;

function trustedWorkerUrl(url: string): string | URL {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesApi }).trustedTypes;
  if (!trustedTypes) return url;
  workerPolicy ??= trustedTypes.createPolicy('archlens-diagram-worker', {
    createScriptURL(candidate) {
      if (candidate !== workerBlobUrl || !candidate.startsWith('blob:')) throw new TypeError('archlens-diagram-worker: only the layout worker blob may load');
      return candidate;
    },
  });
  workerBlobUrl = url;
  // A TrustedScriptURL: the Worker constructor accepts it where the types say string | URL.
  return workerPolicy.createScriptURL(url) as string;
}

interface Pending {
  resolve(outcome: LayoutOutcome): void;
  reject(error: Error): void;
}

/** Owns the worker and the layout cache. */
export class LayoutClient {
  private worker: Promise<Worker> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Layout>();
  private failure: Error | undefined;
  private answered = false;

  constructor(private readonly workerUrl: string) {}

  /** Fetches and starts the worker (idempotent). */
  start(): Promise<Worker> {
    this.worker ??= this.spawn();
    return this.worker;
  }

  private async fetchWorker(): Promise<Blob> {
    // One retry: a webview's resource requests go through its service worker, and a request
    // made while that is (re)starting can fail once.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(this.workerUrl);
        if (!response.ok) throw new Error(`could not load the layout worker (HTTP ${response.status})`);
        return await response.blob();
      } catch (error) {
        if (attempt >= 2 || (error instanceof Error && error.message.includes('HTTP'))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  }

  private async spawn(): Promise<Worker> {
    const source = await this.fetchWorker();
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(trustedWorkerUrl(url), { name: 'archlens-diagram-layout' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      URL.revokeObjectURL(url);
      this.settle(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      URL.revokeObjectURL(url);
      this.failure = new Error(`layout worker failed: ${event.message || 'unknown error'}`);
      for (const pending of this.pending.values()) pending.reject(this.failure);
      this.pending.clear();
    };
    return worker;
  }

  /** Whether the worker has finished a job (so it is booted and its JIT is warm). */
  get warm(): boolean {
    return this.answered;
  }

  private settle(response: LayoutResponse): void {
    this.answered = true;
    // The worker skips requests that a newer one replaced: settle those as superseded.
    for (const [id, pending] of this.pending) {
      if (id < response.requestId) {
        pending.reject(new SupersededError());
        this.pending.delete(id);
      }
    }
    const pending = this.pending.get(response.requestId);
    if (!pending) return;
    this.pending.delete(response.requestId);
    if (response.type === 'error') {
      pending.reject(new Error(`layout failed: ${response.message}`));
      return;
    }
    const layout: Layout = { boxes: new Map(response.boxes), routes: new Map(response.routes), width: response.width, height: response.height };
    pending.resolve({ layout, source: 'elk', elkMs: response.elapsedMs });
  }

  /** A cached layout for this model, if any. */
  cached(model: DiagramModel): Layout | undefined {
    const layout = this.cache.get(model.signature);
    if (layout) {
      // Least recently used goes first: re-insert on every hit.
      this.cache.delete(model.signature);
      this.cache.set(model.signature, layout);
    }
    return layout;
  }

  /** Remembers a layout for a model (or a model signature, for a layout restored from saved state). */
  remember(model: DiagramModel | string, layout: Layout): void {
    const signature = typeof model === 'string' ? model : model.signature;
    this.cache.delete(signature);
    this.cache.set(signature, layout);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Lays a model out in the worker (or answers from the cache). */
  async layout(model: DiagramModel, direction: 'RIGHT' | 'DOWN'): Promise<LayoutOutcome> {
    const hit = this.cached(model);
    if (hit) return { layout: hit, source: 'cache', elkMs: 0 };
    if (this.failure) throw this.failure;
    const worker = await this.start();
    const requestId = this.nextId++;
    const request = layoutRequest(model, direction, requestId);
    const outcome = await new Promise<LayoutOutcome>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      worker.postMessage(request);
    });
    this.remember(model, outcome.layout);
    return outcome;
  }
}

/** Bounding size of a set of boxes and routes, with a margin. */
export function extent(boxes: Iterable<Box>, routes: Iterable<readonly Point[]>, margin = 12): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const box of boxes) {
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
  }
  for (const route of routes) {
    for (const point of route) {
      width = Math.max(width, point.x);
      height = Math.max(height, point.y);
    }
  }
  return { width: width + margin, height: height + margin };
}
