import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRuleCase, findingsOf } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { circularDependencyRule, findCycles } from '../../src/engine/rules/cycleRules';
import { createAnalyzer } from '../../src/engine/analyzer';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';

const RULE = 'cfn-circular-dependency';
const topic = (name: string, body = ''): string => `  ${name}:\n    Type: AWS::SNS::Topic\n${body}`;
const named = (value: string): string => `    Properties:\n      TopicName: ${value}\n`;

const cases: RuleCase[] = [
  { name: 'a chain is no cycle', doc: 'Resources:\n' + topic('A', named('!Ref B')) + topic('B', named('!GetAtt C.TopicName')) + topic('C') },
  {
    name: 'three resources through GetAtt, Sub and DependsOn',
    doc: 'Resources:\n' + topic('«A»', named('!GetAtt B.TopicName')) + topic('B', named('!Sub "${C}-x"')) + topic('C', '    DependsOn: [A]\n'),
    messages: ['Circular dependency: A -> B -> C -> A.'],
  },
  { name: 'reported at the first resource in source order', doc: 'Resources:\n' + topic('X') + topic('«B»', named('!Ref A')) + topic('A', named('!Ref B')), messages: ['B -> A -> B'] },
  { name: 'a Ref to itself', doc: 'Resources:\n' + topic('«A»', named('!Ref A')), messages: ['Circular dependency: A -> A.'] },
  { name: 'DependsOn itself is cfn-depends-on', doc: 'Resources:\n' + topic('A', '    DependsOn: A\n') },
  { name: 'two separate cycles', doc: 'Resources:\n' + topic('«A»', named('!Ref B')) + topic('B', named('!Ref A')) + topic('«C»', named('!Ref D')) + topic('D', named('!Ref C')) },
  {
    name: 'a larger cycle shows a shortest loop and the rest',
    doc: 'Resources:\n' + topic('«A»', named('!Ref B')) + topic('B', '    DependsOn: [A, C]\n') + topic('C', named('!Ref A')),
    messages: ['A -> B -> A (1 more resource is in the same cycle)'],
  },
  {
    name: 'JSON long forms',
    file: 't.json',
    doc: '{"Resources": {«"A"»: {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::GetAtt": ["B", "TopicName"]}}}, "B": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": ["${X}", {"X": {"Ref": "A"}}]}}}}}',
    messages: ['A -> B -> A'],
  },
  { name: 'Sub variables of the map are not resources', doc: 'Resources:\n' + topic('A', named('!Sub ["${A}", {A: x}]')) },
  { name: 'parameters and outputs are not in the graph', doc: 'Parameters:\n  A:\n    Type: String\nResources:\n' + topic('B', named('!Ref A')) + 'Outputs:\n  B:\n    Value: !Ref B\n' },
  {
    name: 'SAM event sources do not make the function depend on the API',
    doc:
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: i.h\n      Runtime: python3.12\n      CodeUri: .\n      Events:\n        Get:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Api\n            Path: /\n            Method: get\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        paths:\n          /:\n            get:\n              x-amazon-apigateway-integration:\n                uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"\n',
  },
  {
    name: 'SAM: other properties still count',
    doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  «Fn»:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: i.h\n      Runtime: python3.12\n      CodeUri: .\n      Environment:\n        Variables:\n          T: !Ref T\n' + topic('T', named('!GetAtt Fn.Arn')),
    messages: ['Fn -> T -> Fn'],
  },
];

/** A template of `count` topics where each names the next: a long chain without a cycle, or closed into one. */
function chain(count: number, closed: boolean): string {
  const lines = ['Resources:'];
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `T${i + 1}` : closed ? 'T0' : undefined;
    lines.push(`  T${i}:`, '    Type: AWS::SNS::Topic');
    if (next) lines.push('    Properties:', `      TopicName: !GetAtt ${next}.TopicName`);
  }
  return lines.join('\n') + '\n';
}

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));

  void test('2,000 resources in a chain: no finding, fast, no stack overflow', () => {
    const doc = chain(2000, false);
    assert.deepEqual(findingsOf(RULE, doc), []);
    // Only this rule, warmed up: parsing plus the graph must stay well under a keystroke's budget.
    const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) }, [circularDependencyRule]);
    analyzer.lint('t.yaml', doc);
    const started = performance.now();
    assert.deepEqual(analyzer.lint('t.yaml', `${doc}\n`).findings, []);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `took ${Math.round(elapsed)} ms`);
  });

  void test('2,000 resources in one ring: one finding naming all of them', () => {
    const findings = findingsOf(RULE, chain(2000, true));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /^Circular dependency: T0 -> T1 -> T2 -> .* -> T1999 -> T0\./);
  });

  void test('findCycles: components and self-loops', () => {
    // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0 (not in a cycle)
    const cycles = findCycles([[1], [2], [0], [3], [0]]).map((c) => [...c].sort((a, b) => a - b));
    cycles.sort((a, b) => a[0]! - b[0]!);
    assert.deepEqual(cycles, [[0, 1, 2], [3]]);
  });

  void test('findCycles: a 100,000-node path is iterative', () => {
    const edges = Array.from({ length: 100_000 }, (_, i) => (i + 1 < 100_000 ? [i + 1] : []));
    assert.deepEqual(findCycles(edges), []);
  });
});
