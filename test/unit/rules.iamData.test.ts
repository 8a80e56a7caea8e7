// The IAM policy table and action data against the real compiled catalogue: every policy path the
// table names exists on its type (a typo there would silently check nothing), the data loads lazily
// by shard, and without the data the other checks still run while action names are not judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/engine/analyzer';
import type { Catalog, TypeRef } from '../../src/engine/catalog/catalogTypes';
import { createIamActions } from '../../src/engine/iam/iamActions';
import { policyPathTable } from '../../src/engine/iam/policyLocations';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';

const catalog = loadCatalogFromDir(defaultCatalogDir());

/** The struct a property's type leads to (through lists and unions), if any. */
function structOf(type: TypeRef): string | undefined {
  if (type.kind === 'struct') return type.name;
  if (type.kind === 'list' || type.kind === 'map') return structOf(type.element);
  if (type.kind === 'union') return type.types.map(structOf).find((name) => name !== undefined);
  return undefined;
}

void test('every policy path of the table exists on its resource type', () => {
  const problems: string[] = [];
  for (const { type, path } of policyPathTable()) {
    const info = catalog.resourceType(type);
    if (!info) {
      problems.push(`${type}: unknown type`);
      continue;
    }
    let properties: Readonly<Record<string, { type: TypeRef }>> | undefined = info.properties;
    for (const segment of path.split('.').filter((s) => s !== '*')) {
      const prop = properties && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
      if (!prop) {
        problems.push(`${type}: no property ${segment} (path ${path})`);
        break;
      }
      const struct = structOf(prop.type);
      properties = struct ? catalog.propertyType(struct)?.properties : undefined;
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(policyPathTable().length >= 35);
});

void test('the action data reads the index, then one shard per first letter, once', () => {
  const reads: string[] = [];
  const source = createIamActions(
    () => (reads.push('index'), { format: 1, source: 'test', version: '0', services: ['s3', 'sqs', 'lambda'] }),
    (letter) => (reads.push(letter), letter === 's' ? { s3: 'getobject putobject', sqs: 'sendmessage' } : { lambda: 'invokefunction' }),
  );
  assert.equal(source.actionsOf('s3')?.has('getobject'), true);
  assert.equal(source.actionsOf('sqs')?.has('sendmessage'), true);
  assert.equal(source.actionsOf('nope'), undefined);
  assert.equal(source.actionsOf('constructor'), undefined);
  assert.deepEqual(reads, ['index', 's']);
  assert.equal(source.actionsOf('lambda')?.size, 1);
  assert.deepEqual(reads, ['index', 's', 'l']);
});

void test('a broken or missing data file turns the action-name check off, nothing else', () => {
  const broken = createIamActions(() => {
    throw new Error('unreadable');
  }, () => ({}));
  assert.deepEqual(broken.servicePrefixes(), []);
  assert.equal(broken.actionsOf('s3'), undefined);
  const withoutData: Catalog = { ...catalog, iamActions: undefined };
  const analyzer = createAnalyzer({ catalog: withoutData });
  const doc = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: [lamda:InvokeFunction, s3GetObject]\n            Resource: '*'\n";
  const findings = analyzer.lint('template.yaml', doc, {}).findings.filter((f) => f.rule === 'cfn-iam-action');
  assert.deepEqual(findings.map((f) => f.message), ["Action 's3GetObject' is not of the form 'service:action' (for example 's3:GetObject') or '*'."]);
});

void test('the shipped data names the common services and their actions', () => {
  const source = catalog.iamActions;
  assert.ok(source);
  assert.match(source.source(), /^cfn-lint 1\.51\.0/);
  for (const [service, action] of [['s3', 'getobject'], ['lambda', 'invokefunction'], ['sts', 'assumerole'], ['logs', 'putlogevents'], ['dynamodb', 'query'], ['kms', 'decrypt']] as const) {
    assert.equal(source.actionsOf(service)?.has(action), true, `${service}:${action}`);
  }
  assert.ok(source.servicePrefixes().length > 400);
});
