// "Synthesize CDK App" below the UI: the real synth worker (toolkit-lib in a child process) on
// the real fixture app (aws-cdk-lib 2.276.0), an app needing context lookups (they are off), an
// app that fails, and a cancel that ends the app process too.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { synthEnvironment, type SynthIoMessage, type SynthRequest } from '../../src/extension/cdk/synth/synthProtocol';
import { runSynth } from '../../src/extension/cdk/synth/synthRunner';

const repo = join(import.meta.dirname, '..', '..');
const worker = { workerPath: join(repo, 'src/extension/cdk/synth/synthWorker.ts'), execArgv: ['--import', 'tsx'] };
const scratch = mkdtempSync(join(tmpdir(), 'archlens-synth-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function request(app: string, workingDirectory: string, outdir: string): SynthRequest {
  return { kind: 'synth', app, workingDirectory, outdir, env: synthEnvironment(undefined) };
}

/** A one-file CDK app in the scratch folder that loads the repo's aws-cdk-lib. */
function jsApp(name: string, body: string): string {
  writeFileSync(join(scratch, `${name}.js`), `const cdk = require(${JSON.stringify(join(repo, 'node_modules/aws-cdk-lib'))});\nconst ec2 = require(${JSON.stringify(join(repo, 'node_modules/aws-cdk-lib/aws-ec2'))});\n${body}`);
  return `node ${JSON.stringify(join(scratch, `${name}.js`))}`;
}

describe('synth worker (toolkit-lib in a child process)', () => {
  test('synthesizes the fixture app: every stack, Stages included, creation frames reach the user code', { timeout: 180_000 }, async () => {
    const out = join(scratch, 'fixture.out');
    const messages: SynthIoMessage[] = [];
    const outcome = await runSynth(request('node build/bin/app.js', join(repo, 'test/fixtures/cdk-app'), out), { ...worker, onMessage: (m) => messages.push(m) });
    assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'done');
    assert.deepEqual([...outcome.stacks].sort(), ['ApiStack', 'DataStack', 'EdgeStack', 'ProdData90A795AA']);
    assert.ok(existsSync(join(out, 'manifest.json')));
    assert.ok(messages.length > 0, 'toolkit-lib reported progress');
    // With V8's default 10 frames the first project frame of an L2's resource can be cut off;
    // the worker raises the limit, so the Lambda function's role (L2 inside L2) reaches dataStack.js.
    const metadata = readFileSync(join(out, 'DataStack.metadata.json'), 'utf8');
    const role = (JSON.parse(metadata) as Record<string, { type: string; data: unknown }[]>)['/DataStack/Legacy/ServiceRole/Resource'];
    const frames = role?.find((entry) => entry.type === 'aws:cdk:creationStack')?.data as string[] | undefined;
    assert.ok(frames?.some((frame) => frame.includes('build/lib/dataStack.js')), `frames: ${JSON.stringify(frames)}`);
  });

  test('an app that needs context lookups fails with reason "lookups"', { timeout: 120_000 }, async () => {
    const app = jsApp('lookup', "const app = new cdk.App();\nconst stack = new cdk.Stack(app, 'Net', { env: { account: '111111111111', region: 'us-east-1' } });\nec2.Vpc.fromLookup(stack, 'Vpc', { vpcId: 'vpc-12345' });\napp.synth();\n");
    const outcome = await runSynth(request(app, scratch, join(scratch, 'lookup.out')), worker);
    assert.equal(outcome.kind, 'failed', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.reason, 'lookups');
    assert.match(outcome.message, /Context lookups have been disabled/);
  });

  test('an app that exits with an error fails with its message', { timeout: 120_000 }, async () => {
    const app = jsApp('broken', "throw new Error('bucket name must be lower case');\n");
    const outcome = await runSynth(request(app, scratch, join(scratch, 'broken.out')), worker);
    assert.equal(outcome.kind, 'failed', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'failed');
    assert.notEqual(outcome.reason, 'lookups');
  });

  test('cancel ends the worker and the app it started', { timeout: 120_000 }, async () => {
    const pidFile = join(scratch, 'slow.pid');
    const app = jsApp('slow', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetTimeout(() => {}, 120000);\n`);
    const controller = new AbortController();
    const started = Date.now();
    const outcome = runSynth(request(app, scratch, join(scratch, 'slow.out')), { ...worker, signal: controller.signal });
    while (!existsSync(pidFile) && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 100));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    controller.abort();
    assert.deepEqual(await outcome, { kind: 'cancelled' });
    // The app process is gone too (signal 0 only checks that it exists).
    const deadline = Date.now() + 5_000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      try {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        alive = false;
      }
    }
    assert.equal(alive, false, 'the app process was ended with the worker');
  });

  test('the app environment raises the stack-trace limit and keeps the user NODE_OPTIONS', () => {
    assert.deepEqual(synthEnvironment('--max-old-space-size=4096'), { NODE_OPTIONS: '--max-old-space-size=4096 --stack-trace-limit=60', JSII_HOST_STACK_TRACES: '1' });
    assert.equal(synthEnvironment(undefined).NODE_OPTIONS, '--stack-trace-limit=60');
  });
});
