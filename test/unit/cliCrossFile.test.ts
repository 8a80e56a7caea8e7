/**
 * The CLI prints a finding that belongs to another file (an OpenAPI file a template includes
 * with AWS::Include) on that file, in every format, with the template's Location as related
 * location. Spawns the bundled dist/cli.js like cli.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OPENAPI, TEMPLATE } from '../support/crossFileFixture';

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');

const NAME_COLUMN = OPENAPI.split('\n')[9]!.indexOf('APILambda.Arn') + 1;

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endColumn: number;
  rule: string;
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

let dir: string;

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1' };
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cli-cross-'));
  fs.mkdirSync(path.join(dir, 'app', 'api'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app', 'template.yaml'), TEMPLATE);
  fs.writeFileSync(path.join(dir, 'app', 'api', 'openapi.yaml'), OPENAPI);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archlens lint: findings in another file', () => {
  it('json: the finding is on the included file, the template Location is related', () => {
    for (const args of [['app'], ['app/template.yaml']]) {
      const { code, stdout, stderr } = run(['lint', '--format', 'json', ...args]);
      assert.equal(code, 1, stderr);
      const findings = (JSON.parse(stdout) as JsonFinding[]).filter((finding) => finding.rule === 'apigw-template-references');
      assert.equal(findings.length, 1, stdout);
      const [finding] = findings;
      assert.equal(finding!.file, path.join('app', 'api', 'openapi.yaml').split(path.sep).join('/'), `linting ${args.join(' ')}`);
      assert.deepEqual([finding!.line, finding!.column, finding!.endColumn], [10, NAME_COLUMN, NAME_COLUMN + 'APILambda.Arn'.length]);
      assert.match(finding!.message, /^\$\{APILambda\.Arn\} names 'APILambda', which is not a resource of the including template\. Did you mean 'ApiLambda'\?$/);
      assert.deepEqual(finding!.related, [{ file: 'app/template.yaml', line: 17, column: 23, endLine: 17, endColumn: 41, message: 'Api includes this file here' }]);
    }
  });

  it('text: printed under the included file with the template line below it', () => {
    const { code, stdout } = run(['lint', 'app']);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    const at = lines.findIndex((line) => line.startsWith(`app/api/openapi.yaml:10:${NAME_COLUMN}  error`));
    assert.ok(at >= 0, stdout);
    assert.match(lines[at]!, /\[apigw-template-references\]$/);
    assert.equal(lines[at + 1], '    app/template.yaml:17:23  Api includes this file here');
    assert.ok(!lines.some((line) => line.startsWith('app/template.yaml:17:23  error')), 'not printed on the template');
  });

  it('text: a file that is only the target of another file\'s finding counts in the summary', () => {
    const { stdout } = run(['lint', 'app/template.yaml']);
    assert.match(stdout, /^app\/api\/openapi\.yaml:10:/m);
    assert.match(stdout, /1 problem \(1 error, 0 warnings, 0 info\) in 1 of 2 files/);
  });

  it('sarif: locations on the included file, relatedLocations on the template', () => {
    const { code, stdout } = run(['lint', '--format', 'sarif', 'app']);
    assert.equal(code, 1);
    type Location = { id?: number; physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } }; message?: { text: string } };
    const log = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: Location[]; relatedLocations?: Location[] }[] }[] };
    const results = log.runs[0]!.results.filter((result) => result.ruleId === 'apigw-template-references');
    assert.equal(results.length, 1);
    const [result] = results;
    assert.deepEqual(result!.locations[0]!.physicalLocation.artifactLocation, { uri: 'app/api/openapi.yaml', uriBaseId: '%SRCROOT%' });
    assert.equal(result!.locations[0]!.physicalLocation.region.startLine, 10);
    assert.deepEqual(result!.relatedLocations, [
      { id: 0, physicalLocation: { artifactLocation: { uri: 'app/template.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 17, startColumn: 23, endLine: 17, endColumn: 41 } }, message: { text: 'Api includes this file here' } },
    ]);
  });
});
