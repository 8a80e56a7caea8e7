// The CDK view model built from real assemblies on disk: the fixture app (aws-cdk-lib 2.276.0:
// three stacks, a Stage, a nested stack), its legacy copy without creation stacks (static id
// match), and the demo app; source lines found from the sources' own text, not hard-coded;
// badges from the real engine; the stale marker from file times.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { appSnapshot } from '../../src/extension/cdk/appSnapshot';
import { constructLocator } from '../../src/extension/cdk/sourceLocator';
import { isStale, subtreeFindings, type CdkApp, type CdkConstruct, type CdkStack } from '../../src/views/cdk/cdkModel';
import { lensesForFile, lensTitle, sourceOfResource } from '../../src/views/cdk/constructLenses';
import { realAnalyzer } from '../support/lintHelpers';

const repo = join(import.meta.dirname, '..', '..');
const fixture = join(repo, 'test', 'fixtures', 'cdk-app');
const demo = join(repo, 'demo', 'cdk-shop');
const scratch = mkdtempSync(join(tmpdir(), 'archlens-cdk-snapshot-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function snapshot(folder: string): CdkApp {
  return appSnapshot(folder, { analyzer: realAnalyzer(), locator: constructLocator, name: 'app' });
}

function stacks(app: CdkApp): readonly CdkStack[] {
  assert.equal(app.assembly.kind, 'ready', JSON.stringify(app.assembly));
  return app.assembly.stacks;
}

function dataStack(app: CdkApp): CdkStack {
  const found = stacks(app).find((s) => s.displayName === 'DataStack');
  assert.ok(found);
  return found;
}

function child(construct: CdkConstruct | undefined, id: string): CdkConstruct {
  const found = construct?.children.find((c) => c.id === id);
  assert.ok(found, `no ${id} under ${construct?.path}: ${construct?.children.map((c) => c.id).join(', ')}`);
  return found;
}

/** Zero-based line of the first line of `file` containing `text`. */
function lineOf(file: string, text: string): number {
  const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `${text} not in ${file}`);
  return line;
}

const dataStackTs = join(fixture, 'lib', 'dataStack.ts');

