// The stack "Log groups" folder and its group and stream nodes, through the real SDK client
// against the local awsJson1_1 server.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CONTEXT } from '../../../src/views/contextValues';
import { LogStreamNode, type LogGroupNode } from '../../../src/views/logs/logGroupNodes';
import { LogGroupFolderNode, deriveLogGroups, stackLogGroupsNode, type StackLogSource } from '../../../src/views/logs/stackLogGroups';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../../src/views/standardNodes';
import type { TreeChangeSink, ViewNode } from '../../../src/views/viewNode';
import { API_ACCESS_GROUP, FIXTURE_EPOCH, ORDERS_GROUP, RESTRICTED_GROUP, ordersStreamName } from '../../support/aws/logsFixtures';
import { useLocalLogsClient } from '../../support/aws/localJsonClient';
import { awsServicesFor } from '../../support/awsServicesFor';

const RESOURCES = [
  { logicalId: 'OrdersFn', physicalId: 'orders-fn', type: 'AWS::Lambda::Function' },
  { logicalId: 'BillingFn', physicalId: 'billing-fn', type: 'AWS::Lambda::Function' },
  { logicalId: 'NewFn', physicalId: 'new-fn', type: 'AWS::Lambda::Function' },
  { logicalId: 'PendingFn', type: 'AWS::Lambda::Function' },
  { logicalId: 'AccessLogs', physicalId: API_ACCESS_GROUP, type: 'AWS::Logs::LogGroup' },
  { logicalId: 'Api', physicalId: 'a1b2c3', type: 'AWS::ApiGateway::RestApi' },
  { logicalId: 'ProdStage', physicalId: 'prod', type: 'AWS::ApiGateway::Stage' },
  { logicalId: 'Table', physicalId: 'orders', type: 'AWS::DynamoDB::Table' },
];

