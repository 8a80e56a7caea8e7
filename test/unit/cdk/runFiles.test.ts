/**
 * What one CDK lint run reads, and what it keeps between runs: each file read and each folder
 * listed once per run (RunFiles), a decoded source map reused only while its text is the same,
 * frames recorded in another folder resolved without asking the disk about every path suffix,
 * and the static index's line numbers counted once per file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { FrameFiles } from '../../../src/node/cdk/frameFiles';
import { RunFiles } from '../../../src/node/cdk/runFiles';
import { sameBytesIn } from '../../../src/node/cdk/stagedAssets';
import { ConstructCallIndex } from '../../../src/node/cdk/staticLocator';

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-runfiles-'));
  temporary.push(dir);
  return dir;
}

/** A source map of `lines` generated lines, line N mapped to line N + `shift` (0 or 1) of `source`, column 0. */
function lineMap(source: string, lines: number, shift: 0 | 1): string {
  // Segments [generated column 0, source 0, line delta, column 0] in VLQ: A = 0, C = +1.
  const first = shift === 0 ? 'AAAA' : 'AACA';
  return JSON.stringify({ version: 3, sources: [source], mappings: [first, ...Array.from({ length: lines - 1 }, () => 'AACA')].join(';') });
}

describe('one lint run reads each file and folder once (RunFiles)', () => {
  it('answers a file with the text of its first read for the whole run; the next run reads it again', () => {
    const dir = tempDir();
    const file = path.join(dir, 'stack.ts');
    fs.writeFileSync(file, 'first');
    const run = new RunFiles();
    assert.equal(run.text(file), 'first');
    fs.writeFileSync(file, 'second');
    assert.equal(run.text(file), 'first');
    assert.equal(new RunFiles().text(file), 'second');
    assert.equal(run.text(path.join(dir, 'missing.ts')), undefined);
  });

  it('lists a folder once per run, in name order; an unreadable folder is empty', () => {
    const dir = tempDir();
    for (const name of ['b.ts', 'a.ts', 'C.ts']) fs.writeFileSync(path.join(dir, name), '');
    const run = new RunFiles();
    assert.deepEqual(run.entries(dir).map((entry) => entry.name), ['C.ts', 'a.ts', 'b.ts']);
    fs.writeFileSync(path.join(dir, 'd.ts'), '');
    assert.equal(run.entries(dir).length, 3);
    assert.equal(new RunFiles().entries(dir).length, 4);
    assert.deepEqual(run.entries(path.join(dir, 'missing')), []);
  });
});

describe('frame files across runs', () => {
  it('uses a source map decoded in an earlier run only while the map text is the same', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.mkdirSync(path.join(dir, 'build'));
    fs.writeFileSync(path.join(dir, 'lib', 'stack.ts'), 'a\nb\nc\nd\n');
    const js = path.join(dir, 'build', 'stack.js');
    fs.writeFileSync(js, 'a;\nb;\nc;\n//# sourceMappingURL=stack.js.map\n');
    const frame = { file: js, line: 2, column: 1 };
    fs.writeFileSync(`${js}.map`, lineMap('../lib/stack.ts', 3, 0));
    assert.deepEqual(new FrameFiles(dir).firstProjectPosition([frame]), { file: path.join(dir, 'lib', 'stack.ts'), line: 1, column: 0 });
    // Same text again (tsc rewrote it unchanged): same answer.
    fs.writeFileSync(`${js}.map`, lineMap('../lib/stack.ts', 3, 0));
    assert.deepEqual(new FrameFiles(dir).firstProjectPosition([frame]), { file: path.join(dir, 'lib', 'stack.ts'), line: 1, column: 0 });
    // The source moved down a line: the new map is decoded, not the remembered one used.
    fs.writeFileSync(`${js}.map`, lineMap('../lib/stack.ts', 3, 1));
    assert.deepEqual(new FrameFiles(dir).firstProjectPosition([frame]), { file: path.join(dir, 'lib', 'stack.ts'), line: 2, column: 0 });
  });

  it('resolves a frame recorded in another folder by the suffix that starts with a name of the app folder', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.mkdirSync(path.join(dir, 'home'));
    const source = path.join(dir, 'lib', 'stack.ts');
    fs.writeFileSync(source, 'x\n');
    const files = new FrameFiles(dir);
    assert.equal(files.resolveFile('/home/runner/work/app/lib/stack.ts'), source);
    assert.equal(files.resolveFile('C:\\build\\agent\\app\\lib\\stack.ts'), source);
    assert.equal(files.resolveFile('/home/runner/work/app/lib/other.ts'), undefined);
    assert.equal(files.resolveFile('/home/runner/work/app/node_modules/aws-cdk-lib/core/lib/stack.js'), undefined);
  });
});

describe('static index line numbers', () => {
  it('numbers every construct call of a file, calls after comments and blank lines included', () => {
    const dir = tempDir();
    const file = path.join(dir, 'stack.ts');
    const lines = ["new Bucket(this, 'Logs');", '', '// a comment', "const t = new Table(this, 'Orders', {});", '  new Queue( // why', "    this, 'Jobs');", "new Topic(this, 'Alerts'); new Key(this, 'Data');"];
    fs.writeFileSync(file, lines.join('\n'));
    const index = new ConstructCallIndex([file]);
    const at = (id: string): [number, number] => {
      const call = index.find(`Stack/${id}`)!.call;
      return [call.line, call.column];
    };
    assert.deepEqual(at('Logs'), [0, 0]);
    assert.deepEqual(at('Orders'), [3, lines[3]!.indexOf('new')]);
    assert.deepEqual(at('Jobs'), [4, 2]);
    assert.deepEqual(at('Alerts'), [6, 0]);
    assert.deepEqual(at('Data'), [6, lines[6]!.indexOf('new Key')]);
  });
});

describe('staged asset search', () => {
  it('of several project files with the staged bytes, answers the first in name order, through one run\'s listings', () => {
    const dir = tempDir();
    for (const folder of ['zeta', 'alpha', 'alpha/inner', 'mid']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    const text = 'openapi: 3.0.0\n';
    for (const file of ['zeta/api.yaml', 'alpha/inner/api.yaml', 'mid/api.yaml']) fs.writeFileSync(path.join(dir, file), text);
    fs.mkdirSync(path.join(dir, 'cdk.out'));
    const staged = path.join(dir, 'cdk.out', 'asset.0123456789abcdef.yaml');
    fs.writeFileSync(staged, text);
    const run = new RunFiles();
    assert.equal(sameBytesIn(dir, staged, run), path.join(dir, 'alpha', 'inner', 'api.yaml'));
    fs.rmSync(path.join(dir, 'alpha'), { recursive: true });
    assert.equal(sameBytesIn(dir, staged), path.join(dir, 'mid', 'api.yaml'));
  });
});
