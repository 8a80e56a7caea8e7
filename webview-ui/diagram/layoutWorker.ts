/**
 * The layout worker (`dist/webview/diagramLayout.js`): runs ELK's layered algorithm off the
 * UI thread. Stateless apart from the ELK instance; the UI caches results.
 *
 * ELK's bundled build runs its GWT core in-thread (a "fake worker"), which is what we want
 * inside a real worker. Loading it assigns `self.onmessage` (the GWT core registers itself
 * as a worker dispatcher when it sees no `document`); we replace that handler below.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { collect, toElk } from './elkGraph';
import type { Box, LayoutRequest, LayoutResponse, Point } from './layoutTypes';

/** The slice of `DedicatedWorkerGlobalScope` we use (the tsconfig is DOM-only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

const scope = self as unknown as WorkerScope;
const elk = new ELK();

async function run(request: LayoutRequest): Promise<LayoutResponse> {
  const started = performance.now();
  try {
    const result = await elk.layout(toElk(request));
    const boxes: [string, Box][] = [];
    const routes: [string, Point[]][] = [];
    collect(result, boxes, routes, true);
    return { type: 'layout', requestId: request.requestId, boxes, routes, width: result.width ?? 0, height: result.height ?? 0, elapsedMs: performance.now() - started };
  } catch (error) {
    return { type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
}

// Only the newest request matters: a request that arrives while ELK is busy replaces any
// request still waiting, so a burst of edits costs at most one extra layout.
let pending: LayoutRequest | undefined;
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  while (pending) {
    const request = pending;
    pending = undefined;
    scope.postMessage(await run(request));
  }
  busy = false;
}

scope.onmessage = (event) => {
  const data = event.data as Partial<LayoutRequest> | null;
  if (!data || data.type !== 'layout' || typeof data.requestId !== 'number') return;
  pending = data as LayoutRequest;
  if (!busy) void drain();
};
