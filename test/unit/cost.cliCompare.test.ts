/**
 * `archlens cost --compare-to REF`, `--what-if` and the `.archlens.yml` cost section, driven in
 * process through runCli on a real git repository in a temp folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run';

function cli(cwd: string, ...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
    loadCatalog: () => {
      throw new Error('cost must not need the resource catalogue');
    },
  });
  return { code, stdout, stderr };
}

const V1 = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Nat:
    Type: AWS::EC2::NatGateway
  Vol:
    Type: AWS::EC2::Volume
    Properties: { Size: 100 }
  Ip:
    Type: AWS::EC2::EIP
`;
// Vol grows to 200 GB (+$10.00), Ip goes (-$3.65), a KMS key comes (+$1.00): +$7.35 in all.
const V2 = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Nat:
    Type: AWS::EC2::NatGateway
  Vol:
    Type: AWS::EC2::Volume
    Properties: { Size: 200 }
  Key:
    Type: AWS::KMS::Key
`;

describe('archlens cost --compare-to, --what-if and .archlens.yml', () => {
  let dir: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cost-git-'));
    git('init', '-q');
    fs.writeFileSync(path.join(dir, 'stack.yaml'), V1);
    git('add', 'stack.yaml');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'v1');
    fs.writeFileSync(path.join(dir, 'stack.yaml'), V2);
    fs.writeFileSync(path.join(dir, 'new.yaml'), V2);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('JSON: the difference from HEAD, resource by resource', () => {
    const run = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--compare-to', 'HEAD', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { monthly: { total: number }; compare: { ref: string; monthly: { before: number; after: number; delta: number }; resources: { change: string; logicalId: string; delta: number }[] } };
    // Before: NAT $32.85 + Vol $10.00 + EIP $3.65 = $46.50; after: $32.85 + $20.00 + $1.00 = $53.85.
    assert.deepEqual(out.compare.monthly, { before: 46.5, after: 53.85, delta: 7.35 });
    assert.equal(out.monthly.total, 53.85);
    assert.deepEqual(
      out.compare.resources.map((change) => [change.change, change.logicalId, change.delta]),
      [
        ['changed', 'Vol', 10],
        ['added', 'Key', 1],
        ['removed', 'Ip', -3.65],
      ],
    );
  });

  it('text and Markdown name the revision and the delta; a file new since then is all added', () => {
    const text = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--compare-to', 'HEAD');
    assert.match(text.stdout, /Compared with HEAD: \$46\.50 -> \$53\.85 \(\+\$7\.35\/mo\)/);
    const markdown = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--compare-to', 'HEAD', '--format', 'markdown');
    assert.match(markdown.stdout, /\| removed \| Ip \| AWS::EC2::EIP \| \$3\.65 \| \$0\.00 \| -\$3\.65 \|/);
    const fresh = cli(dir, 'cost', path.join(dir, 'new.yaml'), '--compare-to', 'HEAD');
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /Compared with HEAD: \$0\.00 -> \$53\.85 \(\+\$53\.85\/mo\)/);
  });

  it('an unknown revision or an option-like one is a usage error (exit 2) with the next step', () => {
    const unknown = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--compare-to', 'no-such-branch');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /git does not know the revision 'no-such-branch' \(try HEAD, a branch name or a commit\)/);
    const optionLike = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--compare-to=--output=/tmp/x');
    assert.equal(optionLike.code, 2);
    assert.match(optionLike.stderr, /is not a git revision/);
  });

  it('--what-if lists what each what-if would cost (gp3 saves $4.00 on the 200 GB gp2 volume)', () => {
    const run = cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--what-if', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { whatIfs: { id: string; monthly: { delta: number } }[] };
    // 200 GB x ($0.08 - $0.10) = -$4.00; nothing else in this template has a what-if.
    assert.deepEqual(out.whatIfs.map((result) => [result.id, result.monthly.delta]), [['gp3', -4]]);
    assert.match(cli(dir, 'cost', path.join(dir, 'stack.yaml'), '--what-if').stdout, /gp2 -> gp3: \$49\.85\/mo \(-\$4\.00\/mo\)/);
  });

  it('.archlens.yml cost: region, inline usage and a usage file relative to it', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'cfg-'));
    fs.writeFileSync(path.join(sub, 'q.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Nat:\n    Type: AWS::EC2::NatGateway\n");
    fs.writeFileSync(path.join(sub, 'usage.yml'), 'resources:\n  Nat: { dataProcessedGB: 100 }\n');
    fs.writeFileSync(path.join(sub, '.archlens.yml'), 'cost:\n  usageFile: usage.yml\n  resources:\n    Queue: { monthlyRequests: 3000000 }\n');
    const run = cli(sub, 'cost', path.join(sub, 'q.yaml'), '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    // Queue 3M x $0.40/M = $1.20; NAT $32.85 + 100 GB x $0.045 = $4.50 -> $38.55.
    assert.deepEqual((JSON.parse(run.stdout) as { monthly: object }).monthly, { fixed: 32.85, usage: 5.7, total: 38.55 });
    fs.writeFileSync(path.join(sub, '.archlens.yml'), 'cost:\n  region: eu-central-2\n');
    assert.equal((JSON.parse(cli(sub, 'cost', path.join(sub, 'q.yaml'), '--format', 'json').stdout) as { region: string }).region, 'eu-central-2');
    // --region on the command line wins.
    assert.equal((JSON.parse(cli(sub, 'cost', path.join(sub, 'q.yaml'), '--region', 'us-east-1', '--format', 'json').stdout) as { region: string }).region, 'us-east-1');
    fs.writeFileSync(path.join(sub, '.archlens.yml'), 'cost:\n  whatIf: { spotDiscount: 3 }\n');
    const bad = cli(sub, 'cost', path.join(sub, 'q.yaml'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid cost section in '.*\.archlens\.yml':\n {2}cost\.whatIf\.spotDiscount: expected a fraction between 0 and 1/);
  });
});
