/**
 * The CDK lint of the language server runs on its lint worker (dist/lintWorker.js), not on the
 * server's thread; and the line mapping that moves placed findings along source edits.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineMapping } from '../../../src/engine/cdk/lineMapping';
import { lintCdkAppFolder } from '../../../src/node/cdk/appLint';
import { BackgroundLinter } from '../../../src/server/backgroundLinter';
import { realAnalyzer } from '../../support/lintHelpers';

const REPO = path.resolve(__dirname, '..', '..', '..');
const APP = path.join(REPO, 'test', 'fixtures', 'cdk-app');
const WORKER = path.join(REPO, 'dist', 'lintWorker.js');

describe('CDK lint on the lint worker', () => {
  it('answers from the worker thread what the same lint gives in this thread (needs npm run build: dist/lintWorker.js)', async () => {
    const linter = new BackgroundLinter(WORKER, () => {
      throw new Error('document jobs are not used here');
    });
    // The server lets its worker idle without holding the process open (unref): hold it here.
    const keepAlive = setInterval(() => undefined, 1_000);
    try {
      const onWorker = await linter.lintCdk({ appDir: APP, options: {} }, () => {
        throw new Error('linted on the calling thread: the worker was not used');
      });
      const here = lintCdkAppFolder(APP, realAnalyzer(), {});
      const summary = (lint: typeof here): string[] => lint.findings.map(({ target, finding }) => `${path.relative(APP, target)}:${finding.otherFile?.range.start.line ?? -1} ${finding.rule}`).sort();
      assert.ok(onWorker.findings.length >= 7);
      assert.deepEqual(summary(onWorker), summary(here));
      assert.deepEqual(onWorker.sources.map(([file]) => path.relative(APP, file)).sort(), ['api/openapi.yaml', 'lib/dataStack.ts', 'lib/edgeStack.ts']);
    } finally {
      clearInterval(keepAlive);
      linter.dispose();
    }
  });
});

describe('LineMapping (placed findings follow source edits)', () => {
  const lines = (count: number, prefix = 'line'): string[] => Array.from({ length: count }, (_, index) => `${prefix} ${index}`);

  it('maps unchanged lines exactly across insertions and deletions above and below', () => {
    const before = lines(10);
    const after = ['added 1', ...before.slice(0, 3), ...before.slice(5), 'added 2', 'added 3'];
    const mapping = new LineMapping(before.join('\n'), after.join('\n'));
    for (const [oldLine, newLine] of [[0, 1], [2, 3], [5, 4], [9, 8]] as const) assert.equal(mapping.map(oldLine), newLine, `line ${oldLine}`);
  });

  it('maps an edited line by its nearest unchanged line above', () => {
    const before = lines(6);
    const after = ['new first line', ...before.slice(0, 3), 'line 3 edited', ...before.slice(4)];
    assert.equal(new LineMapping(before.join('\n'), after.join('\n')).map(3), 4);
  });

  it('keeps the order of matched lines and finds a longest common subsequence (seeded random edits)', () => {
    let seed = 7;
    const random = (limit: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: random(25) + 1 }, (_, index) => `l${index % 4}-${random(3)}`);
      const b = [...a];
      for (let edits = random(6); edits > 0; edits--) {
        const at = random(b.length + 1);
        if (random(2) === 0) b.splice(at, 0, `new ${random(9)}`);
        else if (b.length > 1) b.splice(Math.min(at, b.length - 1), 1);
      }
      const mapping = new LineMapping(a.join('\n'), b.join('\n'));
      // The longest common subsequence length, by dynamic programming.
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      let matched = 0;
      let last = -1;
      for (let i = 0; i < a.length; i++) {
        const j = mapping.map(i);
        if (b[j] === a[i] && j > last && (i === 0 || mapping.map(i - 1) < j)) {
          matched++;
          last = j;
        }
      }
      assert.ok(matched >= table[0]![0]!, `round ${round}: ${matched} matched of an LCS of ${table[0]![0]}`);
    }
  });
});

describe('LineMapping bounds', () => {
  it('falls back to the common head and tail when more than 500 lines differ (bounded work)', () => {
    const before = Array.from({ length: 3_000 }, (_, index) => `old ${index}`);
    const after = ['head', ...Array.from({ length: 3_000 }, (_, index) => `new ${index}`), 'old 2999'];
    const started = performance.now();
    const mapping = new LineMapping(['head', ...before].join('\n'), after.join('\n'));
    assert.ok(performance.now() - started < 5_000);
    assert.equal(mapping.map(0), 0);
    assert.equal(mapping.map(3_000), after.length - 1);
  });
});
