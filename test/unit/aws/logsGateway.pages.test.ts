// Resumable pages, exact-name lookups, document pages and search progress, through the real SDK.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../src/aws/errors';
import { LogsGateway, type SearchProgress } from '../../../src/aws/logsGateway';
import { startJsonProtocolServer, testClientConfig } from '../../support/aws/jsonProtocolServer';
import { FILLER_GROUP_COUNT, ORDERS_EVENTS_PER_STREAM, ORDERS_GROUP, RARE_MARKER, RESTRICTED_GROUP, fixtureGroup, ordersStreamName, type FixtureGroup } from '../../support/aws/logsFixtures';
import { useLocalLogsClient } from '../../support/aws/localJsonClient';

void describe('LogsGateway pages and lookups', () => {
  const local = useLocalLogsClient();

  beforeEach(() => {
    local.server.requests.length = 0;
  });

  void test('group pages carry the next token, and a listing resumes from it without repeats', async () => {
    const first = await firstPage(local.logs.logGroupPages('/aws/lambda/filler-', { limit: 50 }));
    assert.equal(first.items.length, 50);
    assert.ok(first.nextToken);
    const rest: string[] = [];
    let last: string | undefined;
    for await (const page of local.logs.logGroupPages('/aws/lambda/filler-', { startToken: first.nextToken, limit: 50 })) {
      rest.push(...page.items.map((g) => g.name));
      last = page.nextToken;
    }
    assert.equal(last, undefined);
    const all = [...first.items.map((g) => g.name), ...rest];
    assert.equal(all.length, FILLER_GROUP_COUNT);
    assert.equal(new Set(all).size, FILLER_GROUP_COUNT);
    assert.equal(local.server.requests[1]!.body.nextToken, first.nextToken);
  });

  void test('stream pages are newest first and resumable', async () => {
    const first = await firstPage(local.logs.logStreamPages(ORDERS_GROUP, { limit: 3 }));
    assert.deepEqual(
      first.items.map((s) => s.name),
      [3, 2, 1].map(ordersStreamName),
    );
    const second = await firstPage(local.logs.logStreamPages(ORDERS_GROUP, { limit: 3, startToken: first.nextToken }));
    assert.deepEqual(
      second.items.map((s) => s.name),
      [ordersStreamName(0)],
    );
    assert.equal(second.nextToken, undefined);
  });

  void test('describeLogGroups looks up exact names: found, missing ("not created yet"), and a longer name is not a match', async () => {
    const lookups = await local.logs.describeLogGroups([ORDERS_GROUP, '/aws/lambda/never-invoked', '/aws/lambda/filler-00']);
    assert.equal(lookups[0]!.group?.name, ORDERS_GROUP);
    assert.equal(lookups[0]!.group?.retentionInDays, 30);
    assert.match(lookups[0]!.group?.arn ?? '', /:log-group:\/aws\/lambda\/orders-fn$/);
    assert.deepEqual(lookups[1], { name: '/aws/lambda/never-invoked' });
    assert.deepEqual(lookups[2], { name: '/aws/lambda/filler-00' }, 'filler-000 only shares the prefix');
    assert.ok(local.server.requests.every((r) => r.operation === 'DescribeLogGroups' && r.body.limit === 1));
    assert.equal(local.server.requests.length, 3);
  });

  void test('describeLogGroups keeps a failure on its own name', async () => {
    local.server.faults.describeDeniedPrefixes.add(RESTRICTED_GROUP);
    try {
      const lookups = await local.logs.describeLogGroups([RESTRICTED_GROUP, ORDERS_GROUP]);
      assert.ok(lookups[0]!.error instanceof AwsError && lookups[0]!.error.code === 'AccessDenied');
      assert.equal(lookups[1]!.group?.name, ORDERS_GROUP);
    } finally {
      local.server.faults.describeDeniedPrefixes.clear();
    }
    // A cancel is not a per-name failure: it rejects the whole lookup.
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(local.logs.describeLogGroups([ORDERS_GROUP], { signal: controller.signal }), (error: unknown) => error instanceof AwsError && error.code === 'Cancelled');
  });

  void test('readStreamPage pages a stream and ends when the token stops moving', async () => {
    const stream = ordersStreamName(2);
    const first = await local.logs.readStreamPage(ORDERS_GROUP, stream, { limit: 200 });
    assert.equal(first.items.length, 200);
    assert.ok(first.nextToken);
    const second = await local.logs.readStreamPage(ORDERS_GROUP, stream, { limit: 200, startToken: first.nextToken });
    assert.equal(second.items.length, ORDERS_EVENTS_PER_STREAM - 200);
    assert.ok(second.items[0]!.timestamp > first.items[199]!.timestamp);
    const third = await local.logs.readStreamPage(ORDERS_GROUP, stream, { limit: 200, startToken: second.nextToken });
    assert.deepEqual(third.items, []);
    assert.equal(third.nextToken, undefined);
  });

  void test('search reports every scanned page, empty ones included', async () => {
    const progress: SearchProgress[] = [];
    let events = 0;
    for await (const page of local.logs.search(ORDERS_GROUP, { pattern: `"order=942 "`, onPage: (p) => progress.push(p) })) events += page.length;
    assert.equal(events, 1);
    assert.equal(progress.length, 10);
    assert.deepEqual(progress[8], { pages: 9, events: 0 });
    assert.deepEqual(progress[9], { pages: 10, events: 1 });
  });

  void test('a server seeded with custom groups serves them instead of the fixture', async () => {
    const groups: FixtureGroup[] = [fixtureGroup('/aws/lambda/demo-fn', { s: ['INFO start', `ERROR ${RARE_MARKER}`] }, { retentionInDays: 7 })];
    const demo = await startJsonProtocolServer({ groups });
    const demoClient = new CloudWatchLogsClient(testClientConfig(demo));
    try {
      const gateway = new LogsGateway(demoClient);
      const names: string[] = [];
      for await (const page of gateway.logGroups()) names.push(...page.map((g) => g.name + ':' + String(g.retentionInDays)));
      assert.deepEqual(names, ['/aws/lambda/demo-fn:7']);
      const found: string[] = [];
      for await (const page of gateway.search('/aws/lambda/demo-fn', { pattern: 'ERROR' })) found.push(...page.map((e) => e.message));
      assert.deepEqual(found, [`ERROR ${RARE_MARKER}`]);
    } finally {
      demoClient.destroy();
      await demo.close();
    }
  });
});

async function firstPage<T>(pages: AsyncIterable<T>): Promise<T> {
  for await (const page of pages) return page;
  assert.fail('no page');
}
