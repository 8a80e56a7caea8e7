// Seed data for the local CloudFormation service (test/support/aws/services/cloudFormation.ts).
// Small and typed: a web app stack with a nested stack, a stack with 250 resources (three
// ListStackResources pages of 100), a deleted stack and a rolled-back one. `viewsFixture` adds
// what the stacks view tests need (an operation in progress, a stack in review, drift results
// of every kind, a 2,000-resource stack); `manyStacks` generates huge accounts.

export interface FixtureResource {
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  lastUpdated: string;
}

export interface FixtureEvent {
  eventId: string;
  logicalId: string;
  physicalId: string;
  type: string;
  timestamp: string;
  status: string;
  reason?: string;
}

export interface FixtureDrift {
  logicalId: string;
  physicalId: string;
  type: string;
  status: 'IN_SYNC' | 'MODIFIED' | 'DELETED' | 'NOT_CHECKED';
  expected?: string;
  actual?: string;
  differences?: { path: string; expected: string; actual: string; type: 'ADD' | 'REMOVE' | 'NOT_EQUAL' }[];
}

export interface FixtureStack {
  name: string;
  id: string;
  status: string;
  statusReason?: string;
  description?: string;
  created: string;
  lastUpdated?: string;
  deleted?: string;
  parentId?: string;
  rootId?: string;
  parameters: { key: string; value: string }[];
  outputs: { key: string; value: string; description?: string; exportName?: string }[];
  tags: { key: string; value: string }[];
  resources: FixtureResource[];
  /** Oldest first, as they happened; the server answers newest first like AWS. */
  events: FixtureEvent[];
  templateOriginal: string;
  templateProcessed: string;
  /** GetTemplate's StagesAvailable; default both (always the case for a created stack). */
  stagesAvailable?: ('Original' | 'Processed')[];
  /** The stack's drift status from its last detection (ListStacks' DriftInformation); default NOT_CHECKED. */
  driftStatus?: 'DRIFTED' | 'IN_SYNC' | 'NOT_CHECKED' | 'UNKNOWN';
  driftChecked?: string;
  drifts: FixtureDrift[];
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

export function stackArn(name: string, suffix: string): string {
  return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/${suffix}`;
}

/** What a stack without resources, events or outputs holds. */
function emptyStackContent(): Pick<FixtureStack, 'parameters' | 'outputs' | 'tags' | 'resources' | 'events' | 'templateOriginal' | 'templateProcessed' | 'drifts'> {
  return { parameters: [], outputs: [], tags: [], resources: [], events: [], templateOriginal: '{"Resources":{}}', templateProcessed: '{"Resources":{}}', drifts: [] };
}

function iso(base: string, plusSeconds: number): string {
  return new Date(Date.parse(base) + plusSeconds * 1000).toISOString();
}

function events(stackName: string, stackId: string, base: string, resources: FixtureResource[]): FixtureEvent[] {
  const out: FixtureEvent[] = [];
  let t = 0;
  let n = 0;
  const push = (logicalId: string, physicalId: string, type: string, status: string, reason?: string): void => {
    n += 1;
    out.push({ eventId: `${logicalId}-${status}-${String(n).padStart(4, '0')}`, logicalId, physicalId, type, timestamp: iso(base, t++), status, reason });
  };
  push(stackName, stackId, 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated');
  for (const r of resources) {
    push(r.logicalId, '', r.type, 'CREATE_IN_PROGRESS');
    push(r.logicalId, r.physicalId, r.type, 'CREATE_COMPLETE');
  }
  push(stackName, stackId, 'AWS::CloudFormation::Stack', 'CREATE_COMPLETE');
  return out;
}

const WEB_APP_ID = stackArn('web-app', '11111111-aaaa-4bbb-8ccc-000000000001');
const NETWORK_ID = stackArn('web-app-NetworkStack-1ABCDEF', '11111111-aaaa-4bbb-8ccc-000000000002');
const BIG_ID = stackArn('big-stack', '11111111-aaaa-4bbb-8ccc-000000000003');
const OLD_ID = stackArn('old-stack', '11111111-aaaa-4bbb-8ccc-000000000004');
const BROKEN_ID = stackArn('broken-stack', '11111111-aaaa-4bbb-8ccc-000000000005');

const webAppResources: FixtureResource[] = [
  { logicalId: 'NetworkStack', physicalId: NETWORK_ID, type: 'AWS::CloudFormation::Stack', status: 'CREATE_COMPLETE', lastUpdated: '2026-01-10T10:01:00.000Z' },
  { logicalId: 'Bucket', physicalId: 'web-app-bucket-1xyz', type: 'AWS::S3::Bucket', status: 'CREATE_COMPLETE', lastUpdated: '2026-01-10T10:02:00.000Z' },
  { logicalId: 'ApiFunction', physicalId: 'web-app-ApiFunction-9QW', type: 'AWS::Lambda::Function', status: 'CREATE_COMPLETE', lastUpdated: '2026-01-10T10:03:00.000Z' },
  { logicalId: 'ApiFunctionRole', physicalId: 'web-app-ApiFunctionRole-7RT', type: 'AWS::IAM::Role', status: 'CREATE_COMPLETE', lastUpdated: '2026-01-10T10:02:30.000Z' },
];

// 60 events for web-app would fit one page; repeat updates so there are 130 (two pages).
function webAppEvents(): FixtureEvent[] {
  const created = events('web-app', WEB_APP_ID, '2026-01-10T10:00:00.000Z', webAppResources);
  const updates: FixtureEvent[] = [];
  for (let i = 0; i < 120; i++) {
    updates.push({
      eventId: `ApiFunction-UPDATE-${String(i).padStart(4, '0')}`,
      logicalId: 'ApiFunction',
      physicalId: 'web-app-ApiFunction-9QW',
      type: 'AWS::Lambda::Function',
      timestamp: iso('2026-02-01T00:00:00.000Z', i * 60),
      status: i % 2 === 0 ? 'UPDATE_IN_PROGRESS' : 'UPDATE_COMPLETE',
    });
  }
  return [...created, ...updates];
}

const bigResources: FixtureResource[] = Array.from({ length: 250 }, (_, i) => ({
  logicalId: `Queue${String(i).padStart(3, '0')}`,
  physicalId: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/big-stack-Queue${String(i).padStart(3, '0')}`,
  type: 'AWS::SQS::Queue',
  status: 'CREATE_COMPLETE',
  lastUpdated: iso('2026-03-01T00:00:00.000Z', i),
}));

