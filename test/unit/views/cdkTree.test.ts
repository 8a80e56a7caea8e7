// The CDK tree's view logic on plain data: apps > stacks (environment, stale marker) > constructs
// (L2 folders, L1 leaves with type and logical id, framework constructs hidden), finding badges
// and accessibility labels, what a click opens, the construct code lenses of a source file and
// the way back from a template resource to its source line; plus the template index over the real
// engine (counts per resource, `aws:cdk:path`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isStale, type CdkApp, type CdkStack, type CdkConstruct, type FindingCounts, type SynthesizedResource } from '../../../src/views/cdk/cdkModel';
import { AppNode, CdkMessageNode, countsText, type ConstructNode, shortFqn, StackNode, type CdkNode } from '../../../src/views/cdk/cdkNodes';
import { CdkRoot } from '../../../src/views/cdk/cdkRoot';
import { lensesForFile, lensTitle, sourceOfResource } from '../../../src/views/cdk/constructLenses';
import { synthLensLines } from '../../../src/views/cdk/synthLenses';
import { indexTemplate, resourceAnchoredAt, resourceAt } from '../../../src/views/cdk/templateIndex';
import { CONTEXT } from '../../../src/views/contextValues';
import { realAnalyzer } from '../../support/lintHelpers';

const signal = new AbortController().signal;
const none: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
const TEMPLATE = '/app/cdk.out/Storage.template.json';
const STACK_FILE = '/app/lib/storage.ts';

function resource(logicalId: string, type: string, line: number, findings: FindingCounts = none): SynthesizedResource {
  return { logicalId, type, templateFile: TEMPLATE, line, findings };
}

function construct(path: string, extra: Partial<CdkConstruct> = {}): CdkConstruct {
  const id = path.split('/').pop()!;
  return { path, id, children: [], ...extra };
}

// Storage stack: an L2 bucket (L1 bucket + policy, made on line 10), an L1 table written directly
// (line 20), a custom L3 whose L1 child is created on another line (30 -> 40), and CDKMetadata.
const bucket = construct('Storage/Logs', {
  fqn: 'aws-cdk-lib.aws_s3.Bucket',
  children: [
    construct('Storage/Logs/Resource', { fqn: 'aws-cdk-lib.aws_s3.CfnBucket', resource: resource('Logs1234', 'AWS::S3::Bucket', 5, { errors: 1, warnings: 0, infos: 0 }), source: { file: STACK_FILE, line: 10, column: 4, precision: 'trace' } }),
    construct('Storage/Logs/Policy', {
      fqn: 'aws-cdk-lib.aws_s3.BucketPolicy',
      children: [construct('Storage/Logs/Policy/Resource', { resource: resource('LogsPolicy99', 'AWS::S3::BucketPolicy', 15, { errors: 0, warnings: 2, infos: 0 }), source: { file: STACK_FILE, line: 10, column: 4, precision: 'trace' } })],
    }),
  ],
});
const table = construct('Storage/Orders', { fqn: 'aws-cdk-lib.aws_dynamodb.CfnTable', resource: resource('Orders', 'AWS::DynamoDB::Table', 25), source: { file: STACK_FILE, line: 20, column: 4, precision: 'trace' } });
const api = construct('Storage/Api', {
  fqn: 'constructs.Construct',
  source: { file: STACK_FILE, line: 30, column: 4, precision: 'inferred' },
  children: [construct('Storage/Api/Fn', { resource: resource('ApiFn', 'AWS::Lambda::Function', 40), source: { file: '/app/lib/api.ts', line: 7, column: 2, precision: 'trace' } })],
});
const metadata = construct('Storage/CDKMetadata', { children: [construct('Storage/CDKMetadata/Default', { resource: resource('CDKMetadata', 'AWS::CDK::Metadata', 50) })] });
const output = construct('Storage/BucketName'); // a CfnOutput: synthesizes no resource

function app(overrides: Partial<CdkApp> = {}): CdkApp {
  return {
    rootDir: '/app',
    name: 'app',
    appCommand: 'npx ts-node bin/app.ts',
    outDir: '/app/cdk.out',
    assembly: {
      kind: 'ready',
      stacks: [
        {
          artifactId: 'Storage',
          displayName: 'Storage',
          environment: 'aws://111111111111/eu-west-1',
          templateFile: TEMPLATE,
          construct: construct('Storage', { children: [bucket, table, api, metadata, output] }),
        },
      ],
    },
    ...overrides,
  };
}

