import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlPathAt } from '../../src/engine/language/yamlContext';
import { completionsAt } from '../../src/engine/language/completion';
import { hoverAt } from '../../src/engine/language/hover';
import { renameAt, referencesAt, definitionAt } from '../../src/engine/language/navigation';
import { codeActionsFor } from '../../src/engine/language/codeActions';
import { realAnalyzer, stripMarkers } from '../support/lintHelpers';

/** Text with a `|` cursor marker -> [text, offset]. */
function cursor(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function complete(marked: string, file = 't.yaml'): string[] {
  const [text, offset] = cursor(marked);
  const analyzer = realAnalyzer();
  return completionsAt(analyzer.analyze(file, text), analyzer.catalog, offset).map((item) => item.label);
}

void describe('YAML path from indentation (works on half-typed documents)', () => {
  const cases: Array<[string, Array<string | number>]> = [
    ['Resources:\n  B:\n    Properties:\n      |', ['Resources', 'B', 'Properties']],
    ['Resources:\n  B:\n    Properties:\n      Tags:\n        - Key: a\n          |', ['Resources', 'B', 'Properties', 'Tags', 0]],
    ['Resources:\n  B:\n    Properties:\n      Tags:\n        - |', ['Resources', 'B', 'Properties', 'Tags', 0]],
    ['Resources:\n  B:\n    Properties:\n      Tags:\n      - Key: a\n        |', ['Resources', 'B', 'Properties', 'Tags', 0]],
    ['Resources:\n  B:\n    Type: AWS::S3::Bucket\n    |', ['Resources', 'B']],
    ['Resources:\n  # comment\n\n  B:\n    Properties:\n      Versioning:\n        |', ['Resources', 'B', 'Properties', 'Versioning']],
    ['|', []],
  ];
  for (const [marked, expected] of cases) {
    void test(JSON.stringify(marked), () => {
      const [text, offset] = cursor(marked);
      assert.deepEqual(yamlPathAt(text, offset), expected);
    });
  }
});

void describe('completion contexts', () => {
  const head = 'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nMappings:\n  M:\n    us-east-1:\n      Ami: ami-1\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';
  void test('top-level sections', () => assert.ok(complete('Res|').includes('Resources')));
  void test('resource types after Type: (while the document does not parse)', () => {
    const labels = complete('Resources:\n  B:\n    Type: AWS::S3::Buc|\n  C: [\n');
    assert.ok(labels.includes('AWS::S3::Bucket'));
    assert.ok(labels.length > 1000);
  });
  void test('resource attributes keys', () => assert.ok(complete(`${head}    Dep|`).includes('DependsOn')));
  void test('nested properties', () => {
    const labels = complete(`${head}  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        |`);
    assert.deepEqual(labels, ['Status']);
  });
  void test('Ref targets include parameters, resources and pseudo parameters', () => {
    const labels = complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref |`);
    for (const expected of ['Env', 'Q', 'T', 'AWS::Region']) assert.ok(labels.includes(expected), expected);
  });
  void test('Sub variables and attributes', () => {
    assert.ok(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Sub "\${|`).includes('Env'));
    assert.ok(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Sub "\${Q.|`).includes('QueueName'));
  });
  void test('conditions after Condition: and in !If', () => {
    assert.deepEqual(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Condition: |`), ['IsProd']);
    assert.deepEqual(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !If [|`), ['IsProd']);
  });
  void test('FindInMap names and literal keys', () => {
    assert.deepEqual(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !FindInMap [|`), ['M']);
    assert.deepEqual(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !FindInMap [M, |`), ['us-east-1']);
    assert.deepEqual(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !FindInMap [M, us-east-1, |`), ['Ami']);
  });
  void test('DependsOn targets (scalar and list item)', () => {
    assert.ok(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    DependsOn: |`).includes('Q'));
    assert.ok(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    DependsOn:\n      - |`).includes('Q'));
  });
  void test('short-form functions after !', () => assert.ok(complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Su|`).includes('!Sub')));
  void test('known values: enums and booleans', () => {
    assert.deepEqual(complete(`${head}  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      ObjectLockEnabled: |`), ['true', 'false']);
    assert.ok(complete(`${head}  B:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: |`).includes('RetainExceptOnCreate'));
  });
  void test('keys already present under Properties are not offered again (YAML)', () => {
    const table = `${head}  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - {AttributeName: id, KeyType: HASH}\n      BillingMode: PAY_PER_REQUEST\n      |\n      AttributeDefinitions: []\n  Next:\n    Type: AWS::SNS::Topic\n`;
    const labels = complete(table);
    assert.ok(labels.includes('TableName'), labels.join(', '));
    for (const present of ['KeySchema', 'BillingMode', 'AttributeDefinitions']) assert.ok(!labels.includes(present), present);
    // While a key is being typed (the document does not parse), the others are still known.
    const typing = complete(table.replace('      |', '      Bil|'));
    assert.ok(typing.includes('TableName') && !typing.includes('KeySchema') && !typing.includes('BillingMode'), typing.join(', '));
    // The key under the cursor is not "present": completing it again offers it.
    assert.ok(complete(table.replace('      BillingMode:', '      Billing|Mode:').replace('      |\n', '')).includes('BillingMode'));
    // Resource-level keys too.
    assert.ok(!complete(`${head}  T:\n    Type: AWS::SNS::Topic\n    |`).includes('Type'));
  });
  void test('keys already present under Properties are not offered again (JSON)', () => {
    const labels = complete('{"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {"KeySchema": [], "BillingMode": "PAY_PER_REQUEST", "|"}}}}', 't.json');
    assert.ok(labels.includes('TableName'), labels.join(', '));
    assert.ok(!labels.includes('KeySchema') && !labels.includes('BillingMode'), labels.join(', '));
    const incomplete = complete('{"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {\n  "KeySchema": [],\n  "BillingMode": "PAY_PER_REQUEST",\n  "Tab|', 't.json');
    assert.ok(incomplete.includes('TableName') && !incomplete.includes('KeySchema'), incomplete.join(', '));
  });
  void test('JSON: resource types after "Type": "', () => assert.ok(complete('{"Resources": {"B": {"Type": "AWS::S3::B|"}}}', 't.json').includes('AWS::S3::Bucket')));
  void test('JSON: properties, nested properties and sections while the document is incomplete', () => {
    assert.ok(complete('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Buck|', 't.json').includes('BucketName'));
    assert.deepEqual(complete('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"|', 't.json'), ['Status']);
    assert.ok(complete('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "|', 't.json').includes('DependsOn'));
    assert.ok(complete('{"|', 't.json').includes('Resources'));
    assert.ok(complete('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"ObjectLockEnabled": |', 't.json').includes('true'));
  });
});

