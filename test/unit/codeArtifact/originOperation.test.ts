// CodeArtifact origin controls through runOperation, the real SDK client and the local server, with
// a real file journal: the bad-inputs rows of "Bulk origin-control changes" this slice covers
// (37 of 1,000 writes failing, throttling, a package changed or deleted between plan and apply,
// read-only credentials, no phantom packages, a retry of the failed ones, a restore).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { codeArtifactService } from '../../../src/aws/services/codeArtifact';
import type { AwsSession } from '../../../src/aws/session';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { runOperation } from '../../../src/operations/executor';
import { restorePlan, retryFailedPlan } from '../../../src/operations/recovery';
import { originCodec, originPlan, originPlanFromFilter, originTarget, packageFromKey, packageKey, restoreIntent, type OriginPlanTarget } from '../../../src/operations/codeArtifact/originOperation';
import { spreadCalls } from '../../support/aws/core/faults';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import type { CodeArtifactDomain, CodeArtifactPackage } from '../../support/aws/services/codeArtifact';
import { awsServicesFor } from '../../support/awsServicesFor';

const TARGET: OriginPlanTarget = { account: '123456789012', region: 'us-east-1', domain: 'bulk', repository: 'big' };
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

function bigDomain(count: number): CodeArtifactDomain[] {
  const packages: CodeArtifactPackage[] = Array.from({ length: count }, (_, i) => ({
    format: 'npm',
    namespace: 'team',
    name: `pkg-${String(i).padStart(4, '0')}`,
    origin: { publish: 'ALLOW', upstream: 'ALLOW' },
  }));
  return [{ name: 'bulk', owner: '123456789012', createdTime: Date.UTC(2025, 0, 1), repositories: [{ name: 'big', packages }] }];
}