export function defaultFixture(): FixtureStack[] {
  return [
    {
      name: 'web-app',
      id: WEB_APP_ID,
      status: 'UPDATE_COMPLETE',
      description: 'Web application',
      created: '2026-01-10T10:00:00.000Z',
      lastUpdated: '2026-02-01T02:00:00.000Z',
      rootId: undefined,
      parameters: [
        { key: 'Stage', value: 'prod' },
        { key: 'DbPassword', value: '****' },
      ],
      outputs: [
        { key: 'ApiUrl', value: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod', description: 'API endpoint', exportName: 'web-app-ApiUrl' },
        { key: 'BucketName', value: 'web-app-bucket-1xyz' },
      ],
      tags: [{ key: 'team', value: 'platform' }],
      resources: webAppResources,
      events: webAppEvents(),
      templateOriginal: [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  ApiFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs20.x',
        '      Handler: index.handler',
        '',
      ].join('\n'),
      templateProcessed: JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          ApiFunction: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['ApiFunctionRole', 'Arn'] } } },
          ApiFunctionRole: { Type: 'AWS::IAM::Role', Properties: {} },
        },
      }),
      drifts: [
        { logicalId: 'Bucket', physicalId: 'web-app-bucket-1xyz', type: 'AWS::S3::Bucket', status: 'IN_SYNC', expected: '{}', actual: '{}' },
        {
          logicalId: 'ApiFunction',
          physicalId: 'web-app-ApiFunction-9QW',
          type: 'AWS::Lambda::Function',
          status: 'MODIFIED',
          expected: '{"MemorySize":128}',
          actual: '{"MemorySize":512}',
          differences: [{ path: '/MemorySize', expected: '128', actual: '512', type: 'NOT_EQUAL' }],
        },
        { logicalId: 'ApiFunctionRole', physicalId: 'web-app-ApiFunctionRole-7RT', type: 'AWS::IAM::Role', status: 'DELETED', expected: '{}' },
      ],
    },
    {
      name: 'web-app-NetworkStack-1ABCDEF',
      id: NETWORK_ID,
      status: 'CREATE_COMPLETE',
      created: '2026-01-10T10:01:00.000Z',
      parentId: WEB_APP_ID,
      rootId: WEB_APP_ID,
      parameters: [],
      outputs: [{ key: 'VpcId', value: 'vpc-0123456789abcdef0' }],
      tags: [],
      resources: [{ logicalId: 'Vpc', physicalId: 'vpc-0123456789abcdef0', type: 'AWS::EC2::VPC', status: 'CREATE_COMPLETE', lastUpdated: '2026-01-10T10:01:30.000Z' }],
      events: [],
      templateOriginal: '{"Resources":{"Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}}}}',
      templateProcessed: '{"Resources":{"Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}}}}',
      drifts: [],
    },
    {
      name: 'big-stack',
      id: BIG_ID,
      status: 'CREATE_COMPLETE',
      created: '2026-03-01T00:00:00.000Z',
      parameters: [],
      outputs: [],
      tags: [],
      resources: bigResources,
      events: events('big-stack', BIG_ID, '2026-03-01T00:00:00.000Z', bigResources.slice(0, 5)),
      templateOriginal: '{"Resources":{}}',
      templateProcessed: '{"Resources":{}}',
      drifts: [],
    },
    {
      name: 'old-stack',
      id: OLD_ID,
      status: 'DELETE_COMPLETE',
      created: '2025-12-01T00:00:00.000Z',
      deleted: '2026-01-01T00:00:00.000Z',
      ...emptyStackContent(),
    },
    {
      name: 'broken-stack',
      id: BROKEN_ID,
      status: 'ROLLBACK_COMPLETE',
      statusReason: 'The following resource(s) failed to create: [Topic].',
      created: '2026-04-01T00:00:00.000Z',
      ...emptyStackContent(),
    },
  ];
}