function firstStack(of: CdkApp): CdkStack {
  assert.equal(of.assembly.kind, 'ready');
  return of.assembly.stacks[0]!;
}

async function kids(node: CdkNode): Promise<CdkNode[]> {
  return (await node.children!(signal)) as CdkNode[];
}

function labelled(nodes: readonly CdkNode[], label: string): CdkNode {
  const found = nodes.find((n) => n.item().label === label);
  assert.ok(found, `no node "${label}" in ${nodes.map((n) => n.item().label).join(', ')}`);
  return found;
}

describe('CDK tree nodes', () => {
  test('apps > stacks > constructs, framework and resource-less constructs hidden, in creation order', async () => {
    const [appNode] = (await new CdkRoot(() => Promise.resolve([app()])).children(signal)) as CdkNode[];
    assert.equal(appNode!.item().label, 'app');
    assert.equal(appNode!.item().description, '1 stack · 1 error, 2 warnings');
    const [stack] = await kids(appNode!);
    assert.ok(stack instanceof StackNode);
    assert.deepEqual(
      (await kids(stack)).map((n) => n.item().label),
      ['Logs', 'Orders', 'Api'],
    );
  });

  test('a stack shows its environment and findings; a stale assembly is marked and offers Synthesize', () => {
    const fresh = new StackNode(app(), firstStack(app()), 'cdk');
    assert.equal(fresh.item().description, 'aws://111111111111/eu-west-1 · 1 error, 2 warnings');
    assert.equal(fresh.item().contextValue, CONTEXT.cdkStack);
    assert.deepEqual(fresh.item().badge, { count: 3, tone: 'error' });
    const staleApp = app({ staleSource: { file: STACK_FILE, mtimeMs: 5_000 } });
    assert.equal(isStale(staleApp), true);
    const stale = new StackNode(staleApp, firstStack(staleApp), 'cdk');
    assert.equal(stale.item().contextValue, CONTEXT.cdkStackStale);
    assert.match(stale.item().description!, /stale/);
    assert.match(stale.item().tooltip!, /changed after the last synth/);
    assert.match(stale.item().accessibilityLabel, /stale: sources changed after the last synth/);
  });

  test('an L2 is a folder with its kind and summed findings; its click opens the line of its L1 child', async () => {
    const stack = (await kids((await new CdkRoot(() => Promise.resolve([app()])).children(signal))[0] as CdkNode))[0]!;
    const logs = labelled(await kids(stack), 'Logs');
    const item = logs.item();
    assert.equal(item.collapsible, 'collapsed');
    assert.equal(item.contextValue, CONTEXT.cdkConstruct);
    assert.equal(item.description, 's3.Bucket · 1 error, 2 warnings');
    assert.deepEqual(item.command?.arguments, [{ file: STACK_FILE, line: 10, column: 4, precision: 'trace' }]);
    assert.match(item.tooltip!, /Creates AWS::S3::Bucket, AWS::S3::BucketPolicy/);
    assert.equal(item.accessibilityLabel, 'Logs, s3.Bucket, creates 2 resource types · 1 error, 2 warnings');
    assert.deepEqual(
      (logs as ConstructNode).resources().map((r) => r.logicalId),
      ['Logs1234', 'LogsPolicy99'],
    );
  });

  test('an L1 is a leaf with its CloudFormation type and logical id', async () => {
    const stack = (await kids((await new CdkRoot(() => Promise.resolve([app()])).children(signal))[0] as CdkNode))[0]!;
    const orders = labelled(await kids(stack), 'Orders').item();
    assert.equal(orders.collapsible, 'none');
    assert.equal(orders.contextValue, CONTEXT.cdkResource);
    assert.equal(orders.description, 'AWS::DynamoDB::Table · Orders');
    assert.equal(orders.badge, undefined);
    assert.equal(orders.accessibilityLabel, 'Orders, AWS::DynamoDB::Table resource, logical id Orders · no findings');
    const logs = labelled(await kids(stack), 'Logs');
    const policy = labelled(await kids(logs), 'Policy');
    const policyResource = (await kids(policy))[0]!.item();
    assert.deepEqual(policyResource.badge, { count: 2, tone: 'warning' });
  });

  test('an inferred source position says so in the tooltip', async () => {
    const stack = (await kids((await new CdkRoot(() => Promise.resolve([app()])).children(signal))[0] as CdkNode))[0]!;
    assert.match(labelled(await kids(stack), 'Api').item().tooltip!, /inferred from the construct id/);
  });

  test('no assembly yet: the app offers Synthesize; an unreadable one says why', async () => {
    const missing = await kids(new AppNode(app({ assembly: { kind: 'missing' } })));
    assert.ok(missing[0] instanceof CdkMessageNode);
    assert.match(missing[0].item().label, /No cloud assembly in cdk\.out: Synthesize/);
    assert.equal(missing[0].item().command?.command, 'archlens.cdk.synthesize');
    assert.deepEqual(missing[0].item().command?.arguments, ['/app']);
    const broken = await kids(new AppNode(app({ assembly: { kind: 'unreadable', reason: 'manifest.json is not valid JSON.' } })));
    assert.match(broken[0]!.item().label, /Cannot read cdk\.out: manifest\.json is not valid JSON\./);
    assert.equal(new AppNode(app({ assembly: { kind: 'missing' } })).item().description, 'not synthesized');
  });

  test('no app: the root is empty (the welcome content shows); a failed load is retried on the next render', async () => {
    assert.deepEqual(await new CdkRoot(() => Promise.resolve([])).children(signal), []);
    let calls = 0;
    const root = new CdkRoot(() => (++calls === 1 ? Promise.reject(new Error('disk gone')) : Promise.resolve([app()])));
    await assert.rejects(root.children(signal), /disk gone/);
    assert.equal((await root.children(signal)).length, 1);
    assert.equal(calls, 2);
    await root.children(signal);
    assert.equal(calls, 2, 'cached until refresh');
    root.refresh();
    await root.children(signal);
    assert.equal(calls, 3);
  });

  test('several apps are listed by name', async () => {
    const nodes = await new CdkRoot(() => Promise.resolve([app({ rootDir: '/w/web', name: 'web' }), app({ rootDir: '/w/api', name: 'api' })])).children(signal);
    assert.deepEqual(
      nodes.map((n) => n.item().label),
      ['api', 'web'],
    );
    assert.notEqual(nodes[0]!.id, nodes[1]!.id);
  });

  test('helpers: counts text and short fqn', () => {
    assert.equal(countsText({ errors: 1, warnings: 0, infos: 3 }), '1 error, 3 infos');
    assert.equal(countsText(none), '');
    assert.equal(shortFqn('aws-cdk-lib.aws_s3.Bucket'), 's3.Bucket');
    assert.equal(shortFqn('constructs.Construct'), 'Construct');
    assert.equal(shortFqn(undefined), undefined);
  });
});