void describe('CodeArtifact origin-control operation through the real SDK', () => {
  let account: LocalAccount;
  let session: AwsSession;
  const dir = mkdtempSync(join(tmpdir(), 'archlens-ca-ops-'));
  const journal = createFileJournalStore(dir);
  const gateway = () => session.gateway(codeArtifactService);
  const repository = () => account.codeArtifact.domains[0]!.repositories[0]!;
  const puts = () => account.server.log.of('PutPackageOriginConfiguration').length;

  before(async () => {
    account = await startLocalAccount({ domains: bigDomain(1000) });
    // One attempt per request: throttling is the executor's to handle, not the SDK's.
    session = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
  });
  after(async () => {
    session.dispose();
    await account.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    account.server.faults.clear();
    account.server.log.clear();
    for (const p of repository().packages) p.origin = { publish: 'ALLOW', upstream: 'ALLOW' };
  });

  void test('keys are collision-free and round-trip; hostile keys are refused', () => {
    assert.notEqual(packageKey({ format: 'npm', namespace: 'a-b', name: 'c' }), packageKey({ format: 'npm', namespace: 'a', name: 'b-c' }));
    assert.deepEqual(packageFromKey(packageKey({ format: 'pypi', name: 'x' })), { format: 'pypi', name: 'x' });
    for (const bad of ['', 'nope', '["npm"]', '["__proto__","",""]', '{"a":1}']) assert.equal(packageFromKey(bad), undefined, bad);
  });

  void test('1,000 packages, 37 writes fail: 963 written, 37 failed with a reason, every write journaled first; retry-failed fixes them', async () => {
    const plan = await originPlanFromFilter(gateway(), TARGET, { upstream: 'ALLOW' }, { upstream: 'BLOCK' });
    assert.equal(plan.items.length, 1000);
    account.server.faults.inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'error', error: { code: 'ConflictException', message: 'busy', status: 409 }, calls: spreadCalls(37, 1000) });
    const report = await runOperation({ plan, target: originTarget(gateway(), TARGET), journal, concurrency: { initial: 8 }, retry: FAST_RETRY });
    assert.equal(report.counts.ok, 963);
    assert.equal(report.counts.failed, 37);
    assert.equal(puts(), 1000);
    assert.ok(report.results.filter((r) => r.status === 'failed').every((r) => r.error?.code === 'Conflict' && !r.error.message.includes('<')));
    assert.equal(repository().packages.filter((p) => p.origin.upstream === 'BLOCK').length, 963);
    const contents = await journal.read(report.runId!);
    assert.equal(contents.records.filter((r) => r.t === 'begin').length, 1000, 'a begin record per write');
    account.server.log.clear();
    const retry = retryFailedPlan(contents, originCodec);
    assert.equal(retry.plan.items.length, 37);
    const second = await runOperation({ plan: retry.plan, target: originTarget(gateway(), TARGET), journal, parent: { runId: report.runId!, relation: 'retry-failed' }, retry: FAST_RETRY });
    assert.equal(second.counts.ok, 37);
    assert.equal(puts(), 37, 'only the failed ones were written again');
    assert.ok(repository().packages.every((p) => p.origin.upstream === 'BLOCK'));
  });

  void test('throttled writes are retried with backoff and all land once', async () => {
    const plan = await originPlanFromFilter(gateway(), TARGET, { prefix: 'pkg-00' }, { publish: 'BLOCK' });
    assert.equal(plan.items.length, 100);
    account.server.faults.inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'throttle', calls: spreadCalls(30, 100) });
    const report = await runOperation({ plan, target: originTarget(gateway(), TARGET), concurrency: { initial: 8 }, retry: FAST_RETRY });
    assert.equal(report.counts.ok, 100);
    assert.equal(report.counts.failed, 0);
    assert.equal(puts(), 130, '100 writes plus 30 throttled attempts');
    assert.equal(repository().packages.filter((p) => p.origin.publish === 'BLOCK').length, 100);
  });

  void test('a package changed or deleted between plan and apply is skipped and flagged; no phantom package is created', async () => {
    const listed = [];
    for await (const page of gateway().packagePages(TARGET, { prefix: 'pkg-000' })) listed.push(...page.items);
    const plan = originPlan(TARGET, listed, { upstream: 'BLOCK' });
    assert.equal(plan.items.length, 10);
    const pkgs = repository().packages;
    pkgs.find((p) => p.name === 'pkg-0003')!.origin = { publish: 'BLOCK', upstream: 'ALLOW' };
    const deleted = pkgs.findIndex((p) => p.name === 'pkg-0007');
    const [removed] = pkgs.splice(deleted, 1);
    const sizeBefore = pkgs.length;
    try {
      const report = await runOperation({ plan, target: originTarget(gateway(), TARGET), journal, retry: FAST_RETRY });
      const byName = new Map(report.results.map((r) => [packageFromKey(r.key)?.name, r]));
      assert.equal(byName.get('pkg-0003')?.status, 'conflict');
      assert.deepEqual(byName.get('pkg-0003')?.current, { publish: 'BLOCK', upstream: 'ALLOW' });
      assert.equal(byName.get('pkg-0007')?.status, 'conflict');
      assert.deepEqual(byName.get('pkg-0007')?.current, { missing: true });
      assert.equal(report.counts.ok, 8);
      assert.equal(pkgs.length, sizeBefore, 'no package was created');
      assert.equal(pkgs.find((p) => p.name === 'pkg-0003')?.origin.upstream, 'ALLOW', 'the changed package was not overwritten');
      // Restore from the journal puts the eight back, through compare-and-set.
      const restore = restorePlan([await journal.read(report.runId!)], originCodec, restoreIntent);
      assert.equal(restore.plan.items.length, 8);
      const restored = await runOperation({ plan: restore.plan, target: originTarget(gateway(), TARGET), journal, parent: { runId: report.runId!, relation: 'restore' }, retry: FAST_RETRY });
      assert.equal(restored.counts.ok, 8);
      assert.ok(pkgs.filter((p) => p.name.startsWith('pkg-000')).every((p) => p.origin.upstream === 'ALLOW'));
    } finally {
      pkgs.splice(deleted, 0, removed!);
    }
  });

  void test('a plan only holds packages read from the repository: a typo in a filter plans nothing', async () => {
    const plan = await originPlanFromFilter(gateway(), TARGET, { prefix: 'pgk-' }, { upstream: 'BLOCK' });
    assert.equal(plan.items.length, 0);
  });

  void test('read-only credentials: AccessDenied on the first write stops the run after one write', async () => {
    const plan = await originPlanFromFilter(gateway(), TARGET, { prefix: 'pkg-01' }, { upstream: 'BLOCK' });
    assert.equal(plan.items.length, 100);
    account.server.faults.inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'accessDenied' });
    const report = await runOperation({ plan, target: originTarget(gateway(), TARGET), journal, concurrency: { initial: 8 }, retry: FAST_RETRY });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopReason?.code, 'AccessDenied');
    assert.equal(puts(), 1);
    assert.equal(report.counts.failed, 1);
    assert.equal(report.counts.cancelled, 99);
  });

  void test('a dry run reads every package and writes nothing', async () => {
    const plan = await originPlanFromFilter(gateway(), TARGET, { prefix: 'pkg-002' }, { publish: 'BLOCK', upstream: 'BLOCK' });
    const report = await runOperation({ plan, target: originTarget(gateway(), TARGET), mode: 'dry-run' });
    assert.equal(report.counts['would-write'], 10);
    assert.deepEqual(report.results[0]?.desired, { publish: 'BLOCK', upstream: 'BLOCK' });
    assert.equal(puts(), 0);
  });
});

