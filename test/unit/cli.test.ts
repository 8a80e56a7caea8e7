/**
 * End-to-end tests of the `archlens` CLI: they spawn the bundled dist/cli.js (built by
 * `npm run build`, which `npm test` runs first) on temporary files, as a user would.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
// ARCHLENS_CLI runs the same tests against another build (e.g. a minified or packaged one).
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

const CLEAN = `AWSTemplateFormatVersion: '2010-09-09'
Description: A clean template
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
`;

// The only mistake is the resource type on line 5 (value at column 11).
const BAD_TYPE = `AWSTemplateFormatVersion: '2010-09-09'
Description: One unknown resource type
Resources:
  Bucket:
    Type: AWS::S3::Buckett
`;

const K8S_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
          resources:
            limits: { cpu: 500m }
`;

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - npm ci
      - npm test
`;

let tmp: string;

/** Writes files (relative path -> content) under a fresh folder and returns it. */
function fixture(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

function run(args: string[], cwd: string = tmp): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runJson(args: string[], cwd?: string): { code: number | null; findings: JsonFinding[]; stderr: string } {
  const result = run(['lint', '--format', 'json', ...args], cwd);
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(result.stdout) as JsonFinding[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, findings, stderr: result.stderr };
}

before(() => {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cli-'));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('archlens CLI: usage', () => {
  it('prints the package and catalogue versions', () => {
    const { code, stdout } = run(['--version']);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^archlens ${packageVersion.replace(/\./g, '\\.')} \\(.+\\)\\n$`));
  });

  it('prints help', () => {
    const { code, stdout } = run(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage: archlens/);
    assert.match(stdout, /--format/);
    assert.match(stdout, /OpenAPI 2\.0-3\.2/);
  });

  it('exits 2 on a missing command, unknown flag, unknown format or missing path', () => {
    const cases: [string[], RegExp][] = [
      [[], /^archlens: missing command/],
      [['deploy'], /^archlens: unknown command 'deploy'/],
      [['lint', '--bogus', 'x.yaml'], /^archlens: unknown option '--bogus'/],
      [['lint', '--format', 'xml', 'x.yaml'], /^archlens: unknown format 'xml' \(expected text, json, sarif\)/],
      [['lint', '--format'], /^archlens: option '--format' needs a value/],
      [['lint'], /^archlens: missing PATH/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2, `exit code of ${args.join(' ')}`);
      assert.match(stderr, message);
      assert.equal(stdout, '', `no stdout for ${args.join(' ')}`);
    }
  });

  it('exits 2 with the path and the reason when a file cannot be read', () => {
    const { code, stderr } = run(['lint', 'does-not-exist.yaml']);
    assert.equal(code, 2);
    assert.match(stderr, /^archlens: cannot read 'does-not-exist\.yaml': ENOENT: no such file or directory\n$/);
  });
});

describe('archlens CLI: lint', () => {
  it('exits 0 on a clean template', () => {
    const dir = fixture({ 'template.yaml': CLEAN });
    const { code, findings } = runJson(['template.yaml'], dir);
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error'), []);
    assert.equal(code, 0);
    const text = run(['lint', 'template.yaml'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /No problems found in 1 file\.|0 errors/);
  });

  it('exits 1 and prints one-based positions as JSON', () => {
    const dir = fixture({ 'bad.yaml': BAD_TYPE });
    const { code, findings } = runJson(['bad.yaml'], dir);
    assert.equal(code, 1);
    const error = findings.find((finding) => finding.severity === 'error');
    assert.ok(error, JSON.stringify(findings));
    assert.deepEqual(Object.keys(error).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
    assert.equal(error.file, 'bad.yaml');
    assert.equal(error.line, 5);
    assert.ok([5, 11].includes(error.column), `column ${error.column} is the key or the value of Type`);
    assert.ok(error.endLine > error.line || error.endColumn > error.column, 'a non-empty range');
    assert.match(error.rule, /^[a-z]+(-[a-z0-9]+)+$/);
    assert.ok(error.message.length > 0);
  });

  it('prints text as file:line:col  severity  message  [rule] without colours on a pipe', () => {
    const dir = fixture({ 'bad.yaml': BAD_TYPE });
    const { code, stdout } = run(['lint', 'bad.yaml'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^bad\.yaml:5:\d+ {2}error {3} .+ {2}\[[a-z0-9-]+\]$/m);
    assert.match(stdout, /\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 of 1 file/);
    assert.ok(!stdout.includes('\x1b['), 'no ANSI escapes');
  });

  it('prints SARIF 2.1.0', () => {
    const dir = fixture({ 'nested/bad.yaml': BAD_TYPE });
    const { code, stdout } = run(['lint', '--format', 'sarif', 'nested'], dir);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as {
      $schema: string;
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'ArchLens');
    assert.equal(driver.version, packageVersion);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.ok(driver.rules.length > 0);
    for (const rule of driver.rules) assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
    const result = log.runs[0]!.results.find((r) => r.level === 'error');
    assert.ok(result);
    assert.ok(driver.rules.some((rule) => rule.id === result.ruleId), `rule ${result.ruleId} is described`);
    assert.ok(result.message.text.length > 0);
    const location = result.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, 'nested/bad.yaml');
    assert.equal(location.region.startLine, 5);
    assert.ok(location.region.startColumn >= 1);
    for (const r of log.runs[0]!.results) assert.ok(['error', 'warning', 'note'].includes(r.level));
  });

  it('walks folders and skips non-templates, dependencies and hidden folders', () => {
    const dir = fixture({
      'infra/app.yaml': BAD_TYPE,
      'infra/clean.template': CLEAN,
      'infra/deployment.yaml': K8S_MANIFEST,
      'infra/buildspec.yml': BUILDSPEC,
      'infra/notes.txt': BAD_TYPE,
      'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'node t' } }),
      'node_modules/dep/template.yaml': BAD_TYPE,
      'cdk.out/Stack.template.json': BAD_TYPE,
      'dist/template.yaml': BAD_TYPE,
      '.aws-sam/build/template.yaml': BAD_TYPE,
    });
    const { code, findings, stderr } = runJson(['.'], dir);
    assert.equal(code, 1);
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))], [path.join('infra', 'app.yaml')]);
    assert.equal(stderr, '');
    const text = run(['lint', '.'], dir);
    assert.equal(text.stderr, '', 'files found by walking are skipped silently');
    assert.match(text.stdout, /of 2 files/);
  });

  it('says so on stderr when a named file is not a template (text mode)', () => {
    const dir = fixture({ 'buildspec.yml': BUILDSPEC });
    const { code, stderr } = run(['lint', 'buildspec.yml'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /archlens: skipping 'buildspec\.yml': not a CloudFormation, SAM or OpenAPI document/);
    assert.equal(runJson(['buildspec.yml'], dir).stderr, '', 'json mode keeps stderr quiet');
  });

  it('drops rules given with --ignore', () => {
    const dir = fixture({ 'bad.yaml': BAD_TYPE });
    const rules = [...new Set(runJson(['bad.yaml'], dir).findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    assert.ok(rules.length > 0);
    const ignored = runJson(['bad.yaml', ...rules.flatMap((rule) => ['--ignore', rule])], dir);
    assert.deepEqual(ignored.findings.filter((f) => rules.includes(f.rule)), []);
    assert.equal(ignored.code, 0);
  });

  it('applies the nearest .archlens.yml and --config', () => {
    const probe = fixture({ 'bad.yaml': BAD_TYPE });
    const rules = [...new Set(runJson(['bad.yaml'], probe).findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    const dir = fixture({
      '.archlens.yml': `# project settings\nseverity:\n${rules.map((rule) => `  ${rule}: warning`).join('\n')}\n`,
      'stacks/deep/bad.yaml': BAD_TYPE,
      'other/ignore-all.yml': `ignore: [${rules.join(', ')}]\n`,
    });
    const downgraded = runJson(['stacks'], dir);
    assert.equal(downgraded.code, 0, JSON.stringify(downgraded.findings));
    assert.ok(downgraded.findings.some((f) => rules.includes(f.rule) && f.severity === 'warning'));
    const explicit = runJson(['--config', 'other/ignore-all.yml', 'stacks'], dir);
    assert.equal(explicit.code, 0);
    assert.deepEqual(explicit.findings.filter((f) => rules.includes(f.rule)), []);
  });

  it('reads the lint: section; the old top-level keys still apply, with a note on stderr', () => {
    const probe = fixture({ 'bad.yaml': BAD_TYPE });
    const rules = [...new Set(runJson(['bad.yaml'], probe).findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    const sectioned = fixture({ '.archlens.yml': `lint:\n  ignore: [${rules.join(', ')}]\ncost: {currency: EUR}\n`, 'bad.yaml': BAD_TYPE });
    const fresh = runJson(['bad.yaml'], sectioned);
    assert.equal(fresh.code, 0, JSON.stringify(fresh.findings));
    assert.equal(fresh.stderr, '');
    const flat = fixture({ '.archlens.yml': `ignore: [${rules.join(', ')}]\n`, 'bad.yaml': BAD_TYPE });
    const old = runJson(['bad.yaml'], flat);
    assert.equal(old.code, 0, JSON.stringify(old.findings));
    assert.equal(old.stderr, "archlens: note: .archlens.yml: top-level ignore is deprecated (still applied): move it under a 'lint:' section, e.g. 'lint: { ignore: ... }'\n");
  });

  it('warns on stderr about a misspelled rule id in .archlens.yml, and the rule it meant still reports', () => {
    const probe = fixture({ 'bad.yaml': BAD_TYPE });
    const rule = runJson(['bad.yaml'], probe).findings.find((f) => f.severity === 'error')?.rule ?? '';
    assert.ok(rule.length > 3, 'the probe template has an error finding');
    const typo = `${rule.slice(0, -2)}${rule.slice(-1)}${rule.slice(-2, -1)}`;
    const dir = fixture({ '.archlens.yml': `lint:\n  ignore: [${typo}]\n`, 'bad.yaml': BAD_TYPE });
    const result = runJson(['bad.yaml'], dir);
    assert.equal(result.code, 1);
    assert.ok(result.findings.some((f) => f.rule === rule));
    assert.equal(result.stderr, `archlens: warning: .archlens.yml: lint.ignore: no rule has the id '${typo}'; it has no effect. Did you mean '${rule}'?\n`);
  });

  it('exits 2 naming the file when .archlens.yml is malformed', () => {
    const dir = fixture({ '.archlens.yml': 'ignore: [cfn-a\n', 'bad.yaml': BAD_TYPE, 'typo.yml': 'ignores: [x]\n' });
    const broken = run(['lint', 'bad.yaml'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^archlens: invalid config '.*\.archlens\.yml':\n {2}invalid YAML: /);
    const typo = run(['lint', '--config', 'typo.yml', 'bad.yaml'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /invalid config 'typo\.yml':\n {2}unknown key 'ignores'/);
    const missing = run(['lint', '--config', 'nope.yml', 'bad.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read config 'nope\.yml': ENOENT/);
  });

  it('reports a syntax error at its line', () => {
    const dir = fixture({ 'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: [AWS::S3::Bucket\n" });
    const { code, findings } = runJson(['broken.yaml'], dir);
    assert.equal(code, 1);
    const error = findings.find((f) => f.severity === 'error');
    assert.ok(error, JSON.stringify(findings));
    assert.ok(error.line >= 4 && error.line <= 5, `line ${error.line}`);
  });

  it('honours # archlens-disable-next-line', () => {
    const dir = fixture({ 'bad.yaml': BAD_TYPE });
    const rules = [...new Set(runJson(['bad.yaml'], dir).findings.filter((f) => f.line === 5).map((f) => f.rule))];
    const suppressed = BAD_TYPE.replace('    Type: AWS::S3::Buckett', `    # archlens-disable-next-line ${rules.join(' ')}\n    Type: AWS::S3::Buckett`);
    fs.writeFileSync(path.join(dir, 'suppressed.yaml'), suppressed);
    const { code, findings } = runJson(['suppressed.yaml'], dir);
    assert.deepEqual(findings.filter((f) => rules.includes(f.rule)), []);
    assert.equal(code, 0);
  });

  it('reads a template with a BOM and CRLF line endings at the right positions', () => {
    const dir = fixture({ 'bom.yaml': '\ufeff' + BAD_TYPE.replace(/\n/g, '\r\n') });
    const { code, findings } = runJson(['bom.yaml'], dir);
    assert.equal(code, 1);
    const error = findings.find((f) => f.severity === 'error');
    assert.equal(error?.line, 5);
    assert.ok(error && [5, 11].includes(error.column), `column ${error?.column}`);
  });
});