describe('CDK app snapshot (real assemblies)', () => {
  const app = snapshot(fixture);

  test('the fixture app: every stack with its environment, Stage stacks included, nested stacks inside their parent', () => {
    assert.equal(app.appCommand, 'node build/bin/app.js');
    assert.equal(app.outDir, join(fixture, 'cdk.out'));
    assert.deepEqual(
      stacks(app)
        .map((s) => [s.displayName, s.environment])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
      [
        ['ApiStack', 'aws://111111111111/us-east-1'],
        ['DataStack', 'aws://111111111111/us-east-1'],
        ['EdgeStack', 'aws://111111111111/eu-west-1'],
        ['Prod/Data', 'aws://222222222222/eu-central-1'],
      ],
    );
    const data = dataStack(app).construct;
    const store = child(child(child(data, 'Archive'), 'Store'), 'Resource');
    assert.equal(store.resource?.type, 'AWS::S3::Bucket');
    assert.match(store.resource!.templateFile, /DataStackArchive[0-9A-F]+\.nested\.template\.json$/);
  });

  test('an L1 leads to its .ts line through the creation frames and the source map; an L2 to its L1 child', () => {
    const data = dataStack(app).construct;
    const orders = child(data, 'Orders');
    assert.equal(orders.resource?.type, 'AWS::DynamoDB::Table');
    assert.equal(orders.resource?.logicalId, 'Orders');
    assert.equal(orders.source?.file, dataStackTs);
    assert.equal(orders.source?.line, lineOf(dataStackTs, "new CfnTable(this, 'Orders'"));
    assert.equal(orders.source?.precision, 'trace');
    const legacy = child(data, 'Legacy');
    assert.equal(legacy.source, undefined, 'an L2 has no frames of its own');
    assert.equal(child(legacy, 'Resource').source?.line, lineOf(dataStackTs, "new LambdaFunction(this, 'Legacy'"));
  });

  test('badges are the engine findings of the synthesized resources (the retired runtime)', () => {
    const legacy = child(dataStack(app).construct, 'Legacy');
    const fn = child(legacy, 'Resource');
    assert.equal(fn.resource?.type, 'AWS::Lambda::Function');
    const counts = subtreeFindings(fn);
    assert.ok(counts.errors + counts.warnings > 0, `the nodejs16.x function has findings: ${JSON.stringify(counts)}`);
    const template = JSON.parse(readFileSync(fn.resource!.templateFile, 'utf8')) as { Resources: Record<string, unknown> };
    assert.ok(Object.hasOwn(template.Resources, fn.resource!.logicalId));
  });

  test('each template is parsed once: the view reuses what the assembly reader parsed', () => {
    const analyzer = realAnalyzer();
    const analysed: string[] = [];
    const counting = { ...analyzer, analyze: (...args: Parameters<typeof analyzer.analyze>) => (analysed.push(args[0]), analyzer.analyze(...args)) };
    const counted = appSnapshot(fixture, { analyzer: counting, locator: constructLocator, name: 'app' });
    assert.ok(stacks(counted).length > 0);
    assert.ok(subtreeFindings(child(dataStack(counted).construct, 'Legacy')).errors + subtreeFindings(child(dataStack(counted).construct, 'Legacy')).warnings > 0, 'badges still come from the engine');
    assert.deepEqual(analysed.filter((file) => file.endsWith('.template.json')), [], 'no template analysed a second time');
  });

  test('code lenses of dataStack.ts and the way back from the template', () => {
    const lenses = lensesForFile([app], dataStackTs);
    const legacyLine = lineOf(dataStackTs, "new LambdaFunction(this, 'Legacy'");
    const legacy = lenses.find((l) => l.line === legacyLine);
    assert.equal(legacy && lensTitle(legacy), 'Creates AWS::IAM::Role, AWS::Lambda::Function');
    assert.ok(lenses.some((l) => l.line === lineOf(dataStackTs, "new CfnTable(this, 'Orders'") && lensTitle(l) === 'Creates AWS::DynamoDB::Table'));
    const templateFile = dataStack(app).templateFile;
    const back = sourceOfResource([app], templateFile, 'Orders');
    assert.equal(back?.source?.line, lineOf(dataStackTs, "new CfnTable(this, 'Orders'"));
  });

  test('an assembly without creation stacks: constructs are matched by id, and say it is inferred', () => {
    const legacyApp = snapshot(join(fixture, 'cdk.out.legacy'));
    const data = dataStack(legacyApp).construct;
    const legacy = child(data, 'Legacy');
    assert.equal(legacy.source?.precision, 'inferred');
    assert.equal(legacy.source?.file, dataStackTs);
    assert.equal(legacy.source?.line, lineOf(dataStackTs, "new LambdaFunction(this, 'Legacy'"));
  });

  test('the demo app (tsx, frames straight to .ts)', () => {
    const shop = snapshot(demo);
    const stack = stacks(shop)[0]!;
    assert.equal(stack.displayName, 'Shop');
    const carts = child(stack.construct, 'Carts');
    const shopTs = join(demo, 'lib', 'shopStack.ts');
    assert.equal(carts.source?.line, lineOf(shopTs, "new CfnTable(this, 'Carts'"));
    assert.ok(subtreeFindings(carts).errors > 0, 'AES256 is not an SSE type of DynamoDB');
  });

  test('no assembly yet: missing; a source saved after the synth: stale', () => {
    const copy = join(scratch, 'shop');
    cpSync(demo, copy, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(copy, 'cdk.out', 'manifest.json'), old, old);
    assert.equal(isStale(snapshot(copy)), true);
    const now = new Date();
    utimesSync(join(copy, 'cdk.out', 'manifest.json'), now, now);
    const later = new Date(Date.now() - 30_000);
    for (const file of ['bin/app.ts', 'lib/shopStack.ts', 'cdk.json', 'tsconfig.json']) utimesSync(join(copy, file), later, later);
    assert.equal(isStale(snapshot(copy)), false);
    rmSync(join(copy, 'cdk.out'), { recursive: true });
    assert.deepEqual(snapshot(copy).assembly, { kind: 'missing' });
  });
});