function emptyStack(name: string, id: string, status: string, created: string): FixtureStack {
  return { name, id, status, created, parameters: [], outputs: [], tags: [], resources: [], events: [], templateOriginal: '{"Resources":{}}', templateProcessed: '{"Resources":{}}', drifts: [] };
}

/**
 * `count` live stacks named `stack-00001`...; every `nestedEvery`-th one is nested in the one
 * before it, which then has it as an `AWS::CloudFormation::Stack` resource (as in AWS).
 */
export function manyStacks(count: number, options: { nestedEvery?: number } = {}): FixtureStack[] {
  const out: FixtureStack[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `stack-${String(i).padStart(5, '0')}`;
    const stack = emptyStack(name, stackArn(name, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), 'CREATE_COMPLETE', iso('2025-06-01T00:00:00.000Z', i));
    const every = options.nestedEvery;
    const parent = out[out.length - 1];
    if (every && i % every === 0 && parent) {
      stack.parentId = parent.id;
      stack.rootId = parent.rootId ?? parent.id;
      parent.resources.push({ logicalId: 'ChildStack', physicalId: stack.id, type: 'AWS::CloudFormation::Stack', status: 'CREATE_COMPLETE', lastUpdated: stack.created });
    }
    out.push(stack);
  }
  return out;
}

