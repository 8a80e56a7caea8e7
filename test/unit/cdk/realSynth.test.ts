/**
 * The evidence end to end: synthesizes the fixture app for real (TypeScript compiler API, then
 * `@aws-cdk/toolkit-lib` with lookups off and no default-environment resolution, so nothing
 * reaches the network), lints the fresh assembly and checks each finding's source file, line and
 * column. Runs on a copy of the app in a temporary folder (node_modules linked), so the
 * checked-in assembly is untouched. Slow (30-100 s: the app runs in its own Node process).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { synthesizeFixture } from '../../../scripts/cdk/synthFixture.mjs';
import { lintCdkApp } from '../../../src/node/cdk/lintCdkApp';
import { loadCdkApp } from '../../../src/node/cdk/loadCdkApp';
import { realAnalyzer } from '../../support/lintHelpers';

const REPO = path.resolve(__dirname, '..', '..', '..');
const APP = path.join(REPO, 'test', 'fixtures', 'cdk-app');

function positionOf(file: string, needle: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

describe('real synth of the CDK fixture through @aws-cdk/toolkit-lib', { timeout: 600_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-synth-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('places every finding of the fresh assembly on its source file, line and column', async () => {
    for (const entry of ['bin', 'lib', 'api', 'cdk.json', 'tsconfig.json']) fs.cpSync(path.join(APP, entry), path.join(dir, entry), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const artifacts = await synthesizeFixture(dir, path.join(dir, 'cdk.out'));
    assert.ok(artifacts.includes('assembly-Prod') && artifacts.includes('EdgeStack'));

    const app = loadCdkApp(dir);
    assert.equal(app.assembly?.capabilities.creationStack, true);
    const result = lintCdkApp(app, realAnalyzer());
    const shown = result.reports
      .flatMap((report) => report.findings.map((finding) => ({ stack: report.stack.displayName, finding })))
      .map(({ stack, finding }) => `${stack} ${finding.rule} ${path.relative(dir, finding.otherFile!.file)}:${finding.otherFile!.range.start.line + 1}:${finding.otherFile!.range.start.character + 1}`)
      .sort();
    const data = path.join(dir, 'lib', 'dataStack.ts');
    const edge = path.join(dir, 'lib', 'edgeStack.ts');
    const expected = [
      `ApiStack apigw-template-references api/openapi.yaml:${positionOf(path.join(dir, 'api', 'openapi.yaml'), 'StatusHandler')}`,
      `DataStack cfn-lambda-runtime lib/dataStack.ts:${positionOf(data, 'runtime')}`,
      `DataStack cfn-value-enum lib/dataStack.ts:${positionOf(data, 'sseType')}`,
      `EdgeStack cfn-cloudfront-webacl-arn lib/edgeStack.ts:${positionOf(edge, 'webAclId')}`,
      `EdgeStack cfn-waf-cloudfront-region lib/edgeStack.ts:${positionOf(edge, "scope: 'CLOUDFRONT'")}`,
      `Prod/Data cfn-lambda-runtime lib/dataStack.ts:${positionOf(data, 'runtime')}`,
      `Prod/Data cfn-value-enum lib/dataStack.ts:${positionOf(data, 'sseType')}`,
    ];
    assert.deepEqual(shown, expected);
  });
});
