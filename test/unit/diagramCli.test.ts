/**
 * End-to-end tests of `archlens diagram`: they spawn the bundled dist/cli.js (built by
 * `npm run build`, which `npm test` runs first) on temporary files, as a user would.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateTemplate } from '../../bench/generateTemplate';
import { UsageError, parseArgs } from '../../src/cli/args';

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = process.env['ARCHLENS_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
  WorkerLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Worker}
`;

const VPC = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
  Server:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: !Ref Subnet }
`;

interface DiagramJson {
  nodes: { id: string; type: string; label: string; group?: string; auxiliary: boolean; line: number; column: number; details: Record<string, string> }[];
  edges: { from: string; to: string; kind: string }[];
  groups: { id: string; kind: string; label: string; parent?: string }[];
}

let tmp: string;

function write(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runJson(args: string[]): DiagramJson {
  const result = run(['diagram', ...args]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as DiagramJson;
}

before(() => {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-diagram-'));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

void describe('archlens diagram', () => {
  void test('json (the default): nodes, edges from referencing to referenced, groups', () => {
    const file = write('sam.yaml', SAM);
    const graph = runJson([file]);
    assert.deepEqual(
      graph.nodes.map((node) => [node.id, node.type, node.label, node.line, node.column]),
      [
        ['Jobs', 'AWS::SQS::Queue', 'Jobs', 4, 3],
        ['Worker', 'AWS::Serverless::Function', 'Worker', 6, 3],
      ],
    );
    assert.deepEqual(graph.nodes[1]!.details, { creates: 'AWS::Lambda::Function', Runtime: 'python3.12', Handler: 'app.handler' });
    // Edges in flow order: the queue feeds the worker; the worker's reference to the queue
    // behind that event source is reference-only (shown with --all).
    assert.deepEqual(graph.edges, [{ from: 'Jobs', to: 'Worker', kind: 'eventSource' }]);
    // The AWS Cloud > Region frame of every AWS diagram; the region is unnamed unless --region names it.
    assert.deepEqual(graph.groups, [
      { id: 'aws:cloud', kind: 'cloud', label: 'AWS Cloud' },
      { id: 'aws:region', kind: 'region', label: 'Region', parent: 'aws:cloud', details: { region: 'the region the stack is deployed to' } },
    ]);
    assert.deepEqual(graph.nodes.map((node) => node.group), ['aws:region', 'aws:region']);
    assert.deepEqual(runJson(['--format', 'json', file]), graph);
    assert.deepEqual(runJson(['--region', 'eu-west-1', file]).groups[1], { id: 'aws:region', kind: 'region', label: 'eu-west-1', parent: 'aws:cloud', details: { region: 'eu-west-1', source: 'the --region option' } });
  });

  void test('--all includes auxiliary nodes and their edges', () => {
    const file = write('sam-all.yaml', SAM);
    const graph = runJson(['--all', file]);
    assert.deepEqual(
      graph.nodes.map((node) => [node.id, node.auxiliary]),
      [
        ['Jobs', false],
        ['Worker', false],
        ['WorkerLogs', true],
      ],
    );
    assert.deepEqual(graph.edges.at(-1), { from: 'WorkerLogs', to: 'Worker', kind: 'sub' });
  });

  void test('json groups and node groups for a VPC', () => {
    const graph = runJson([write('vpc.yaml', VPC)]);
    // The VPC and the subnet are containers only: groups carrying their type, span and details.
    assert.deepEqual(graph.groups.slice(2), [
      { id: 'Vpc', kind: 'vpc', label: 'Vpc', parent: 'aws:region', type: 'AWS::EC2::VPC', span: { start: 52, end: 55 }, details: { CidrBlock: '10.0.0.0/16' } },
      { id: 'Vpc/AZ 1', kind: 'availabilityZone', label: 'AZ 1', parent: 'Vpc' },
      { id: 'Subnet', kind: 'subnet', label: 'Subnet', parent: 'Vpc/AZ 1', type: 'AWS::EC2::Subnet', span: { start: 126, end: 132 }, details: { CidrBlock: '10.0.0.0/24' } },
    ]);
    assert.deepEqual(
      graph.nodes.map((node) => [node.id, node.group]),
      [['Server', 'Subnet']],
    );
  });

  void test('mermaid', () => {
    const result = run(['diagram', '-f', 'mermaid', write('vpc.yaml', VPC)]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      `flowchart LR
  subgraph g_aws_cloud["AWS Cloud"]
    subgraph g_aws_region["Region"]
      subgraph g_Vpc["Vpc"]
        subgraph g_Vpc_AZ_1["AZ 1"]
          subgraph g_Subnet["Subnet"]
            n_Server["Server<br/>AWS::EC2::Instance"]
          end
        end
      end
    end
  end
`,
    );
  });

  void test('svg', () => {
    const file = write('sam.json', JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { '<b>"Q"</b>': { Type: 'AWS::SQS::Queue' } } }));
    const result = run(['diagram', '--format=svg', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    assert.match(result.stdout, /<\/svg>\n$/);
    assert.match(result.stdout, /&lt;b&gt;&quot;Q&quot;&lt;\/b&gt;/);
    assert.doesNotMatch(result.stdout, /<b>|<script/);
  });

  void test('a big template is collapsed by default; --expand opens one group, --all everything; an unknown group is a clear error', () => {
    const file = write('big.yaml', generateTemplate({ services: 39 }));
    const collapsed = runJson([file]);
    assert.ok(collapsed.nodes.length <= 60, `${collapsed.nodes.length} boxes`);
    const stack = collapsed.nodes.find((node) => node.label === 'Function × 39');
    assert.ok(stack, 'the 39 functions are one node');
    const expanded = runJson(['--expand', stack.id, file]);
    assert.equal(expanded.nodes.filter((node) => node.type === 'AWS::Lambda::Function').length, 39);
    assert.equal(runJson(['--all', file]).nodes.length, 495);
    const mermaid = run(['diagram', '-f', 'mermaid', file]);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    // Mermaid text writes × as an entity (#215;).
    assert.match(mermaid.stdout, /Function #215; 39<br\/>AWS::Lambda::Function/);
    assert.match(mermaid.stdout, /==>\|eventSource #215; 39\|/);
    const unknown = run(['diagram', '--expand', 'nope', file]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^archlens: no group 'nope' in '.*big\.yaml' \(collapsed groups: repeated:/);
  });

  void test('exit 2 with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['diagram', path.join(tmp, 'missing.yaml')], /^archlens: cannot read '.*missing\.yaml': ENOENT/],
      [['diagram', tmp], /^archlens: cannot read '.*': EISDIR/],
      [['diagram', write('buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands: [npm test]\n')], /^archlens: '.*buildspec\.yml' is not a CloudFormation or SAM template\n$/],
      [['diagram', write('api.yaml', 'openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths: {}\n')], /is not a CloudFormation or SAM template/],
      [['diagram', write('broken.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: [AWS::S3::Bucket\n")], /^archlens: cannot parse '.*broken\.yaml': \d+:\d+: /],
      [['diagram', write('broken.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::SQS::Queue",}}}')], /^archlens: cannot parse '.*broken\.json': 1:\d+: /],
      [['diagram', '--format', 'png', 'x.yaml'], /^archlens: unknown diagram format 'png' \(expected json, mermaid, svg\)/],
      [['diagram'], /^archlens: missing FILE/],
      [['diagram', 'a.yaml', 'b.yaml'], /^archlens: diagram takes one FILE, got 2/],
      [['diagram', '--regions', 'x', 'a.yaml'], /^archlens: unknown option '--regions' for diagram/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
    // The JSON error is reported at the brace after the trailing comma.
    const column = fs.readFileSync(path.join(tmp, 'broken.json'), 'utf8').indexOf(',}') + 2;
    assert.match(run(['diagram', path.join(tmp, 'broken.json')]).stderr, new RegExp(`: 1:${column}: JSON syntax error`));
  });

  void test('help lists the command', () => {
    const result = run(['--help']);
    assert.match(result.stdout, /diagram \[options\] FILE/);
    assert.match(result.stdout, /json \(default\), mermaid or svg/);
  });
});

void describe('parseArgs: diagram', () => {
  void test('defaults, formats and --all', () => {
    assert.deepEqual(parseArgs(['diagram', 't.yaml']), { command: 'diagram', format: 'json', all: false, expand: [], securityGroups: false, file: 't.yaml' });
    assert.deepEqual(parseArgs(['diagram', '--all', '-f', 'svg', 't.yaml']), { command: 'diagram', format: 'svg', all: true, expand: [], securityGroups: false, file: 't.yaml' });
    assert.deepEqual(parseArgs(['diagram', '--format=mermaid', '-a', '--', '-t.yaml']), { command: 'diagram', format: 'mermaid', all: true, expand: [], securityGroups: false, file: '-t.yaml' });
    assert.deepEqual(parseArgs(['diagram', '-e', 'a', '--expand=b', 't.yaml']), { command: 'diagram', format: 'json', all: false, expand: ['a', 'b'], securityGroups: false, file: 't.yaml' });
    assert.deepEqual(parseArgs(['diagram', 't.yaml', '--help']), { command: 'help' });
  });

  void test('--region and --security-groups', () => {
    assert.deepEqual(parseArgs(['diagram', '--region', 'eu-west-1', '--security-groups', 't.yaml']), { command: 'diagram', format: 'json', all: false, expand: [], region: 'eu-west-1', securityGroups: true, file: 't.yaml' });
    assert.throws(() => parseArgs(['diagram', '--region', 'Europe<script>', 't.yaml']), /is not a region name/);
    assert.throws(() => parseArgs(['diagram', '--security-groups=yes', 't.yaml']), /takes no value/);
  });

  void test('usage errors', () => {
    assert.throws(() => parseArgs(['diagram', '--format']), UsageError);
    assert.throws(() => parseArgs(['diagram', '--all=yes', 't.yaml']), /takes no value/);
    assert.throws(() => parseArgs(['diagram', '-f', 'sarif', 't.yaml']), /unknown diagram format 'sarif'/);
  });
});
