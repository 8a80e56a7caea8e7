// Sample account for the `npm start` demo and the real-VS-Code integration test: stacks named
// after demo/templates (so "Compare with local" and "Reveal in local template" have a match), a
// nested stack, an operation in progress, a rolled-back and a deleted stack, 120 team stacks so
// the list pages ("Load more"), drift results, and Lambda log groups with searchable events.
// Deterministic: timestamps are offsets from a fixed epoch, except the log events, which end "now"
// so the default search range (last hour) finds them.
import { stackArn, type FixtureDrift, type FixtureEvent, type FixtureResource, type FixtureStack } from './fixtures';
import type { FixtureGroup, FixtureStream } from './logsFixtures';

export const DEMO_ACCOUNT = '123456789012';
export const DEMO_STACK = 'orders-api';
export const DEMO_FUNCTION = 'orders-api-OrdersFunction-A1B2C3D4';
export const DEMO_LOG_GROUP = `/aws/lambda/${DEMO_FUNCTION}`;
/** A word that appears in a few demo log events (for a search). */
export const DEMO_SEARCH_TERM = 'PAYMENT_DECLINED';

/** Template bodies as deployed; the caller reads them from demo/templates. */
export interface DemoTemplates {
  readonly ordersApi: string;
  readonly serverlessApp: string;
  readonly network: string;
  readonly website: string;
}

const BASE = Date.parse('2026-10-01T09:00:00.000Z');

function iso(plusSeconds: number): string {
  return new Date(BASE + plusSeconds * 1000).toISOString();
}

function resource(logicalId: string, type: string, physicalId: string, at: number, status = 'CREATE_COMPLETE'): FixtureResource {
  return { logicalId, physicalId, type, status, lastUpdated: iso(at) };
}