void describe('hover, navigation and fixes on the engine API', () => {
  const analyzer = realAnalyzer();
  const { text, spans } = stripMarkers('Parameters:\n  «Env»:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "x-${«Env»}"\n      Tags:\n        - Key: k\n          Value: !Ref «Env»\n');
  const analyzed = analyzer.analyze('t.yaml', text);
  void test('definition from a Sub variable', () => assert.deepEqual(definitionAt(analyzed, spans[1]!.start + 1), spans[0]));
  void test('references find the Sub variable and the Ref', () => assert.deepEqual(referencesAt(analyzed, spans[0]!.start, true), spans));
  void test('rename edits every occurrence', () => {
    const result = renameAt(analyzed, spans[2]!.start, 'Stage');
    assert.ok('edits' in result);
    assert.deepEqual(result.edits.map((e) => e.span), spans);
  });
  void test('rename is refused when a Sub string hides a reference behind escapes', () => {
    const doc = analyzer.analyze('t.yaml', 'Parameters:\n  Env:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "$\\x7BEnv}"\n');
    const result = renameAt(doc, doc.text.indexOf('Env'), 'Stage');
    assert.equal(analyzer.lintAnalyzed(doc).findings.filter((f) => f.rule === 'cfn-unused-parameter').length, 0);
    assert.ok('error' in result && /escape sequences/.test(result.error), JSON.stringify(result));
  });
  void test('hover on a pseudo parameter and an intrinsic', () => {
    const doc = analyzer.analyze('t.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::Region}"\n');
    assert.match(hoverAt(doc, analyzer.catalog, doc.text.indexOf('AWS::Region') + 2)!.markdown, /pseudo parameter/);
    assert.match(hoverAt(doc, analyzer.catalog, doc.text.indexOf('!Sub') + 1)!.markdown, /Fn::Sub/);
  });
  void test('hover on !GetAtt Role.Arn ends on a sentence, not a dangling "For example:"', () => {
    const doc = analyzer.analyze('t.yaml', 'Resources:\n  OrdersFunctionRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt OrdersFunctionRole.Arn\n');
    const markdown = hoverAt(doc, analyzer.catalog, doc.text.indexOf('OrdersFunctionRole.Arn') + 'OrdersFunctionRole.'.length + 1)!.markdown;
    assert.match(markdown, /Attribute `Arn`: String\n\nReturns the Amazon Resource Name \(ARN\) for the role\.$/);
  });
  void test('hover and completion carry the catalogue documentation (read from the docs shards)', () => {
    const doc = analyzer.analyze('t.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n      Tags:\n        - Key: a\n          Value: b\n');
    assert.match(hoverAt(doc, analyzer.catalog, doc.text.indexOf('AWS::SQS::Queue') + 5)!.markdown, /\*\*AWS::SQS::Queue\*\*\n\n.*queue/i);
    assert.match(hoverAt(doc, analyzer.catalog, doc.text.indexOf('DelaySeconds') + 2)!.markdown, /DelaySeconds.*\n\n.*\n\n.*seconds/is);
    const items = completionsAt(doc, analyzer.catalog, doc.text.indexOf('DelaySeconds'));
    assert.match(items.find((item) => item.label === 'VisibilityTimeout')?.documentation ?? '', /unavailable after a message is delivered/);
  });
  void test('add missing required properties inserts keys at the right indentation', () => {
    const doc = analyzer.analyze('t.yaml', 'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [q]\n');
    const finding = analyzer.lintAnalyzed(doc).findings.find((f) => f.rule === 'cfn-required-property')!;
    const fix = codeActionsFor(doc, finding)[0]!;
    assert.equal(fix.title, "Add required property 'PolicyDocument'");
    const edit = fix.edits[0]!;
    const fixed = doc.text.slice(0, edit.span.start) + edit.newText + doc.text.slice(edit.span.end);
    assert.equal(fixed, 'Resources:\n  P:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [q]\n      PolicyDocument: \n');
  });
  void test('suppression quick fixes insert a directive that really suppresses', () => {
    const doc = analyzer.analyze('t.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketNme: x\n');
    const finding = analyzer.lintAnalyzed(doc).findings[0]!;
    for (const fix of codeActionsFor(doc, finding).filter((f) => f.title.startsWith('Suppress'))) {
      const edit = fix.edits[0]!;
      const fixed = doc.text.slice(0, edit.span.start) + edit.newText + doc.text.slice(edit.span.end);
      assert.deepEqual(analyzer.lint('t.yaml', fixed).findings.filter((f) => f.rule === finding.rule), [], fix.title);
    }
  });
});
