// Tests of the compiled resource catalogue. Needs dist/catalog: run
// `node scripts/buildCatalog.mjs` first (npm run build does). `void`: node:test
// returns promises the runner itself awaits (no-floating-promises).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';
import { createCompiledCatalog, decodeType, type CatalogIndex } from '../../src/engine/catalog/compiledCatalog';
import type { Catalog, TypeRef } from '../../src/engine/catalog/catalogTypes';

const dir = defaultCatalogDir();
const catalog: Catalog = loadCatalogFromDir(dir);

/** A catalogue whose loader records every shard it is asked for. */
function countingCatalog(): { catalog: Catalog; loads: string[] } {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as CatalogIndex;
  const loads: string[] = [];
  const c = createCompiledCatalog(index, (name) => {
    loads.push(name);
    return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  });
  return { catalog: c, loads };
}

void test('version names the spec package', () => {
  assert.match(catalog.version, /^@aws-cdk\/aws-service-spec \d+\.\d+\.\d+/);
});

void test('lists all resource types, sorted, including SAM', () => {
  const names = catalog.resourceTypeNames();
  assert.ok(names.length >= 1800, `only ${names.length} types`);
  assert.deepEqual([...names], [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.equal(new Set(names).size, names.length);
  for (const t of ['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Serverless::Api']) {
    assert.ok(names.includes(t), t);
  }
});

void test('AWS::S3::Bucket properties and attributes', () => {
  const bucket = catalog.resourceType('AWS::S3::Bucket');
  assert.ok(bucket);
  assert.equal(bucket.name, 'AWS::S3::Bucket');
  const docs = catalog.documentation('AWS::S3::Bucket');
  assert.ok(docs?.text && docs.text.length <= 401);
  assert.match(docs.properties['BucketName'] ?? '', /name/i);
  assert.deepEqual(bucket.properties.BucketName?.type, { kind: 'primitive', name: 'string' });
  assert.equal(bucket.properties.BucketName?.required, false);
  assert.equal(bucket.properties.BucketName?.replacement, 'always');
  assert.equal(bucket.properties.Tags?.replacement, 'never');
  assert.deepEqual(bucket.properties.VersioningConfiguration?.type, {
    kind: 'struct',
    name: 'AWS::S3::Bucket.VersioningConfiguration',
  });
  assert.ok(bucket.properties.AccessControl?.enumValues?.includes('Private'));
  assert.ok(bucket.attributes.Arn);
  assert.ok(bucket.attributes.DomainName);
  assert.equal(bucket.refDescription, 'The BucketName of the resource.');
});

void test('struct property types resolve', () => {
  const versioning = catalog.propertyType('AWS::S3::Bucket.VersioningConfiguration');
  assert.ok(versioning);
  assert.equal(versioning.name, 'AWS::S3::Bucket.VersioningConfiguration');
  assert.equal(versioning.properties.Status?.required, true);
  assert.deepEqual(versioning.properties.Status?.enumValues, ['Enabled', 'Suspended']);

  // Every struct named anywhere in the S3 shard must resolve.
  const visit = (t: ReturnType<typeof decodeType>): void => {
    if (t.kind === 'struct') assert.ok(catalog.propertyType(t.name), t.name);
    else if (t.kind === 'list' || t.kind === 'map') visit(t.element);
    else if (t.kind === 'union') t.types.forEach(visit);
  };
  for (const p of Object.values(catalog.resourceType('AWS::S3::Bucket')?.properties ?? {})) visit(p.type);
});

void test('the spec tag type is the shared Tag property type', () => {
  const tags = catalog.resourceType('AWS::Lambda::Function')?.properties.Tags;
  assert.deepEqual(tags?.type, { kind: 'list', element: { kind: 'struct', name: 'Tag' } });
  const tag = catalog.propertyType('Tag');
  assert.equal(tag?.properties.Key?.required, true);
  assert.equal(tag?.properties.Value?.required, true);
});

void test('nested attribute names keep their dots', () => {
  const db = catalog.resourceType('AWS::RDS::DBInstance');
  assert.deepEqual(db?.attributes['Endpoint.Address']?.type, { kind: 'primitive', name: 'string' });
  assert.ok(db?.attributes['Endpoint.Port']);
  assert.deepEqual(db?.attributes.Endpoint?.type, { kind: 'struct', name: 'AWS::RDS::DBInstance.Endpoint' });
});

void test('AWS::Lambda::Function requires Role and Code', () => {
  const fn = catalog.resourceType('AWS::Lambda::Function');
  assert.equal(fn?.properties.Role?.required, true);
  assert.equal(fn?.properties.Code?.required, true);
  assert.equal(fn?.properties.FunctionName?.required, false);
  assert.deepEqual(fn?.properties.Code?.type, { kind: 'struct', name: 'AWS::Lambda::Function.Code' });
});

void test('AWS::Serverless::Function has its SAM properties, unions and no fake replacement data', () => {
  const fn = catalog.resourceType('AWS::Serverless::Function');
  assert.ok(fn);
  for (const p of ['Handler', 'Runtime', 'CodeUri', 'Events', 'Policies', 'Environment', 'LoggingConfig', 'SnapStart', 'PropagateTags']) assert.ok(fn.properties[p], p);
  // SAM overlay (data/sam/samSpec.json): Events is a map of event structs, one per event Type.
  const events = fn.properties.Events?.type;
  assert.equal(events?.kind, 'map');
  assert.equal(events.element.kind, 'union');
  const alternatives = events.element.types;
  assert.ok(alternatives.some((t) => t.kind === 'struct' && t.name === 'AWS::Serverless::Function.S3Event'));
  assert.equal(fn.properties.CodeUri?.type.kind, 'union');
  assert.equal(fn.properties.Handler?.replacement, undefined);
  const s3 = catalog.propertyType('AWS::Serverless::Function.S3Event');
  assert.equal(s3?.properties.Type?.required, true);
  assert.deepEqual(s3?.properties.Type?.enumValues, ['S3']);
  assert.deepEqual(s3?.properties.Properties?.type, { kind: 'struct', name: 'AWS::Serverless::Function.S3EventProperties' });
  // Pass-through properties are typed like their CloudFormation target.
  assert.deepEqual(fn.properties.LoggingConfig?.type, { kind: 'struct', name: 'AWS::Lambda::Function.LoggingConfig' });
  assert.equal(catalog.propertyType('AWS::Serverless::Function.EventInvokeDestinationConfig')?.properties.OnSuccess?.required, false);
});

void test('SAM types come from the aws-sam-translator overlay', () => {
  assert.match(catalog.version, / \+ aws-sam-translator \d+\.\d+\.\d+$/);
  for (const t of ['Connector', 'CapacityProvider', 'WebSocketApi', 'GraphQLApi']) assert.ok(catalog.resourceType(`AWS::Serverless::${t}`), t);
  const http = catalog.resourceType('AWS::Serverless::HttpApi');
  assert.ok(http?.properties.AccessLogSettings);
  assert.equal(http.properties.AccessLogSetting, undefined);
  // Every struct named by a SAM type resolves, including CloudFormation ones in other shards.
  const visit = (t: ReturnType<typeof decodeType>, where: string): void => {
    if (t.kind === 'struct') {
      const pt = catalog.propertyType(t.name);
      assert.ok(pt, `${where}: ${t.name}`);
      if (t.name.startsWith('AWS::Serverless::')) for (const [n, p] of Object.entries(pt.properties)) visit(p.type, `${t.name}.${n}`);
    } else if (t.kind === 'list' || t.kind === 'map') visit(t.element, where);
    else if (t.kind === 'union') t.types.forEach((x) => visit(x, where));
  };
  for (const name of catalog.resourceTypeNames().filter((n) => n.startsWith('AWS::Serverless::'))) {
    for (const [n, p] of Object.entries(catalog.resourceType(name)?.properties ?? {})) visit(p.type, `${name}.${n}`);
  }
});

void test('unknown names return undefined without loading shards', () => {
  const { catalog: c, loads } = countingCatalog();
  assert.equal(c.resourceType('AWS::Nope::Thing'), undefined);
  assert.equal(c.resourceType('constructor'), undefined);
  assert.equal(c.propertyType('AWS::Nope::Thing.Foo'), undefined);
  assert.equal(c.propertyType('toString'), undefined);
  assert.deepEqual(loads, []);
  assert.equal(c.resourceType('aws::s3::bucket'), undefined); // names are case-sensitive
  assert.equal(c.propertyType('AWS::S3::Bucket.NoSuchType'), undefined);
});

void test('shards load lazily, once; a resource type\'s property types come with it', () => {
  const { catalog: c, loads } = countingCatalog();
  assert.ok(c.resourceTypeNames().length > 0);
  assert.deepEqual(loads, []);
  assert.ok(c.resourceType('AWS::S3::Bucket'));
  // A service's shard, or the chunk of a large one that holds the type (scripts/shardChunks.mjs).
  assert.equal(loads.length, 1);
  assert.match(loads[0]!, /^AWS_S3(-[0-9]+)?$/);
  assert.ok(c.propertyType('AWS::S3::Bucket.VersioningConfiguration'));
  assert.strictEqual(c.resourceType('AWS::S3::Bucket'), c.resourceType('AWS::S3::Bucket'));
  assert.equal(loads.length, 1);
  assert.ok(c.resourceType('AWS::S3::BucketPolicy'));
  assert.ok(c.resourceType('AWS::Lambda::Function'));
  assert.ok(loads.slice(1).every((shard) => /^AWS_(S3|Lambda)(-[0-9]+)?$/.test(shard)), loads.join());
  assert.equal(new Set(loads).size, loads.length, 'no shard loads twice');
});

/** The property types a type refers to, through lists, maps and unions. */
function structNames(type: TypeRef): string[] {
  if (type.kind === 'struct') return [type.name];
  if (type.kind === 'list' || type.kind === 'map') return structNames(type.element);
  if (type.kind === 'union') return type.types.flatMap(structNames);
  return [];
}

void test('a large service is split into chunks of whole types, each read only for its own types', () => {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as CatalogIndex;
  const ec2Chunks = Object.keys(index.shards).filter((shard) => shard.startsWith('AWS_EC2-'));
  assert.ok(ec2Chunks.length > 1, 'EC2 (over 300 KB) is chunked');
  assert.ok(!Object.hasOwn(index.shards, 'AWS_EC2'));
  const { catalog: c, loads } = countingCatalog();
  const ec2Types = c.resourceTypeNames().filter((name) => name.startsWith('AWS::EC2::'));
  assert.ok(c.resourceType('AWS::EC2::SecurityGroup'));
  assert.equal(loads.length, 1);
  // Every EC2 type (and each one's property types) is found through its chunk, across all of them.
  for (const name of ec2Types) {
    const info = c.resourceType(name);
    assert.ok(info, name);
    for (const property of Object.values(info.properties)) for (const struct of structNames(property.type)) assert.ok(c.propertyType(struct), struct);
  }
  assert.deepEqual(new Set(loads), new Set(ec2Chunks));
});

void test('regions: the spec source regions; no per-type availability claims', () => {
  const regions = catalog.regions();
  assert.ok(regions.length > 0);
  assert.ok(regions.includes('us-east-1'));
  // The spec's region links are incomplete (AWS::S3::Bucket has none), so the
  // catalogue says nothing rather than "not available in us-east-1".
  assert.equal(catalog.resourceType('AWS::S3::Bucket')?.regions, undefined);
});

void test('a shard of another format version is rejected', () => {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as CatalogIndex;
  assert.throws(() => createCompiledCatalog({ ...index, format: 99 }, () => ({})), /format 99/);
  const c = createCompiledCatalog(index, () => ({ format: 0, resources: {}, propertyTypes: {} }));
  assert.throws(() => c.resourceType('AWS::S3::Bucket'), /shard AWS_S3(-[0-9]+)? has format 0/);
});

void test('decodeType covers every encoding', () => {
  assert.deepEqual(decodeType('timestamp'), { kind: 'primitive', name: 'timestamp' });
  assert.deepEqual(decodeType({ l: 'json' }), { kind: 'list', element: { kind: 'primitive', name: 'json' } });
  assert.deepEqual(decodeType({ m: 'Tag' }), { kind: 'map', element: { kind: 'struct', name: 'Tag' } });
  assert.deepEqual(decodeType({ u: ['string', 'A::B::C.D'] }), {
    kind: 'union',
    types: [{ kind: 'primitive', name: 'string' }, { kind: 'struct', name: 'A::B::C.D' }],
  });
});

void test('no resource, property or attribute documentation ends on a dangling lead-in ("For example:")', () => {
  const dangling: string[] = [];
  const check = (where: string, text: string | undefined): void => {
    if (text?.trimEnd().endsWith(':')) dangling.push(`${where}: ${text}`);
  };
  for (const name of catalog.resourceTypeNames()) {
    // The SAM overlay is checked in (data/sam), generated separately by scripts/buildSamSpec.mjs.
    if (name.startsWith('AWS::Serverless::')) continue;
    const docs = catalog.documentation(name);
    check(name, docs?.text);
    for (const [property, text] of Object.entries(docs?.properties ?? {})) check(`${name}.${property}`, text);
    for (const [attribute, text] of Object.entries(docs?.attributes ?? {})) check(`${name} attribute ${attribute}`, text);
  }
  assert.deepEqual(dangling.slice(0, 5), [], `${dangling.length} dangling docs`);
  assert.equal(catalog.documentation('AWS::IAM::Role')!.attributes['Arn'], 'Returns the Amazon Resource Name (ARN) for the role.');
});

void test('documentation is read apart from the types: a lint loads no docs file, hover reads one, hostile names find nothing', () => {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as CatalogIndex;
  const loads: string[] = [];
  const c = createCompiledCatalog(
    index,
    (shard) => {
      loads.push(shard);
      return JSON.parse(fs.readFileSync(path.join(dir, `${shard}.json`), 'utf8')) as unknown;
    },
    (shard) => {
      loads.push(`${shard}.docs`);
      return JSON.parse(fs.readFileSync(path.join(dir, `${shard}.docs.json`), 'utf8')) as unknown;
    },
  );
  assert.ok(c.resourceType('AWS::SQS::Queue'));
  assert.deepEqual(loads, ['AWS_SQS']);
  const queue = c.documentation('AWS::SQS::Queue');
  assert.match(queue?.text ?? '', /queue/i);
  assert.deepEqual(loads, ['AWS_SQS', 'AWS_SQS.docs']);
  assert.strictEqual(c.documentation('AWS::SQS::Queue'), queue, 'decoded once');
  // Property types: their own entry in the resource's docs shard; the shared Tag: from the index.
  assert.match(c.documentation('AWS::S3::Bucket.VersioningConfiguration')?.properties['Status'] ?? '', /versioning/i);
  assert.match(c.documentation('Tag')?.properties['Key'] ?? '', /key/i);
  for (const name of ['constructor', '__proto__', 'AWS::SQS::constructor', 'toString', 'AWS::Nope::Thing']) assert.equal(c.documentation(name), undefined, name);
  assert.equal(queue?.properties['constructor'], undefined);
  assert.equal(queue?.attributes['__proto__'], undefined);
});
