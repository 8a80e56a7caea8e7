// `archlens origin plan|apply|restore|check` in process, on environment credentials and
// AWS_ENDPOINT_URL pointed at the local AWS-protocol server (real SDK clients, real files):
// a plan with a dry run and exports, apply with a journal, list failed, restore, read-only
// credentials, another account refused, and the check in lint's JSON contract.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runOriginCli } from '../../../src/cli/originCommand';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { codeArtifactFixture } from '../../support/aws/services/codeArtifact';
import { TEST_KEYS } from '../../support/awsServicesFor';

interface Ran {
  code: number;
  out: string;
  err: string;
}

void describe('archlens origin (real SDK, local server)', () => {
  let account: LocalAccount;
  const dir = mkdtempSync(join(tmpdir(), 'archlens-origin-cli-'));
  const journals = join(dir, 'journals');
  const store = () => account.codeArtifact.domains[0]!.repositories[0]!;
  const puts = () => account.server.log.of('PutPackageOriginConfiguration').length;

  async function cli(...args: string[]): Promise<Ran> {
    let out = '';
    let err = '';
    const env = {
      HOME: dir,
      AWS_ACCESS_KEY_ID: TEST_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_KEYS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: account.server.endpoint,
      AWS_MAX_ATTEMPTS: '1',
    };
    const code = await runOriginCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: dir });
    return { code, out, err };
  }

  before(async () => {
    account = await startLocalAccount();
    // The SDK's environment provider reads process.env itself (the CLI's io.env is process.env).
    process.env.AWS_ACCESS_KEY_ID = TEST_KEYS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = TEST_KEYS.secretAccessKey;
  });
  after(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await account.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    account.codeArtifact.domains.splice(0, Infinity, ...codeArtifactFixture());
    account.server.faults.clear();
    account.server.log.clear();
  });

  void test('plan by filter: a dry run, exit 1 while changes are pending, plan files written, nothing written to AWS', async () => {
    const ran = await cli('plan', '--domain', 'acme', '--repository', 'npm-store', '--publish-is', 'ALLOW', '--upstream-is', 'ALLOW', '--set-upstream', 'BLOCK', '--out', 'plan.json', '--table', 'plan.md', '--export-csv', 'plan.csv');
    assert.equal(ran.code, 1, ran.err);
    const printed = JSON.parse(ran.out) as { target: Record<string, string>; counts: Record<string, number>; items: { name: string; status: string }[] };
    // Every third of 25 npm packages is ALLOW/ALLOW: 9.
    assert.deepEqual([printed.target.account, printed.target.repository, printed.counts['would-write'], printed.items.length], ['123456789012', 'npm-store', 9, 9]);
    assert.match(readFileSync(join(dir, 'plan.md'), 'utf8'), /9 would-write/);
    assert.equal(readFileSync(join(dir, 'plan.csv'), 'utf8').split('\n')[0], 'format,namespace,package,publish,upstream,before_publish,before_upstream,status,reason');
    assert.equal(puts(), 0);
    // Plans are never overwritten.
    const again = await cli('plan', '--domain', 'acme', '--repository', 'npm-store', '--set-upstream', 'BLOCK', '--out', 'plan.json');
    assert.equal(again.code, 2);
    assert.match(again.err, /exists; ArchLens does not overwrite plans/);
  });

  void test('plan --group: a read-only dry run of a package group with the packages it would cover; bad modes and patterns are usage errors', async () => {
    account.server.log.clear();
    const ran = await cli('plan', '--domain', 'acme', '--group', '/npm//pkg-~', '--set-group', 'EXTERNAL_UPSTREAM=BLOCK', '--repository', 'npm-store');
    assert.equal(ran.code, 1, ran.err);
    const printed = JSON.parse(ran.out) as { status: string; before: unknown; after: { modes: Record<string, string> }; covered: { namespace?: string; name: string; before: { upstream: string }; after: { upstream: string } }[] };
    assert.deepEqual([printed.status, printed.before, printed.after.modes.EXTERNAL_UPSTREAM], ['would-write', { missing: true }, 'BLOCK']);
    // 25 npm packages, every fifth in namespace acme (its own group): 20 without a namespace are covered.
    assert.equal(printed.covered.length, 20);
    assert.ok(printed.covered.every((c) => c.namespace === undefined && c.after.upstream === 'BLOCK'));
    assert.ok(printed.covered.some((c) => c.before.upstream === 'ALLOW'));
    for (const op of ['CreatePackageGroup', 'UpdatePackageGroupOriginConfiguration', 'DeletePackageGroup']) assert.equal(account.server.log.of(op).length, 0, op);
    const badMode = await cli('plan', '--domain', 'acme', '--group', '/npm//pkg-~', '--set-group', 'EXTERNAL_UPSTREAM=NOPE');
    assert.equal(badMode.code, 2);
    assert.match(badMode.err, /TYPE=MODE/);
    const badPattern = await cli('plan', '--domain', 'acme', '--group', '/npm/acme', '--set-group', 'PUBLISH=BLOCK');
    assert.equal(badPattern.code, 2);
    assert.match(badPattern.err, /not a package group pattern/);
  });

  void test('apply needs --yes, writes with a journal, then restore puts the packages back', async () => {
    writeFileSync(join(dir, 'block.csv'), 'format,namespace,package,publish,upstream\nnpm,,pkg-03,,BLOCK\nnpm,,pkg-06,,BLOCK\nnpm,,pkg-6,,BLOCK\n');
    const planned = await cli('plan', '--domain', 'acme', '--repository', 'npm-store', '--csv', 'block.csv', '--out', 'block.json');
    assert.equal(planned.code, 1, planned.err);
    assert.match(JSON.stringify((JSON.parse(planned.out) as { skipped: unknown }).skipped), /pkg-6.*not in the repository/);
    const refused = await cli('apply', 'block.json', '--journal-dir', journals);
    assert.deepEqual([refused.code, puts()], [2, 0]);
    assert.match(refused.err, /writes to 2 package\(s\) in acme\/npm-store \(account 123456789012, us-east-1\); add --yes/);
    const applied = await cli('apply', 'block.json', '--yes', '--journal-dir', journals);
    assert.equal(applied.code, 0, applied.err);
    const { runId, counts } = JSON.parse(applied.out) as { runId: string; counts: Record<string, number> };
    assert.deepEqual([counts.ok, puts()], [2, 2]);
    assert.equal(store().packages.find((p) => p.name === 'pkg-03')!.origin.upstream, 'BLOCK');
    assert.equal(store().packages.some((p) => p.name === 'pkg-6'), false, 'no phantom package');
    const listed = JSON.parse((await cli('restore', '--list', '--journal-dir', journals)).out) as { runId: string; finished: boolean }[];
    assert.ok(listed.some((l) => l.runId === runId && l.finished));
    const restored = await cli('restore', runId, '--yes', '--journal-dir', journals);
    assert.equal(restored.code, 0, restored.err);
    assert.equal((JSON.parse(restored.out) as { counts: Record<string, number> }).counts.ok, 2);
    assert.deepEqual(store().packages.find((p) => p.name === 'pkg-03')!.origin, { publish: 'ALLOW', upstream: 'ALLOW' });
  });

  void test('read-only credentials: one write, the run stops, exit 1; list failed and retry failed', async () => {
    await cli('plan', '--domain', 'acme', '--repository', 'npm-store', '--set-publish', 'BLOCK', '--set-upstream', 'BLOCK', '--out', 'all.json');
    account.server.faults.inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'accessDenied' });
    const ran = await cli('apply', 'all.json', '--yes', '--journal-dir', journals);
    assert.equal(ran.code, 1);
    const report = JSON.parse(ran.out) as { runId: string; outcome: string; counts: Record<string, number>; stopReason: { code: string } };
    assert.deepEqual([report.outcome, report.stopReason.code, report.counts.failed, puts()], ['stopped', 'AccessDenied', 1, 1]);
    // Journals are immutable: list failed, a retry and a dry run leave the run's file byte for byte.
    const journalFile = readdirSync(journals).find((f) => f.includes(report.runId))!;
    const bytes = readFileSync(join(journals, journalFile));
    const failed = await cli('restore', '--failed', report.runId, '--journal-dir', journals);
    assert.equal(failed.code, 1);
    assert.equal((JSON.parse(failed.out) as unknown[]).length, 1);
    account.server.faults.clear();
    const retried = await cli('apply', '--retry-failed', report.runId, '--yes', '--journal-dir', journals);
    assert.equal(retried.code, 0, retried.err);
    assert.equal((JSON.parse(retried.out) as { counts: Record<string, number> }).counts.ok, 1);
    await cli('plan', '--domain', 'acme', '--repository', 'npm-store', '--set-publish', 'BLOCK', '--out', 'again.json');
    assert.deepEqual(readFileSync(join(journals, journalFile)), bytes, 'the stopped run\'s journal is unchanged');
    assert.ok(readdirSync(journals).length >= 2, 'the retry wrote a journal of its own');
  });

  void test('a plan of another account is refused before any write', async () => {
    const plan = { operation: 'codeartifact.originControl', target: { account: '999999999999', region: 'us-east-1', domain: 'acme', repository: 'npm-store' }, items: [{ key: '["npm","","pkg-03"]', before: { publish: 'ALLOW', upstream: 'ALLOW' }, intent: { upstream: 'BLOCK' } }] };
    writeFileSync(join(dir, 'other.json'), JSON.stringify(plan));
    const ran = await cli('apply', 'other.json', '--yes', '--journal-dir', journals);
    assert.deepEqual([ran.code, puts()], [2, 0]);
    assert.match(ran.err, /account 999999999999; the connection is to account 123456789012/);
  });

  void test('check: findings in lint JSON contract on the dependency line; exit 0 when clean; usage errors exit 2', async () => {
    const app = join(dir, 'app');
    mkdirSync(join(app, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{\n  "dependencies": {\n    "pkg-03": "1",\n    "lodash": "4"\n  }\n}\n');
    writeFileSync(join(app, 'node_modules', 'x', 'package.json'), '{"dependencies":{"pkg-03":"1"}}');
    writeFileSync(join(app, 'requirements.txt'), 'requests\n');
    const ran = await cli('check', '--domain', 'acme', '--repository', 'npm-store', 'app');
    assert.equal(ran.code, 1, ran.err);
    const findings = JSON.parse(ran.out) as Record<string, unknown>[];
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.column, f.endColumn, f.severity, f.rule]), [[join('app', 'package.json'), 3, 6, 12, 'error', 'ca-dependency-confusion']]);
    store().packages.find((p) => p.name === 'pkg-03')!.origin.upstream = 'BLOCK';
    const clean = await cli('check', '--domain', 'acme', '--repository', 'npm-store', '-f', 'text', 'app');
    assert.equal(clean.code, 0, clean.err);
    assert.match(clean.out, /0 finding\(s\); 3 package\(s\) checked, 1 in acme\/npm-store/);
    assert.equal((await cli('check', '--repository', 'x')).code, 2);
    assert.equal((await cli('frobnicate')).code, 2);
    const missing = await cli('check', '--domain', 'nope', '--repository', 'npm-store', 'app');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /archlens origin: /);
  });
});