void describe('stack log groups folder (views, real SDK)', () => {
  const local = useLocalLogsClient();
  const logLines: string[] = [];
  const changed: (ViewNode | undefined)[] = [];
  const sink: TreeChangeSink = { changed: (node) => changed.push(node) };
  const signal = new AbortController().signal;
  let services = awsServicesFor();
  // The logs folder never calls CloudFormation: its endpoint only counts requests (checked in `after`).
  let cloudFormationCalls = 0;
  const cloudFormation = createServer((req, res) => {
    cloudFormationCalls++;
    req.resume();
    res.writeHead(500).end();
  });

  before(async () => {
    await new Promise<void>((resolve) => cloudFormation.listen(0, '127.0.0.1', () => resolve()));
    services = awsServicesFor({
      endpoints: { logs: local.server.endpoint, cloudformation: `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}` },
      maxAttempts: 4,
      log: { info: (m) => logLines.push(`info ${m}`), warn: (m) => logLines.push(`warn ${m}`), error: (m) => logLines.push(`error ${m}`) },
    });
    // API Gateway execution logs exist for the prod stage.
    local.server.groups.push({ name: 'API-Gateway-Execution-Logs_a1b2c3/prod', creationTime: FIXTURE_EPOCH, retentionInDays: 7, streams: [] });
  });
  after(async () => {
    services.dispose();
    await new Promise<void>((resolve) => cloudFormation.close(() => resolve()));
    assert.equal(cloudFormationCalls, 0, 'the logs folder never calls CloudFormation');
  });
  beforeEach(() => {
    local.server.requests.length = 0;
    local.server.faults.accessDeniedGroups.clear();
    local.server.faults.throttleNext = 0;
    local.server.faults.describeDeniedPrefixes.clear();
    changed.length = 0;
    logLines.length = 0;
  });

  const source = (resources = RESOURCES): StackLogSource => ({ stackName: 'orders-stack', idPrefix: 'stack/orders-stack', resources: () => Promise.resolve(resources) });

  void test('derives log groups from Lambda, LogGroup and API Gateway stage resources', () => {
    assert.deepEqual(
      deriveLogGroups(RESOURCES).map((g) => [g.name, g.logicalId, g.optional]),
      [
        ['/aws/apigateway/orders-api-access', 'AccessLogs', false],
        ['/aws/lambda/billing-fn', 'BillingFn', false],
        ['/aws/lambda/new-fn', 'NewFn', false],
        ['/aws/lambda/orders-fn', 'OrdersFn', false],
        ['API-Gateway-Execution-Logs_a1b2c3/prod', 'ProdStage', true],
      ],
    );
    // A SAM function's physical id is the Lambda name; duplicates collapse.
    assert.deepEqual(
      deriveLogGroups([
        { logicalId: 'Fn', physicalId: 'sam-fn', type: 'AWS::Serverless::Function' },
        { logicalId: 'FnLogs', physicalId: '/aws/lambda/sam-fn', type: 'AWS::Logs::LogGroup' },
      ]).map((g) => g.name),
      ['/aws/lambda/sam-fn'],
    );
  });

  void test('the folder lists existing groups with retention and size, and missing ones as "not created yet"', async () => {
    const folder = stackLogGroupsNode(services, source(), sink)!;
    assert.ok(folder instanceof LogGroupFolderNode);
    assert.equal(folder.item().label, 'Log groups');
    assert.equal(folder.item().contextValue, CONTEXT.logGroupFolder);
    const children = await folder.children!(signal);
    const items = children.map((c) => c.item());
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        [API_ACCESS_GROUP, `90 days · ${items[0]!.description!.split(' · ')[1]}`],
        [RESTRICTED_GROUP, `never expires · 20 B`],
        ['/aws/lambda/new-fn', 'not created yet'],
        [ORDERS_GROUP, `30 days · ${items[3]!.description!.split(' · ')[1]}`],
        ['API-Gateway-Execution-Logs_a1b2c3/prod', '7 days · 0 B'],
      ],
    );
    assert.match(items[3]!.description!, /^30 days · \d+\.\d KB$/);
    assert.equal(items[0]!.contextValue, CONTEXT.logGroup);
    assert.equal(items[2]!.collapsible, 'none', 'a missing group has nothing to expand');
    assert.deepEqual(await children[2]!.children!(signal), []);
    // One exact-name lookup per derived group, no listing of the whole account.
    assert.ok(local.server.requests.every((r) => r.operation === 'DescribeLogGroups' && r.body.limit === 1));
    assert.equal(local.server.requests.length, 5);
    assert.equal(folder.item().description, '4');
  });

  void test('a group lists its recent streams newest first; clicking one opens it', async () => {
    const folder = new LogGroupFolderNode(services, source(), sink);
    const orders = (await folder.groupNodes(signal)).find((g) => g.groupName === ORDERS_GROUP)!;
    const streams = await orders.children(signal);
    assert.ok(streams.every((s) => s instanceof LogStreamNode));
    const first = streams[0]!.item();
    assert.equal(first.label, ordersStreamName(3));
    assert.equal(first.description, '2026-01-01 00:16:39Z');
    assert.equal(first.contextValue, CONTEXT.logStream);
    assert.deepEqual(first.command, { command: 'archlens.logs.openStream', title: 'Open Log Stream', arguments: [{ group: ORDERS_GROUP, stream: ordersStreamName(3) }] });
    const request = local.server.requests.find((r) => r.operation === 'DescribeLogStreams')!;
    assert.equal(request.body.orderBy, 'LastEventTime');
    assert.equal(request.body.descending, true);
  });

  void test('stream paging: "load more" fetches the next page with the token', async () => {
    const group = local.server.groups.find((g) => g.name === API_ACCESS_GROUP)!;
    for (let i = 0; i < 70; i++) group.streams.push({ name: `extra-${String(i).padStart(2, '0')}`, creationTime: FIXTURE_EPOCH, events: [{ timestamp: FIXTURE_EPOCH - i * 1000, ingestionTime: FIXTURE_EPOCH, message: 'x' }] });
    try {
      const folder = new LogGroupFolderNode(services, source(), sink);
      const node = (await folder.groupNodes(signal)).find((g) => g.groupName === API_ACCESS_GROUP)!;
      const page1 = await node.children(signal);
      assert.equal(page1.length, 51);
      const more = page1[50];
      assert.ok(more instanceof LoadMoreNode);
      more.loadMore();
      assert.equal(changed[changed.length - 1], node, 'the group re-renders');
      const page2 = await node.children(signal);
      assert.equal(page2.length, 71);
      assert.equal(new Set(page2.map((n) => n.id)).size, 71);
      const calls = local.server.requests.filter((r) => r.operation === 'DescribeLogStreams');
      assert.equal(calls.length, 2);
      assert.equal(typeof calls[1]!.body.nextToken, 'string');
    } finally {
      group.streams.splice(1);
    }
  });

  void test('AccessDenied on one group errors that node only', async () => {
    local.server.faults.accessDeniedGroups.add(RESTRICTED_GROUP);
    const folder = new LogGroupFolderNode(services, source(), sink);
    const groups = await folder.groupNodes(signal);
    const denied = groups.find((g) => g.groupName === RESTRICTED_GROUP)!;
    const deniedChildren = await denied.children(signal);
    assert.equal(deniedChildren.length, 1);
    assert.ok(deniedChildren[0] instanceof ErrorNode);
    assert.match(deniedChildren[0].item().label, /not authorized/);
    assert.equal(deniedChildren[0].item().contextValue, CONTEXT.error);
    const orders = groups.find((g) => g.groupName === ORDERS_GROUP)!;
    const ok = await orders.children(signal);
    assert.equal(ok.length, 4);
    assert.ok(ok.every((n) => n instanceof LogStreamNode));
  });

  void test('a failed existence check marks only its group; retry re-checks', async () => {
    local.server.faults.describeDeniedPrefixes.add(ORDERS_GROUP);
    const folder = new LogGroupFolderNode(services, source(), sink);
    const groups = (await folder.children(signal)) as LogGroupNode[];
    const failed = groups.filter((g) => g.lookupError !== undefined);
    assert.deepEqual(
      failed.map((g) => g.groupName),
      [ORDERS_GROUP],
    );
    assert.equal(failed[0]!.item().description, 'could not check');
    assert.equal(groups.filter((g) => g.exists).length, 3);
    assert.ok(logLines.some((l) => l.startsWith('warn Could not check log group')));
    const error = (await failed[0]!.children(signal))[0]!;
    assert.ok(error instanceof ErrorNode);
    local.server.faults.describeDeniedPrefixes.clear();
    error.retry();
    assert.equal(changed[changed.length - 1], folder);
    const again = (await folder.children(signal)) as LogGroupNode[];
    assert.equal(again.filter((g) => g.exists).length, 4);
  });

  void test('a stack without log sources says so; a failing resource listing errors the folder only', async () => {
    const empty = new LogGroupFolderNode(services, source([{ logicalId: 'Table', physicalId: 't', type: 'AWS::DynamoDB::Table' }]), sink);
    const children = await empty.children(signal);
    assert.ok(children[0] instanceof MessageNode);
    assert.equal(children[0].item().label, 'No log groups for this stack');
    assert.equal(local.server.requests.length, 0);

    let calls = 0;
    const flaky: StackLogSource = {
      stackName: 's',
      idPrefix: 'stack/s',
      resources: () => (++calls === 1 ? Promise.reject(new Error('ListStackResources: throttled')) : Promise.resolve(RESOURCES)),
    };
    const folder = new LogGroupFolderNode(services, flaky, sink);
    const failed = await folder.children(signal);
    assert.ok(failed[0] instanceof ErrorNode);
    failed[0].retry();
    const loaded = await folder.children(signal);
    assert.equal(loaded.length, 5);
  });
});
