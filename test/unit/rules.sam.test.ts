import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const SAM = 'Transform: AWS::Serverless-2016-10-31\n';
const fn = '  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: python3.12\n      CodeUri: .\n';
const globals = (body: string): string => `${SAM}Globals:\n${body}Resources:\n${fn}`;
/** A SAM template with a topic, queue, table, stream, bucket, user pool, APIs, a parameter, and function events `events`. */
const events = (body: string, extraResources = ''): string =>
  `${SAM}Parameters:\n  P:\n    Type: String\nResources:\n` +
  '  Topic:\n    Type: AWS::SNS::Topic\n  Queue:\n    Type: AWS::SQS::Queue\n  Bucket:\n    Type: AWS::S3::Bucket\n' +
  '  Table:\n    Type: AWS::DynamoDB::Table\n  Stream:\n    Type: AWS::Kinesis::Stream\n  Pool:\n    Type: AWS::Cognito::UserPool\n' +
  '  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n  Http:\n    Type: AWS::Serverless::HttpApi\n' +
  extraResources +
  fn +
  `      Events:\n${body}`;
const ev = (name: string, type: string, properties?: string): string => `        ${name}:\n          Type: ${type}\n${properties === undefined ? '' : `          Properties:\n${properties}`}`;

const globalsCases: RuleCase[] = [
  {
    name: 'supported sections and properties',
    doc: globals(
      '  Function:\n    Runtime: python3.12\n    Timeout: 10\n    LoggingConfig: {LogFormat: JSON}\n    Environment:\n      Variables: {A: b}\n  Api:\n    Cors: "\'*\'"\n    Auth: {}\n  HttpApi:\n    CorsConfiguration: true\n  SimpleTable:\n    SSESpecification: {SSEEnabled: true}\n  StateMachine:\n    PropagateTags: true\n  LayerVersion:\n    PublishLambdaVersion: true\n  CapacityProvider:\n    Tags: {a: b}\n  WebSocketApi:\n    RouteSelectionExpression: $request.body.action\n',
    ),
  },
  { name: 'JSON supported', file: 't.json', doc: '{"Transform": "AWS::Serverless-2016-10-31", "Globals": {"Function": {"MemorySize": 256}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}' },
  { name: 'unknown section with suggestion', doc: globals('  «Functions»:\n    Timeout: 3\n'), messages: [/'Functions' is not a Globals section.*Did you mean 'Function'\?/] },
  { name: 'unknown section without suggestion', doc: globals('  «Bucket»:\n    Timeout: 3\n'), messages: ['SAM supports Function, Api'] },
  { name: 'property SAM forbids in Globals', doc: globals('  Function:\n    «Events»: {}\n    «FunctionName»: x\n  Api:\n    «StageName»: prod\n    «DefinitionBody»: {}\n'), messages: ["SAM does not accept 'Events' in Globals.Function", 'FunctionName', "'StageName' in Globals.Api", 'DefinitionBody'] },
  { name: 'typo of a property', doc: globals('  Function:\n    «Timout»: 3\n'), messages: ["'Timout' is not a property SAM accepts in Globals.Function. Did you mean 'Timeout'?"] },
  { name: 'JSON typo of a property', file: 't.json', doc: '{"Transform": "AWS::Serverless-2016-10-31", "Globals": {"HttpApi": {«"CorsConfig"»: true}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', messages: ['Globals.HttpApi'] },
  { name: 'section is not a mapping', doc: globals('  Function: «[Timeout]»\n'), messages: ['Globals.Function must be a mapping'] },
  { name: 'empty section', doc: globals('  «Function»:\n'), messages: ['must be a mapping'] },
  { name: 'Globals is not a mapping', doc: `${SAM}Globals: «[a]»\nResources:\n${fn}`, messages: ['Globals must be a mapping'] },
  { name: 'not run without SAM (cfn-unknown-section reports Globals)', doc: 'Globals:\n  Functions: {}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n' },
];

