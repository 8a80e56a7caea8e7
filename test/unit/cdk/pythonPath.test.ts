/**
 * The Python path, as far as it can be tested without Python CDK (PyPI is out of reach here, so
 * no Python app is synthesized; nothing here pretends one was):
 *
 * - Python sources written by the test beside a real assembly of the same construct tree (the
 *   2.150.0 synth of test/fixtures/cdk-app-debug: `StoreStack/Orders`, `StoreStack/Worker`).
 *   A Python app with these construct ids would synthesize the same paths (the construct library
 *   is the same JavaScript under jsii); that is an assumption, not observed here.
 * - Without frames: the static id match on `.py` sources and keyword-argument placement.
 * - With `.py` frames: the trace rewritten by the test into Python's traceback format
 *   (`File "...", line N, in __init__`), the format the frame parser reads. Whether a real
 *   `JSII_HOST_STACK_TRACES=1` synth writes exactly this is not proven here.
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

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'cdk-app-debug');
const analyzer = realAnalyzer();
const temporary: string[] = [];
after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

const STACK_PY = [
  'from aws_cdk import Stack',
  'from aws_cdk import aws_dynamodb as dynamodb',
  'from aws_cdk import aws_lambda as _lambda',
  'from constructs import Construct',
  '',
  '',
  'class StoreStack(Stack):',
  '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
  '        super().__init__(scope, construct_id, **kwargs)',
  '',
  '        dynamodb.CfnTable(',
  '            self, "Orders",',
  '            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],',
  '            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id", attribute_type="S")],',
  '            billing_mode="PAY_PER_REQUEST",',
  '            sse_specification=dynamodb.CfnTable.SSESpecificationProperty(',
  '                sse_enabled=True, sse_type="AES256"),',
  '        )',
  '',
  '        _lambda.Function(',
  '            self, "Worker",',
  '            runtime=_lambda.Runtime.NODEJS_16_X,',
  '            handler="index.handler",',
  '            code=_lambda.Code.from_inline("exports.handler = async () => 1;"),',
  '        )',
  '',
].join('\n');

const APP_PY = ['import aws_cdk as cdk', 'from stacks.store_stack import StoreStack', '', 'app = cdk.App()', 'StoreStack(app, "StoreStack", env=cdk.Environment(account="111111111111", region="us-east-1"))', 'app.synth()', ''].join('\n');

/** A Python-shaped app folder around a copy of one of the fixture's real assemblies. */
function pythonApp(assembly: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cdk-py-'));
  temporary.push(dir);
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'python3 app.py' }));
  fs.writeFileSync(path.join(dir, 'app.py'), APP_PY);
  fs.mkdirSync(path.join(dir, 'stacks'));
  fs.writeFileSync(path.join(dir, 'stacks', 'store_stack.py'), STACK_PY);
  fs.cpSync(path.join(FIXTURE, assembly), path.join(dir, 'cdk.out'), { recursive: true });
  return dir;
}

/** Zero-based place of `needle` in the stack source. */
function placeOf(dir: string, needle: string): { file: string; line: number; character: number } {
  const offset = STACK_PY.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = STACK_PY.slice(0, offset).split('\n');
  return { file: path.join(dir, 'stacks', 'store_stack.py'), line: before.length - 1, character: before[before.length - 1]!.length };
}

function findings(dir: string): Map<string, Finding> {
  return new Map(lintCdkApp(loadCdkApp(dir), analyzer).reports.flatMap((report) => report.findings.map((finding) => [finding.rule, finding] as const)));
}

function assertAt(finding: Finding | undefined, expected: { file: string; line: number; character: number }): void {
  assert.ok(finding, 'finding missing');
  assert.equal(finding.otherFile?.file, expected.file);
  assert.deepEqual(finding.otherFile?.range.start, { line: expected.line, character: expected.character });
}

describe('Python CDK sources (no Python synth available: see the header)', () => {
  it('without frames: the static id match finds the Python construct calls, and the keyword argument of the property', () => {
    const dir = pythonApp('cdk.out.2.150.0');
    const found = findings(dir);
    assertAt(found.get('cfn-value-enum'), placeOf(dir, 'sse_type='));
    assertAt(found.get('cfn-lambda-runtime'), placeOf(dir, 'runtime='));
    assert.match(found.get('cfn-value-enum')!.message, /placement inferred from the construct id 'Orders'/);
  });

  it('with .py frames in the assembly: placed through the frames (not inferred), on the keyword argument', () => {
    const dir = pythonApp('cdk.out.2.150.0-debug');
    const manifestFile = path.join(dir, 'cdk.out', 'manifest.json');
    const lineOf = (needle: string): number => STACK_PY.slice(0, STACK_PY.indexOf(needle)).split('\n').length;
    // A frame line as JSON string content (its quotes escaped).
    const pythonFrame = (line: number): string => JSON.stringify(`  File "/build/agent/app/stacks/store_stack.py", line ${line}, in __init__`).slice(1, -1);
    // The JavaScript frame of the user's code becomes the Python frame of the same call.
    const rewritten = fs
      .readFileSync(manifestFile, 'utf8')
      .replace(/new StoreStack \([^)]*storeStack\.js:11:\d+\)/g, pythonFrame(lineOf('dynamodb.CfnTable(')))
      .replace(/new StoreStack \([^)]*storeStack\.js:18:\d+\)/g, pythonFrame(lineOf('_lambda.Function(')));
    assert.match(rewritten, /store_stack\.py/);
    fs.writeFileSync(manifestFile, rewritten);
    const found = findings(dir);
    assertAt(found.get('cfn-value-enum'), placeOf(dir, 'sse_type='));
    assertAt(found.get('cfn-lambda-runtime'), placeOf(dir, 'runtime='));
    for (const finding of found.values()) assert.doesNotMatch(finding.message, /inferred/);
  });

  it('a "# archlens-ignore" comment on the Python construct line suppresses its finding', () => {
    const dir = pythonApp('cdk.out.2.150.0');
    const file = path.join(dir, 'stacks', 'store_stack.py');
    fs.writeFileSync(file, STACK_PY.replace('        _lambda.Function(', '        _lambda.Function(  # archlens-ignore cfn-lambda-runtime -- migrating'));
    const found = findings(dir);
    assert.equal(found.has('cfn-lambda-runtime'), false);
    assert.equal(found.has('cfn-value-enum'), true);
  });
});
