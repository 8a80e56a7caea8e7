// Per-entry results kept across analyses (src/engine/cfn/entryMemo.ts): after every kind of edit,
// a lint that starts from the previous analysis reports exactly what a fresh lint of the same
// text reports, and entries the edit left alone really are taken from the previous analysis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkResourceProperties } from '../../src/engine/cfn/propertyCheck';
import type { AnalyzedDocument } from '../../src/engine/analyzedDocument';
import { realAnalyzer } from '../support/lintHelpers';

/** A template with findings of the kept kinds: properties, IAM, references, unused conditions. */
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
  VpcIdParam:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Unused: !Equals [!Ref Env, dev]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: lots
      Colour: blue
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statemnt:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Alow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: g
      VpcId: !Ref VpcIdParam
  Function:
    Type: AWS::Lambda::Function
    Condition: IsProd
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: "x"}
      MemorySize: 12
      VpcConfig:
        SecurityGroupIds: [!Ref Group]
        SubnetIds: [subnet-12345678]
      Environment:
        Variables:
          QUEUE: !Sub '\${Queue.QueueName}-\${Missing}'
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

/** Edits, applied one after the other: [what, from, to] (the first occurrence of `from` in the current text). */
const EDITS: ReadonlyArray<readonly [string, string, string]> = [
  ['inside one resource', 'VisibilityTimeout: lots', 'VisibilityTimeout: many'],
  ['above every resource (all move)', 'Type: String\n  VpcIdParam', 'Type: String\n  Extra:\n    Type: String\n  VpcIdParam'],
  ['a comment at the end', 'Value: !Ref Queue\n', 'Value: !Ref Queue\n# note\n'],
  ['a resource type (what a Ref returns changes for the others)', 'Type: AWS::EC2::SecurityGroup', 'Type: AWS::EC2::SecurityGroupX'],
  ['back', 'Type: AWS::EC2::SecurityGroupX', 'Type: AWS::EC2::SecurityGroup'],
  ['a parameter type', 'VpcIdParam:\n    Type: String', 'VpcIdParam:\n    Type: AWS::EC2::VPC::Id'],
  ['a security group VpcId (its Ref becomes a name)', '      VpcId: !Ref VpcIdParam\n', ''],
  ['a policy inside one resource', 'Effect: Alow', 'Effect: Allow'],
  ['a condition now used', 'Condition: IsProd', 'Condition: Unused'],
  ['a reference target renamed', '  Queue:\n    Type: AWS::SQS::Queue', '  Queue2:\n    Type: AWS::SQS::Queue'],
  ['inside a resource, shrinking the text above later ones', 'Colour: blue', 'C: b'],
];

/** An analysis of `text` made by an edit (a comment removed at the end), as an editor's analyses are: only those keep per-entry results. */
function editedAnalysis(text: string): AnalyzedDocument {
  const analyzer = realAnalyzer();
  return analyzer.analyze('t.yaml', text, analyzer.analyze('t.yaml', `${text}# typed\n`));
}

function fresh(text: string): string[] {
  return realAnalyzer()
    .lint('t.yaml', text)
    .findings.map((finding) => JSON.stringify(finding));
}

