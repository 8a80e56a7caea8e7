// Issue 18: the language server stays responsive while a slow document is being analysed. It
// lints on a worker thread (src/server/lintWorker.ts), so a hover on another document is
// answered within 50 ms while a 2 MB template (about 4,000 resources: hundreds of milliseconds
// of parse and lint) is being checked. Before, the hover waited for the whole analysis.
// Hovers are sent one after another for as long as the big document's check lasts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateTemplate } from '../../../bench/generateTemplate';
import { TestLspClient } from '../../support/lspClient';

const SMALL = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: orders\n';
const client = new TestLspClient();

before(async () => {
  client.settings = { debounceMs: 0 };
  await client.initialize();
  await client.open('file:///responsive/small.yaml', SMALL);
  await client.diagnosticsFor('file:///responsive/small.yaml', 1);
});
after(() => client.dispose());

/** One hover on the small document; resolves to its round-trip time in ms. */
async function hoverLatency(): Promise<number> {
  const started = performance.now();
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///responsive/small.yaml' }, position: { line: 2, character: 12 } });
  assert.ok(hover, 'the hover has an answer');
  return performance.now() - started;
}

void test('a hover on another document answers within 50 ms while a slow document is analysed', async (t) => {
  await hoverLatency(); // warm
  const big = generateTemplate({ services: 330 });
  const bigUri = 'file:///responsive/big.yaml';
  const openedAt = performance.now();
  await client.open(bigUri, big);
  let published = false;
  const done = client.diagnosticsFor(bigUri, 1, 120_000).then(() => {
    published = true;
  });
  const latencies: number[] = [];
  while (!published) {
    const latency = await hoverLatency();
    if (!published) latencies.push(latency);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await done;
  const analysisMs = performance.now() - openedAt;
  // The window is real: the big document took a while, and hovers were answered during it.
  assert.ok(analysisMs > 150, `the big document was checked in ${analysisMs.toFixed(0)} ms`);
  assert.ok(latencies.length >= 5, `${latencies.length} hovers during ${analysisMs.toFixed(0)} ms`);
  // The 95th percentile, not the maximum: on a machine busy with other work the operating
  // system now and then runs another process for a while, whatever this server does (on an
  // idle machine every hover is within 50 ms). Before the worker, every hover in the window
  // waited for the whole analysis.
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const shown = `${latencies.length} hovers during ${analysisMs.toFixed(0)} ms: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
  t.diagnostic(shown);
  assert.ok(p95 < 50, shown);
  assert.ok(median < 10, shown);
});
