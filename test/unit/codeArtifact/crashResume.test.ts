// A crash mid-apply, for real: `archlens origin apply` runs in a child process against the local
// CodeArtifact server (real SDK, writes slowed by the server's write quota) and is SIGKILLed after
// some writes landed. The start-up offer (`recoveryOffer`, what the extension shows when the
// connection is ready) finds the run; `apply --resume` then finishes it, and the server's own count
// of successful writes per package shows every package written exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runOriginCli } from '../../../src/cli/originCommand';
import { createFileJournalStore } from '../../../src/node/fileJournalStore';
import { recoveryOffer } from '../../../src/operations/codeArtifact/originRecovery';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import type { CodeArtifactDomain } from '../../support/aws/services/codeArtifact';
import { TEST_KEYS } from '../../support/awsServicesFor';

const COUNT = 60;

function domain(): CodeArtifactDomain[] {
  const packages = Array.from({ length: COUNT }, (_, i) => ({ format: 'npm' as const, name: `svc-${String(i).padStart(2, '0')}`, origin: { publish: 'ALLOW' as const, upstream: 'ALLOW' as const } }));
  return [{ name: 'crash', owner: '123456789012', createdTime: 0, repositories: [{ name: 'repo', packages }] }];
}

void describe('origin controls: a process killed mid-apply is offered and resumed without writing twice', () => {
  let account: LocalAccount;
  const dir = mkdtempSync(join(tmpdir(), 'archlens-ca-crash-'));
  const journals = join(dir, 'journals');
  const env = () => ({ ...process.env, HOME: dir, AWS_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_KEYS.secretAccessKey, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: account.server.endpoint });

  before(async () => {
    account = await startLocalAccount({ domains: domain() });
  });
  after(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await account.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('SIGKILL after some writes -> the offer names the run -> resume writes the rest, none twice', async () => {
    const plan = {
      operation: 'codeartifact.originControl',
      target: { account: '123456789012', region: 'us-east-1', domain: 'crash', repository: 'repo' },
      items: Array.from({ length: COUNT }, (_, i) => ({ key: JSON.stringify(['npm', '', `svc-${String(i).padStart(2, '0')}`]), before: { publish: 'ALLOW', upstream: 'ALLOW' }, intent: { upstream: 'BLOCK' } })),
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    // 20 writes a second: the child is still writing when it is killed.
    account.codeArtifact.setQuota({ writesPerSecond: 20 });
    const script = `require(${JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'cli', 'originCommand.ts'))}).runOriginCli(['apply', 'plan.json', '--yes', '--journal-dir', ${JSON.stringify(journals)}], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: ${JSON.stringify(dir)} })`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { env: env(), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    while (account.codeArtifact.writesByPackage.size < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    const writtenBeforeCrash = account.codeArtifact.writesByPackage.size;
    assert.ok(writtenBeforeCrash >= 15 && writtenBeforeCrash < COUNT, `${writtenBeforeCrash} written before the kill`);

    const offer = recoveryOffer(await createFileJournalStore(journals).list());
    assert.ok(offer, 'the unfinished run is offered');
    assert.deepEqual([offer.target.domain, offer.target.repository, offer.count], ['crash', 'repo', 1]);
    assert.match(offer.message, /an origin-control change in crash\/repo \(account 123456789012, us-east-1\), started .*, did not finish\./);

    account.codeArtifact.setQuota({});
    // In process: the SDK's environment provider reads process.env itself.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_KEYS.secretAccessKey });
    let out = '';
    let err = '';
    const code = await runOriginCli(['apply', '--resume', offer.run.runId, '--yes', '--journal-dir', journals], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: env(), cwd: dir });
    assert.equal(code, 0, out + err);
    const report = JSON.parse(out) as { counts: Record<string, number> };
    // The resumed items: those without a result in the killed run's journal. One that landed but
    // whose result was never journaled re-reads as already done (unchanged).
    assert.equal(report.counts.failed, 0);
    assert.equal(report.counts.ok, COUNT - writtenBeforeCrash, 'only what had not landed is written');
    assert.equal(account.codeArtifact.writesByPackage.size, COUNT, 'every package written');
    assert.deepEqual([...new Set(account.codeArtifact.writesByPackage.values())], [1], 'none written twice');
    assert.equal(recoveryOffer(await createFileJournalStore(journals).list()), undefined, 'a resumed run is not offered again');
  });
});