void describe('per-entry results kept across analyses', () => {
  test('after each edit, the lint from the previous analysis equals a fresh lint', () => {
    const analyzer = realAnalyzer();
    let text = TEMPLATE;
    let previous: AnalyzedDocument = analyzer.analyze('t.yaml', text);
    const first = analyzer.lintAnalyzed(previous).findings.map((finding) => finding.rule);
    // The template has something for each kept check to find.
    for (const rule of ['cfn-value-type', 'cfn-unknown-property', 'cfn-iam-policy-structure', 'cfn-unused-condition', 'cfn-sub-variables']) assert.ok(first.includes(rule), `${rule} in ${first.join(', ')}`);
    for (const [what, from, to] of EDITS) {
      assert.ok(text.includes(from), `edit "${what}" applies`);
      text = text.replace(from, to);
      const next = analyzer.analyze('t.yaml', text, previous);
      assert.deepEqual(
        analyzer.lintAnalyzed(next).findings.map((finding) => JSON.stringify(finding)),
        fresh(text),
        what,
      );
      previous = next;
    }
  });

  test('a resource the edit left alone keeps its issues (the same objects); the edited one is checked again', () => {
    const analyzer = realAnalyzer();
    const before = editedAnalysis(TEMPLATE);
    const issuesBefore = checkResourceProperties(before.document, before.template!, analyzer.catalog);
    const after = analyzer.analyze('t.yaml', TEMPLATE.replace('MemorySize: 12', 'MemorySize: 13'), before);
    const issuesAfter = checkResourceProperties(after.document, after.template!, analyzer.catalog);
    const queueIssue = issuesBefore.find((issue) => issue.message.includes('Colour'));
    assert.ok(queueIssue);
    assert.ok(issuesAfter.includes(queueIssue), 'the Queue (not edited) keeps its issue object');
    const memoryBefore = issuesBefore.find((issue) => issue.message.includes('MemorySize'));
    const memoryAfter = issuesAfter.find((issue) => issue.message.includes('MemorySize'));
    assert.ok(memoryBefore && memoryAfter && memoryBefore !== memoryAfter, 'the edited Function is checked again');
  });

  test('an edit above a resource moves its kept issues with it', () => {
    const analyzer = realAnalyzer();
    const before = editedAnalysis(TEMPLATE);
    const issueBefore = checkResourceProperties(before.document, before.template!, analyzer.catalog).find((issue) => issue.message.includes('Colour'))!;
    const added = '\n    Description: the environment';
    const after = analyzer.analyze('t.yaml', TEMPLATE.replace('Env:\n    Type: String', `Env:\n    Type: String${added}`), before);
    // The re-parse reused the Queue's nodes (moved), so its issues came from the memo, moved too.
    assert.equal(after.template!.resources.get('Queue')!.keyNode, before.template!.resources.get('Queue')!.keyNode);
    const issueAfter = checkResourceProperties(after.document, after.template!, analyzer.catalog).find((issue) => issue.message.includes('Colour'))!;
    assert.deepEqual(issueAfter.span, { start: issueBefore.span.start + added.length, end: issueBefore.span.end + added.length });
    assert.equal(after.text.slice(issueAfter.span.start, issueAfter.span.end), 'Colour');
  });

  test('files checked in turn each keep their results (one environment per file is remembered)', () => {
    const analyzer = realAnalyzer();
    const a = editedAnalysis(TEMPLATE);
    const issueOf = (analyzed: AnalyzedDocument) => checkResourceProperties(analyzed.document, analyzed.template!, analyzer.catalog).find((issue) => issue.message.includes('Colour'));
    const issue = issueOf(a);
    // Another file, whose outline differs (its own environment), checked in between.
    const b = editedAnalysis(TEMPLATE.replace('  Group:', '  OtherGroup:'));
    assert.ok(issueOf(b) !== issue);
    const a2 = analyzer.analyze('t.yaml', TEMPLATE.replace('MemorySize: 12', 'MemorySize: 14'), a);
    assert.equal(issueOf(a2), issue, 'the first file still finds its kept issue');
  });

  test('a first parse keeps nothing (a one-shot lint pays nothing for keeping)', () => {
    const analyzer = realAnalyzer();
    const first = analyzer.analyze('t.yaml', TEMPLATE);
    const issue = checkResourceProperties(first.document, first.template!, analyzer.catalog).find((found) => found.message.includes('Colour'));
    const next = analyzer.analyze('t.yaml', TEMPLATE.replace('MemorySize: 12', 'MemorySize: 13'), first);
    assert.equal(next.template!.resources.get('Queue')!.keyNode, first.template!.resources.get('Queue')!.keyNode, 'the edit reused the Queue');
    assert.ok(issue && !checkResourceProperties(next.document, next.template!, analyzer.catalog).includes(issue), 'checked again: nothing was kept from the first parse');
  });
});
