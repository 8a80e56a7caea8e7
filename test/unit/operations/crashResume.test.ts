// Crash mid-apply, then resume: a child process applies a plan with a file journal and is killed
// (SIGKILL) while four writes are in flight (two landed but unjournaled, two begun but not landed).
// The interrupted journal is found, left untouched, and a resume completes exactly the remaining
// items with no package written twice; a restore over both journals then puts every package back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { runOperation } from '../../../src/operations/executor';
import { remainingPlan, restorePlan, unfinishedJournals } from '../../../src/operations/recovery';
import { FileTarget, MIXED, originCodec, packageKey } from './support/originTarget';

const root = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'archlens-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const lineCount = (file: string): number => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;

async function applyUntilKilled(journalDir: string, writesFile: string, startedFile: string, landFirst: number): Promise<string | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'crashingApply.ts'), journalDir, writesFile, startedFile, String(landFirst)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 60_000;
  // Four workers: once landFirst + 4 writes have started, all four are hanging mid-write.
  while (lineCount(startedFile) < landFirst + 4) {
    if (child.exitCode !== null) throw new Error(`the apply process ended early: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the apply process never reached its hanging writes: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  return exited;
}

describe('operations: crash mid-apply and resume', () => {
  it('resumes exactly the remaining items, writing none twice', async () => {
    const journalDir = join(dir, 'journals');
    const writesFile = join(dir, 'writes.jsonl');
    const startedFile = join(dir, 'started.txt');
    writeFileSync(writesFile, '');
    writeFileSync(startedFile, '');
    const landFirst = 50;

    assert.equal(await applyUntilKilled(journalDir, writesFile, startedFile, landFirst), 'SIGKILL');
    const target = new FileTarget(writesFile);
    assert.equal(target.landedWrites().length, landFirst + 2, '50 normal writes and 2 that landed without returning');

    const store = createFileJournalStore(journalDir);
    const unfinished = unfinishedJournals(await store.list());
    assert.equal(unfinished.length, 1, 'the interrupted run is found');
    const crashedId = unfinished[0]!.runId;
    const crashedBytes = readFileSync(join(journalDir, `${crashedId}.jsonl`));
    const crashed = await store.read(crashedId);
    assert.equal(crashed.records.filter((record) => record.t === 'begin').length, landFirst + 4, 'every write was journaled before it started');
    assert.equal(crashed.records.filter((record) => record.t === 'result').length, landFirst);

    const { plan, skipped } = remainingPlan(crashed, originCodec);
    assert.deepEqual(skipped, []);
    assert.equal(plan.items.length, 200 - landFirst);

    const report = await runOperation({ plan, target, journal: store, parent: { runId: crashedId, relation: 'resume' }, concurrency: { initial: 4 } });
    assert.equal(report.outcome, 'completed');
    assert.equal(report.counts.unchanged, 2, 'the two writes that landed before the crash are not repeated');
    assert.equal(report.counts.ok, 200 - landFirst - 2);
    assert.equal(report.counts.failed + report.counts.conflict + report.counts.cancelled, 0);

    const writes = target.landedWrites();
    const perKey = new Map<string, number>();
    for (const write of writes) perKey.set(write.key, (perKey.get(write.key) ?? 0) + 1);
    assert.equal(writes.length, 200, 'one write per package in total');
    assert.equal(perKey.size, 200);
    for (let index = 0; index < 200; index++) assert.equal(perKey.get(packageKey(index)), 1, packageKey(index));
    assert.ok(writes.every((write) => write.state.upstream === 'BLOCK' && write.state.publish === 'ALLOW'));

    assert.deepEqual(readFileSync(join(journalDir, `${crashedId}.jsonl`)), crashedBytes, 'the crashed journal is never rewritten');
    assert.deepEqual(unfinishedJournals(await store.list()), [], 'nothing left to resume');

    // Restore across the chain (crashed run, then its resume): every package back to ALLOW/ALLOW,
    // including those begun in the crashed run and finished (or found done) by the resume.
    const chain = [crashed, await store.read(report.runId!)];
    const { plan: restore, skipped: notRestorable } = restorePlan(chain, originCodec, (original) => original);
    assert.deepEqual(notRestorable, []);
    assert.equal(restore.items.length, 200);
    const restored = await runOperation({ plan: restore, target, journal: store, parent: { runId: report.runId!, relation: 'restore' } });
    assert.equal(restored.counts.ok, 200);
    for (let index = 0; index < 200; index++) assert.deepEqual(await target.read({ key: packageKey(index), before: MIXED, intent: {} }), MIXED);
  });
});