const eventCases: RuleCase[] = [
  {
    name: 'valid events of every linked kind',
    doc: events(
      ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref Api\n') +
        ev('Implicit', 'Api', '            Path: /x\n            Method: get\n') +
        ev('Generated', 'Api', '            Path: /y\n            Method: get\n            RestApiId: !Ref ServerlessRestApi\n') +
        ev('H', 'HttpApi', '            ApiId: !Ref Http\n') +
        ev('H2', 'HttpApi') +
        ev('S', 'S3', '            Bucket: !Ref Bucket\n            Events: s3:ObjectCreated:*\n') +
        ev('N', 'SNS', '            Topic: !Ref Topic\n') +
        ev('N2', 'SNS', '            Topic: !Ref P\n') +
        ev('Q', 'SQS', '            Queue: !GetAtt Queue.Arn\n') +
        ev('Q2', 'SQS', '            Queue: arn:aws:sqs:us-east-1:123456789012:q\n') +
        ev('K', 'Kinesis', '            Stream: !GetAtt Stream.Arn\n            StartingPosition: LATEST\n') +
        ev('D', 'DynamoDB', '            Stream: !GetAtt [Table, StreamArn]\n            StartingPosition: TRIM_HORIZON\n') +
        ev('C', 'Cognito', '            UserPool: !Ref Pool\n            Trigger: PreSignUp\n') +
        ev('Sch', 'Schedule', '            Schedule: rate(1 minute)\n') +
        ev('Sch2', 'ScheduleV2', '            ScheduleExpression: rate(1 minute)\n') +
        ev('E', 'EventBridgeRule', '            Pattern: {source: [x]}\n') +
        ev('L', 'CloudWatchLogs', '            LogGroupName: g\n            FilterPattern: ""\n') +
        ev('I', 'IoTRule', "            Sql: SELECT * FROM 'x'\n") +
        ev('Alexa', 'AlexaSkill') +
        ev('Mq', 'MQ', '            Broker: arn\n            Queues: [q]\n') +
        ev('Msk', 'MSK', '            Stream: arn\n            StartingPosition: LATEST\n            Topics: [t]\n') +
        ev('Kafka', 'SelfManagedKafka', '            Topics: [t]\n') +
        ev('Doc', 'DocumentDB', '            Cluster: arn\n            DatabaseName: db\n') +
        ev('Cw', 'CloudWatchEvent', '            Pattern: {source: [x]}\n') +
        ev('Cond', 'SNS', '            Topic: !If [C, !Ref Topic, !Ref AWS::NoValue]\n'),
    ).replace('Resources:\n', 'Conditions:\n  C: !Equals [!Ref P, x]\nResources:\n'),
  },
  {
    name: 'JSON valid event',
    file: 't.json',
    doc: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "i.h", "Runtime": "python3.12", "CodeUri": ".", "Events": {"Q": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Q", "Arn"]}}}}}}}}',
  },
  { name: 'unknown event type', doc: events(ev('E', '«Sqs»', '            Queue: arn\n')), messages: [/'Sqs' is not a function event type.*Did you mean 'SQS'/] },
  { name: 'JSON unknown event type', file: 't.json', doc: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Events": {"E": {"Type": «"Timer"»}}}}}}', messages: ['SAM supports S3, SNS'] },
  { name: 'event without Type', doc: events('        «E»:\n          Properties:\n            Queue: arn\n'), messages: ["Event 'E' of 'Fn' has no Type"] },
  { name: 'event is not a mapping', doc: events('        «E»: SQS\n'), messages: ['must be a mapping with Type and Properties'] },
  { name: 'Api event missing Method', doc: events(ev('A', 'Api', '            Path: /\n').replace('          Properties:', '          «Properties»:')), messages: ["Api event 'A' is missing required property 'Method'"] },
  { name: 'S3 event without Properties', doc: events('        «S»:\n          Type: S3\n'), messages: ["missing required properties 'Bucket', 'Events'"] },
  { name: 'Kinesis without StartingPosition', doc: events(ev('K', 'Kinesis', '            Stream: !GetAtt Stream.Arn\n').replace('          Properties:', '          «Properties»:')), messages: ['StartingPosition'] },
  { name: 'RestApiId names a topic', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref «Topic»\n')), messages: ["must be a Ref to an AWS::Serverless::Api of this template; 'Topic' is AWS::SNS::Topic"] },
  { name: 'RestApiId names an HTTP API', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref «Http»\n')), messages: ['AWS::Serverless::HttpApi'] },
  { name: 'RestApiId names a parameter', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref «P»\n')), messages: ["not the parameter 'P'"] },
  { name: 'RestApiId from ImportValue', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: «!ImportValue» api\n')), messages: ['not Fn::ImportValue'] },
  { name: 'RestApiId names an ApiGateway RestApi', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref Rest\n'), '  Rest:\n    Type: AWS::ApiGateway::RestApi\n') },
  { name: 'ApiId names a REST API', doc: events(ev('H', 'HttpApi', '            ApiId: !Ref «Api»\n')), messages: ['AWS::Serverless::HttpApi of this template'] },
  { name: 'S3 Bucket is a literal name', doc: events(ev('S', 'S3', '            Bucket: «my-bucket»\n            Events: s3:ObjectCreated:*\n')), messages: ['SAM links the event to that resource'] },
  { name: 'S3 Bucket is a Ref to a queue', doc: events(ev('S', 'S3', '            Bucket: !Ref «Queue»\n            Events: s3:ObjectCreated:*\n')), messages: ['AWS::SQS::Queue'] },
  { name: 'S3 Bucket is a parameter', doc: events(ev('S', 'S3', '            Bucket: !Ref «P»\n            Events: s3:ObjectCreated:*\n')), messages: ["parameter 'P'"] },
  { name: 'SNS Topic names a queue', doc: events(ev('N', 'SNS', '            Topic: !Ref «Queue»\n')), messages: ['topic ARN'] },
  { name: 'SQS Queue is a Ref (the URL)', doc: events(ev('Q', 'SQS', '            Queue: !Ref «Queue»\n')), messages: ['Ref of a queue is its URL'] },
  { name: 'SQS Queue GetAtt of the wrong attribute', doc: events(ev('Q', 'SQS', '            Queue: !GetAtt «Queue.QueueName»\n')), messages: ['use Queue.Arn'] },
  { name: 'DynamoDB Stream is the table ARN', doc: events(ev('D', 'DynamoDB', '            Stream: !GetAtt «Table.Arn»\n            StartingPosition: LATEST\n')), messages: ['use Table.StreamArn'] },
  { name: 'DynamoDB Stream of a Kinesis stream', doc: events(ev('D', 'DynamoDB', '            Stream: !GetAtt «Stream.Arn»\n            StartingPosition: LATEST\n')), messages: ['AWS::Kinesis::Stream'] },
  { name: 'Kinesis Stream is a Ref (the name)', doc: events(ev('K', 'Kinesis', '            Stream: !Ref «Stream»\n            StartingPosition: LATEST\n')), messages: ['Ref of a stream is its name'] },
  { name: 'Fn::If branches are checked', doc: events(ev('Q', 'SQS', '            Queue: !If [C, !GetAtt Queue.Arn, !Ref «Queue»]\n')).replace('Resources:\n', 'Conditions:\n  C: !Equals [a, b]\nResources:\n'), messages: ['URL'] },
  { name: 'Cognito UserPool from a parameter', doc: events(ev('C', 'Cognito', '            UserPool: !Ref «P»\n            Trigger: PreSignUp\n')), messages: ['AWS::Cognito::UserPool'] },
  { name: 'unknown names are cfn-ref-target findings', doc: events(ev('A', 'Api', '            Path: /\n            Method: get\n            RestApiId: !Ref Missing\n')) },
  {
    name: 'state machine events',
    doc: `${SAM}Resources:\n  Sm:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sm.json\n      Events:\n        Every:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n        Bad:\n          Type: «SQS»\n`,
    messages: ["'SQS' is not a state machine event type"],
  },
  { name: 'not run without SAM', doc: 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E:\n          Type: Nope\n' },
  { name: 'State and Enabled together on a rule event', doc: events(ev('S', 'Schedule', '            Schedule: rate(1 hour)\n            State: ENABLED\n            «Enabled»: true\n') + ev('E', 'EventBridgeRule', '            Pattern: {source: [x]}\n            State: DISABLED\n')), messages: ["Schedule event 'S' of 'Fn' has both State and Enabled"] },
];

const table: Record<string, RuleCase[]> = { 'cfn-sam-globals': globalsCases, 'cfn-sam-event-source': eventCases };

void describe('SAM rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