/** The creation events of a stack, oldest first (the server answers newest first). */
function creationEvents(name: string, id: string, resources: FixtureResource[], start: number, final = 'CREATE_COMPLETE'): FixtureEvent[] {
  const out: FixtureEvent[] = [];
  let t = start;
  const push = (logicalId: string, physicalId: string, type: string, status: string, reason?: string): void => {
    out.push({ eventId: `${logicalId}-${status}-${out.length + 1}`, logicalId, physicalId, type, timestamp: iso(t), status, reason });
    t += 7;
  };
  push(name, id, 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated');
  for (const r of resources) {
    push(r.logicalId, '', r.type, 'CREATE_IN_PROGRESS');
    push(r.logicalId, r.physicalId, r.type, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
    push(r.logicalId, r.physicalId, r.type, r.status.startsWith('CREATE_FAILED') ? 'CREATE_FAILED' : 'CREATE_COMPLETE');
  }
  push(name, id, 'AWS::CloudFormation::Stack', final);
  return out;
}

/**
 * An update at `lastUpdated` (oldest first): the stack-level events end with the stack's status,
 * so the view (which takes the newest stack-level event as the current status) agrees with the
 * listing; an update still in progress has no final event.
 */
function updateEvents(name: string, id: string, at: string, status: string, changed: FixtureResource | undefined): FixtureEvent[] {
  const t = (Date.parse(at) - BASE) / 1000;
  const out: FixtureEvent[] = [{ eventId: `${name}-UPDATE_IN_PROGRESS-u1`, logicalId: name, physicalId: id, type: 'AWS::CloudFormation::Stack', timestamp: iso(t), status: 'UPDATE_IN_PROGRESS', reason: 'User Initiated' }];
  if (changed) out.push({ eventId: `${changed.logicalId}-UPDATE_IN_PROGRESS-u2`, logicalId: changed.logicalId, physicalId: changed.physicalId, type: changed.type, timestamp: iso(t + 5), status: 'UPDATE_IN_PROGRESS' });
  if (status.endsWith('_IN_PROGRESS')) return out;
  if (changed) out.push({ eventId: `${changed.logicalId}-UPDATE_COMPLETE-u3`, logicalId: changed.logicalId, physicalId: changed.physicalId, type: changed.type, timestamp: iso(t + 20), status: 'UPDATE_COMPLETE' });
  out.push({ eventId: `${name}-UPDATE_COMPLETE_CLEANUP_IN_PROGRESS-u4`, logicalId: name, physicalId: id, type: 'AWS::CloudFormation::Stack', timestamp: iso(t + 25), status: 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' });
  out.push({ eventId: `${name}-${status}-u5`, logicalId: name, physicalId: id, type: 'AWS::CloudFormation::Stack', timestamp: iso(t + 30), status });
  return out;
}

function stack(partial: Omit<FixtureStack, 'events' | 'drifts' | 'tags' | 'parameters' | 'outputs'> & Partial<FixtureStack>): FixtureStack {
  // Without an update, the creation ends in the stack's status (CREATE_COMPLETE, ROLLBACK_COMPLETE...).
  const created = creationEvents(partial.name, partial.id, partial.resources, Date.parse(partial.created) / 1000 - BASE / 1000, partial.lastUpdated ? 'CREATE_COMPLETE' : partial.status);
  const updated = partial.lastUpdated ? updateEvents(partial.name, partial.id, partial.lastUpdated, partial.status, partial.resources.find((r) => r.type === 'AWS::Lambda::Function') ?? partial.resources[0]) : [];
  return {
    parameters: [],
    outputs: [],
    tags: [],
    drifts: [],
    events: [...created, ...updated],
    ...partial,
  };
}

export function demoStacks(templates: DemoTemplates): FixtureStack[] {
  const ordersId = stackArn(DEMO_STACK, 'a1b2c3d4-0000-4000-8000-000000000001');
  const ordersResources = [
    resource('OrdersTable', 'AWS::DynamoDB::Table', 'orders-api-OrdersTable-1Q2W3E4R', 10),
    resource('OrdersQueue', 'AWS::SQS::Queue', `https://sqs.us-east-1.amazonaws.com/${DEMO_ACCOUNT}/orders-api-OrdersQueue-5T6Y7U`, 20),
    resource('OrdersFunctionRole', 'AWS::IAM::Role', 'orders-api-OrdersFunctionRole-8I9O0P', 30),
    resource('OrdersFunction', 'AWS::Lambda::Function', DEMO_FUNCTION, 40),
    resource('LegacyTopic', 'AWS::SNS::Topic', `arn:aws:sns:us-east-1:${DEMO_ACCOUNT}:orders-api-LegacyTopic-ZXCV`, 50),
  ];
  const ordersDrifts: FixtureDrift[] = [
    { logicalId: 'OrdersTable', physicalId: 'orders-api-OrdersTable-1Q2W3E4R', type: 'AWS::DynamoDB::Table', status: 'IN_SYNC', expected: '{"BillingMode":"PAY_PER_REQUEST"}', actual: '{"BillingMode":"PAY_PER_REQUEST"}' },
    {
      logicalId: 'OrdersFunction',
      physicalId: DEMO_FUNCTION,
      type: 'AWS::Lambda::Function',
      status: 'MODIFIED',
      expected: '{"Handler":"index.handler","MemorySize":128,"Runtime":"python3.12","Timeout":10}',
      actual: '{"Handler":"index.handler","MemorySize":1024,"Runtime":"python3.12","Timeout":30}',
      differences: [
        { path: '/MemorySize', expected: '128', actual: '1024', type: 'NOT_EQUAL' },
        { path: '/Timeout', expected: '10', actual: '30', type: 'NOT_EQUAL' },
      ],
    },
    { logicalId: 'LegacyTopic', physicalId: `arn:aws:sns:us-east-1:${DEMO_ACCOUNT}:orders-api-LegacyTopic-ZXCV`, type: 'AWS::SNS::Topic', status: 'DELETED', expected: '{}' },
    { logicalId: 'OrdersQueue', physicalId: `https://sqs.us-east-1.amazonaws.com/${DEMO_ACCOUNT}/orders-api-OrdersQueue-5T6Y7U`, type: 'AWS::SQS::Queue', status: 'NOT_CHECKED' },
  ];

  const platformId = stackArn('platform', 'a1b2c3d4-0000-4000-8000-000000000002');
  const networkId = stackArn('platform-NetworkStack-9XYZ', 'a1b2c3d4-0000-4000-8000-000000000003');
  const samId = stackArn('serverless-app', 'a1b2c3d4-0000-4000-8000-000000000004');
  const stagingId = stackArn('orders-api-staging', 'a1b2c3d4-0000-4000-8000-000000000005');
  const websiteId = stackArn('clean-website', 'a1b2c3d4-0000-4000-8000-000000000006');
  const billingId = stackArn('legacy-billing', 'a1b2c3d4-0000-4000-8000-000000000007');
  const oldId = stackArn('old-prototype', 'a1b2c3d4-0000-4000-8000-000000000008');
  const samResources = [
    resource('HelloApi', 'AWS::ApiGateway::RestApi', 'k7x9m2p4q1', 10),
    resource('HelloApiprodStage', 'AWS::ApiGateway::Stage', 'prod', 20),
    resource('HelloFunctionRole', 'AWS::IAM::Role', 'serverless-app-HelloFunctionRole-QWER', 30),
    resource('HelloFunction', 'AWS::Lambda::Function', 'serverless-app-HelloFunction-ASDF', 40),
  ];

  const stacks: FixtureStack[] = [
    stack({
      name: DEMO_STACK,
      id: ordersId,
      status: 'UPDATE_COMPLETE',
      description: 'Orders API: a table, a queue and a function (deployed from templates/orders-api-with-mistakes.yaml).',
      created: iso(0),
      lastUpdated: iso(86_400),
      parameters: [{ key: 'Stage', value: 'prod' }],
      outputs: [{ key: 'FunctionArn', value: `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT}:function:${DEMO_FUNCTION}`, description: 'The orders function', exportName: 'orders-api-FunctionArn' }],
      tags: [{ key: 'team', value: 'orders' }],
      resources: ordersResources,
      templateOriginal: templates.ordersApi,
      templateProcessed: templates.ordersApi,
      drifts: ordersDrifts,
    }),
    stack({
      name: 'platform',
      id: platformId,
      status: 'CREATE_COMPLETE',
      description: 'Shared platform (one nested network stack).',
      created: iso(1000),
      resources: [resource('NetworkStack', 'AWS::CloudFormation::Stack', networkId, 1010)],
      outputs: [{ key: 'VpcId', value: 'vpc-0demo1234abcd5678' }],
      templateOriginal: '{"Resources":{"NetworkStack":{"Type":"AWS::CloudFormation::Stack","Properties":{"TemplateURL":"https://example-bucket.s3.amazonaws.com/network.json"}}}}',
      templateProcessed: '{"Resources":{"NetworkStack":{"Type":"AWS::CloudFormation::Stack","Properties":{"TemplateURL":"https://example-bucket.s3.amazonaws.com/network.json"}}}}',
    }),
    stack({
      name: 'platform-NetworkStack-9XYZ',
      id: networkId,
      status: 'CREATE_COMPLETE',
      created: iso(1010),
      parentId: platformId,
      rootId: platformId,
      resources: [resource('Vpc', 'AWS::EC2::VPC', 'vpc-0demo1234abcd5678', 1020)],
      templateOriginal: templates.network,
      templateProcessed: templates.network,
    }),
    stack({
      name: 'serverless-app',
      id: samId,
      status: 'CREATE_COMPLETE',
      description: 'A SAM application (templates/serverless-app.yaml).',
      created: iso(2000),
      resources: samResources,
      outputs: [{ key: 'HelloApiUrl', value: 'https://k7x9m2p4q1.execute-api.us-east-1.amazonaws.com/prod/hello' }],
      templateOriginal: templates.serverlessApp,
      templateProcessed: JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            HelloApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'serverless-app' } },
            HelloFunction: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Timeout: 10, Role: { 'Fn::GetAtt': ['HelloFunctionRole', 'Arn'] } } },
            HelloFunctionRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
          },
        },
        null,
        2,
      ),
    }),
    stack({
      name: 'orders-api-staging',
      id: stagingId,
      status: 'UPDATE_IN_PROGRESS',
      description: 'An update in progress: its events refresh on their own.',
      created: iso(3000),
      lastUpdated: iso(90_000),
      resources: ordersResources.map((r) => ({ ...r, physicalId: r.physicalId.replace('orders-api', 'orders-api-staging') })),
      templateOriginal: templates.ordersApi,
      templateProcessed: templates.ordersApi,
    }),
    stack({
      name: 'clean-website',
      id: websiteId,
      status: 'CREATE_COMPLETE',
      created: iso(4000),
      resources: [resource('SiteBucket', 'AWS::S3::Bucket', 'clean-website-sitebucket-4r5t6y', 4010)],
      templateOriginal: templates.website,
      templateProcessed: templates.website,
    }),
    stack({
      name: 'legacy-billing',
      id: billingId,
      status: 'ROLLBACK_COMPLETE',
      statusReason: 'The following resource(s) failed to create: [InvoiceQueue].',
      created: iso(5000),
      resources: [],
      templateOriginal: '{"Resources":{"InvoiceQueue":{"Type":"AWS::SQS::Queue"}}}',
      templateProcessed: '{"Resources":{"InvoiceQueue":{"Type":"AWS::SQS::Queue"}}}',
    }),
    stack({
      name: 'old-prototype',
      id: oldId,
      status: 'DELETE_COMPLETE',
      created: iso(-86_400),
      deleted: iso(-3600),
      resources: [],
      templateOriginal: '{"Resources":{}}',
      templateProcessed: '{"Resources":{}}',
    }),
  ];
  // Enough team stacks that the list needs "Load more" (ListStacks returns 100 per page).
  for (let i = 1; i <= 120; i++) {
    const name = `team-${String(i).padStart(3, '0')}-service`;
    const id = stackArn(name, `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    stacks.push(
      stack({ name, id, status: 'CREATE_COMPLETE', created: iso(10_000 + i), resources: [resource('Queue', 'AWS::SQS::Queue', `https://sqs.us-east-1.amazonaws.com/${DEMO_ACCOUNT}/${name}-Queue`, 10_000 + i)], templateOriginal: '{"Resources":{"Queue":{"Type":"AWS::SQS::Queue"}}}', templateProcessed: '{"Resources":{"Queue":{"Type":"AWS::SQS::Queue"}}}' }),
    );
  }
  return stacks;
}

