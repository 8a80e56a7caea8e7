/**
 * A folder lint on worker threads prints exactly what one thread prints: the same stdout, stderr
 * and exit code, in every format, with findings across files, files that are not templates,
 * unreadable and undecodable files, and config notes and errors. Spawns the bundled dist/cli.js.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MIN_FILES_FOR_WORKERS, workerCount } from '../../src/cli/lintPool';
import { OPENAPI, TEMPLATE } from '../support/crossFileFixture';

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');

const template = (i: number): string => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue${i}:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: ${i % 3 === 0 ? '"forty"' : 30}
      ${i % 4 === 0 ? 'Delay: 5' : 'DelaySeconds: 5'}
  Topic${i}:
    Type: AWS::SNS::Topic${i % 5 === 0 ? 'X' : ''}
    Properties:
      DisplayName: !GetAtt Queue${i}.${i % 2 === 0 ? 'Arn' : 'Nope'}
Outputs:
  Name:
    Value: !Ref ${i % 7 === 0 ? 'Missing' : `Topic${i}`}
`;

let tmp: string;

function write(root: string, name: string, content: string | Buffer): void {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A folder of many files of every kind the walk meets. */
function project(root: string): string {
  for (let i = 0; i < 40; i++) write(root, `stacks/${String(i).padStart(2, '0')}/template.${i % 2 === 0 ? 'yaml' : 'json'}`, i % 2 === 0 ? template(i) : JSON.stringify({ Resources: { [`Bucket${i}`]: { Type: 'AWS::S3::Bucket', Properties: { BucketNam: `b-${i}` } } } }, null, 2));
  write(root, 'sam/template.yaml', TEMPLATE);
  write(root, 'sam/api/openapi.yaml', OPENAPI);
  write(root, 'package.json', '{"name": "x", "version": "1.0.0"}');
  write(root, 'buildspec.yml', 'version: 0.2\nphases: {build: {commands: [make]}}\n');
  write(root, 'utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Resources: {}\n', 'utf16le')]));
  // Flat keys: a deprecation note, once, when the first template under it is reported.
  write(root, 'stacks/10/.archlens.yml', 'ignore: [cfn-unknown-property]\n');
  execFileSync('mkfifo', [path.join(root, 'stacks', 'pipe.yaml')]);
  return root;
}

