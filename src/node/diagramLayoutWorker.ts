/**
 * The diagram's layout worker (`dist/diagramLayoutWorker.js`, a `worker_threads` worker of
 * the extension host, one per window: `diagramLayoutService.ts`). Runs ELK's layered
 * algorithm on the jobs the diagram webview sends (`diagram/layout/request`).
 *
 * Why here and not in the webview: a worker started inside a webview is cold every time a
 * panel opens or is shown again (the page reloads when hidden): fetching, compiling and
 * warming up ELK's 1.5 MB took about a second before the first layout. This one starts when
 * the first panel opens, lays out a small warm-up graph at once (ELK's first layout pays for
 * class initialisation and JIT), and serves every later panel and re-render warm.
 */
import { parentPort } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';
import { collect, toElk } from '../shared/webview/diagramElk';
import type { Box, LayoutJob, LayoutResult, Point } from '../shared/webview/diagramLayout';

/** Main thread -> worker. */
export interface LayoutWorkerRequest {
  readonly id: number;
  readonly job: LayoutJob;
}

/** Worker -> main thread: a result, a failure, or (once, with id 0) the end of the warm-up. */
export type LayoutWorkerResponse = { readonly id: number; readonly result: LayoutResult } | { readonly id: number; readonly error: string } | { readonly id: 0; readonly warm: true; readonly elapsedMs: number };

const elk = new ELK();

async function layout(job: LayoutJob): Promise<LayoutResult> {
  const started = performance.now();
  const result = await elk.layout(toElk(job));
  const boxes: [string, Box][] = [];
  const routes: [string, Point[]][] = [];
  collect(result, boxes, routes, true);
  return { boxes, routes, width: result.width ?? 0, height: result.height ?? 0, elapsedMs: performance.now() - started };
}

/**
 * A small graph in the shape of real ones (nested groups, edges inside and across them, both
 * directions), so the warm-up reaches the code paths of a real layout.
 */
export function warmUpJob(direction: LayoutJob['direction'], count = 24): LayoutJob {
  const items = [];
  const edges = [];
  const containers = [
    { id: 'g:outer', minWidth: 200 },
    { id: 'g:inner', parent: 'g:outer', minWidth: 120 },
  ];
  for (let i = 0; i < count; i++) {
    const parent = i < 8 ? 'g:inner' : i < 14 ? 'g:outer' : undefined;
    items.push(parent !== undefined ? { id: `n:${i}`, width: 160, height: 52, parent } : { id: `n:${i}`, width: 160, height: 52 });
    if (i > 0) {
      const container = i < 8 ? 'g:inner' : i >= 9 && i < 14 ? 'g:outer' : undefined;
      edges.push(container !== undefined ? { id: `e:${i}`, from: `n:${i - 1}`, to: `n:${i}`, container } : { id: `e:${i}`, from: `n:${i < 14 ? 8 : i - 1}`, to: `n:${i}` });
    }
  }
  return { items, containers, edges, direction };
}

function post(message: LayoutWorkerResponse): void {
  parentPort?.postMessage(message);
}

/** Jobs that arrived and have not run yet: the warm-up gives way to them. */
let queued = 0;

async function warmUp(): Promise<void> {
  const started = performance.now();
  // Both directions, then the large-diagram options (over 150 boxes: polyline routing), each
  // step only while no real job waits: a panel's first layout must not queue behind the warm-up.
  // The first step is tiny: ELK's class initialisation costs the same at any size, and a
  // panel's first job that arrives meanwhile waits for it.
  for (const job of [warmUpJob('RIGHT', 3), warmUpJob('RIGHT'), warmUpJob('DOWN'), warmUpJob('RIGHT', 160)]) {
    if (queued > 0) break;
    await layout(job);
  }
  post({ id: 0, warm: true, elapsedMs: performance.now() - started });
}

// Jobs run one at a time in arrival order; the service only sends the newest per page.
let queue: Promise<void> = warmUp().catch(() => undefined);

parentPort?.on('message', (request: LayoutWorkerRequest) => {
  queued++;
  queue = queue.then(async () => {
    queued--;
    try {
      post({ id: request.id, result: await layout(request.job) });
    } catch (error) {
      post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