/** Log groups of the demo functions; events end at `now` (one every 20 s over two hours). */
export function demoLogGroups(now: number): FixtureGroup[] {
  const start = now - 2 * 3600_000;
  const streams: FixtureStream[] = [0, 1, 2].map((i) => ({ name: `2026/11/22/[$LATEST]demo${String(i).padStart(27, '0')}`, creationTime: start + i, events: [] }));
  for (let n = 0, t = start; t <= now; n++, t += 20_000) {
    const requestId = `c0ffee00-${String(n).padStart(4, '0')}`;
    let message: string;
    if (n % 37 === 5) message = `ERROR ${DEMO_SEARCH_TERM} order=${1000 + n} requestId=${requestId}`;
    else if (n % 9 === 0) message = `START RequestId: ${requestId} Version: $LATEST`;
    else message = `INFO processed order=${1000 + n} items=${(n % 5) + 1} requestId=${requestId}`;
    streams[n % streams.length]!.events.push({ timestamp: t, ingestionTime: t + 300, message });
  }
  const hello: FixtureStream = { name: '2026/11/22/[$LATEST]hello000000000000000000000001', creationTime: start, events: [] };
  for (let t = start; t <= now; t += 300_000) hello.events.push({ timestamp: t, ingestionTime: t + 200, message: `INFO GET /hello 200 ${((t / 1000) % 40) + 3}ms` });
  return [
    { name: DEMO_LOG_GROUP, creationTime: start - 86_400_000, retentionInDays: 30, streams },
    { name: '/aws/lambda/serverless-app-HelloFunction-ASDF', creationTime: start - 86_400_000, retentionInDays: 14, streams: [hello] },
    { name: 'API-Gateway-Execution-Logs_k7x9m2p4q1/prod', creationTime: start - 86_400_000, streams: [] },
  ];
}
