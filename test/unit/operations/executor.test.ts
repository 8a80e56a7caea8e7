// The executor over a small in-memory target (service-agnostic layer, no AWS client involved) with
// a real file journal in a temp folder: compare-and-set, dry run, 37 failures of 1,000 and "retry
// failed only", throttling, cancel, fail fast, preflight and restore.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { OperationStop, runOperation } from '../../../src/operations/executor';
import type { JournalStore } from '../../../src/operations/journal';
import type { OperationProgress } from '../../../src/operations/progress';
import { failedItems, restorePlan, retryFailedPlan, unfinishedJournals } from '../../../src/operations/recovery';
import { MemoryTarget, awsError, originCodec, originPlan, packageKey, type OriginState } from './support/originTarget';

const dir = mkdtempSync(join(tmpdir(), 'archlens-ops-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let folders = 0;
function freshStore(): { store: JournalStore; folder: string } {
  const folder = join(dir, `journals-${folders++}`);
  return { store: createFileJournalStore(folder), folder };
}
const journalBytes = (folder: string, runId: string): Buffer => readFileSync(join(folder, `${runId}.jsonl`));
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

describe('operations executor', () => {
  it('skips and flags a package changed between plan and apply; skips no-ops', async () => {
    const plan = originPlan(10);
    const target = new MemoryTarget(plan);
    target.states.set(packageKey(3), { publish: 'BLOCK', upstream: 'ALLOW' }); // someone else's change
    target.states.set(packageKey(5), { publish: 'ALLOW', upstream: 'BLOCK' }); // already as intended
    const { store } = freshStore();

    const report = await runOperation({ plan, target, journal: store });

    assert.equal(report.outcome, 'completed');
    const byKey = new Map(report.results.map((result) => [result.key, result]));
    assert.equal(byKey.get(packageKey(3))!.status, 'conflict');
    assert.deepEqual(byKey.get(packageKey(3))!.current, { publish: 'BLOCK', upstream: 'ALLOW' });
    assert.equal(byKey.get(packageKey(5))!.status, 'unchanged');
    assert.deepEqual(target.states.get(packageKey(3)), { publish: 'BLOCK', upstream: 'ALLOW' }, 'the changed package was not overwritten');
    assert.equal(report.counts.ok, 8);
    assert.equal(target.landed.has(packageKey(3)) || target.landed.has(packageKey(5)), false);
    const journal = await store.read(report.runId!);
    const conflict = journal.records.find((record) => record.t === 'result' && record.key === packageKey(3));
    assert.ok(conflict && conflict.t === 'result' && conflict.status === 'conflict');
  });

  it('dry run: re-reads, reports exact changes, writes nothing, leaves earlier journals alone', async () => {
    const plan = originPlan(6);
    const target = new MemoryTarget(plan);
    target.states.set(packageKey(0), { publish: 'ALLOW', upstream: 'BLOCK' });
    const { store, folder } = freshStore();
    const earlier = await runOperation({ plan: originPlan(2), target: new MemoryTarget(originPlan(2)), journal: store });
    const earlierBytes = journalBytes(folder, earlier.runId!);

    const report = await runOperation({ plan, target, journal: store, mode: 'dry-run' });

    assert.equal(target.writesStarted, 0);
    assert.equal(report.counts['would-write'], 5);
    assert.equal(report.counts.unchanged, 1);
    const wouldWrite = report.results.find((result) => result.status === 'would-write')!;
    assert.deepEqual(wouldWrite.desired, { publish: 'ALLOW', upstream: 'BLOCK' });
    assert.notEqual(report.runId, earlier.runId);
    assert.deepEqual(journalBytes(folder, earlier.runId!), earlierBytes);
    assert.deepEqual(unfinishedJournals(await store.list()), []);
  });

  it('1,000 packages, 37 failing: 37 failures reported; "retry failed only" retries exactly those', async () => {
    const plan = originPlan(1000);
    // 7919 is prime to 1000, so i -> 7919 i mod 1000 is a permutation: exactly 37 indices land below 37.
    const failing = new Set(plan.items.filter((_, index) => (index * 7919) % 1000 < 37).map((item) => item.key));
    assert.equal(failing.size, 37);
    const target = new MemoryTarget(plan, {
      beforeWrite: (key) => {
        if (failing.has(key)) throw awsError('InvalidInput', 'The package name is not valid for this format.');
      },
    });
    const { store, folder } = freshStore();

    const first = await runOperation({ plan, target, journal: store, concurrency: { initial: 8 } });

    assert.equal(first.outcome, 'completed');
    assert.equal(first.counts.failed, 37);
    assert.equal(first.counts.ok, 963);
    assert.deepEqual(new Set(first.results.filter((result) => result.status === 'failed').map((result) => result.key)), failing);
    assert.deepEqual(first.results.find((result) => result.status === 'failed')!.error, { code: 'InvalidInput', message: 'The package name is not valid for this format.' });

    const journal = await store.read(first.runId!);
    const listed = failedItems(journal);
    assert.deepEqual(new Set(listed.map((entry) => entry.key)), failing, '"list failed" reads the journal');
    const firstBytes = journalBytes(folder, first.runId!);

    failing.clear(); // the cause is fixed
    const writesBefore = target.writeOrder.length;
    const { plan: retryPlan } = retryFailedPlan(journal, originCodec);
    assert.equal(retryPlan.items.length, 37);
    const retry = await runOperation({ plan: retryPlan, target, journal: store, parent: { runId: first.runId!, relation: 'retry-failed' } });

    assert.equal(retry.counts.ok, 37);
    assert.deepEqual(new Set(target.writeOrder.slice(writesBefore)), new Set(listed.map((entry) => entry.key)));
    assert.equal(target.writeOrder.length - writesBefore, 37);
    assert.deepEqual(target.writtenTwice(), []);
    assert.deepEqual(journalBytes(folder, first.runId!), firstBytes, 'the first journal is not touched by the retry');
    const infos = await store.list();
    assert.equal(infos.length, 2);
    assert.ok(infos.every((info) => info.finished && info.header?.mode === 'apply'), 'both read as finished from their last bytes');
    assert.ok(firstBytes.length > 128 * 1024, 'a journal larger than the bytes list() reads at each end');
  });

  it('throttling: concurrency drops, then recovers; every package written exactly once', async () => {
    const plan = originPlan(400);
    let throttled = 0;
    const target = new MemoryTarget(plan, {
      writeDelayMs: 1,
      // The account allows 2 writes at once while writes 40-159 are under way, then any number.
      beforeWrite: (_key, inFlight) => {
        if (target.writesStarted > 40 && target.writesStarted < 160 && inFlight > 2) {
          throttled += 1;
          throw awsError('Throttling', 'Rate exceeded');
        }
      },
    });
    const seen: OperationProgress[] = [];

    const report = await runOperation({ plan, target, concurrency: { initial: 8 }, retry: { ...fast, maxAttempts: 50 }, onProgress: (progress) => seen.push(progress) });

    assert.equal(report.outcome, 'completed');
    assert.equal(report.counts.ok, 400);
    assert.ok(throttled > 0, 'the target did throttle');
    assert.deepEqual(target.writtenTwice(), []);
    assert.equal(target.landed.size, 400);
    const lowest = Math.min(...seen.map((progress) => progress.concurrency));
    const lowestAt = seen.findIndex((progress) => progress.concurrency === lowest);
    assert.ok(lowest <= 2, `concurrency dropped to ${lowest}`);
    assert.equal(Math.max(...seen.slice(lowestAt).map((progress) => progress.concurrency)), 8, 'and recovered to 8');
    assert.ok(report.results.some((result) => result.attempts > 1), 'throttled items were retried');
    assert.ok(seen.at(-1)!.ratePerSecond > 0);
  });

  it('throttling that never ends fails the item after bounded attempts', async () => {
    const plan = originPlan(3);
    const target = new MemoryTarget(plan, {
      beforeWrite: () => {
        throw awsError('Throttling', 'Rate exceeded');
      },
    });
    const report = await runOperation({ plan, target, retry: { ...fast, maxAttempts: 4 } });
    assert.equal(report.counts.failed, 3);
    assert.ok(report.results.every((result) => result.attempts === 4 && result.error?.code === 'Throttling'));
    assert.equal(target.landed.size, 0);
  });

  it('cancel: no write starts after it; writes in flight finish and are journaled', async () => {
    const plan = originPlan(200);
    const controller = new AbortController();
    let startedAfterCancel = 0;
    const target = new MemoryTarget(plan, {
      writeDelayMs: 5,
      beforeWrite: () => {
        if (controller.signal.aborted) startedAfterCancel += 1;
        if (target.writesStarted === 20) controller.abort();
      },
    });
    const { store } = freshStore();

    const report = await runOperation({ plan, target, journal: store, signal: controller.signal, concurrency: { initial: 4 } });

    assert.equal(report.outcome, 'cancelled');
    assert.equal(startedAfterCancel, 0);
    assert.equal(target.writesStarted, 20);
    assert.equal(target.landed.size, 20, 'the writes in flight finished');
    assert.equal(report.counts.ok, 20);
    assert.equal(report.counts.cancelled, 180);
    const journal = await store.read(report.runId!);
    const okResults = journal.records.filter((record) => record.t === 'result' && record.status === 'ok');
    assert.equal(okResults.length, 20, 'each finished write has its result in the journal');
    const end = journal.records.at(-1)!;
    assert.ok(end.t === 'end' && end.outcome === 'cancelled');
  });

  it('fails fast: a read-only role costs one write, not one per package', async () => {
    const plan = originPlan(1000);
    const target = new MemoryTarget(plan, {
      beforeWrite: () => {
        throw awsError('AccessDenied', 'You are not allowed to change origin controls in repository internal.');
      },
    });

    const report = await runOperation({ plan, target, concurrency: { initial: 8 } });

    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopReason?.code, 'AccessDenied');
    assert.equal(target.writesStarted, 1);
    assert.equal(report.counts.failed, 1);
    assert.equal(report.counts.cancelled, 999);
  });

  it('a failing preflight stops the run before any read or write', async () => {
    const plan = originPlan(5);
    const target = new MemoryTarget(plan);
    const report = await runOperation({
      plan,
      target,
      preflight: () => Promise.reject(new OperationStop('PackageMissing', '2 packages do not exist; refusing to create them.')),
    });
    assert.equal(report.outcome, 'stopped');
    assert.deepEqual(report.stopReason, { code: 'PackageMissing', message: '2 packages do not exist; refusing to create them.' });
    assert.equal(target.reads + target.writesStarted, 0);
  });

  it('a journal that cannot be written stops the run: no write without its begin record on disk', async () => {
    const plan = originPlan(50);
    const target = new MemoryTarget(plan);
    const { store: files } = freshStore();
    // The real file store, with the disk "filling up" after 12 appends (header, plan, 10 more).
    let appends = 0;
    const fillingStore: JournalStore = {
      ...files,
      async create(fields) {
        const writer = await files.create(fields);
        return {
          runId: writer.runId,
          close: () => writer.close(),
          append: (records) => (++appends > 12 ? Promise.reject(new Error('ENOSPC: no space left on device')) : writer.append(records)),
        };
      },
    };

    const report = await runOperation({ plan, target, journal: fillingStore, concurrency: { initial: 4 } });

    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopReason?.code, 'JournalUnavailable');
    assert.equal(report.journalIncomplete, true);
    const journal = await files.read(report.runId!);
    const begun = new Set(journal.records.filter((record) => record.t === 'begin').map((record) => record.key));
    assert.ok(target.writeOrder.length > 0 && target.writeOrder.length < 50);
    assert.ok(target.writeOrder.every((key) => begun.has(key)), 'every write had its begin record fsynced first');
    assert.equal(report.counts.ok + report.counts.failed + report.counts.cancelled, 50);
  });

  it('restore: a plan from the journal puts back the before-states, skipping packages changed since', async () => {
    const plan = originPlan(12);
    const target = new MemoryTarget(plan);
    const { store } = freshStore();
    const applied = await runOperation({ plan, target, journal: store });
    assert.equal(applied.counts.ok, 12);
    target.states.set(packageKey(7), { publish: 'BLOCK', upstream: 'BLOCK' }); // changed after our run

    const { plan: restore, skipped } = restorePlan([await store.read(applied.runId!)], originCodec, (original: OriginState) => original);
    assert.deepEqual(skipped, []);
    const restored = await runOperation({ plan: restore, target, journal: store, parent: { runId: applied.runId!, relation: 'restore' } });

    assert.equal(restored.counts.ok, 11);
    assert.equal(restored.counts.conflict, 1);
    for (let index = 0; index < 12; index++) {
      const expected = index === 7 ? { publish: 'BLOCK', upstream: 'BLOCK' } : { publish: 'ALLOW', upstream: 'ALLOW' };
      assert.deepEqual(target.states.get(packageKey(index)), expected);
    }
  });
});
