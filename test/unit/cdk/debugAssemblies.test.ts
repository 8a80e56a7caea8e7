/**
 * Real assemblies of test/fixtures/cdk-app-debug, made by scripts/cdk/synthDebugFixture.mjs:
 *
 * - `cdk.out`: aws-cdk-lib 2.276.0 with `CDK_DEBUG=true`: creation stacks and
 *   `aws:cdk:propertyAssignment` (a later `orders.sseSpecification = ...`, an
 *   `addPropertyOverride('Runtime', ...)`): the finding goes on the line that set the value;
 * - `cdk.out.2.150.0-debug`: aws-cdk-lib 2.150.0 with `CDK_DEBUG=true`: no creation stacks, a
 *   `trace` on each `aws:cdk:logicalId` entry (frames of another folder, found again by suffix);
 * - `cdk.out.2.150.0`: aws-cdk-lib 2.150.0 without debug: no frames at all, the static fallback.
 *
 * Expected places are computed from the fixture's source text, never written as numbers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding } from '../../../src/engine/findings';
import { lintCdkApp } from '../../../src/node/cdk/lintCdkApp';
import { loadCdkApp } from '../../../src/node/cdk/loadCdkApp';
import { realAnalyzer } from '../../support/lintHelpers';

const APP = path.resolve(__dirname, '..', '..', 'fixtures', 'cdk-app-debug');
const SOURCE = path.join('lib', 'storeStack.ts');
const analyzer = realAnalyzer();
const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** Zero-based place of the first `needle` in the app's source (after `after` when given). */
function placeOf(appDir: string, needle: string, after = ''): { file: string; line: number; character: number } {
  const text = fs.readFileSync(path.join(appDir, SOURCE), 'utf8');
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset >= 0, `${needle} not in ${SOURCE}`);
  const before = text.slice(0, offset).split('\n');
  return { file: path.join(appDir, SOURCE), line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The findings of an assembly folder (or app folder), by rule. */
function findingsOf(folder: string): Map<string, Finding> {
  const app = loadCdkApp(folder);
  const findings = lintCdkApp(app, analyzer).reports.flatMap((report) => report.findings);
  return new Map(findings.map((finding) => [finding.rule, finding]));
}

function assertAt(finding: Finding | undefined, expected: { file: string; line: number; character: number }): void {
  assert.ok(finding, 'finding missing');
  assert.equal(finding.otherFile?.file, expected.file);
  assert.deepEqual(finding.otherFile?.range.start, { line: expected.line, character: expected.character });
}

describe('aws:cdk:propertyAssignment (aws-cdk-lib 2.276.0, CDK_DEBUG=true)', () => {
  it('the assembly records creation stacks and property assignments, no trace', () => {
    const capabilities = loadCdkApp(APP).assembly?.capabilities;
    assert.deepEqual([capabilities?.creationStack, capabilities?.propertyAssignment, capabilities?.trace], [true, true, false]);
  });

  it('a property set by a later assignment goes on that assignment (the key of the rest of the path in its literal)', () => {
    const findings = findingsOf(APP);
    assertAt(findings.get('cfn-value-enum'), placeOf(APP, "sseType: 'AES256'", 'orders.sseSpecification ='));
    assert.doesNotMatch(findings.get('cfn-value-enum')!.message, /inferred/);
  });

  it('a property set by addPropertyOverride goes on the override value, not on the props literal of the construct call', () => {
    const findings = findingsOf(APP);
    assertAt(findings.get('cfn-lambda-runtime'), placeOf(APP, "'nodejs16.x'", 'addPropertyOverride'));
    // The template keeps its own place as related information.
    assert.match(findings.get('cfn-lambda-runtime')!.related?.[0]?.file ?? '', /StoreStack\.template\.json$/);
  });

  it('validation-report.json violations of the same properties are not shown twice', () => {
    const app = loadCdkApp(APP);
    assert.ok((app.assembly?.violations.length ?? 0) >= 2, 'the debug synth wrote a validation report');
    const rules = lintCdkApp(app, analyzer).reports.flatMap((report) => report.findings.map((finding) => finding.rule));
    assert.deepEqual(rules.sort(), ['cfn-lambda-runtime', 'cfn-value-enum']);
  });

  it('a suppression comment on the assignment line is honoured', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cdk-debug-'));
    temporary.push(dir);
    fs.cpSync(APP, dir, { recursive: true });
    const file = path.join(dir, SOURCE);
    const text = fs.readFileSync(file, 'utf8');
    // Appended to the line: no line moves, so the recorded frames still match.
    fs.writeFileSync(file, text.replace("sseType: 'AES256' };", "sseType: 'AES256' }; // archlens-ignore cfn-value-enum -- fixture"));
    const findings = findingsOf(dir);
    assert.equal(findings.has('cfn-value-enum'), false);
    assert.equal(findings.has('cfn-lambda-runtime'), true);
  });
});

describe('older aws-cdk-lib (2.150.0): trace frames with CDK_DEBUG, the static fallback without', () => {
  const debug = path.join(APP, 'cdk.out.2.150.0-debug');
  const plain = path.join(APP, 'cdk.out.2.150.0');

  it('records trace on aws:cdk:logicalId with debug, nothing without; never creation stacks', () => {
    const withDebug = loadCdkApp(debug).assembly?.capabilities;
    const without = loadCdkApp(plain).assembly?.capabilities;
    assert.deepEqual([withDebug?.trace, withDebug?.creationStack, withDebug?.propertyAssignment], [true, false, false]);
    assert.deepEqual([without?.trace, without?.creationStack, without?.propertyAssignment], [false, false, false]);
  });

  it('maps findings through the trace frames (recorded in another folder, found by path suffix and source map)', () => {
    const findings = findingsOf(debug);
    // The frames name the folder it was synthesized in, not this one.
    const manifest = fs.readFileSync(path.join(debug, 'manifest.json'), 'utf8');
    assert.doesNotMatch(manifest, new RegExp(APP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // No assignment metadata: the table's finding is on its construct call, the function's on the props key.
    assertAt(findings.get('cfn-value-enum'), placeOf(APP, 'new CfnTable'));
    assertAt(findings.get('cfn-lambda-runtime'), placeOf(APP, 'runtime:', "'Worker'"));
    for (const finding of findings.values()) assert.doesNotMatch(finding.message, /inferred/);
  });

  it('without debug, places the same findings by construct id and says the placement is inferred', () => {
    const findings = findingsOf(plain);
    assertAt(findings.get('cfn-value-enum'), placeOf(APP, 'new CfnTable'));
    assertAt(findings.get('cfn-lambda-runtime'), placeOf(APP, 'runtime:', "'Worker'"));
    assert.match(findings.get('cfn-value-enum')!.message, /placement inferred from the construct id 'Orders'/);
    assert.match(findings.get('cfn-lambda-runtime')!.message, /placement inferred from the construct id 'Worker'/);
  });
});
