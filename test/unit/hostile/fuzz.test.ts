// The fuzzer of issue 18, in every `npm test`: a short seeded campaign over the engine's entry
// points (lint, analyze and every language feature), the minimised reproducers it has found
// (test/fixtures/fuzz), and random edits to the real language server over stdio. The long run
// is `npm run fuzz` (100,000 inputs and 2,000 edits by default).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCampaign } from '../../support/fuzz/campaign';
import { Random } from '../../support/fuzz/random';
import { BUILT_IN_SEEDS, seedsFromFolder } from '../../support/fuzz/seeds';
import { runServerEdits } from '../../support/fuzz/serverEdits';
import { examine } from '../../support/fuzz/targets';
import { realAnalyzer } from '../../support/lintHelpers';

const root = path.resolve(__dirname, '..', '..', '..');
const REPRODUCERS = path.join(root, 'test', 'fixtures', 'fuzz');
const seeds = [...BUILT_IN_SEEDS, ...seedsFromFolder(path.join(root, 'demo'), 50)];

void describe('fuzzer (seeded short run)', () => {
  test('600 mutated templates and specs: no crash, no internal rule failure, no range outside the document, none over 1 s', () => {
    const summary = runCampaign(realAnalyzer(), seeds, { seed: 18, count: 600 });
    assert.equal(summary.inputs, 600);
    const report = summary.findings.map((hit) => `${hit.defect.kind} in ${hit.defect.where}: ${hit.defect.detail} (${hit.seedFile} via ${hit.mutations.join('+')})`);
    assert.deepEqual(report, []);
  });

  test('the minimised reproducers it found stay fixed', () => {
    const files = fs.readdirSync(REPRODUCERS).filter((file) => /\.(ya?ml|json|template)$/.test(file)).sort();
    assert.ok(files.length > 0, 'test/fixtures/fuzz holds the reproducers');
    for (const file of files) {
      const fileName = file.replace(/^[a-z-]+-\d+-/, '');
      const text = fs.readFileSync(path.join(REPRODUCERS, file), 'utf8');
      // Small ones are probed at every offset: a crash may need the cursor in one place.
      const { defects } = examine(realAnalyzer(), fileName, text, new Random(1), text.length <= 500);
      assert.deepEqual(defects, [], file);
    }
  });

  test('200 random edits over stdio: every request answered, diagnostics inside their document, server alive', async () => {
    const run = await runServerEdits(BUILT_IN_SEEDS, 200, 18);
    assert.equal(run.edits, 200);
    assert.ok(run.requests >= 30, `${run.requests} requests`);
    assert.deepEqual({ unanswered: run.unanswered, outsideRanges: run.outsideRanges, alive: run.alive }, { unanswered: 0, outsideRanges: 0, alive: true });
  });
});
