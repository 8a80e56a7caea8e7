/**
 * What the editor shows of cost, without VS Code: code lens labels, hovers, the panel state and
 * its protocol, the usage file the panel writes, and the inputs read beside a template.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SHIPPED_PRICES } from '../../src/engine/cost/priceTable';
import { parseUsageFile, serializeUsageFile, withResourceFigure } from '../../src/engine/cost/usage';
import { WHAT_IFS } from '../../src/engine/cost/whatIfTypes';
import { estimateDocument, hoverMarkdown, lensLabel } from '../../src/extension/cost/costViewModel';
import { costInputsFor } from '../../src/node/costInputs';
import { COST_WHAT_IF_IDS, validateCostUiMessage } from '../../src/shared/webview/costProtocol';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Nat:
    Type: AWS::EC2::NatGateway
  Queue:
    Type: AWS::SQS::Queue
  Role:
    Type: AWS::IAM::Role
  Thing:
    Type: AWS::Made::Up
  Web:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: { 'Fn::GetAtt': [X, Y] } }
  "Evil[link](http://x)":
    Type: AWS::KMS::Key
`;

describe('cost in the editor (no VS Code)', () => {
  const estimate = estimateDocument('t.yaml', TEMPLATE, { prices: SHIPPED_PRICES, region: 'us-east-1' });
  const labels = new Map(estimate?.resources.map((resource) => [resource.logicalId, lensLabel(resource)]));

  it('code lens labels: a fixed figure, usage-based, free, not priced, unknown', () => {
    assert.deepEqual(Object.fromEntries(labels), {
      // $0.045 x 730 = $32.85, plus data processed (usage unknown).
      Nat: '≈ $32.85/mo + usage',
      Queue: 'usage-based',
      Role: 'free',
      Thing: 'cost: not priced yet',
      Web: 'cost: unknown',
      // $1.00 key-month + requests (usage).
      'Evil[link](http://x)': '≈ $1.00/mo + usage',
    });
    assert.equal(estimateDocument('n.yaml', 'shopping: [milk]\n', { prices: SHIPPED_PRICES, region: 'us-east-1' }), undefined);
  });

  it('hovers list the components; template names cannot make links or markup', () => {
    const nat = estimate!.resources.find((resource) => resource.logicalId === 'Nat')!;
    const hover = hoverMarkdown(nat, 'us-east-1', '2025-07');
    assert.match(hover, /NAT gateway hours: 730 hour × \$0\.045 = \$32\.85/);
    // Parentheses are escaped (they could close a link); the text reads the same rendered.
    assert.match(hover, /depends on usage \\\(set dataProcessedGB in the usage file\\\)/);
    const evil = estimate!.resources.find((resource) => resource.logicalId.startsWith('Evil'))!;
    assert.match(hoverMarkdown(evil, 'us-east-1', '2025-07'), /Evil\\\[link\\\]\\\(http:\/\/x\\\)/);
  });

  it('the panel protocol knows every engine what-if, and refuses unknown or negative edits', () => {
    assert.deepEqual([...COST_WHAT_IF_IDS].sort(), WHAT_IFS.map((whatIf) => whatIf.id).sort());
    assert.equal(validateCostUiMessage({ type: 'cost/usage/set', logicalId: 'Nat', key: 'dataProcessedGB', value: -1 }).ok, false);
    assert.equal(validateCostUiMessage({ type: 'cost/whatIf/toggle', id: 'free-money', on: true }).ok, false);
    assert.equal(validateCostUiMessage({ type: 'cost/usage/set', logicalId: 'Nat', key: 'dataProcessedGB', value: null }).ok, true);
  });

  it('the usage file the panel writes reads back the same, hostile names included', () => {
    let usage = parseUsageFile('preset: small\ndefaults:\n  AWS::Lambda::Function: { averageDurationMs: 80 }\n').usage;
    usage = withResourceFigure(usage, 'Nat', 'dataProcessedGB', 1000);
    usage = withResourceFigure(usage, '__proto__', 'x', 1);
    usage = withResourceFigure(usage, 'a: b\n#c', 'y', 2);
    const text = serializeUsageFile(usage);
    const back = parseUsageFile(text);
    assert.deepEqual(back.problems, []);
    assert.equal(back.usage.preset, 'small');
    assert.equal(back.usage.resources.get('Nat')?.get('dataProcessedGB'), 1000);
    assert.equal(back.usage.resources.get('__proto__')?.get('x'), 1);
    assert.equal(back.usage.resources.get('a: b\n#c')?.get('y'), 2);
    assert.equal(back.usage.defaults.get('AWS::Lambda::Function')?.get('averageDurationMs'), 80);
    // Clearing the last figure of a resource drops its entry.
    assert.equal(withResourceFigure(back.usage, 'Nat', 'dataProcessedGB', null).resources.has('Nat'), false);
  });

  it('inputs beside a template: .archlens.yml cost section and the usage file it names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-cost-inputs-'));
    try {
      fs.mkdirSync(path.join(dir, 'stacks'));
      fs.writeFileSync(path.join(dir, '.archlens.yml'), 'cost:\n  region: eu-west-1\n  usageFile: usage/figures.yml\n  resources:\n    Nat: { dataProcessedGB: 5 }\n');
      const template = path.join(dir, 'stacks', 't.yaml');
      const none = costInputsFor(template);
      assert.equal(none.region, 'eu-west-1');
      assert.equal(none.usageFile, path.join(dir, 'usage', 'figures.yml'));
      assert.equal(none.usage.resources.get('Nat')?.get('dataProcessedGB'), 5);
      fs.mkdirSync(path.join(dir, 'usage'));
      fs.writeFileSync(path.join(dir, 'usage', 'figures.yml'), 'resources:\n  Nat: { dataProcessedGB: 7 }\n  Queue: { monthlyRequests: bad }\n');
      const withFile = costInputsFor(template);
      assert.equal(withFile.usage.resources.get('Nat')?.get('dataProcessedGB'), 7);
      assert.match(withFile.problems.join('\n'), /resources\.Queue\.monthlyRequests must be a number >= 0/);
      fs.rmSync(path.join(dir, '.archlens.yml'));
      assert.equal(costInputsFor(template).usageFile, path.join(dir, 'stacks', 'archlens-usage.yml'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
