/** The diagram's Region box from a CDK stack's environment (`src/node/cdk/stackRegion.ts`). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cdkStackRegion } from '../../src/node/cdk/stackRegion';

const root = mkdtempSync(join(tmpdir(), 'archlens-region-'));
after(() => rmSync(root, { recursive: true, force: true }));

function assembly(name: string, manifest: unknown): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  return dir;
}

void test("a stack's template in cdk.out takes the region of the stack's environment", () => {
  const dir = assembly('pinned', {
    version: '36.0.0',
    artifacts: {
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      Api: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/eu-west-1', properties: { templateFile: 'Api.template.json' } },
      Agnostic: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Agnostic.template.json' } },
      Odd: { type: 'aws:cloudformation:stack', environment: 'aws://1/<script>', properties: { templateFile: 'Odd.template.json' } },
    },
  });
  assert.equal(cdkStackRegion(join(dir, 'Api.template.json')), 'eu-west-1');
  assert.equal(cdkStackRegion(join(dir, 'Agnostic.template.json')), undefined, 'an environment-agnostic stack has no region');
  assert.equal(cdkStackRegion(join(dir, 'Odd.template.json')), undefined, 'only region-shaped names are shown');
  assert.equal(cdkStackRegion(join(dir, 'Other.template.json')), undefined);
});

void test('no manifest, a broken one or a hostile one: no region, no throw', () => {
  assert.equal(cdkStackRegion(join(root, 'nowhere', 'x.template.json')), undefined);
  assert.equal(cdkStackRegion(join(assembly('broken', '{ "artifacts": '), 'x.template.json')), undefined);
  assert.equal(cdkStackRegion(join(assembly('proto', '{ "artifacts": { "__proto__": { "type": "aws:cloudformation:stack", "environment": "aws://1/eu-west-1", "properties": { "templateFile": "x.template.json" } } } }'), 'x.template.json')), 'eu-west-1');
  assert.equal(cdkStackRegion(join(assembly('array', '[1,2]'), 'x.template.json')), undefined);
});
