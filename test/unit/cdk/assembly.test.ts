import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readAssembly } from '../../../src/engine/cdk/assembly';
import { parseCdkJson } from '../../../src/engine/cdk/cdkJson';
import { creationFrames, parseFrame } from '../../../src/engine/cdk/frames';
import { findConstruct } from '../../../src/engine/cdk/tree';
import { loadCdkApp } from '../../../src/node/cdk/loadCdkApp';

const APP = path.resolve(__dirname, '..', '..', 'fixtures', 'cdk-app');

describe('cloud assembly reader (checked-in synth of test/fixtures/cdk-app)', () => {
  const loaded = loadCdkApp(APP);
  const assembly = loaded.assembly!;

  it('finds the assembly through cdk.json and reads every stack, Stage and nested stack', () => {
    assert.equal(loaded.assemblyDir, path.join(APP, 'cdk.out'));
    assert.equal(loaded.config?.app, 'node build/bin/app.js');
    assert.deepEqual(assembly.problems, []);
    assert.deepEqual(
      assembly.stacks.map((stack) => [stack.displayName, stack.templateFile, stack.environment?.region]),
      [
        ['Prod/Data', 'assembly-Prod/ProdData90A795AA.template.json', 'eu-central-1'],
        ['Prod/Data/Archive', 'assembly-Prod/ProdDataArchiveF3EFFCC2.nested.template.json', 'eu-central-1'],
        ['DataStack', 'DataStack.template.json', 'us-east-1'],
        ['DataStack/Archive', 'DataStackArchiveFEE14FD0.nested.template.json', 'us-east-1'],
        ['EdgeStack', 'EdgeStack.template.json', 'eu-west-1'],
        ['ApiStack', 'ApiStack.template.json', 'us-east-1'],
      ],
    );
    assert.deepEqual(assembly.stages, [{ artifactId: 'assembly-Prod', displayName: 'Prod', directory: 'assembly-Prod' }]);
    const nested = assembly.stacks.find((stack) => stack.displayName === 'DataStack/Archive')!;
    assert.equal(nested.parentArtifactId, 'DataStack');
    assert.ok(nested.resources.some((resource) => resource.constructPath === 'DataStack/Archive/Store/Resource' && resource.type === 'AWS::S3::Bucket'));
  });

  it('merges metadata from the side file and detects what the assembly records', () => {
    assert.deepEqual(assembly.capabilities, { creationStack: true, trace: false, propertyAssignment: false, pathMetadata: true, tree: true, splitTree: true });
    const data = assembly.stacks.find((stack) => stack.artifactId === 'DataStack')!;
    const frames = creationFrames(data.metadata.get('/DataStack/Orders'));
    assert.equal(frames[0]?.functionName, 'new DataStack');
    assert.match(frames[0]!.file, /build\/lib\/dataStack\.js$/);
    assert.equal(frames[0]?.line, 12);
  });

  it('follows trees-N.json forests and links constructs to their template resources', () => {
    const tree = assembly.tree!;
    const table = findConstruct(tree, 'Prod/Data/Orders');
    assert.equal(table?.cfnType, 'AWS::DynamoDB::Table');
    assert.equal(table?.stackArtifactId, 'ProdData90A795AA');
    assert.equal(table?.templateFile, 'assembly-Prod/ProdData90A795AA.template.json');
    const role = findConstruct(tree, 'DataStack/Legacy/ServiceRole/Resource');
    assert.equal(role?.fqn, 'aws-cdk-lib.aws_iam.CfnRole');
    assert.match(role?.logicalId ?? '', /^LegacyServiceRole/);
    assert.equal(findConstruct(tree, 'DataStack/Archive/Store')?.fqn, 'aws-cdk-lib.aws_s3.Bucket');
  });

  it('reads validation-report.json violations with their resources and frames', () => {
    const runtime = assembly.violations.find((violation) => violation.constructPath === 'DataStack/Legacy/Resource' && violation.ruleName === 'W2531');
    assert.equal(runtime?.templateFile, 'DataStack.template.json');
    assert.deepEqual(runtime?.propertyPaths, ['Properties.Runtime']);
    assert.ok(runtime?.frames.some((frame) => frame.includes('dataStack.js:21:9')));
  });

  it('reads the legacy variant (no creation stacks) and says so', () => {
    const legacy = loadCdkApp(path.join(APP, 'cdk.out.legacy'));
    assert.equal(legacy.appDir, APP);
    assert.equal(legacy.assembly?.capabilities.creationStack, false);
    assert.equal(legacy.assembly?.stacks.length, 6);
  });
});

describe('assembly reader on hostile and broken input', () => {
  it('never throws, bounds recursion and lists what it could not read', () => {
    const files = new Map<string, string>([
      ['manifest.json', JSON.stringify({ version: '55.0.0', artifacts: { __proto__: { type: 'aws:cloudformation:stack' }, constructor: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } }, Bad: { type: 'aws:cloudformation:stack', properties: { templateFile: 'missing.json' } } } })],
      ['tree.json', '{"version":"tree-0.1","tree":{"id":"App","path":"","children":{"A":{"id":"A","path":"A","fileName":"../../etc/passwd","treeId":"t0"}}}}'],
      ['validation-report.json', 'not json'],
    ]);
    const assembly = readAssembly((file) => files.get(file));
    assert.ok(assembly.problems.some((problem) => problem.includes('missing.json is missing')));
    assert.ok(assembly.problems.some((problem) => problem.includes('nest deeper')));
    assert.ok(assembly.problems.some((problem) => problem.includes('validation-report.json')));
    assert.equal(assembly.tree?.children[0]?.path, 'A');
  });

  it('parses frames of every recorded shape', () => {
    assert.deepEqual(parseFrame('new DataStack (/app/lib/data.js:12:9)'), { file: '/app/lib/data.js', line: 12, column: 9, functionName: 'new DataStack' });
    assert.deepEqual(parseFrame('    at /app/bin/app.js:3:4'), { file: '/app/bin/app.js', line: 3, column: 4 });
    assert.deepEqual(parseFrame('  File "/app/stacks/data.py", line 14, in __init__'), { file: '/app/stacks/data.py', line: 14, column: 1, functionName: '__init__' });
    assert.equal(parseFrame('...new Function2 in aws-cdk-lib...'), undefined);
  });

  it('keeps cdk.json output inside the app folder', () => {
    assert.equal(parseCdkJson('{"app":"npx tsx bin/app.ts","output":"../elsewhere"}').output, 'cdk.out');
    assert.equal(parseCdkJson('{"output":"build/cdk.out"}').output, 'build/cdk.out');
    assert.equal(parseCdkJson('[]').problems.length, 1);
  });
});
