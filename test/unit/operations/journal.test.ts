// The file journal store on real files: exclusive timestamped files (two runs never share one,
// not even in the same millisecond), torn last lines reported, hostile ids refused, unfinished
// runs found; and the plan checks (unique, collision-free keys; no credentials in the target).
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { AdaptiveLimit } from '../../../src/operations/concurrency';
import { runOperation } from '../../../src/operations/executor';
import { parseJournal } from '../../../src/operations/journal';
import { createPlan, itemKey, PlanError } from '../../../src/operations/plan';
import { remainingPlan, unfinishedJournals } from '../../../src/operations/recovery';
import { describeProgress, percentReporter } from '../../../src/operations/progress';
import { MemoryTarget, originCodec, originPlan } from './support/originTarget';

const dir = mkdtempSync(join(tmpdir(), 'archlens-journal-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const header = { operation: 'codeartifact.originControl', mode: 'apply' as const, target: { domain: 'acme' }, startedAt: '2026-12-07T10:00:00.000Z', itemCount: 0 };

describe('file journal store', () => {
  it('two runs never share a journal file, even started in the same millisecond', async () => {
    const folder = join(dir, 'same-instant');
    const frozen = new Date('2026-12-07T10:00:00.000Z');
    const store = createFileJournalStore(folder, { now: () => frozen });
    const writers = await Promise.all(Array.from({ length: 20 }, () => store.create(header)));
    await Promise.all(writers.map((writer) => writer.close()));

    assert.equal(new Set(writers.map((writer) => writer.runId)).size, 20);
    assert.equal(readdirSync(folder).length, 20);
    const first = readFileSync(join(folder, `${writers[0]!.runId}.jsonl`));
    const rerun = await runOperation({ plan: originPlan(3), target: new MemoryTarget(originPlan(3)), journal: store });
    assert.ok(!writers.some((writer) => writer.runId === rerun.runId));
    assert.deepEqual(readFileSync(join(folder, `${writers[0]!.runId}.jsonl`)), first, 'an older journal is never touched');
    assert.match(writers[0]!.runId, /^20261207T100000000Z-codeartifact\.origincontrol-[0-9a-f]{8}$/, 'named by start time');
  });

  it('reads back a journal whose last line was torn by a crash, and reports it', async () => {
    const folder = join(dir, 'torn');
    const store = createFileJournalStore(folder);
    const plan = originPlan(4);
    const report = await runOperation({ plan, target: new MemoryTarget(plan), journal: store });
    const file = join(folder, `${report.runId!}.jsonl`);
    const intact = await store.read(report.runId!);
    appendFileSync(file, '{"t":"result","key":"[\\"npm\\",\\"@te');

    const torn = await store.read(report.runId!);
    assert.equal(torn.tornLine, intact.records.length + 1);
    assert.deepEqual(torn.records, intact.records, 'everything before the torn line is kept');
    assert.deepEqual(torn.badLines, []);
    const [info] = await store.list();
    assert.equal(info!.tornLine, torn.tornLine);
  });

  it('reports a damaged line in the middle without losing the rest', () => {
    const text = '{"t":"item","key":"a","before":1,"intent":2}\nnot json\n{"t":"item","key":"b","before":1,"intent":2}\n{"t":"bogus"}\n';
    const contents = parseJournal('x', text);
    assert.deepEqual(contents.badLines, [2, 4]);
    assert.equal(contents.records.length, 2);
    assert.equal(contents.tornLine, undefined);
  });

  it('refuses journal ids that are not its own file names', async () => {
    const store = createFileJournalStore(join(dir, 'ids'));
    await assert.rejects(store.read('../../etc/passwd'), /not an operation journal id/);
    await assert.rejects(store.read('20261207T100000000Z-x-0000000g'), /not an operation journal id/);
  });

  it('finds a run that never finished, and no longer once it is resumed', async () => {
    const folder = join(dir, 'unfinished');
    const store = createFileJournalStore(folder);
    const plan = originPlan(5);
    // A run that died after journaling its plan: header and items, no results, no end.
    const writer = await store.create({ ...header, itemCount: 5, target: plan.target });
    await writer.append(plan.items.map((item) => ({ t: 'item' as const, key: item.key, before: item.before, intent: item.intent })));
    await writer.close();
    await runOperation({ plan, target: new MemoryTarget(plan), journal: store, mode: 'dry-run' });

    const [interrupted, ...others] = unfinishedJournals(await store.list());
    assert.equal(interrupted?.runId, writer.runId);
    assert.deepEqual(others, []);
    const { plan: rest } = remainingPlan(await store.read(writer.runId), originCodec);
    assert.equal(rest.items.length, 5);
    await runOperation({ plan: rest, target: new MemoryTarget(rest), journal: store, parent: { runId: writer.runId, relation: 'resume' } });
    assert.deepEqual(unfinishedJournals(await store.list()), []);
  });
});

describe('plans', () => {
  it('item keys cannot collide the way hyphen-joined keys did', () => {
    assert.notEqual(itemKey('a-b', 'c'), itemKey('a', 'b-c'));
    assert.notEqual(itemKey('npm', '', 'x'), itemKey('npm', 'x', ''));
  });

  it('refuses duplicate keys and credential-shaped target fields', () => {
    const plan = originPlan(3);
    assert.throws(() => createPlan({ ...plan, items: [...plan.items, plan.items[1]!] }), (error: unknown) => error instanceof PlanError && /more than once/.test(error.message));
    assert.throws(() => createPlan({ ...plan, target: { ...plan.target, secretAccessKey: 'x' } }), /looks like a credential/);
    assert.equal(createPlan(plan).items.length, 3);
  });
});

describe('adaptive concurrency', () => {
  it('halves once per throttling episode and adds one back per window of successes', () => {
    const limit = new AdaptiveLimit({ initial: 8 });
    const generation = limit.generation;
    limit.throttled(generation);
    limit.throttled(generation); // a second throttle from the same wave does not cut again
    assert.equal(limit.limit, 4);
    limit.throttled(limit.generation);
    assert.equal(limit.limit, 2);
    for (let index = 0; index < 2; index++) limit.succeeded();
    assert.equal(limit.limit, 3);
    for (let index = 0; index < 100; index++) limit.succeeded();
    assert.equal(limit.limit, 8, 'never above the maximum');
  });
});

describe('progress for a notification', () => {
  it('describes counts and rate, turns cumulative progress into percent increments, at a bounded rate', () => {
    const updates: { message: string; increment: number }[] = [];
    let clock = 0;
    const onProgress = percentReporter((update) => updates.push(update), { now: () => clock });
    const counts = { ok: 0, unchanged: 0, conflict: 0, failed: 0, cancelled: 0, 'would-write': 0 };
    onProgress({ total: 1000, done: 250, counts: { ...counts, ok: 240, failed: 3, unchanged: 5, conflict: 2 }, inFlight: 4, concurrency: 4, ratePerSecond: 25.4 });
    clock = 50;
    onProgress({ total: 1000, done: 260, counts: { ...counts, ok: 260 }, inFlight: 4, concurrency: 4, ratePerSecond: 25 }); // too soon: dropped
    onProgress({ total: 1000, done: 1000, counts: { ...counts, ok: 990, failed: 3, unchanged: 5, conflict: 2 }, inFlight: 0, concurrency: 4, ratePerSecond: 3.25 });
    assert.deepEqual(
      updates.map((update) => update.increment),
      [25, 75],
    );
    assert.equal(updates[0]!.message, '250 of 1,000 · 3 failed · 7 skipped · 2 changed since the plan · 25/s');
    assert.equal(describeProgress({ total: 2, done: 0, counts, inFlight: 0, concurrency: 1, ratePerSecond: 0 }), '0 of 2');
    assert.match(updates[1]!.message, /3\.3\/s$/);
  });
});
