/**
 * `archlens lint` on a CDK app folder and on a cdk.out folder (the bundled dist/cli.js, like
 * cli.test.ts): findings at source locations, the template in SARIF relatedLocations.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures');

function lint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, 'lint', ...args], { cwd: fixtures, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  related?: { file: string; line: number; message: string }[];
}

describe('archlens lint on a CDK app', () => {
  it('prints every stack finding at its source file (JSON), with the template as related place', () => {
    const { status, stdout } = lint('cdk-app', '--format', 'json');
    assert.equal(status, 1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const onSources = findings.filter((finding) => finding.file.startsWith('cdk-app/lib/'));
    assert.deepEqual(onSources.map((finding) => `${finding.file} ${finding.rule}`).sort(), [
      'cdk-app/lib/dataStack.ts cfn-lambda-runtime',
      'cdk-app/lib/dataStack.ts cfn-lambda-runtime',
      'cdk-app/lib/dataStack.ts cfn-value-enum',
      'cdk-app/lib/dataStack.ts cfn-value-enum',
      'cdk-app/lib/edgeStack.ts cfn-cloudfront-webacl-arn',
      'cdk-app/lib/edgeStack.ts cfn-waf-cloudfront-region',
    ]);
    const related = onSources.flatMap((finding) => finding.related ?? []).map((location) => location.file);
    assert.ok(related.includes('cdk-app/cdk.out/DataStack.template.json'));
    assert.ok(related.includes('cdk-app/cdk.out/assembly-Prod/ProdData90A795AA.template.json'));
    // The synthesized templates are not linted a second time as loose files.
    assert.deepEqual(findings.filter((finding) => finding.file.includes('cdk.out')), []);
  });

  it('lints a cdk.out folder given directly, placing by the static fallback when it has no creation stacks', () => {
    const { status, stdout } = lint('cdk-app/cdk.out.legacy', '--format', 'json');
    assert.equal(status, 1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const enums = findings.filter((finding) => finding.rule === 'cfn-value-enum');
    assert.equal(enums.length, 2);
    for (const finding of enums) {
      assert.equal(finding.file, 'cdk-app/lib/dataStack.ts');
      assert.match(finding.message, /placement inferred/);
    }
  });

  it('SARIF: the result is in the source, the template in relatedLocations', () => {
    const { stdout } = lint('cdk-app', '--format', 'sarif');
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const result = sarif.runs[0]!.results.find((candidate) => candidate.ruleId === 'cfn-waf-cloudfront-region')!;
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'cdk-app/lib/edgeStack.ts');
    assert.equal(result.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri, 'cdk-app/cdk.out/EdgeStack.template.json');
  });

  it('says when the assembly is older than a source, naming the newest source', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cdk-cli-'));
    try {
      fs.cpSync(path.join(fixtures, 'cdk-app'), dir, { recursive: true });
      const old = new Date(Date.now() - 3_600_000);
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), old, old);
      const edited = path.join(dir, 'lib', 'edgeStack.ts');
      fs.utimesSync(edited, new Date(), new Date());
      const { stderr } = lint(dir, '--format', 'json');
      assert.ok(stderr.includes(`is older than ${path.relative(fixtures, edited)}: findings may be out of date`), stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