describe('construct code lenses and the way back', () => {
  test('one lens per creation line: the L2 line lists its resource types; an L1 child made elsewhere gets its own lens', () => {
    const lenses = lensesForFile([app()], STACK_FILE);
    assert.deepEqual(
      lenses.map((l) => [l.line, lensTitle(l)]),
      [
        [10, 'Creates AWS::S3::Bucket, AWS::S3::BucketPolicy'],
        [20, 'Creates AWS::DynamoDB::Table'],
        [30, 'Creates AWS::Lambda::Function'],
      ],
    );
    assert.equal(lenses[0]!.resources[0]!.logicalId, 'Logs1234');
    assert.deepEqual(
      lensesForFile([app()], '/app/lib/api.ts').map((l) => [l.line, lensTitle(l)]),
      [[7, 'Creates AWS::Lambda::Function']],
    );
    assert.deepEqual(lensesForFile([app({ assembly: { kind: 'missing' } })], STACK_FILE), []);
  });

  test('long type lists are cut', () => {
    assert.equal(lensTitle({ line: 0, column: 0, path: 'x', resources: [], types: ['A', 'B', 'C', 'D', 'E', 'F'] }), 'Creates A, B, C, D and 2 more');
  });

  test('a template resource leads back to the construct and its source line', () => {
    const found = sourceOfResource([app()], TEMPLATE, 'LogsPolicy99');
    assert.equal(found?.construct.path, 'Storage/Logs/Policy/Resource');
    assert.deepEqual(found?.source, { file: STACK_FILE, line: 10, column: 4, precision: 'trace' });
    assert.equal(sourceOfResource([app()], '/other.template.json', 'LogsPolicy99'), undefined);
    assert.equal(sourceOfResource([app()], TEMPLATE, 'constructor'), undefined);
  });
});

