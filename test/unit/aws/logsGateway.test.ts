// LogsGateway through the real CloudWatchLogsClient against the local awsJson1_1 server.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { LogEvent } from '../../../src/aws/logsGateway';
import {
  API_ACCESS_GROUP,
  FILLER_GROUP_COUNT,
  FIXTURE_EPOCH,
  ORDERS_EVENTS_PER_STREAM,
  ORDERS_GROUP,
  ORDERS_STREAM_COUNT,
  RARE_MARKER,
  RESTRICTED_GROUP,
  createLogsFixture,
  ordersStreamName,
} from '../../support/aws/logsFixtures';
import { awsRejection } from '../../support/aws/awsRejection';
import { useLocalLogsClient } from '../../support/aws/localJsonClient';

async function collect<T>(pages: AsyncIterable<T[]>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    count += 1;
    items.push(...page);
  }
  return { items, pages: count };
}

void describe('LogsGateway (real SDK client, local awsJson1_1 server)', () => {
  // Retries after 1 ms, no randomness: throttling tests stay fast and deterministic.
  const local = useLocalLogsClient({ maxAttempts: 4 });

  beforeEach(() => {
    local.server.requests.length = 0;
    local.server.faults.throttleNext = 0;
    local.server.faults.accessDeniedGroups.clear();
    local.server.faults.expiredToken = false;
  });

  void test('lists every log group across pages without duplicates, with the real wire protocol', async () => {
    const { items, pages } = await collect(local.logs.logGroups());
    const names = items.map((g) => g.name);
    assert.equal(names.length, createLogsFixture().length);
    assert.equal(new Set(names).size, names.length);
    assert.ok(pages >= 3, `expected several pages, got ${pages}`);
    assert.equal(local.server.count('DescribeLogGroups'), pages);
    // Follow-up pages carry the token, the first does not.
    assert.equal(local.server.requests[0]!.body.nextToken, undefined);
    assert.equal(typeof local.server.requests[1]!.body.nextToken, 'string');
    const orders = items.find((g) => g.name === ORDERS_GROUP);
    assert.equal(orders?.retentionInDays, 30);
    assert.match(orders?.arn ?? '', /^arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/lambda\/orders-fn/);
  });

  void test('filters log groups by prefix on the server', async () => {
    const { items } = await collect(local.logs.logGroups('/aws/lambda/filler-'));
    assert.equal(items.length, FILLER_GROUP_COUNT);
    assert.ok(local.server.requests.every((r) => r.body.logGroupNamePrefix === '/aws/lambda/filler-'));
    const api = await collect(local.logs.logGroups('/aws/apigateway/'));
    assert.deepEqual(
      api.items.map((g) => g.name),
      [API_ACCESS_GROUP],
    );
  });

  void test('lists streams newest first, across pages, without duplicates', async () => {
    const group = local.server.groups.find((g) => g.name === ORDERS_GROUP)!;
    for (let i = 0; i < 60; i++) group.streams.push({ name: `old-${String(i).padStart(2, '0')}`, creationTime: FIXTURE_EPOCH - 1000, events: [{ timestamp: FIXTURE_EPOCH - 10_000 + i, ingestionTime: FIXTURE_EPOCH, message: 'old' }] });
    try {
      const { items, pages } = await collect(local.logs.logStreams(ORDERS_GROUP));
      assert.equal(pages, 2);
      assert.equal(items.length, ORDERS_STREAM_COUNT + 60);
      assert.equal(new Set(items.map((s) => s.name)).size, items.length);
      // Stream 3 holds the last event; then 2, 1, 0; then the old ones.
      assert.deepEqual(
        items.slice(0, 4).map((s) => s.name),
        [3, 2, 1, 0].map(ordersStreamName),
      );
      for (let i = 1; i < items.length; i++) assert.ok((items[i - 1]!.lastEventTime ?? 0) >= (items[i]!.lastEventTime ?? 0));
      assert.ok(local.server.requests.every((r) => r.body.orderBy === 'LastEventTime' && r.body.descending === true));
    } finally {
      group.streams.splice(ORDERS_STREAM_COUNT);
    }
  });

  void test('a stream without events has no event times', async () => {
    const { items } = await collect(local.logs.logStreams('/aws/lambda/idle-fn'));
    assert.deepEqual(items, [{ name: 'never-written', creationTime: FIXTURE_EPOCH }]);
  });

  void test('reads a stream forward until the token repeats', async () => {
    const stream = ordersStreamName(1);
    const { items, pages } = await collect(local.logs.readStream(ORDERS_GROUP, stream, { limit: 100 }));
    assert.equal(items.length, ORDERS_EVENTS_PER_STREAM);
    assert.equal(pages, 3);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.timestamp < items[i]!.timestamp);
    const calls = local.server.requests.filter((r) => r.operation === 'GetLogEvents');
    // 100 + 100 + 50, then one call that returns nothing and the same token: the end.
    assert.equal(calls.length, 4);
    assert.equal(calls[0]!.body.startFromHead, true);
    assert.equal(typeof calls[3]!.body.nextToken, 'string');
    assert.notEqual(calls[3]!.body.nextToken, calls[2]!.body.nextToken);
  });

  void test('reading a live stream picks up events appended since the last read, then stops', async () => {
    const group = local.server.groups.find((g) => g.name === API_ACCESS_GROUP)!;
    const stream = group.streams[0]!;
    const original = stream.events.length;
    const seen: LogEvent[] = [];
    try {
      for await (const page of local.logs.readStream(API_ACCESS_GROUP, stream.name, { limit: 50 })) {
        seen.push(...page);
        // New events arrive while we read: the token moves on, so the read continues.
        if (stream.events.length === original) stream.events.push({ timestamp: FIXTURE_EPOCH + 999_000, ingestionTime: FIXTURE_EPOCH + 999_001, message: 'late event' });
      }
    } finally {
      stream.events.splice(original);
    }
    assert.equal(seen.length, original + 1);
    assert.equal(seen[seen.length - 1]!.message, 'late event');
  });

  void test('readStream honours maxEvents without an extra request', async () => {
    const { items } = await collect(local.logs.readStream(ORDERS_GROUP, ordersStreamName(0), { limit: 100, maxEvents: 150 }));
    assert.equal(items.length, 150);
    assert.equal(local.server.count('GetLogEvents'), 2);
  });

  void test('search pages through empty pages that still carry a nextToken', async () => {
    const { items, pages } = await collect(local.logs.search(ORDERS_GROUP, { pattern: RARE_MARKER }));
    // Every 100th event (n % 100 == 42) of 1,000 matches.
    assert.equal(items.length, 10);
    assert.ok(items.every((e) => e.message.includes(RARE_MARKER)));
    const calls = local.server.requests.filter((r) => r.operation === 'FilterLogEvents');
    assert.equal(calls.length, 10, 'the server scans 100 events per call');
    assert.equal(pages, 10);
    assert.equal(new Set(items.map((e) => e.eventId)).size, 10);

    // Now a pattern that matches only near the end: the first 9 pages are empty but tokened.
    local.server.requests.length = 0;
    const late = await collect(local.logs.search(ORDERS_GROUP, { pattern: '"order=942 "' }));
    assert.deepEqual(
      late.items.map((e) => e.timestamp),
      [FIXTURE_EPOCH + 942_000],
    );
    assert.equal(late.pages, 1);
    assert.equal(local.server.count('FilterLogEvents'), 10);
  });

  void test('search filters by time range on the server, both ends inclusive', async () => {
    const startTime = FIXTURE_EPOCH + 100_000;
    const endTime = FIXTURE_EPOCH + 199_000;
    const { items } = await collect(local.logs.search(ORDERS_GROUP, { pattern: 'ERROR', startTime, endTime }));
    // Events 100..199: ten timeouts (n % 10 == 0) and one declined payment (n == 142).
    assert.equal(items.length, 11);
    assert.equal(items[0]!.timestamp, startTime);
    assert.equal(items[items.length - 1]!.timestamp, FIXTURE_EPOCH + 190_000);
    assert.ok(items.every((e) => e.timestamp >= startTime && e.timestamp <= endTime && e.message.startsWith('ERROR')));
    assert.ok(local.server.requests.every((r) => r.body.startTime === startTime && r.body.endTime === endTime));
  });

  void test('search stops at maxEvents and asks only for what is still needed', async () => {
    const { items } = await collect(local.logs.search(ORDERS_GROUP, { pattern: 'INFO', maxEvents: 130 }));
    assert.equal(items.length, 130);
    const limits = local.server.requests.filter((r) => r.operation === 'FilterLogEvents').map((r) => r.body.limit as number);
    assert.equal(limits[0], 130);
    assert.ok(limits.every((l, i) => i === 0 || l < limits[i - 1]!));
  });

  void test('throttling is retried by the SDK and then succeeds', async () => {
    local.server.faults.throttleNext = 2;
    const { items } = await collect(local.logs.logGroups('/aws/apigateway/'));
    assert.deepEqual(
      items.map((g) => g.name),
      [API_ACCESS_GROUP],
    );
    assert.equal(local.server.count('DescribeLogGroups'), 3);
    assert.equal(local.server.faults.throttleNext, 0);
  });

  void test('throttling beyond the retry budget surfaces as a Throttling AwsError', async () => {
    local.server.faults.throttleNext = 10;
    const error = await awsRejection(collect(local.logs.logGroups()));
    assert.equal(error.code, 'Throttling');
    assert.equal(error.operation, 'DescribeLogGroups');
    assert.equal(local.server.count('DescribeLogGroups'), 4);
  });

  void test('AccessDenied on one group only; other groups keep working', async () => {
    local.server.faults.accessDeniedGroups.add(RESTRICTED_GROUP);
    const denied = await awsRejection(collect(local.logs.logStreams(RESTRICTED_GROUP)));
    assert.equal(denied.code, 'AccessDenied');
    assert.equal(denied.service, 'CloudWatchLogs');
    const deniedSearch = await awsRejection(collect(local.logs.search(RESTRICTED_GROUP, { pattern: 'x' })));
    assert.equal(deniedSearch.code, 'AccessDenied');
    // The denial is not retried.
    assert.equal(local.server.count('DescribeLogStreams'), 1);

    const streams = await collect(local.logs.logStreams(API_ACCESS_GROUP));
    assert.deepEqual(
      streams.items.map((s) => s.name),
      ['prod-access'],
    );
    const groups = await collect(local.logs.logGroups('/aws/lambda/billing'));
    assert.equal(groups.items.length, 1, 'the denied group is still listed');
  });

  void test('an expired token is its own error code', async () => {
    local.server.faults.expiredToken = true;
    const error = await awsRejection(collect(local.logs.logGroups()));
    assert.equal(error.code, 'ExpiredToken');
  });

  void test('a missing group maps to NotFound', async () => {
    const error = await awsRejection(collect(local.logs.readStream('/aws/lambda/does-not-exist', 's')));
    assert.equal(error.code, 'NotFound');
  });

  void test('cancelling mid-request aborts it and no further request reaches the server', async () => {
    const controller = new AbortController();
    // Hold the 3rd FilterLogEvents call at the server until we have cancelled.
    const held = local.server.hold('FilterLogEvents', 3);
    const pages: LogEvent[][] = [];
    const run = (async () => {
      for await (const page of local.logs.search(ORDERS_GROUP, { pattern: 'ERROR', signal: controller.signal })) pages.push(page);
    })();
    await held.arrived;
    controller.abort();
    const error = await awsRejection(run);
    held.release();
    assert.equal(error.code, 'Cancelled');
    assert.equal(pages.length, 2);
    // Let any stray continuation run before counting.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(local.server.count('FilterLogEvents'), 3);
  });

  void test('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await awsRejection(collect(local.logs.logGroups(undefined, { signal: controller.signal })));
    assert.equal(error.code, 'Cancelled');
    const search = await awsRejection(collect(local.logs.search(ORDERS_GROUP, { signal: controller.signal })));
    assert.equal(search.code, 'Cancelled');
    assert.equal(local.server.requests.length, 0);
  });

  void test('cancelling between pages stops paging', async () => {
    const controller = new AbortController();
    let pages = 0;
    const error = await awsRejection(
      (async () => {
        for await (const _page of local.logs.logGroups(undefined, { signal: controller.signal })) {
          pages += 1;
          controller.abort();
        }
      })(),
    );
    assert.equal(error.code, 'Cancelled');
    assert.equal(pages, 1);
    assert.equal(local.server.count('DescribeLogGroups'), 1);
  });
});
