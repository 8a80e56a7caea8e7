// Package groups through runOperation, the real SDK client and the local server, with a real file
// journal: plan -> dry run (and which packages the group would cover, before/after) -> apply ->
// restore, for a group that did not exist (restore deletes it) and one that did (restore sets its
// modes back); compare-and-set on a group changed since the plan; read-only credentials.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { PackageGroupSummary, PackageSummary } from '../../../src/aws/codeArtifactGateway';
import { codeArtifactService } from '../../../src/aws/services/codeArtifact';
import type { AwsSession } from '../../../src/aws/session';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { runOperation } from '../../../src/operations/executor';
import { restorePlan } from '../../../src/operations/recovery';
import { groupCodec, groupCoverage, groupKey, groupPlan, groupRestoreIntent, groupState, groupTarget, patternFromKey, type GroupPlanTarget } from '../../../src/operations/codeArtifact/groupOperation';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { codeArtifactFixture } from '../../support/aws/services/codeArtifact';
import { awsServicesFor } from '../../support/awsServicesFor';

const TARGET: GroupPlanTarget = { account: '123456789012', region: 'us-east-1', domain: 'acme' };
const DOMAIN = { domain: 'acme' };

void describe('CodeArtifact package-group operation through the real SDK', () => {
  let account: LocalAccount;
  let session: AwsSession;
  const dir = mkdtempSync(join(tmpdir(), 'archlens-ca-groups-'));
  const journal = createFileJournalStore(dir);
  const calls = () => session.gateway(codeArtifactService).packageGroups();
  const groups = () => account.codeArtifact.domains[0]!.packageGroups ?? [];
  const writes = () => ['CreatePackageGroup', 'UpdatePackageGroupOriginConfiguration', 'DeletePackageGroup'].map((op) => account.server.log.of(op).length);

  before(async () => {
    account = await startLocalAccount({ domains: codeArtifactFixture() });
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
    account.codeArtifact.domains[0]!.packageGroups = codeArtifactFixture()[0]!.packageGroups;
  });

  void test('keys round-trip; keys that are not a valid pattern are refused', () => {
    assert.equal(patternFromKey(groupKey('/npm/acme/*')), '/npm/acme/*');
    for (const bad of ['["package-group","npm/acme"]', '["package-group"]', '["npm","","x"]', 'not json', groupKey('/npm/acme/x')]) assert.equal(patternFromKey(bad), undefined, bad);
  });

  void test('describe: an existing group gives its own modes (absent types INHERIT); a missing one reads as missing', async () => {
    assert.deepEqual(groupState(await calls().describe(DOMAIN, '/npm/acme/*')), { modes: { PUBLISH: 'ALLOW', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'INHERIT' } });
    assert.deepEqual(groupState(await calls().describe(DOMAIN, '/pypi//acme-~')), { missing: true });
    assert.deepEqual(account.server.log.of('DescribePackageGroup').map((r) => r.input.packageGroup), ['/npm/acme/*', '/pypi//acme-~']);
  });

  void test('a new group: dry run writes nothing, apply creates it and sets the modes, restore deletes it', async () => {
    const pattern = '/npm//pkg-~';
    const plan = groupPlan(TARGET, pattern, groupState(await calls().describe(DOMAIN, pattern)), { EXTERNAL_UPSTREAM: 'BLOCK' });
    const dry = await runOperation({ plan, target: groupTarget(calls(), DOMAIN), mode: 'dry-run' });
    assert.equal(dry.counts['would-write'], 1);
    assert.deepEqual(dry.results[0]!.desired, { modes: { PUBLISH: 'INHERIT', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'INHERIT' } });
    assert.deepEqual(writes(), [0, 0, 0]);

    const applied = await runOperation({ plan, target: groupTarget(calls(), DOMAIN), journal });
    assert.equal(applied.counts.ok, 1);
    assert.deepEqual(writes(), [1, 1, 0]);
    assert.deepEqual(groups().find((g) => g.pattern === pattern)?.modes, { EXTERNAL_UPSTREAM: 'BLOCK', PUBLISH: 'INHERIT', INTERNAL_UPSTREAM: 'INHERIT' });

    const restore = restorePlan([await journal.read(applied.runId!)], groupCodec, groupRestoreIntent);
    assert.deepEqual(restore.skipped, []);
    assert.deepEqual(restore.plan.items.map((i) => i.intent), [{ remove: true }]);
    const restored = await runOperation({ plan: restore.plan, target: groupTarget(calls(), DOMAIN), journal, parent: { runId: applied.runId!, relation: 'restore' } });
    assert.equal(restored.counts.ok, 1);
    assert.deepEqual(writes(), [1, 1, 1]);
    assert.equal(groups().some((g) => g.pattern === pattern), false);
    // Restoring again finds nothing to do: the group is already gone.
    const again = await runOperation({ plan: restore.plan, target: groupTarget(calls(), DOMAIN), mode: 'dry-run' });
    assert.equal(again.counts.unchanged, 1);
  });

  void test('an existing group: apply updates only, restore sets the journaled modes back', async () => {
    const pattern = '/npm/acme/*';
    const plan = groupPlan(TARGET, pattern, groupState(await calls().describe(DOMAIN, pattern)), { PUBLISH: 'BLOCK', INTERNAL_UPSTREAM: 'ALLOW_SPECIFIC_REPOSITORIES' });
    const applied = await runOperation({ plan, target: groupTarget(calls(), DOMAIN), journal });
    assert.equal(applied.counts.ok, 1);
    assert.deepEqual(writes(), [0, 1, 0]);
    assert.deepEqual(groupState(await calls().describe(DOMAIN, pattern)), { modes: { PUBLISH: 'BLOCK', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'ALLOW_SPECIFIC_REPOSITORIES' } });
    const restore = restorePlan([await journal.read(applied.runId!)], groupCodec, groupRestoreIntent);
    const restored = await runOperation({ plan: restore.plan, target: groupTarget(calls(), DOMAIN), journal, parent: { runId: applied.runId!, relation: 'restore' } });
    assert.equal(restored.counts.ok, 1);
    assert.deepEqual(groupState(await calls().describe(DOMAIN, pattern)), { modes: { PUBLISH: 'ALLOW', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'INHERIT' } });
  });

  void test('compare-and-set: a group created by someone else after the plan is left alone', async () => {
    const pattern = '/pypi//acme-~';
    const plan = groupPlan(TARGET, pattern, { missing: true }, { EXTERNAL_UPSTREAM: 'BLOCK' });
    account.codeArtifact.domains[0]!.packageGroups = [...groups(), { pattern, modes: { PUBLISH: 'BLOCK' } }];
    const report = await runOperation({ plan, target: groupTarget(calls(), DOMAIN), journal });
    assert.equal(report.counts.conflict, 1);
    assert.deepEqual(writes(), [0, 0, 0]);
    assert.deepEqual(groups().find((g) => g.pattern === pattern)?.modes, { PUBLISH: 'BLOCK' });
  });

  void test('read-only credentials: the run stops with AccessDenied and no group is created', async () => {
    account.server.faults.inject({ service: 'codeartifact', operation: 'CreatePackageGroup', kind: 'accessDenied' });
    const plan = groupPlan(TARGET, '/npm//pkg-~', { missing: true }, { EXTERNAL_UPSTREAM: 'BLOCK' });
    const report = await runOperation({ plan, target: groupTarget(calls(), DOMAIN), journal });
    assert.equal(report.outcome, 'stopped');
    assert.equal(report.stopReason?.code, 'AccessDenied');
    assert.equal(groups().some((g) => g.pattern === '/npm//pkg-~'), false);
  });

  void test('an invalid pattern is refused before anything is read', () => {
    assert.throws(() => groupPlan(TARGET, '/npm/acme', { missing: true }, { EXTERNAL_UPSTREAM: 'BLOCK' }), /not a package group pattern/);
  });
});

