// credential_process through the SDK's fromIni/fromProcess: a command that hangs (progress after
// 1 s, cancellable, time-out), prints malformed JSON or fails (no output or command line echoed),
// and credentials that expire mid-session (the process is run again). Real SDK, local STS.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { openSession, verifySession, type OpenSessionOptions } from '../../../src/aws/credentials/connect';
import { loadProfileCatalog } from '../../../src/aws/credentials/profiles';
import type { SlowResolution } from '../../../src/aws/credentials/sessionCredentials';
import { createSdkLogger } from '../../../src/aws/sdkLogger';
import { awsRejection } from '../../support/aws/awsRejection';
import { captureLog, isolatedAwsEnv, setEnv, startStsStub, tempAws, TEST_TUNING, type StsStub, type TempAws } from './credentialsTestKit';

const PLANTED_KEY = 'AKIAPLANTEDPLANTED12';
const PLANTED_SECRET = 'planted-secret-do-not-echo';
const ARG_SECRET = 'argv-secret-do-not-echo';

const SCRIPTS: Record<string, string> = {
  // Writes its pid so the test can end it: fromProcess keeps no handle (documented limit).
  'hang.js': `require('fs').writeFileSync(process.argv[2], String(process.pid)); setInterval(() => {}, 1000);`,
  'malformed.js': `process.stdout.write('{"Version": 1, "AccessKeyId": "${PLANTED_KEY}", "SecretAccessKey": "${PLANTED_SECRET}", ');`,
  'fails.js': `process.stderr.write('fatal: token ${PLANTED_SECRET} rejected\\n'); process.exit(3);`,
  'expired.js': `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAEXPIREDEXPIRED00', SecretAccessKey: 's', Expiration: new Date(Date.now() - 60000).toISOString() }));`,
  // Run 1: credentials valid for 5 min + 1.5 s (just past the 5-minute refresh window); run 2: an hour.
  'rotating.js': `
    const fs = require('fs'); const counter = process.argv[2];
    const run = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0) + 1;
    fs.writeFileSync(counter, String(run));
    const ttl = run === 1 ? 300000 + 1500 : 3600000;
    console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAROTATINGRUN0000' + run, SecretAccessKey: 'rotating-secret', SessionToken: 'tok', Expiration: new Date(Date.now() + ttl).toISOString() }));`,
};

void describe('credential_process (real SDK fromProcess, local STS)', () => {
  let aws: TempAws;
  let sts: StsStub;
  let restore: () => void;
  const node = JSON.stringify(process.execPath);

  before(async () => {
    aws = await tempAws();
    sts = await startStsStub();
    restore = setEnv(isolatedAwsEnv());
    for (const [name, text] of Object.entries(SCRIPTS)) await aws.write(name, text);
    const profile = (name: string, command: string): string[] => [`[profile ${name}]`, `credential_process = ${command}`, `endpoint_url = ${sts.endpoint}`];
    await aws.write(
      'config',
      [
        ...profile('hang', `${node} ${aws.dir}/hang.js ${aws.dir}/hang.pid`),
        ...profile('hang2', `${node} ${aws.dir}/hang.js ${aws.dir}/hang2.pid`),
        ...profile('malformed', `${node} ${aws.dir}/malformed.js`),
        ...profile('fails', `${node} ${aws.dir}/fails.js --token=${ARG_SECRET}`),
        ...profile('expired', `${node} ${aws.dir}/expired.js`),
        ...profile('rotating', `${node} ${aws.dir}/rotating.js ${aws.dir}/rotating.count`),
      ].join('\n'),
    );
  });

  after(async () => {
    restore();
    for (const pidFile of ['hang.pid', 'hang2.pid']) {
      const pid = Number(await readFile(`${aws.dir}/${pidFile}`, 'utf8').catch(() => '0'));
      if (pid > 0) {
        try {
          process.kill(pid);
        } catch {
          // already gone
        }
      }
    }
    await sts.close();
    await aws.cleanup();
  });

  async function open(profile: string, extra: Partial<OpenSessionOptions> = {}) {
    const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
    const log = captureLog();
    const opened = openSession({
      source: { kind: 'profile', profile },
      catalog,
      env: {},
      region: 'us-east-1',
      timeoutMs: 10_000,
      log,
      sdkLogger: createSdkLogger(log),
      tuning: TEST_TUNING,
      ...extra,
    });
    return { opened, log };
  }

  void test('a hanging process: progress is offered after 1 s, then it times out with an actionable message', async () => {
    const started = Date.now();
    let slowAt = -1;
    const { opened } = await open('hang', { timeoutMs: 1_300, onSlow: () => (slowAt = Date.now() - started) });
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.ok(slowAt >= 950 && slowAt < 1_300, `onSlow after ${slowAt} ms`);
    assert.equal(error.code, 'NoCredentials');
    assert.match(error.message, /^profile hang: credential_process did not finish within 1 s\. .*credentialProcessTimeoutSeconds/);
    assert.equal(sts.requests.length, 0);
  });

  void test('a hanging process can be cancelled from the progress notification: Cancelled, not failed', async () => {
    let run: SlowResolution | undefined;
    const { opened } = await open('hang2', {
      onSlow: (r) => {
        run = r;
        r.cancel();
      },
    });
    // Progress after 1 s, as the UI does; cancel as soon as it shows.
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.equal(error.code, 'Cancelled');
    assert.ok(run);
    await run.done;
  });

  void test('malformed JSON: an error that does not echo the output, and nothing secret in the log', async () => {
    const reported: string[] = [];
    const { opened, log } = await open('malformed', { onCredentialFailure: (f) => reported.push(f.error.code) });
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.equal(error.code, 'NoCredentials');
    assert.deepEqual(reported, ['NoCredentials'], 'the connection hears about every failed resolution');
    assert.match(error.message, /^profile malformed: credential_process printed something that is not JSON \(not shown/);
    const everything = `${error.message} ${String(error.cause)} ${JSON.stringify(error)} ${log.lines.join('\n')}`;
    assert.ok(!everything.includes(PLANTED_SECRET) && !everything.includes(PLANTED_KEY), everything);
  });

  void test('a failing process: neither its stderr nor its command line is repeated', async () => {
    const { opened, log } = await open('fails');
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.match(error.message, /^profile fails: credential_process failed .*Run it in a terminal/);
    const everything = `${error.message} ${log.lines.join('\n')}`;
    assert.ok(!everything.includes(PLANTED_SECRET) && !everything.includes(ARG_SECRET), everything);
  });

  void test('already-expired credentials from the process are an ExpiredToken error', async () => {
    const { opened } = await open('expired');
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.equal(error.code, 'ExpiredToken');
    assert.match(error.message, /returned credentials that have already expired/);
  });

  void test('credentials that expire mid-session are fetched again by re-running the process', async () => {
    const { opened } = await open('rotating');
    try {
      await verifySession(opened);
      await opened.session.identity().whoAmI();
      assert.equal(opened.credentials.resolutions, 1, 'valid credentials are reused by every call');
      assert.deepEqual(
        sts.requests.slice(-2).map((r) => r.accessKeyId),
        ['AKIAROTATINGRUN00001', 'AKIAROTATINGRUN00001'],
      );
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      await opened.session.identity().whoAmI();
      assert.equal(opened.credentials.resolutions, 2);
      assert.equal(sts.requests.at(-1)?.accessKeyId, 'AKIAROTATINGRUN00002');
      assert.equal(await readFile(`${aws.dir}/rotating.count`, 'utf8'), '2');
    } finally {
      opened.session.dispose();
    }
  });
});
