/**
 * The UI side of the diagram's layout: asks the extension host for layouts
 * (`diagram/layout/request`; the host's warm layout worker, one per window, answers with
 * `diagram/layout/result` or `diagram/layout/failed`), matches answers to requests, and caches
 * layouts by the model's signature.
 *
 * The layout runs in the extension host, not in a worker of this page, because a worker here
 * would start cold every time the panel opens or is shown again (the page reloads when
 * hidden): fetching, compiling and warming up ELK took about a second before the first layout.
 */
import { layoutJob } from './model';
import type { DiagramModel } from './model';
import type { Box, Layout, Point } from '../../src/shared/webview/diagramLayout';
import type { DiagramLayoutFailedMessage, DiagramLayoutRequestMessage, DiagramLayoutResultMessage } from '../../src/shared/webview/diagramProtocol';

/** How a layout was obtained. */
export type LayoutSource = 'elk' | 'cache' | 'incremental';

/** A finished layout job. */
export interface LayoutOutcome {
  readonly layout: Layout;
  readonly source: LayoutSource;
  /** Milliseconds in ELK (0 for cache hits). */
  readonly elkMs: number;
}

/** A newer request replaced this one before the host's worker got to it. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer layout');
  }
}

const CACHE_SIZE = 12;
/**
 * With no answer by then, the page draws its simple layout and says so (a host that lost
 * the message, or a layout far beyond what the panel accepts). A late answer still replaces it.
 */
export const LAYOUT_TIMEOUT_MS = 30_000;

interface Pending {
  resolve(outcome: LayoutOutcome): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Sends layout jobs to the host and keeps the layout cache. */
export class LayoutClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Layout>();
  private answered = false;

  constructor(private readonly post: (message: DiagramLayoutRequestMessage) => void) {}

  /** Whether the host has answered a layout on this page (its worker is up). */
  get warm(): boolean {
    return this.answered;
  }

  /** Host: an answer to one of this page's requests. */
  answer(message: DiagramLayoutResultMessage | DiagramLayoutFailedMessage): void {
    this.answered = true;
    // The host skips requests that a newer one replaced: settle those as superseded.
    for (const [id, pending] of this.pending) {
      if (id < message.requestId) this.drop(id, pending, new SupersededError());
    }
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    this.pending.delete(message.requestId);
    clearTimeout(pending.timer);
    if (message.type === 'diagram/layout/failed') {
      pending.reject(new Error(`layout failed: ${message.message}`));
      return;
    }
    const layout: Layout = { boxes: new Map(message.boxes), routes: new Map(message.routes), width: message.width, height: message.height };
    pending.resolve({ layout, source: 'elk', elkMs: message.elapsedMs });
  }

  private drop(id: number, pending: Pending, error: Error): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.reject(error);
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

  /** Lays a model out in the host's worker (or answers from the cache). */
  async layout(model: DiagramModel, direction: 'RIGHT' | 'DOWN'): Promise<LayoutOutcome> {
    const hit = this.cached(model);
    if (hit) return { layout: hit, source: 'cache', elkMs: 0 };
    const requestId = this.nextId++;
    const outcome = await new Promise<LayoutOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        const pending = this.pending.get(requestId);
        if (pending) this.drop(requestId, pending, new Error(`no layout from the extension after ${LAYOUT_TIMEOUT_MS / 1000} s`));
      }, LAYOUT_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, reject, timer });
      this.post({ type: 'diagram/layout/request', requestId, job: layoutJob(model, direction) });
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
