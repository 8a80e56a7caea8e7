/**
 * Findings of the checked-in synth of test/fixtures/cdk-app, moved to the source that made each
 * resource. Expected places are computed from the fixture's sources (the key or call text), so
 * the test says what it means: "on the `sseType` key", not "line 18".
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeSourceMap, decodeVlqSegment, originalPositionFor } from '../../../src/engine/cdk/sourceMap';
import type { Finding } from '../../../src/engine/findings';
import { lintCdkApp } from '../../../src/node/cdk/lintCdkApp';
import { loadCdkApp } from '../../../src/node/cdk/loadCdkApp';
import { locateInPython } from '../../../src/node/cdk/propertyLocator';
import { FrameFiles } from '../../../src/node/cdk/frameFiles';
import { ConstructCallIndex } from '../../../src/node/cdk/staticLocator';
import { realAnalyzer } from '../../support/lintHelpers';

const APP = path.resolve(__dirname, '..', '..', 'fixtures', 'cdk-app');
const analyzer = realAnalyzer();
const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** Zero-based line and column of the first `needle` in `file` (of `appDir`) after `after`. */
function placeOf(appDir: string, file: string, needle: string, after = ''): { file: string; line: number; character: number } {
  const text = fs.readFileSync(path.join(appDir, file), 'utf8');
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset >= 0, `${needle} not in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { file: path.join(appDir, file), line: before.length - 1, character: before[before.length - 1]!.length };
}

function placed(findings: readonly Finding[], rule: string, stack: string, reports: ReturnType<typeof lintCdkApp>['reports']): Finding {
  const report = reports.find((candidate) => candidate.stack.displayName === stack)!;
  const finding = report.findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `${rule} on ${stack}: ${findings.length}`);
  return finding;
}

function assertAt(finding: Finding, expected: { file: string; line: number; character: number }): void {
  assert.equal(finding.otherFile?.file, expected.file);
  assert.deepEqual(finding.otherFile?.range.start, { line: expected.line, character: expected.character });
}

function copyApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cdk-'));
  temporary.push(dir);
  fs.cpSync(APP, dir, { recursive: true });
  return dir;
}

describe('CDK findings on sources (checked-in assembly with creation stacks)', () => {
  const result = lintCdkApp(loadCdkApp(APP), analyzer);
  const all = result.reports.flatMap((report) => report.findings);

  it('puts the L1 mistake on its property key, through the .js frame and its source map', () => {
    const finding = placed(all, 'cfn-value-enum', 'DataStack', result.reports);
    assertAt(finding, placeOf(APP, 'lib/dataStack.ts', 'sseType'));
    assert.equal(finding.related?.[0]?.file, path.join(APP, 'cdk.out', 'DataStack.template.json'));
    assert.equal(finding.related?.[0]?.message, 'synthesized into Orders of stack DataStack');
  });

  it('puts the L2 resource rule on the L2 construct prop (runtime), in the Stage stack too', () => {
    assertAt(placed(all, 'cfn-lambda-runtime', 'DataStack', result.reports), placeOf(APP, 'lib/dataStack.ts', 'runtime'));
    assertAt(placed(all, 'cfn-lambda-runtime', 'Prod/Data', result.reports), placeOf(APP, 'lib/dataStack.ts', 'runtime'));
  });

  it('checks the WebACL scope against the stack environment and the WebACLId attribute', () => {
    assertAt(placed(all, 'cfn-waf-cloudfront-region', 'EdgeStack', result.reports), placeOf(APP, 'lib/edgeStack.ts', "scope: 'CLOUDFRONT'"));
    assertAt(placed(all, 'cfn-cloudfront-webacl-arn', 'EdgeStack', result.reports), placeOf(APP, 'lib/edgeStack.ts', 'webAclId'));
  });

  it('checks the OpenAPI asset against the logical ids overrideLogicalId gives', () => {
    const finding = placed(all, 'apigw-template-references', 'ApiStack', result.reports);
    assertAt(finding, placeOf(APP, 'api/openapi.yaml', 'StatusHandler'));
    assert.match(finding.message, /overrideLogicalId \(OrdersHandler, StatusFunction\)/);
    assert.ok(finding.related?.some((location) => location.file === path.join(APP, 'lib', 'apiStack.ts') && location.message.includes('StatusFunction')));
    // OrdersHandler is right on both sides: no finding.
    assert.equal(all.filter((candidate) => candidate.rule === 'apigw-template-references').length, 1);
  });

  it('shows no validation-report violation twice (W2531 and W3030 are ours already)', () => {
    assert.deepEqual(all.filter((finding) => finding.rule === 'cdk-validation-report'), []);
    assert.equal(all.length, 7);
  });
});

describe('CDK findings without creation stacks (static fallback)', () => {
  it('places by construct ids and says the placement is inferred', () => {
    const result = lintCdkApp(loadCdkApp(path.join(APP, 'cdk.out.legacy')), analyzer);
    const all = result.reports.flatMap((report) => report.findings);
    const finding = placed(all, 'cfn-value-enum', 'DataStack', result.reports);
    assertAt(finding, placeOf(APP, 'lib/dataStack.ts', 'sseType'));
    assert.match(finding.message, /placement inferred from the construct id 'Orders'/);
    assertAt(placed(all, 'cfn-cloudfront-webacl-arn', 'EdgeStack', result.reports), placeOf(APP, 'lib/edgeStack.ts', 'webAclId'));
    // 'Orders' is also an id in apiStack.ts: the DataStack class's file wins.
    assertAt(placed(all, 'cfn-lambda-runtime', 'DataStack', result.reports), placeOf(APP, 'lib/dataStack.ts', 'runtime'));
  });

  it('matches Python construct calls and keyword arguments', () => {
    const python = ['class DataStack(Stack):', '    def __init__(self, scope, id):', '        dynamodb.CfnTable(', '            self, "Orders",', '            sse_specification=dynamodb.CfnTable.SSESpecificationProperty(', '                sse_enabled=True, sse_type="AES256"),', '        )', ''].join('\n');
    const dir = copyApp();
    fs.writeFileSync(path.join(dir, 'stack.py'), python);
    const index = new ConstructCallIndex([path.join(dir, 'stack.py')]);
    const call = index.find('DataStack/Orders')!.call;
    assert.deepEqual([call.line, call.className], [2, 'CfnTable']);
    const placement = locateInPython(python, call.line, ['SSESpecification', 'SSEType']);
    assert.deepEqual(placement?.property?.start, { line: 5, character: 34 });
  });
});

describe('CDK mapping edge cases', () => {
  it('finds sources of an assembly synthesized in another folder (path suffix under the app)', () => {
    const dir = copyApp();
    const result = lintCdkApp(loadCdkApp(dir), analyzer);
    const finding = placed(result.reports.flatMap((report) => report.findings), 'cfn-value-enum', 'DataStack', result.reports);
    assertAt(finding, placeOf(dir, 'lib/dataStack.ts', 'sseType'));
  });

  it('honours an archlens-ignore comment on the construct line', () => {
    const dir = copyApp();
    const source = path.join(dir, 'lib', 'dataStack.ts');
    fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace("new CfnTable(this, 'Orders', {", "new CfnTable(this, 'Orders', { // archlens-ignore cfn-value-enum -- KMS comes later"));
    const all = lintCdkApp(loadCdkApp(dir), analyzer).reports.flatMap((report) => report.findings);
    assert.deepEqual(all.filter((finding) => finding.rule === 'cfn-value-enum'), []);
    assert.equal(all.filter((finding) => finding.rule === 'cfn-lambda-runtime').length, 2);
  });

  it('shows validation-report violations ours do not cover, placed on the property', () => {
    const dir = copyApp();
    const reportFile = path.join(dir, 'cdk.out', 'validation-report.json');
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: unknown[] }[] };
    report.pluginReports[0]!.violations.push({
      ruleName: 'CKV_AWS_28',
      description: 'Ensure DynamoDB point in time recovery is enabled',
      severity: 'error',
      violatingConstructs: [{ constructPath: 'DataStack/Orders', cloudFormationResource: { templatePath: 'DataStack.template.json', logicalId: 'Orders', propertyPaths: ['Properties.BillingMode'] }, stackTraces: [] }],
    });
    fs.writeFileSync(reportFile, JSON.stringify(report));
    const result = lintCdkApp(loadCdkApp(dir), analyzer);
    const violations = result.reports.flatMap((entry) => entry.findings).filter((finding) => finding.rule === 'cdk-validation-report');
    assert.equal(violations.length, 1);
    assert.match(violations[0]!.message, /point in time recovery.*CloudFormation Validate CKV_AWS_28, from validation-report.json/);
    assertAt(violations[0]!, placeOf(dir, 'lib/dataStack.ts', 'billingMode'));
  });

  it('decodes VLQ and inline source maps', () => {
    // An encoder written from the spec (sign in bit 0, 5-bit groups, continuation bit 32), round-tripped.
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const encode = (values: number[]): string =>
      values
        .map((value) => {
          let rest = value < 0 ? (-value << 1) | 1 : value << 1;
          let out = '';
          do {
            let digit = rest & 31;
            rest >>>= 5;
            if (rest > 0) digit |= 32;
            out += digits[digit];
          } while (rest > 0);
          return out;
        })
        .join('');
    const values = [0, 1, -1, 15, 16, -16, 123, 1_000_000, -65_537];
    assert.deepEqual(decodeVlqSegment(encode(values)), values);
    assert.deepEqual(decodeVlqSegment('AAgBC'), [0, 0, 16, 1]);
    assert.equal(decodeVlqSegment('A!'), undefined);
    const map = decodeSourceMap(JSON.stringify({ version: 3, sources: ['../src/app.ts'], mappings: ';;AAEA,IAAI' }))!;
    assert.deepEqual(originalPositionFor(map, 2, 5), { source: '../src/app.ts', line: 2, column: 4 });
    const dir = copyApp();
    const js = path.join(dir, 'inline.js');
    const inline = Buffer.from(JSON.stringify({ version: 3, sources: ['lib/edgeStack.ts'], mappings: 'AAAA;AACA' })).toString('base64');
    fs.writeFileSync(js, `a;\nb;\n//# sourceMappingURL=data:application/json;base64,${inline}\n`);
    const position = new FrameFiles(dir).firstProjectPosition([{ file: js, line: 2, column: 1 }]);
    assert.deepEqual(position, { file: path.join(dir, 'lib', 'edgeStack.ts'), line: 1, column: 0 });
  });
});
