/**
 * Files that are not files, and one bad file among good ones (issue 18). The CLI tests spawn
 * the bundled dist/cli.js (built by `npm run build`) like cli.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeText, EncodingError, FileReadError, readRegularFile, readTextFile } from '../../../src/node/readRegularFile';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');

const GOOD = 'Resources:\n  Bucket:\n    Type: AWS::S3::Buckett\n';
const CLEAN = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
const MERGE_BOMB = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      <<: {${Array.from({ length: 130_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI; as root, as user `nobody` so that a folder without permissions is unreadable. */
function cli(args: readonly string[], cwd: string): Run {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...asNobody });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = '';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-hostile-'));
  fs.chmodSync(dir, 0o755);
  const write = (name: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, name), content, { mode: 0o644 });
  };
  write('repo/a-good.yaml', GOOD);
  write('repo/z-clean.yaml', CLEAN);
  fs.symlinkSync('/dev/zero', path.join(dir, 'repo', 'zero.yaml'));
  execFileSync('mkfifo', [path.join(dir, 'repo', 'pipe.yaml')]);
  write('repo/locked/inside.yaml', GOOD);
  fs.chmodSync(path.join(dir, 'repo', 'locked'), 0o000);
  write('merge/bomb.yaml', MERGE_BOMB);
  write('merge/good.yaml', GOOD);
  write('encodings/utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]));
  write('encodings/flow.yaml', '{Resources: {A: {Type: AWS::S3::Bucket}');
  write('config/.archlens.yml', 'ignore: [cfn-unknown-resource-type]\n');
  write('config/t.yaml', GOOD);
  fs.mkdirSync(path.join(dir, 'fifoconfig'), { mode: 0o755 });
  execFileSync('mkfifo', [path.join(dir, 'fifoconfig', '.archlens.yml')]);
  write('fifoconfig/t.yaml', GOOD);
});

after(() => {
  fs.chmodSync(path.join(dir, 'repo', 'locked'), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

void describe('readRegularFile', () => {
  test('reads a regular file', () => {
    assert.equal(readTextFile(path.join(dir, 'repo', 'a-good.yaml'), 1000), GOOD);
  });

  test('refuses a link to /dev/zero, a FIFO, a folder and a file over the limit, naming what it is', () => {
    assert.throws(() => readRegularFile(path.join(dir, 'repo', 'zero.yaml'), 1000), (error: Error) => error instanceof FileReadError && /a character device/.test(error.message));
    assert.throws(() => readRegularFile(path.join(dir, 'repo', 'pipe.yaml'), 1000), /a named pipe \(FIFO\)/);
    assert.throws(() => readRegularFile(dir, 1000), /a folder/);
    assert.throws(() => readRegularFile(path.join(dir, 'repo', 'a-good.yaml'), 10), /it is 48 bytes; files over 10 bytes are not read/);
    assert.throws(() => readRegularFile(path.join(dir, 'missing.yaml'), 10), /^FileReadError: ENOENT: no such file or directory$/);
  });

  test('UTF-16 and binary text is refused with a reason', () => {
    assert.throws(() => decodeText(Buffer.from([0xfe, 0xff, 0, 0x41])), (error: Error) => error instanceof EncodingError && /UTF-16/.test(error.message));
    assert.throws(() => decodeText(Buffer.from('a\u0000b')), /NUL bytes/);
    assert.equal(decodeText(Buffer.from('\ufeffa: 1')), '\ufeffa: 1', 'a UTF-8 byte order mark is kept for the engine');
  });
});

void describe('CLI on files that are not files', () => {
  test('a folder with a /dev/zero link, a FIFO and an unreadable subfolder: exit 2, every problem named, the other files linted', () => {
    const run = cli(['lint', '--format', 'json', 'repo'], dir);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /cannot read 'repo\/zero\.yaml': it is a character device, not a regular file/);
    assert.match(run.stderr, /cannot read 'repo\/pipe\.yaml': it is a named pipe \(FIFO\), not a regular file/);
    assert.match(run.stderr, /cannot read folder 'repo\/locked': EACCES/);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; rule: string }>;
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))], ['repo/a-good.yaml']);
  });

  test('an explicit path to /dev/zero exits 2 naming the file; the other file is linted', () => {
    const run = cli(['lint', 'repo/zero.yaml', 'repo/a-good.yaml'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read 'repo\/zero\.yaml'/);
    assert.match(run.stdout, /AWS::S3::Buckett/);
  });

  test('a merge key bringing 130,000 keys is a finding on its file; the other file keeps its findings', () => {
    const run = cli(['lint', '--format', 'json', 'merge'], dir);
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; rule: string }>;
    assert.ok(findings.some((finding) => finding.file === 'merge/bomb.yaml'), 'the big file is reported');
    assert.ok(findings.some((finding) => finding.file === 'merge/good.yaml' && finding.rule === 'cfn-unknown-resource-type'));
    assert.equal(findings.filter((finding) => finding.rule === 'archlens-internal').length, 0);
  });

  test('UTF-16 is skipped with a reason, broken flow-style YAML is linted', () => {
    const run = cli(['lint', 'encodings'], dir);
    assert.match(run.stderr, /skipping 'encodings\/utf16\.yaml': it is encoded as UTF-16; ArchLens reads UTF-8 files \(save it as UTF-8\)/);
    assert.match(run.stdout, /encodings\/flow\.yaml/);
    assert.match(run.stdout, /YAML syntax error/);
    assert.equal(run.status, 1);
  });

  test('.archlens.yml is read when regular; a FIFO config is an error, not a hang', () => {
    assert.equal(cli(['lint', 'config'], dir).status, 0);
    const fifo = cli(['lint', 'fifoconfig'], dir);
    assert.equal(fifo.status, 2);
    assert.match(fifo.stderr, /\.archlens\.yml.*a named pipe \(FIFO\)/);
  });
});