void describe('archlens origin check on the demo workspace against the demo account', () => {
  void test('flags the four internal packages whose origin allows upstream, in package-lock.json and requirements.txt', async () => {
    const { demoDomains } = await import('../../support/aws/demoCodeArtifact');
    const demo = await startLocalAccount({ domains: demoDomains() });
    process.env.AWS_ACCESS_KEY_ID = TEST_KEYS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = TEST_KEYS.secretAccessKey;
    try {
      let out = '';
      const repoRoot = join(__dirname, '..', '..', '..');
      const env = { HOME: tmpdir(), AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: demo.server.endpoint, AWS_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_KEYS.secretAccessKey };
      const code = await runOriginCli(['check', '--domain', 'acme-corp', '--repository', 'internal', 'demo'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => undefined }, env, cwd: repoRoot });
      const findings = JSON.parse(out) as { file: string; line: number; message: string }[];
      assert.equal(code, 1);
      assert.deepEqual(
        findings.map((f) => [f.file, f.line, /^(\S+) is an internal package/.exec(f.message)?.[1]]),
        [
          [join('demo', 'package-lock.json'), 26, 'acme-billing-core-cli'],
          [join('demo', 'package-lock.json'), 30, 'acme-orders-core-cli'],
          [join('demo', 'requirements.txt'), 3, 'acme-billing-sdk'],
          [join('demo', 'requirements.txt'), 4, 'acme_orders_sdk'],
        ],
      );
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await demo.server.close();
    }
  });
});