void describe('CodeArtifact origin controls: an interrupted run is found and resumed without writing twice', () => {
  void test('unfinished run -> offered once, connection checked, remaining items resumed through the real SDK', async () => {
    const { connectionMismatch, originTargetOf, unfinishedOriginRuns } = await import('../../../src/operations/codeArtifact/originRecovery');
    const { remainingPlan } = await import('../../../src/operations/recovery');
    const account = await startLocalAccount({ domains: bigDomain(20) });
    const session = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'archlens-ca-resume-'));
    try {
      const store = createFileJournalStore(dir);
      const gateway = session.gateway(codeArtifactService);
      const plan = await originPlanFromFilter(gateway, TARGET, {}, { upstream: 'BLOCK' });
      // A run that died after writing 5 packages (the process was killed: no result, no end record for the rest).
      const writer = await store.create({ operation: plan.operation, mode: 'apply', target: plan.target, startedAt: new Date().toISOString(), itemCount: plan.items.length });
      await writer.append(plan.items.map((item) => ({ t: 'item' as const, key: item.key, before: item.before, intent: item.intent })));
      for (const item of plan.items.slice(0, 5)) {
        await writer.append([{ t: 'begin', key: item.key, current: item.before, desired: { publish: 'ALLOW', upstream: 'BLOCK' }, at: new Date().toISOString() }]);
        await gateway.putPackageOrigin(TARGET, packageFromKey(item.key)!, { publish: 'ALLOW', upstream: 'BLOCK' });
      }
      // The sixth began and landed, but its result was never journaled.
      const sixth = plan.items[5]!;
      await writer.append([{ t: 'begin', key: sixth.key, current: sixth.before, desired: { publish: 'ALLOW', upstream: 'BLOCK' }, at: new Date().toISOString() }]);
      await gateway.putPackageOrigin(TARGET, packageFromKey(sixth.key)!, { publish: 'ALLOW', upstream: 'BLOCK' });

      const offers = unfinishedOriginRuns(await store.list());
      assert.equal(offers.length, 1);
      const target = originTargetOf(offers[0]!.header)!;
      assert.deepEqual(target, TARGET);
      assert.match(connectionMismatch(target, { account: '999999999999', region: 'us-east-1' }) ?? '', /account 123456789012/);
      assert.match(connectionMismatch(target, { account: '123456789012', region: 'eu-west-1' }) ?? '', /Select region us-east-1/);
      assert.equal(connectionMismatch(target, { account: '123456789012', region: 'us-east-1' }), undefined);

      account.server.log.clear();
      const { plan: rest } = remainingPlan(await store.read(offers[0]!.runId), originCodec);
      assert.equal(rest.items.length, 20, 'no result was journaled for any item');
      const report = await runOperation({ plan: rest, target: originTarget(gateway, TARGET), journal: store, parent: { runId: offers[0]!.runId, relation: 'resume' }, retry: FAST_RETRY });
      assert.equal(report.counts.unchanged, 6, 'the six that landed are re-read as done, not written again');
      assert.equal(report.counts.ok, 14);
      assert.equal(account.server.log.of('PutPackageOriginConfiguration').length, 14);
      assert.deepEqual(unfinishedOriginRuns(await store.list()), [], 'a resumed run is not offered again');
    } finally {
      session.dispose();
      await account.server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
