import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

/** A template with parameter P, condition C, mapping M and a bucket whose tag value is `value` (YAML). */
const tag = (value: string, head = ''): string =>
  `${head}Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nMappings:\n  M:\n    a:\n      b: c\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: k\n          Value: ${value}\n`;
/** The same in JSON: `value` is JSON text. */
const tagJson = (value: string, head = ''): string =>
  `{${head}"Parameters": {"P": {"Type": "String"}}, "Conditions": {"C": {"Fn::Equals": [{"Ref": "P"}, "x"]}}, "Mappings": {"M": {"a": {"b": "c"}}}, "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "k", "Value": ${value}}]}}}}`;
// `AWSTemplateFormatVersion` makes templates whose only resources are loops detectable.
const EXT = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::LanguageExtensions\n';
const bucket = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';

const shape: RuleCase[] = [
  // Ref
  { name: 'Ref short and long forms', doc: tag('!Ref P') + '      BucketName: {Ref: P}\n' },
  { name: 'Ref JSON', file: 't.json', doc: tagJson('{"Ref": "P"}') },
  { name: 'Ref to a list', doc: tag('!Ref «[P]»'), messages: ['Ref takes the name of a parameter, resource or pseudo parameter, not a list'] },
  { name: 'empty Ref', doc: tag('«!Ref»'), messages: ['not an empty value'] },
  { name: 'Ref of a function without LanguageExtensions', doc: tag('!Ref «{"Fn::Sub": "${P}"}»'), messages: ['needs the AWS::LanguageExtensions transform'] },
  { name: 'Ref of a function with LanguageExtensions', doc: tag('!Ref {"Fn::Sub": "${P}"}', EXT) },
  { name: 'JSON Ref to a mapping', file: 't.json', doc: tagJson('{"Ref": «{"a": "b"}»}'), messages: ['not a mapping'] },
  // GetAtt
  { name: 'GetAtt dotted and list forms', doc: tag('!GetAtt B.Arn') + '      BucketName: !GetAtt [B, Arn]\n' },
  { name: 'GetAtt long list form with Ref attribute', doc: tag('{"Fn::GetAtt": [B, !Ref P]}') },
  { name: 'GetAtt without a dot', doc: tag('!GetAtt «B»'), messages: ["'LogicalId.AttributeName' or [LogicalId, AttributeName], not 'B'"] },
  { name: 'GetAtt trailing dot', doc: tag('!GetAtt «B.»') },
  { name: 'GetAtt malformed mapping', doc: tag('!GetAtt «{a: b}»'), messages: ['not a mapping'] },
  { name: 'GetAtt list of three', doc: tag('«!GetAtt» [B, Arn, X]'), messages: ['takes 2 items'] },
  { name: 'GetAtt JSON list of one', file: 't.json', doc: tagJson('{«"Fn::GetAtt"»: ["B"]}'), messages: ['found 1'] },
  { name: 'GetAtt attribute from Sub needs LanguageExtensions', doc: tag('!GetAtt [B, «!Sub Arn»]'), messages: ['a string or a Ref, not Fn::Sub'] },
  { name: 'GetAtt attribute from Sub with LanguageExtensions', doc: tag('!GetAtt [B, !Sub Arn]', EXT) },
  { name: 'GetAtt logical id from a function', doc: tag('!GetAtt [«!Ref P», Arn]'), messages: ['logical id in Fn::GetAtt must be a literal string'] },
  // Sub
  { name: 'Sub string, list and variable map', doc: tag('!Sub "${P}-x"') + '      BucketName: !Sub\n        - "${A}-x"\n        - A: !Ref P\n' },
  { name: 'Sub one-item list is accepted', doc: tag('!Sub ["${P}"]') },
  { name: 'Sub number is accepted', doc: tag('!Sub 12') },
  { name: 'Sub of a function', doc: tag('!Sub «{"Fn::Join": ["", [a]]}»'), messages: ['the string itself cannot be a function'] },
  { name: 'Sub string item is a function', doc: tag('!Sub [«!Ref P», {}]'), messages: ['first item of Fn::Sub must be a literal string'] },
  { name: 'Sub variables not a mapping', doc: tag('!Sub ["${A}", «[a]»]'), messages: ['mapping of variable names'] },
  { name: 'Sub variables is a function', doc: tag('!Sub ["${A}", «!Ref P»]'), messages: ['not Ref'] },
  { name: 'Sub with three items', doc: tag('«!Sub» [a, {}, c]'), messages: ['1 to 2 items'] },
  { name: 'empty Sub', doc: tag('«!Sub»'), messages: ['Fn::Sub needs a string'] },
  // If
  { name: 'If with three items', doc: tag('!If [C, a, !Ref AWS::NoValue]') },
  { name: 'If with two items', doc: tag('«!If» [C, a]'), messages: ['takes 3 items'] },
  { name: 'If not a list', doc: tag('!If «C»'), messages: ['takes a list'] },
  { name: 'If condition as Condition function', doc: tag('!If [«!Condition C», a, b]'), messages: ['without Condition'] },
  { name: 'JSON If condition is a list', file: 't.json', doc: tagJson('{"Fn::If": [«["C"]», "a", "b"]}'), messages: ['name of a condition'] },
  // Condition functions
  { name: 'condition functions well formed', doc: 'Parameters:\n  P:\n    Type: String\nConditions:\n  A: !Equals [!Ref P, x]\n  N: !Not [!Condition A]\n  O: !Or [!Condition A, !Equals [a, b]]\n  D:\n    Fn::And:\n      - Condition: A\n      - Fn::Not: [{Condition: O}]\n' + bucket },
  { name: 'Equals with three items', doc: 'Conditions:\n  A: «!Equals» [a, b, c]\n' + bucket, messages: ['takes 2 items'] },
  { name: 'Not with two items', doc: 'Conditions:\n  A: !Equals [a, b]\n  N: «!Not» [!Condition A, !Condition A]\n' + bucket, messages: ['takes 1 item'] },
  { name: 'Not of a bare condition name', doc: 'Conditions:\n  A: !Equals [a, b]\n  N: !Not [«A»]\n' + bucket, messages: ['write {Condition: A}'] },
  { name: 'And with one item', doc: 'Conditions:\n  A: !Equals [a, b]\n  N: «!And» [!Condition A]\n' + bucket, messages: ['2 to 10 items'] },
  { name: 'Or with eleven items', doc: `Conditions:\n  A: !Equals [a, b]\n  N: «!Or» [${Array(11).fill('!Condition A').join(', ')}]\n` + bucket, messages: ['found 11'] },
  { name: 'And of a Ref', doc: 'Parameters:\n  P:\n    Type: String\nConditions:\n  A: !Equals [a, b]\n  N: !And [!Condition A, «!Ref P»]\n' + bucket, messages: ['not Ref'] },
  { name: 'Condition with a list', doc: 'Conditions:\n  A: !Equals [a, b]\n  N: !Not [!Condition «[A]»]\n' + bucket, messages: ['name of a condition'] },
  // FindInMap
  { name: 'FindInMap three items', doc: tag('!FindInMap [M, a, !Ref P]') },
  { name: 'FindInMap two items', doc: tag('«!FindInMap» [M, a]'), messages: ['3 to 4 items'] },
  { name: 'FindInMap DefaultValue without LanguageExtensions', doc: tag('!FindInMap [M, a, b, «{DefaultValue: x}»]'), messages: ['needs the AWS::LanguageExtensions transform'] },
  { name: 'FindInMap DefaultValue with LanguageExtensions', doc: tag('!FindInMap [M, a, b, {DefaultValue: x}]', EXT) },
  { name: 'FindInMap bad fourth item', doc: tag('!FindInMap [M, a, b, «{Default: x}»]', EXT), messages: ['{DefaultValue: value}'] },
  { name: 'FindInMap key is a list', doc: tag('!FindInMap [M, «[a]», b]'), messages: ['top-level key'] },
  // Select, Split, Join
  { name: 'Select forms', doc: tag('!Select [0, [a, b]]') + '      BucketName: !Select ["1", !Split [",", !Ref P]]\n' },
  { name: 'Select index not a number', doc: tag('!Select [«a», [a]]'), messages: ["not a string 'a'"] },
  { name: 'Select negative index', doc: tag('!Select [«-1», [a]]'), messages: ['non-negative integer'] },
  { name: 'Select list is a string', doc: tag('!Select [0, «abc»]'), messages: ['must be a list or a function'] },
  { name: 'Split delimiter is a function', doc: tag('!Select [0, !Split [«!Ref P», abc]]'), messages: ['delimiter of Fn::Split must be a literal string'] },
  { name: 'Split source is a list', doc: tag('!Select [0, !Split [",", «[a]»]]'), messages: ['source string'] },
  { name: 'Join forms', doc: tag('!Join ["", [a, !Ref P]]') + '      BucketName: !Join [",", !Split [",", !Ref P]]\n' },
  { name: 'Join with loose values', doc: tag('«!Join» ["", a, b]'), messages: ['found 3'] },
  { name: 'Join list is a string', doc: tag('!Join ["", «ab»]'), messages: ['list of values'] },
  { name: 'Join delimiter is a function', doc: tag('!Join [«!Ref P», [a]]'), messages: ['functions are not allowed there'] },
  { name: 'JSON Join not a list', file: 't.json', doc: tagJson('{"Fn::Join": «"ab"»}'), messages: ['takes a list [delimiter, [values]], not a string'] },
  // GetAZs, ImportValue, Base64, Cidr
  { name: 'GetAZs forms', doc: tag('!Select [0, !GetAZs ""]') + '      BucketName: !Select [0, !GetAZs {Ref: "AWS::Region"}]\n      ObjectLockEnabled: !Select [0, !GetAZs]\n' },
  { name: 'GetAZs list', doc: tag('!Select [0, !GetAZs «[a]»]'), messages: ['region of Fn::GetAZs'] },
  { name: 'GetAZs null in JSON (a bare YAML !GetAZs is the region)', file: 't.json', doc: tagJson('{"Fn::Select": [0, {"Fn::GetAZs": «null»}]}'), messages: ['The region of Fn::GetAZs cannot be null'] },
  { name: 'GetAZs written null or ~ in YAML', doc: tag('!Select [0, !GetAZs «null»]') + '      BucketName: !Select [0, {Fn::GetAZs: «~»}]\n' },
  { name: 'ImportValue forms', doc: tag('!ImportValue x') + '      BucketName: !ImportValue {"Fn::Sub": "${P}-x"}\n' },
  { name: 'nested ImportValue', doc: tag('!ImportValue «{"Fn::ImportValue": x}»'), messages: ['cannot contain another Fn::ImportValue'] },
  { name: 'ImportValue list', doc: tag('!ImportValue «[x]»'), messages: ['export name'] },
  { name: 'Base64 forms', doc: tag('!Base64 abc') + '      BucketName: !Base64 {"Fn::Sub": x}\n' },
  { name: 'Base64 list', doc: tag('!Base64 «[a]»'), messages: ['argument of Fn::Base64'] },
  { name: 'Cidr forms', doc: tag('!Select [0, !Cidr ["10.0.0.0/16", 6, "5"]]') + '      BucketName: !Select [0, !Cidr [!Ref P, !Ref P, 8]]\n' },
  { name: 'Cidr one item', doc: tag('!Select [0, «!Cidr» ["10.0.0.0/16"]]'), messages: ['2 to 3 items'] },
  { name: 'Cidr count not a number', doc: tag('!Select [0, !Cidr ["10.0.0.0/16", «six», 5]]'), messages: ['count of Fn::Cidr'] },
  // Transform
  { name: 'Transform forms', doc: tag('{"Fn::Transform": {Name: AWS::Include, Parameters: {Location: s3://b/k}}}') + '      BucketName:\n        Fn::Transform:\n          - Name: M1\n          - Name: M2\n            Parameters: {a: b}\n' },
  { name: 'Transform without Name', doc: tag('{«"Fn::Transform"»: {Parameters: {}}}'), messages: ['needs a Name'] },
  { name: 'Transform extra key', doc: tag('{"Fn::Transform": {Name: X, «Parameter»: {}}}'), messages: ["Did you mean 'Parameters'?"] },
  { name: 'Transform string', doc: tag('{"Fn::Transform": «X»}'), messages: ['not a string'] },
  { name: 'Transform among properties (AWS::Include)', doc: bucket + '    Properties:\n      BucketName: x\n      Fn::Transform:\n        Name: AWS::Include\n        Parameters: {Location: s3://b/k}\n' },
  // LanguageExtensions functions
  { name: 'Length with LanguageExtensions', doc: tag('!Join ["", [!Length [a, b]]]', EXT) },
  { name: 'Length without LanguageExtensions', doc: tag('!Join ["", [«!Length» [a, b]]]'), messages: ['needs the AWS::LanguageExtensions transform'] },
  { name: 'Length of a string', doc: tag('!Join ["", [!Length «ab»]]', EXT), messages: ['must be a list'] },
  { name: 'ToJsonString with LanguageExtensions', doc: tag('!ToJsonString {a: b}', EXT) + '      BucketName: !ToJsonString [a, !Ref P]\n' },
  { name: 'ToJsonString without LanguageExtensions', doc: tag('«!ToJsonString» {a: b}'), messages: ['needs the AWS::LanguageExtensions transform'] },
  { name: 'ToJsonString of a string', doc: tag('!ToJsonString «ab»', EXT), messages: ['mapping or a list'] },
  // ForEach
  {
    name: 'ForEach in Resources, Outputs and properties',
    doc: `${EXT}Resources:\n  Fn::ForEach::Buckets:\n    - Name\n    - [a, b]\n    - Bucket\${Name}:\n        Type: AWS::S3::Bucket\n        Properties:\n          Fn::ForEach::Tags:\n            - K\n            - [x, y]\n            - Tags: [{Key: !Ref K, Value: v}]\nOutputs:\n  Fn::ForEach::Out:\n    - Name\n    - [a, b]\n    - Fn::ForEach::Inner:\n        - Attr\n        - [Arn]\n        - O\${Name}\${Attr}:\n            Value: !GetAtt [!Sub "Bucket\${Name}", !Ref Attr]\n`,
  },
  { name: 'ForEach without LanguageExtensions', doc: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  «Fn::ForEach::Buckets»:\n    - Name\n    - [a]\n    - B${Name}:\n        Type: AWS::S3::Bucket\n', messages: ['needs the AWS::LanguageExtensions transform'] },
  { name: 'ForEach with two items', doc: `${EXT}Resources:\n  «Fn::ForEach::Buckets»:\n    - Name\n    - [a]\n`, messages: ['takes 3 items'] },
  { name: 'ForEach bad loop name and output', doc: `${EXT}Resources:\n  «Fn::ForEach::My-Loop»:\n    - Name\n    - [a]\n    - «x»\n`, messages: ['must be alphanumeric', 'must be a mapping {OutputKey: OutputValue}'] },
  { name: 'ForEach collection is a string', doc: `${EXT}Resources:\n  Fn::ForEach::L:\n    - Name\n    - «a»\n    - B\${Name}:\n        Type: AWS::S3::Bucket\n`, messages: ['collection'] },
  { name: 'ForEach without a loop name', doc: tag('{«Fn::ForEach»: [a, [b], {c: d}]}'), messages: ['needs a loop name'] },
  // Stray keys
  { name: 'Ref next to another key', doc: tag('{«Ref»: P, Other: b}'), messages: ["Ref must be the only key of its mapping; this mapping also has 'Other'"] },
  { name: 'JSON function next to another key', file: 't.json', doc: tagJson('{«"Fn::Sub"»: "x", "a": 1}'), messages: ['must be the only key'] },
  { name: 'unknown function with suggestion', doc: tag('{«Fn::Joins»: ["", [a]]}'), messages: ["Unknown intrinsic function 'Fn::Joins'. Did you mean 'Fn::Join'?"] },
  { name: 'JSON unknown function', file: 't.json', doc: tagJson('{«"Fn::getAtt"»: ["B", "Arn"]}'), messages: ["Did you mean 'Fn::GetAtt'"] },
  { name: 'unknown function in Outputs', doc: bucket + 'Outputs:\n  O:\n    Value: {«Fn::Nope»: x}\n', messages: ["Unknown intrinsic function 'Fn::Nope'"] },
  { name: 'custom macro may define functions', doc: 'Transform: MyMacro\n' + bucket + 'Outputs:\n  O:\n    Value: {Fn::Nope: x}\n' },
  { name: 'Rain directives are opaque', doc: tag('!Sub\n            - !Rain::Embed file.txt\n            - {}') + '      BucketName: !Rain::S3 {Path: x}\n' },
  { name: 'Rules functions are known', doc: 'Parameters:\n  P:\n    Type: String\nRules:\n  R:\n    RuleCondition: !Equals [!Ref P, x]\n    Assertions:\n      - Assert: !Contains [[a, b], !Ref P]\n      - Assert: !EachMemberIn [!ValueOfAll [AWS::EC2::Subnet::Id, VpcId], !RefAll AWS::EC2::VPC::Id]\n' + bucket },
  { name: 'Metadata at the top is not scanned', doc: 'Metadata:\n  Notes: {Ref: X, Other: y}\n' + bucket },
];

const context: RuleCase[] = [
  { name: 'functions in properties, metadata, policies and outputs', doc: tag('!If [C, !Ref P, !Sub "${P}"]') + '    Metadata:\n      A: !Ref P\n    DeletionPolicy: !If [C, Retain, Delete]\n    UpdateReplacePolicy: !Ref P\nOutputs:\n  O:\n    Value: !GetAtt B.Arn\n    Export:\n      Name: !Sub "${AWS::StackName}-b"\n' },
  { name: 'Ref in a parameter Default', doc: 'Parameters:\n  P:\n    Type: String\n    Default: «!Ref» AWS::Region\n' + bucket, messages: ['cannot be used in Parameters'] },
  { name: 'JSON Ref in a parameter', file: 't.json', doc: '{"Parameters": {"P": {"Type": "String", "Default": {«"Ref"»: "AWS::Region"}}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', messages: ['Parameters'] },
  { name: 'nested functions in Parameters reported once', doc: 'Parameters:\n  P:\n    Type: String\n    Default: «!Join» ["", [!Ref AWS::Region]]\n' + bucket },
  { name: 'function in Mappings', doc: 'Mappings:\n  M:\n    a:\n      b: «!Ref» AWS::Region\n' + bucket, messages: ['cannot be used in Mappings'] },
  { name: 'function in the template Description', doc: 'Description: «!Sub» "${AWS::Region}"\n' + bucket, messages: ['Description must be a literal string'] },
  { name: 'Ref in DependsOn', doc: 'Parameters:\n  P:\n    Type: String\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n    DependsOn: «!Ref» P\n', messages: ['DependsOn must list logical ids literally'] },
  { name: 'function in a DependsOn list', doc: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n    DependsOn: [A, «!Sub» A]\n', messages: ['DependsOn'] },
  { name: 'If in a resource Condition', doc: 'Conditions:\n  C: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: «!If» [C, C, C]\n', messages: ['resource Condition must be the literal name'] },
  { name: 'Join in DeletionPolicy', doc: bucket + '    DeletionPolicy: «!Join» ["", [Re, tain]]\n', messages: ['DeletionPolicy accepts only Ref, Fn::If, Fn::FindInMap, Fn::Sub or Fn::Select'] },
  { name: 'Equals in properties', doc: tag('«!Equals» [a, b]'), messages: ['condition function'] },
  { name: 'And inside an If branch', doc: tag('!If [C, «!And» [!Condition C, !Condition C], b]'), messages: ['Fn::And is a condition function'] },
  { name: 'JSON Not in Outputs', file: 't.json', doc: '{"Conditions": {"C": {"Fn::Equals": ["a", "b"]}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}, "Outputs": {"O": {"Value": {«"Fn::Not"»: [{"Condition": "C"}]}}}}', messages: ['Fn::Not is a condition function'] },
  { name: 'If in Conditions', doc: 'Conditions:\n  A: !Equals [a, b]\n  B: «!If» [A, true, false]\n' + bucket, messages: ['Fn::If cannot be used in Conditions'] },
  { name: 'GetAtt in Conditions', doc: 'Conditions:\n  A: !Equals [«!GetAtt» B.Arn, x]\n' + bucket, messages: ['Fn::GetAtt cannot be used in Conditions'] },
  { name: 'Condition inside Equals', doc: 'Conditions:\n  A: !Equals [a, b]\n  B: !Equals [«!Condition» A, true]\n' + bucket, messages: ['Fn::Equals compares two values'] },
  { name: '!Condition as a property value', doc: tag('«!Condition» C'), messages: ['only works inside Fn::And, Fn::Or and Fn::Not'] },
  { name: 'long-form Condition keys in properties are plain data', doc: bucket + '    Properties:\n      Tags:\n        - Key: k\n          Value: {Condition: x}\n' },
  { name: 'a whole condition may be !Condition', doc: 'Conditions:\n  A: !Equals [a, b]\n  B: !Condition A\n' + bucket },
  { name: 'ForEach in Parameters', doc: `${EXT}Parameters:\n  «Fn::ForEach::P»:\n    - N\n    - [a]\n    - P\${N}: {Type: String}\n` + bucket, messages: ['cannot be used in Parameters (Fn::ForEach::P)'] },
  { name: 'Rules function outside Rules', doc: tag('«!Contains» [[a], a]'), messages: ['only be used in the Rules section'] },
  { name: 'Rules may use their functions and condition functions', doc: 'Parameters:\n  P:\n    Type: String\nRules:\n  R:\n    RuleCondition: !Equals [!Ref P, x]\n    Assertions:\n      - Assert: !Not [!Contains [[a], !Ref P]]\n' + bucket },
  { name: 'function in an output Condition', doc: 'Conditions:\n  C: !Equals [a, b]\n' + bucket + 'Outputs:\n  O:\n    Condition: «!Ref» C\n    Value: x\n', messages: ['output Condition'] },
  { name: 'function in an output Description', doc: bucket + 'Outputs:\n  O:\n    Description: «!Sub» "${B}"\n    Value: x\n', messages: ['Every Description member must be a string'] },
  { name: 'SAM Globals may hold functions', doc: 'Transform: AWS::Serverless-2016-10-31\nParameters:\n  P:\n    Type: String\nGlobals:\n  Function:\n    Runtime: !Ref P\n    Environment:\n      Variables:\n        A: !If [C, a, b]\nConditions:\n  C: !Equals [!Ref P, x]\n' + bucket },
  { name: 'ForEach in Conditions and Outputs is allowed', doc: `${EXT}Conditions:\n  Fn::ForEach::Conds:\n    - N\n    - [a, b]\n    - Is\${N}: !Equals [!Ref N, x]\n` + bucket },
];

const table: Record<string, RuleCase[]> = { 'cfn-intrinsic-shape': shape, 'cfn-intrinsic-context': context };

void describe('intrinsic function rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
