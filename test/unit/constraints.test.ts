import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCompiledConstraints } from '../../src/engine/constraints/compiledConstraints';
import type { ConstraintIndex, ConstraintNode, ConstraintShard } from '../../src/engine/constraints/constraintTypes';
import { defaultCatalogDir, loadCatalogFromDir, loadConstraintsFromDir } from '../../src/node/catalogLoader';
// @ts-expect-error: a plain .mjs build script without types.
import { toJavaScriptPattern } from '../../scripts/buildConstraints.mjs';

const dataDir = path.resolve(__dirname, '..', '..', 'data', 'constraints');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
const index = readJson('index.json') as ConstraintIndex;

void test('the checked-in index names its source and every shard exists', () => {
  assert.match(index.source, /^cfn-lint \d+\.\d+\.\d+, us-east-1 resource provider schemas$/);
  assert.match(index.generated, /^\d{4}-\d{2}-\d{2}$/);
  const shards = Object.keys(index.shards);
  assert.ok(shards.length > 200, `${shards.length} shards`);
  for (const shard of shards) assert.ok(fs.existsSync(path.join(dataDir, `${shard}.json`)), shard);
});

void test('shards load lazily, once, and hostile type names find nothing', () => {
  const loaded: string[] = [];
  const source = createCompiledConstraints(index, (shard) => {
    loaded.push(shard);
    return readJson(`${shard}.json`);
  });
  assert.deepEqual(loaded, []);
  assert.deepEqual(source.resource('AWS::EC2::Volume')?.r.o?.['VolumeType'], { e: ['gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1', 'standard'], ei: 1 });
  assert.ok(source.resource('AWS::EC2::SecurityGroup'));
  assert.deepEqual(loaded, ['AWS_EC2']);
  for (const name of ['__proto__', 'constructor', 'AWS::EC2::constructor', 'AWS::EC2::__proto__', 'toString']) assert.equal(source.resource(name), undefined, name);
  assert.deepEqual(loaded, ['AWS_EC2']);
});

void test('a shard or index of another format is refused with the command to rebuild', () => {
  assert.throws(() => createCompiledConstraints({ ...index, format: 99 }, () => ({})), /format 99.*npm run build:constraints/);
  const source = createCompiledConstraints(index, () => ({ format: 0, types: {} }));
  assert.throws(() => source.resource('AWS::EC2::Volume'), /shard AWS_EC2 has format 0/);
});

void test('every stored pattern compiles as a JavaScript RegExp and none nests quantifiers', () => {
  let count = 0;
  const visit = (node: ConstraintNode | undefined): void => {
    if (!node) return;
    if (node.p !== undefined) {
      count++;
      let ok = false;
      for (const flags of ['u', '']) {
        try {
          new RegExp(node.p, flags);
          ok = true;
          break;
        } catch {
          // next
        }
      }
      assert.ok(ok, node.p);
      assert.doesNotMatch(node.p, /\\[AZz]/, `Python anchor left in ${node.p}`);
    }
    visit(node.i);
    visit(node.v);
    for (const child of Object.values(node.o ?? {})) visit(child);
  };
  for (const shard of Object.keys(index.shards)) {
    for (const constraints of Object.values((readJson(`${shard}.json`) as ConstraintShard).types)) {
      visit(constraints.r);
      for (const def of Object.values(constraints.d ?? {})) visit(def);
    }
  }
  assert.ok(count > 4000, `${count} patterns`);
});

void test('Python/Java pattern syntax is rewritten for JavaScript', () => {
  const rewrite = toJavaScriptPattern as (pattern: string) => string;
  assert.equal(rewrite('^\\p{Print}+$'), '^[\\x20-\\x7E]+$');
  assert.equal(rewrite('^[\\p{Alnum}_]+\\Z'), '^[A-Za-z0-9_]+$');
  assert.equal(rewrite('\\Aabc'), '^abc');
  assert.equal(rewrite('[\\Z]\\\\Z'), '[\\Z]\\\\Z', 'inside a class and after an escaped backslash nothing changes');
  assert.equal(rewrite('\\p{L}+'), '\\p{L}+', 'Unicode properties stay for the u flag');
});

void test('the host loads the constraint data beside the catalogue (dist/catalog/constraints)', () => {
  const catalog = loadCatalogFromDir(defaultCatalogDir());
  assert.equal(catalog.constraints?.version, index.source);
  assert.ok(catalog.constraints?.resource('AWS::SQS::Queue')?.r.o?.['DelaySeconds']);
});

void test('the build copies the data with large services in chunks: every type reads the same as from the checked-in shards', () => {
  const built = loadConstraintsFromDir(path.join(defaultCatalogDir(), 'constraints'));
  assert.ok(built);
  const builtIndex = JSON.parse(fs.readFileSync(path.join(defaultCatalogDir(), 'constraints', 'index.json'), 'utf8')) as ConstraintIndex;
  assert.ok(Object.keys(builtIndex.shards).some((shard) => shard.startsWith('AWS_EC2-')), 'EC2 is chunked');
  const source = createCompiledConstraints(index, (shard) => readJson(`${shard}.json`));
  let types = 0;
  for (const [shard, members] of Object.entries(index.shards)) {
    const namespace = shard.replace('_', '::');
    for (const member of members) {
      assert.deepEqual(built.resource(`${namespace}::${member}`), source.resource(`${namespace}::${member}`), `${namespace}::${member}`);
      types++;
    }
  }
  assert.ok(types > 1000, `${types} types`);
});