void describe('groupCoverage: which packages a group would cover, and their effective origin before/after', () => {
  const root: PackageGroupSummary = { pattern: '/*', publish: { mode: 'ALLOW', effectiveMode: 'ALLOW' }, externalUpstream: { mode: 'ALLOW', effectiveMode: 'ALLOW' }, internalUpstream: { mode: 'ALLOW', effectiveMode: 'ALLOW' } };
  const acme: PackageGroupSummary = { pattern: '/npm/acme/*', publish: { mode: 'ALLOW', effectiveMode: 'ALLOW' }, externalUpstream: { mode: 'BLOCK', effectiveMode: 'BLOCK' } };
  const packages: PackageSummary[] = [
    { format: 'npm', name: 'pkg-01', origin: { publish: 'ALLOW', upstream: 'ALLOW' } },
    { format: 'npm', name: 'pkg-02', origin: { publish: 'BLOCK', upstream: 'ALLOW' } },
    { format: 'npm', name: 'other', origin: { publish: 'ALLOW', upstream: 'ALLOW' } },
    { format: 'npm', namespace: 'acme', name: 'pkg-03', origin: { publish: 'ALLOW', upstream: 'ALLOW' } },
    { format: 'npm', name: 'pkg-04' },
  ];

  void test('a name-prefix group covers the matching packages without a more specific group', () => {
    const covered = groupCoverage([root, acme], packages, '/npm//pkg-~', { PUBLISH: 'INHERIT', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'INHERIT' });
    assert.deepEqual(covered.map((c) => c.coordinates.name), ['pkg-01', 'pkg-02']);
    assert.equal(covered[0]!.before.upstream.value, 'ALLOW');
    assert.equal(covered[0]!.after.upstream.value, 'BLOCK');
    assert.equal(covered[0]!.after.upstream.decidedBy, 'group');
    // INHERIT takes the parent's (the root's) ALLOW.
    assert.equal(covered[0]!.after.publish.value, 'ALLOW');
  });

  void test('changing an existing group recomputes its own packages only', () => {
    const covered = groupCoverage([root, acme], packages, '/npm/acme/*', { PUBLISH: 'BLOCK', EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'INHERIT' });
    assert.deepEqual(covered.map((c) => c.coordinates.name), ['pkg-03']);
    assert.equal(covered[0]!.before.publish.value, 'ALLOW');
    assert.equal(covered[0]!.after.publish.value, 'BLOCK');
  });
});