describe('template index (real engine)', () => {
  const text = `{
  "Resources": {
    "Logs1234": {
      "Type": "AWS::S3::Bucket",
      "Properties": { "BucketNam": "x" },
      "Metadata": { "aws:cdk:path": "Storage/Logs/Resource" }
    },
    "Orders": {
      "Type": "AWS::SQS::Queue",
      "Metadata": { "aws:cdk:path": "/Storage/Orders" }
    }
  }
}`;

  test('resources with their construct path, key line and findings', () => {
    const analyzer = realAnalyzer();
    const analyzed = analyzer.analyze('Storage.template.json', text);
    const findings = analyzer.lintAnalyzed(analyzed).findings;
    const index = indexTemplate(analyzed, findings);
    const logs = index.resources.get('Logs1234')!;
    assert.equal(logs.type, 'AWS::S3::Bucket');
    assert.equal(logs.line, 2);
    assert.equal(logs.column, 4);
    assert.equal(logs.findings.errors, findings.filter((f) => f.severity === 'error' && f.range.start.line === 4).length);
    assert.ok(logs.findings.errors >= 1, 'the misspelt property is an error');
    assert.equal(index.byPath.get('Storage/Orders')?.logicalId, 'Orders');
    assert.deepEqual(index.resources.get('Orders')!.findings, none);
    assert.equal(resourceAt(index, text.indexOf('BucketNam'))?.logicalId, 'Logs1234');
    assert.equal(resourceAt(index, 0), undefined);
    // Go to definition answers on the logical id key and the aws:cdk:path value only.
    assert.equal(resourceAnchoredAt(index, text.indexOf('"Logs1234"') + 2)?.logicalId, 'Logs1234');
    assert.equal(resourceAnchoredAt(index, text.indexOf('Storage/Logs/Resource') + 3)?.logicalId, 'Logs1234');
    assert.equal(resourceAnchoredAt(index, text.indexOf('BucketNam')), undefined);
  });
});

describe('Synthesize code lens lines', () => {
  test('TypeScript: new App() and stack or stage classes, not comments', () => {
    const text = [
      "import * as cdk from 'aws-cdk-lib';",
      'const app = new cdk.App();',
      '// const other = new App();',
      'export class DataStack extends Stack {',
      'class Prod extends cdk.Stage {',
      'class Helper extends Construct {',
      '  new App({ outdir });',
    ].join('\n');
    assert.deepEqual(synthLensLines(text, false), [
      { line: 1, column: 12, kind: 'app' },
      { line: 3, column: 0, kind: 'stack' },
      { line: 4, column: 0, kind: 'stack' },
      { line: 6, column: 2, kind: 'app' },
    ]);
  });

  test('Python: App() and Stack subclasses', () => {
    const text = ['app = cdk.App()', 'class DataStack(Stack):', '# app = App()', 'class Helper(Construct):'].join('\n');
    assert.deepEqual(
      synthLensLines(text, true).map((l) => [l.line, l.kind]),
      [
        [0, 'app'],
        [1, 'stack'],
      ],
    );
  });

  test('a very long line (minified code) gets no lens, and the scan stays linear', () => {
    assert.deepEqual(synthLensLines(`${'x'.repeat(10_000)} new App()`, false), []);
    const hostile = `class A extends ${'a.'.repeat(150)}`;
    const started = performance.now();
    synthLensLines(Array.from({ length: 2_000 }, () => hostile).join('\n'), false);
    assert.ok(performance.now() - started < 2_000);
  });
});