function run(args: string[], debug = false): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env['ARCHLENS_DEBUG'];
  if (debug) env['ARCHLENS_DEBUG'] = '1';
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: tmp, encoding: 'utf8', env, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-pool-'));
  project(path.join(tmp, 'project'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

void describe('archlens lint on worker threads', () => {
  it('has enough files to start workers, and starts them', () => {
    const files = fs.readdirSync(path.join(tmp, 'project'), { recursive: true }).length;
    assert.ok(files >= MIN_FILES_FOR_WORKERS);
    const result = spawnSync(process.execPath, [cliPath, 'lint', '--jobs', '2', 'project'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, ARCHLENS_DEBUG: '1' }, timeout: 120_000 });
    assert.match(result.stderr, /files examined on worker threads/);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints exactly what one thread prints (${format})`, () => {
      const one = run(['lint', '--jobs', '1', '--format', format, 'project']);
      const three = run(['lint', '--jobs', '3', '--format', format, 'project']);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.equal(three.code, one.code);
      // What the run must show, so the comparison is of a real report.
      assert.equal(one.code, 2, 'the FIFO is an I/O error');
      assert.match(one.stderr, /cannot read '.*pipe\.yaml'/);
      assert.match(one.stderr, /skipping '.*utf16\.yaml'/);
      assert.match(one.stderr, /note: .*\.archlens\.yml/);
      assert.match(one.stdout, /openapi\.yaml/);
      assert.ok(one.stdout.length > 2000);
    });
  }

  it('prints the same on 2 threads as on 1 and 3 (the main thread and the workers share one queue)', () => {
    const one = run(['lint', '--jobs', '1', '--format', 'json', 'project']);
    const two = run(['lint', '--jobs', '2', '--format', 'json', 'project']);
    assert.deepEqual(two, one);
    assert.deepEqual(run(['lint', '--jobs', '3', '--format', 'json', 'project']), one);
  });

  it('lets the workers lint a share of a large folder, and prints what one thread prints', () => {
    // Enough work that a worker, started in ~0.1 s, claims files before the main thread is done:
    // the comparison then covers outcomes that crossed threads, not only the main thread's.
    const large = path.join(tmp, 'large');
    for (let i = 0; i < 300; i++) write(large, `${String(i % 10)}/t${String(i).padStart(3, '0')}.yaml`, template(i));
    const two = run(['lint', '--jobs', '2', 'large'], true);
    const examined = /lint workers examined (\d+) of 300 files/.exec(two.stderr);
    assert.ok(examined && Number(examined[1]) > 0, `the worker linted no file: ${two.stderr}`);
    const one = run(['lint', '--jobs', '1', 'large']);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr.replace(/^archlens: debug: .*\n/gm, ''), one.stderr);
    assert.equal(two.code, one.code);
    assert.ok(one.stdout.length > 10_000);
  });

  it('never starts a worker for a single file, nor on one thread', () => {
    const file = path.join('project', 'sam', 'template.yaml');
    const single = run(['lint', '--jobs', '2', file], true);
    assert.doesNotMatch(single.stderr, /worker/);
    assert.equal(single.stdout, run(['lint', '--jobs', '1', file]).stdout);
    assert.match(single.stdout, /template\.yaml/);
    const oneThread = run(['lint', '--jobs', '1', 'project'], true);
    assert.doesNotMatch(oneThread.stderr, /worker/);
    assert.equal(oneThread.stdout, run(['lint', 'project']).stdout);
  });

  it('stops the worker it started before the walk when the folder has few files, and prints what one thread prints', () => {
    const small = path.join(tmp, 'small');
    for (let i = 0; i < 3; i++) write(small, `t${i}.yaml`, template(i));
    const two = run(['lint', '--jobs', '2', 'small'], true);
    assert.match(two.stderr, /debug: lint worker 1 started\n.*debug: lint worker stopped unused \(3 files\)/s);
    assert.doesNotMatch(two.stderr, /examined on worker threads/);
    const one = run(['lint', '--jobs', '1', 'small']);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.code, one.code);
    assert.equal(one.code, 1, 'the templates have errors');
  });

  it('starts one worker per MIN_FILES_FOR_WORKERS files at most, and none below it', () => {
    assert.equal(workerCount(8, MIN_FILES_FOR_WORKERS - 1), 0);
    assert.equal(workerCount(8, MIN_FILES_FOR_WORKERS), 1);
    assert.equal(workerCount(8, 3 * MIN_FILES_FOR_WORKERS), 3);
    assert.equal(workerCount(2, 1200), 1);
    assert.equal(workerCount(64, 1200), 1200 / MIN_FILES_FOR_WORKERS);
    assert.equal(workerCount(1, 1200), 0);
  });

  it('stops at a broken config exactly where one thread stops', () => {
    write(path.join(tmp, 'project'), 'stacks/20/.archlens.yml', 'lint: [not, a, mapping\n');
    const one = run(['lint', '--jobs', '1', 'project']);
    const two = run(['lint', '--jobs', '2', 'project']);
    assert.deepEqual(two, one);
    assert.equal(one.code, 2);
    assert.match(one.stderr, /invalid config|cannot read config/);
    fs.rmSync(path.join(tmp, 'project', 'stacks', '20', '.archlens.yml'));
  });

  it('refuses a --jobs that is not a thread count', () => {
    const result = run(['lint', '--jobs', '0', 'project']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--jobs takes a number of threads from 1 to 64, not '0'/);
  });
});
