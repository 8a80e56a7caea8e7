/**
 * `archlens cost` driven in process through runCli (real files in a temp folder, real price
 * table): the JSON contract, the text and markdown totals, and the exit codes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: process.cwd(),
    loadCatalog: () => {
      throw new Error('cost must not need the resource catalogue');
    },
  });
  return { code, stdout, stderr };
}

// NAT gateway $0.045 x 730 = $32.85 fixed; queue requests 2M x $0.40/M = $0.80 with the usage file.
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: subnet-1 }
  Queue:
    Type: AWS::SQS::Queue
  Role:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
`;

describe('archlens cost', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cost-'));
    fs.writeFileSync(file('template.yaml'), TEMPLATE);
    fs.writeFileSync(file('usage.yml'), 'resources:\n  Queue: { monthlyRequests: 2000000 }\n');
    fs.writeFileSync(file('bad-usage.yml'), 'resources:\n  Queue: { monthlyRequests: many }\n');
    fs.writeFileSync(file('notes.yaml'), 'shopping: [milk]\n');
    fs.mkdirSync(file('two'));
    fs.writeFileSync(path.join(dir, 'two', 'a.yaml'), TEMPLATE);
    fs.writeFileSync(path.join(dir, 'two', 'b.yaml'), TEMPLATE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract, exactly', () => {
    const run = cli('cost', file('template.yaml'), '--usage', file('usage.yml'), '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['currency', 'region', 'priceDate', 'monthly', 'resources']);
    assert.equal(out['currency'], 'USD');
    assert.equal(out['region'], 'us-east-1');
    assert.match(String(out['priceDate']), /^\d{4}-\d{2}$/);
    // Fixed $32.85 (NAT hours); usage $0.80 (queue); NAT data unknown: left out.
    assert.deepEqual(out['monthly'], { fixed: 32.85, usage: 0.8, total: 33.65 });
    const resources = out['resources'] as Record<string, unknown>[];
    assert.deepEqual(resources.map((resource) => Object.keys(resource)), Array(3).fill(['logicalId', 'type', 'free', 'monthly', 'components']));
    const [nat, queue, role] = resources;
    assert.deepEqual(nat!['monthly'], { fixed: 32.85, usage: null });
    assert.deepEqual(queue!['monthly'], { fixed: 0, usage: 0.8 });
    assert.deepEqual(role, { logicalId: 'Role', type: 'AWS::IAM::Role', free: true, monthly: { fixed: 0, usage: 0 }, components: [] });
    const components = nat!['components'] as Record<string, unknown>[];
    assert.deepEqual(components[0], { name: 'NAT gateway hours', unit: 'hour', quantity: 730, unitPrice: 0.045, monthly: 32.85, usageBased: false });
    assert.deepEqual(components[1], { name: 'Data processed', unit: 'GB', quantity: null, unitPrice: 0.045, monthly: null, usageBased: true });
  });

  it('text states the totals and how many components are left out', () => {
    const run = cli('cost', file('template.yaml'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Monthly estimate: \$32\.85 fixed \+ usage unknown = \$32\.85/);
    assert.match(run.stdout, /2 components are left out of the total/);
    assert.match(run.stdout, /free: Role/);
  });

  it('a preset fills usage (medium: 25M SQS requests = $10.00, 222 GB NAT data = $9.99)', () => {
    // 32.85 + 10.00 + 222 x 0.045 (= 9.99) = 52.84.
    const run = cli('cost', file('template.yaml'), '--preset', 'medium', '--format', 'markdown');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^### Cost estimate: \$52\.84\/month/);
    assert.doesNotMatch(run.stdout, /components? (is|are) left out/);
    // The usage file's own `preset:` does the same; its per-resource figure still wins (2M requests = $0.80).
    fs.writeFileSync(file('preset-usage.yml'), 'preset: medium\nresources:\n  Queue: { monthlyRequests: 2000000 }\n');
    const fromFile = JSON.parse(cli('cost', file('template.yaml'), '--usage', file('preset-usage.yml'), '--format', 'json').stdout) as { monthly: { total: number } };
    // 32.85 + 0.80 + 9.99 = 43.64.
    assert.equal(fromFile.monthly.total, 43.64);
  });

  it('a folder with several templates sums them and names each resource file', () => {
    const run = cli('cost', file('two'), '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { monthly: { fixed: number }; resources: { file: string }[] };
    assert.equal(out.monthly.fixed, 65.7);
    assert.deepEqual([...new Set(out.resources.map((resource) => path.basename(resource.file)))], ['a.yaml', 'b.yaml']);
  });

  it('a region without prices says so and totals nothing it cannot price', () => {
    const run = cli('cost', file('template.yaml'), '--region', 'ap-south-2', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { monthly: { fixed: number }; resources: { components: { monthly: number | null; unitPrice: number | null }[] }[] };
    assert.equal(out.monthly.fixed, 0);
    assert.equal(out.resources[0]!.components[0]!.unitPrice, null);
    assert.match(cli('cost', file('template.yaml'), '--region', 'ap-south-2').stdout, /unknown \(no price for ap-south-2\)/);
  });

  it('--parameter sets a template parameter (m5.large: $0.096 x 730 = $70.08)', () => {
    fs.writeFileSync(file('param.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Size: { Type: String, Default: t3.medium }\nResources:\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: { ImageId: ami-1, InstanceType: !Ref Size }\n");
    const byDefault = JSON.parse(cli('cost', file('param.yaml'), '--format', 'json').stdout) as { monthly: { fixed: number } };
    // t3.medium: $0.0416 x 730 = $30.368.
    assert.equal(byDefault.monthly.fixed, 30.368);
    const given = JSON.parse(cli('cost', file('param.yaml'), '--parameter', 'Size=m5.large', '--format', 'json').stdout) as { monthly: { fixed: number } };
    assert.equal(given.monthly.fixed, 70.08);
  });

  it('exits 2 for usage and I/O errors, with a message', () => {
    const cases: [string[], RegExp][] = [
      [['cost'], /missing PATH/],
      [['cost', file('missing.yaml')], /cannot read/],
      [['cost', file('template.yaml'), '--usage', file('missing.yml')], /cannot read the usage file/],
      [['cost', file('template.yaml'), '--usage', file('bad-usage.yml')], /monthlyRequests must be a number/],
      [['cost', file('notes.yaml')], /not a CloudFormation or SAM template/],
      [['cost', file('template.yaml'), '--format', 'sarif'], /unknown cost format/],
      [['cost', file('template.yaml'), '--parameter', 'novalue'], /NAME=VALUE/],
    ];
    for (const [argv, message] of cases) {
      const run = cli(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '', 'nothing on stdout on failure');
    }
  });
});

describe('archlens cost: hostile names in the output', () => {
  it('markdown and text keep template-supplied names inert', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cost-hostile-'));
    try {
      const template = path.join(dir, 't.json');
      // JSON allows any logical id: a table breaker, HTML and a terminal escape.
      fs.writeFileSync(template, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { 'A|B<img src=x>': { Type: 'AWS::EC2::EIP' }, 'Esc\u001b[31mRed': { Type: 'AWS::EC2::EIP' } } }));
      const markdown = cli('cost', template, '--format', 'markdown');
      assert.equal(markdown.code, 0, markdown.stderr);
      assert.ok(markdown.stdout.includes('| A\\|B&lt;img src=x&gt; | AWS::EC2::EIP | $3.65/mo |'), markdown.stdout);
      assert.ok(!markdown.stdout.includes('<img'));
      const text = cli('cost', template);
      assert.ok(!text.stdout.includes('\u001b'), 'no raw escape reaches the terminal');
      assert.match(text.stdout, /Esc\?\[31mRed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