/** A stack with `count` resources (20 ListStackResources pages for 2,000). */
export function bigResourceStack(name: string, count: number): FixtureStack {
  const stack = emptyStack(name, stackArn(name, '22222222-aaaa-4bbb-8ccc-000000000001'), 'UPDATE_COMPLETE', '2026-05-01T00:00:00.000Z');
  stack.resources = Array.from({ length: count }, (_, i) => ({
    logicalId: `Topic${String(i).padStart(4, '0')}`,
    physicalId: `arn:aws:sns:${REGION}:${ACCOUNT}:${name}-Topic${String(i).padStart(4, '0')}`,
    type: 'AWS::SNS::Topic',
    status: 'CREATE_COMPLETE',
    lastUpdated: iso('2026-05-01T00:00:00.000Z', i),
  }));
  return stack;
}

export const DEPLOYING_ID = stackArn('deploying', '33333333-aaaa-4bbb-8ccc-000000000001');

/**
 * The default stacks plus: `deploying` (UPDATE_IN_PROGRESS, its events still coming),
 * `in-review` (REVIEW_IN_PROGRESS: only the Original template exists), `checked` (drift detected
 * before: IN_SYNC, NOT_CHECKED and DELETED resources) and `huge` (2,000 resources).
 */
export function viewsFixture(): FixtureStack[] {
  const deploying = emptyStack('deploying', DEPLOYING_ID, 'UPDATE_IN_PROGRESS', '2026-06-01T00:00:00.000Z');
  deploying.resources = [{ logicalId: 'Queue', physicalId: 'deploying-Queue', type: 'AWS::SQS::Queue', status: 'UPDATE_IN_PROGRESS', lastUpdated: '2026-06-02T00:00:01.000Z' }];
  deploying.events = [
    { eventId: 'e1', logicalId: 'deploying', physicalId: DEPLOYING_ID, type: 'AWS::CloudFormation::Stack', timestamp: '2026-06-02T00:00:00.000Z', status: 'UPDATE_IN_PROGRESS', reason: 'User Initiated' },
    { eventId: 'e2', logicalId: 'Queue', physicalId: 'deploying-Queue', type: 'AWS::SQS::Queue', timestamp: '2026-06-02T00:00:01.000Z', status: 'UPDATE_IN_PROGRESS' },
  ];
  const review = emptyStack('in-review', stackArn('in-review', '33333333-aaaa-4bbb-8ccc-000000000002'), 'REVIEW_IN_PROGRESS', '2026-06-03T00:00:00.000Z');
  review.stagesAvailable = ['Original'];
  review.templateOriginal = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';
  const checked = emptyStack('checked', stackArn('checked', '33333333-aaaa-4bbb-8ccc-000000000003'), 'CREATE_COMPLETE', '2026-06-04T00:00:00.000Z');
  checked.driftStatus = 'DRIFTED';
  checked.driftChecked = '2026-06-05T00:00:00.000Z';
  checked.resources = [
    { logicalId: 'Table', physicalId: 'checked-Table', type: 'AWS::DynamoDB::Table', status: 'CREATE_COMPLETE', lastUpdated: '2026-06-04T00:00:01.000Z' },
    { logicalId: 'Alarm', physicalId: 'checked-Alarm', type: 'Custom::Alarm', status: 'CREATE_COMPLETE', lastUpdated: '2026-06-04T00:00:02.000Z' },
    { logicalId: 'Key', physicalId: 'key-1', type: 'AWS::KMS::Key', status: 'CREATE_COMPLETE', lastUpdated: '2026-06-04T00:00:03.000Z' },
  ];
  checked.drifts = [
    { logicalId: 'Table', physicalId: 'checked-Table', type: 'AWS::DynamoDB::Table', status: 'IN_SYNC', expected: '{"BillingMode":"PAY_PER_REQUEST"}', actual: '{"BillingMode":"PAY_PER_REQUEST"}' },
    { logicalId: 'Alarm', physicalId: 'checked-Alarm', type: 'Custom::Alarm', status: 'NOT_CHECKED' },
    { logicalId: 'Key', physicalId: 'key-1', type: 'AWS::KMS::Key', status: 'DELETED', expected: '{"Enabled":true,"Description":"k"}' },
  ];
  return [...defaultFixture(), deploying, review, checked, bigResourceStack('huge', 2000)];
}
