// cfn-sqs-fifo (src/engine/services/sqsFifo.ts) and cfn-lambda-starting-position
// (src/engine/services/eventSourcePosition.ts): queue kinds and where mappings start reading.
// cfn-lint's E3501, E3502, E3705, E3633 and E3634 check the same (the last two on literal ARNs only).
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const q = (name: string, props: string): string => `  ${name}:\n    Type: AWS::SQS::Queue\n${props ? `    Properties:\n${props}` : ''}`;
const fn = '  Worker:\n    Type: AWS::Lambda::Function\n    Properties: {Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}, Timeout: 10}\n';
const esm = (name: string, body: string): string => `  ${name}:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      FunctionName: !Ref Worker\n${body}`;

const fifoCases: RuleCase[] = [
  { name: 'a FIFO queue named without .fifo', doc: `Resources:\n${q('Orders', '      FifoQueue: true\n      QueueName: «orders»\n')}`, messages: ["Orders is a FIFO queue, so its QueueName must end with '.fifo': SQS refuses 'orders'."] },
  { name: 'FIFO-only properties on a standard queue (FifoQueue left out, and false)', doc: `Resources:\n${q('A', '      «ContentBasedDeduplication»: true\n')}${q('B', '      FifoQueue: "false"\n      «FifoThroughputLimit»: perMessageGroupId\n')}`, messages: ['ContentBasedDeduplication is for FIFO queues only, and A is a standard queue'] },
  { name: 'a FIFO queue with a standard dead-letter queue', doc: `Resources:\n${q('Dlq', '      VisibilityTimeout: 60\n')}${q('Orders', '      FifoQueue: true\n      RedrivePolicy:\n        deadLetterTargetArn: «!GetAtt Dlq.Arn»\n        maxReceiveCount: 3\n')}`, messages: ['Orders is a FIFO queue and its dead-letter queue Dlq is a standard queue: SQS requires both of the same kind.'] },
  { name: 'a mapping reading 20 at a time from a FIFO queue', doc: `Resources:\n${q('Orders', '      FifoQueue: true\n')}${fn}${esm('Feed', '      EventSourceArn: !GetAtt Orders.Arn\n      BatchSize: «20»\n')}`, messages: ['BatchSize 20 of Feed is over 10'] },
  { name: 'valid: FIFO with FIFO DLQ, .fifo names, batch 10; standard with standard DLQ and batch 100', doc: `Resources:\n${q('FifoDlq', '      FifoQueue: true\n      QueueName: dlq.fifo\n')}${q('Fifo', '      FifoQueue: true\n      QueueName: jobs.fifo\n      ContentBasedDeduplication: true\n      RedrivePolicy: {deadLetterTargetArn: !GetAtt FifoDlq.Arn, maxReceiveCount: 3}\n')}${q('Dlq', '')}${q('Std', '      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3}\n')}${fn}${esm('F1', '      EventSourceArn: !GetAtt Fifo.Arn\n      BatchSize: 10\n')}${esm('F2', '      EventSourceArn: !GetAtt Std.Arn\n      BatchSize: 100\n')}` },
  { name: 'not judged: FifoQueue from a parameter', doc: `Parameters:\n  F:\n    Type: String\nResources:\n${q('Orders', '      FifoQueue: !Ref F\n      QueueName: orders\n      ContentBasedDeduplication: true\n')}` },
];

const positionCases: RuleCase[] = [
  { name: 'a Kinesis stream without StartingPosition', doc: `Resources:\n  Clicks:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\n${fn}${esm('Feed', '      EventSourceArn: «!GetAtt Clicks.Arn»\n')}`, messages: ['Feed reads from a Kinesis stream, so it needs a StartingPosition (LATEST, TRIM_HORIZON or AT_TIMESTAMP)'] },
  { name: 'a DynamoDB stream by literal ARN', doc: `Resources:\n${fn}${esm('Feed', '      EventSourceArn: «arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000»\n')}` },
  { name: 'an SQS queue with StartingPosition', doc: `Resources:\n${q('Jobs', '')}${fn}${esm('Feed', '      EventSourceArn: !GetAtt Jobs.Arn\n      «StartingPosition»: LATEST\n')}`, messages: ['Feed reads from an SQS queue, which takes no StartingPosition'] },
  { name: 'valid: a stream with a position, a queue without; unknown sources', doc: `Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties: {BillingMode: PAY_PER_REQUEST, KeySchema: [{AttributeName: id, KeyType: HASH}], AttributeDefinitions: [{AttributeName: id, AttributeType: S}], StreamSpecification: {StreamViewType: NEW_IMAGE}}\n${q('Jobs', '')}${fn}${esm('A', '      EventSourceArn: !GetAtt Table.StreamArn\n      StartingPosition: TRIM_HORIZON\n')}${esm('B', '      EventSourceArn: !GetAtt Jobs.Arn\n')}${esm('C', '      EventSourceArn: !ImportValue shared-stream\n')}` },
];

void describe('cfn-sqs-fifo', () => {
  for (const testCase of fifoCases) void test(testCase.name, () => assertRuleCase('cfn-sqs-fifo', testCase));
});
void describe('cfn-lambda-starting-position', () => {
  for (const testCase of positionCases) void test(testCase.name, () => assertRuleCase('cfn-lambda-starting-position', testCase));
});
