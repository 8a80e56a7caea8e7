// cfn-sqs-visibility-timeout (src/engine/services/sqsVisibility.ts): a queue read by a Lambda
// function must not hide messages for less time than the function may run. cfn-lint's E3505
// checks the same for AWS::Lambda::EventSourceMapping.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const RULE = 'cfn-sqs-visibility-timeout';
const queue = (visibility: string): string => `  Jobs:\n    Type: AWS::SQS::Queue\n${visibility ? `    Properties:\n      VisibilityTimeout: ${visibility}\n` : ''}`;
const lambda = (timeout: string): string =>
  `  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n${timeout ? `      Timeout: ${timeout}\n` : ''}`;
const mapping = (arn = '!GetAtt Jobs.Arn', fn = '!Ref Worker'): string => `  Feed:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: «${arn}»\n      FunctionName: ${fn}\n`;
const sam = (timeout: string, globals = ''): string =>
  `Transform: AWS::Serverless-2016-10-31\n${globals}Resources:\n${queue('20')}  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      InlineCode: x\n${timeout}      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: «!GetAtt Jobs.Arn»\n`;

const cases: RuleCase[] = [
  {
    name: 'an event source mapping: visibility 30 s against a 60 s function',
    doc: `Resources:\n${queue('30')}${lambda('60')}${mapping()}`,
    messages: ["The VisibilityTimeout of queue Jobs (30 s) is shorter than the Timeout of Worker (60 s), which reads from it: Lambda refuses the event source mapping. Set VisibilityTimeout to at least 60 (AWS advises six times the function's timeout)."],
  },
  { name: 'the default visibility (30 s), the function named by GetAtt Arn', doc: `Resources:\n${queue('')}${lambda('120')}${mapping('!GetAtt [Jobs, Arn]', '!GetAtt Worker.Arn')}`, messages: ['(30 s, the default)'] },
  { name: 'a SAM SQS event, the function timeout of its own', doc: sam('      Timeout: 25\n'), messages: ['queue Jobs (20 s) is shorter than the Timeout of Worker (25 s)'] },
  { name: 'a SAM SQS event, the timeout from Globals', doc: sam('', 'Globals:\n  Function:\n    Timeout: 900\n'), messages: ['(900 s)'] },
  { name: 'valid: equal timeouts, the default function timeout (3 s)', doc: `Resources:\n${queue('60')}${lambda('60')}${mapping().replace('«', '').replace('»', '')}  Other:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: !GetAtt Jobs.Arn\n      FunctionName: !Ref Default\n  Default:\n    Type: AWS::Lambda::Function\n    Properties: {Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}}\n` },
  {
    name: 'not judged: intrinsic timeouts, a queue or function outside the template',
    doc: `Parameters:\n  T:\n    Type: Number\nResources:\n${queue('!Ref T')}${lambda('60')}  Feed:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: !GetAtt Jobs.Arn\n      FunctionName: !Ref Worker\n  Feed2:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: arn:aws:sqs:us-east-1:123456789012:other\n      FunctionName: !Ref Worker\n`,
  },
  { name: 'hostile: a mapping that names Object members', doc: `Resources:\n${queue('5')}${lambda('60')}  Feed:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      EventSourceArn: !GetAtt __proto__.Arn\n      FunctionName: !Ref constructor\n` },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));
});
