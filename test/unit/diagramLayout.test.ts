/**
 * The diagram's host-side layout: the layout messages' validators (hostile numbers, shapes and
 * sizes are refused by path, never echoed) and the window's warm layout worker
 * (`DiagramLayoutService` over the built `dist/diagramLayoutWorker.js`, `npm run build` first):
 * one worker for every page, newest job per page wins, failures answered, a lost worker replaced.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { answerLayoutRequest, DiagramLayoutService } from '../../src/node/diagramLayoutService';
import { warmUpJob } from '../../src/node/diagramLayoutWorker';
import type { LayoutJob } from '../../src/shared/webview/diagramLayout';
import { validateDiagramHostMessage, validateDiagramUiMessage } from '../../src/shared/webview/diagramProtocol';

const WORKER = join(__dirname, '..', '..', 'dist', 'diagramLayoutWorker.js');

function rejected(result: ReturnType<typeof validateDiagramUiMessage> | ReturnType<typeof validateDiagramHostMessage>, pattern: RegExp): void {
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.error, pattern);
}

void describe('layout messages', () => {
  const job: LayoutJob = { items: [{ id: 'n:A', width: 150, height: 52 }, { id: 'n:B', width: 150, height: 52, parent: 'g:G' }], containers: [{ id: 'g:G', minWidth: 120 }], edges: [{ id: 'e0', from: 'n:A', to: 'g:G' }], direction: 'RIGHT' };

  void test('a well-formed request and result pass; hostile values are refused by path', () => {
    assert.ok(validateDiagramUiMessage({ type: 'diagram/layout/request', requestId: 1, job }).ok);
    const bad = (change: (job: Record<string, unknown[]>) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(job)) as Record<string, unknown[]>;
      change(copy);
      return { type: 'diagram/layout/request', requestId: 1, job: copy };
    };
    rejected(validateDiagramUiMessage(bad((j) => ((j.items![0] as Record<string, unknown>).width = -1))), /job\.items\[0\]\.width: expected a non-negative number/);
    rejected(validateDiagramUiMessage(bad((j) => ((j.items![0] as Record<string, unknown>).height = 1e300))), /job\.items\[0\]\.height/);
    rejected(validateDiagramUiMessage(bad((j) => ((j.edges![0] as Record<string, unknown>).extra = 1))), /job\.edges\[0\]/);
    rejected(validateDiagramUiMessage(bad((j) => ((j.containers![0] as Record<string, unknown>).id = 'x'.repeat(5000)))), /job\.containers\[0\]\.id/);
    rejected(validateDiagramUiMessage({ type: 'diagram/layout/request', requestId: -1, job }), /requestId/);
    rejected(validateDiagramUiMessage({ type: 'diagram/layout/request', requestId: 1, job: { ...job, direction: 'UP' } }), /job\.direction/);

    const result = { type: 'diagram/layout/result', requestId: 3, boxes: [['n:A', { x: 0, y: 0, width: 10, height: 10 }]], routes: [['e0', [{ x: 0, y: 0 }, { x: 5, y: 5 }]]], width: 10, height: 10, elapsedMs: 1 };
    assert.ok(validateDiagramHostMessage(result).ok);
    rejected(validateDiagramHostMessage({ ...result, boxes: [['n:A', { x: 0, y: 0, width: 10 }]] }), /boxes\[0\]\[1\]/);
    rejected(validateDiagramHostMessage({ ...result, boxes: [['n:A']] }), /boxes\[0\]: expected a \[key, value\] pair/);
    rejected(validateDiagramHostMessage({ ...result, routes: [['e0', [{ x: 'NaN', y: 0 }]]] }), /routes\[0\]\[1\]\[0\]\.x: expected a finite number/);
    assert.ok(validateDiagramHostMessage({ type: 'diagram/layout/failed', requestId: 3, message: 'x' }).ok);
  });
});

void describe('the window\'s layout worker', { skip: existsSync(WORKER) ? false : `${WORKER} is missing: run npm run build` }, () => {
  const service = new DiagramLayoutService(WORKER);
  after(() => service.dispose());

  void test('warms up once, then lays out jobs of several pages with the same worker', async () => {
    const warmUp = await service.warm();
    assert.ok(warmUp > 0, 'the warm-up ran');
    const [a, b] = await Promise.all([service.layout('page-1', warmUpJob('RIGHT')), service.layout('page-2', warmUpJob('DOWN'))]);
    for (const result of [a, b]) {
      assert.ok(result);
      const boxes = new Map(result.boxes);
      // Every item and container placed, members inside their container.
      assert.equal(boxes.size, 24 + 2);
      const inner = boxes.get('g:inner')!;
      const member = boxes.get('n:0')!;
      assert.ok(member.x >= inner.x && member.y >= inner.y && member.x + member.width <= inner.x + inner.width && member.y + member.height <= inner.y + inner.height);
      assert.ok(result.routes.length > 0);
    }
    // The two directions really differ.
    assert.notDeepEqual(new Map(a!.boxes).get('n:1'), new Map(b!.boxes).get('n:1'));
  });

  void test('per page only the newest job matters: a job replaced while another runs resolves as superseded', async () => {
    const first = service.layout('page-3', warmUpJob('RIGHT', 60));
    const replaced = service.layout('page-3', warmUpJob('RIGHT', 10));
    const newest = service.layout('page-3', warmUpJob('DOWN', 10));
    assert.ok(await first);
    assert.equal(await replaced, undefined);
    assert.equal(new Map((await newest)!.boxes).size, 10 + 2);
  });

  void test('a job ELK refuses is answered as failed, with the reason; the worker keeps serving', async () => {
    const broken: LayoutJob = { items: [{ id: 'n:A', width: 10, height: 10 }], containers: [], edges: [{ id: 'e', from: 'n:A', to: 'n:Missing' }], direction: 'RIGHT' };
    const answer = await answerLayoutRequest(service, 'page-4', { type: 'diagram/layout/request', requestId: 7, job: broken });
    assert.equal(answer?.type, 'diagram/layout/failed');
    assert.equal(answer?.requestId, 7);
    const ok = await answerLayoutRequest(service, 'page-4', { type: 'diagram/layout/request', requestId: 8, job: warmUpJob('RIGHT', 4) });
    assert.equal(ok?.type, 'diagram/layout/result');
    assert.ok(ok && validateDiagramHostMessage(ok).ok, 'the host-side answer passes the UI validator');
  });

  void test('a worker file that does not exist fails the job with a message, not a crash', async () => {
    const missing = new DiagramLayoutService(join(__dirname, 'no-such-worker.js'));
    const answer = await answerLayoutRequest(missing, 'page-5', { type: 'diagram/layout/request', requestId: 1, job: warmUpJob('RIGHT', 2) });
    missing.dispose();
    assert.equal(answer?.type, 'diagram/layout/failed');
    assert.match(answer?.type === 'diagram/layout/failed' ? answer.message : '', /layout worker/);
  });
});
