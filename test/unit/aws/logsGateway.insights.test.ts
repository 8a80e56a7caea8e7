// Logs Insights through the real CloudWatchLogsClient against the local server's tiny executor.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import type { QueryResults } from '../../../src/aws/logsGateway';
import { API_ACCESS_GROUP, FIXTURE_EPOCH, ORDERS_GROUP, RARE_MARKER } from '../../support/aws/logsFixtures';
import { useLocalLogsClient } from '../../support/aws/localJsonClient';

const range = { startTime: FIXTURE_EPOCH, endTime: FIXTURE_EPOCH + 3_600_000 };

void describe('LogsGateway Insights (StartQuery / GetQueryResults / StopQuery)', () => {
  const local = useLocalLogsClient();

  beforeEach(() => {
    local.server.requests.length = 0;
    local.server.queryPollsToComplete = 3;
  });

  void test('starts, polls through Scheduled and Running, and returns the complete rows', async () => {
    const polls: QueryResults[] = [];
    const results = await local.logs.runQuery(
      { groups: [ORDERS_GROUP], query: `fields @timestamp, @message | filter @message like /${RARE_MARKER}/ | sort @timestamp desc | limit 5`, ...range },
      { pollMs: 1, onPoll: (r) => polls.push(r) },
    );
    assert.deepEqual(
      polls.map((p) => p.status),
      ['Scheduled', 'Running', 'Complete'],
    );
    assert.equal(results.status, 'Complete');
    assert.deepEqual(results.fields, ['@timestamp', '@message'], '@ptr is not shown');
    assert.equal(results.rows.length, 5);
    assert.equal(results.rows[0]!['@message'], `ERROR ${RARE_MARKER} order=942 requestId=req-0942`);
    assert.equal(results.rows[0]!['@timestamp'], '2026-01-01 00:15:42.000');
    assert.ok(results.statistics.recordsScanned >= 1000);
    const start = local.server.requests.find((r) => r.operation === 'StartQuery')!;
    // The API takes epoch seconds.
    assert.equal(start.body.startTime, FIXTURE_EPOCH / 1000);
    assert.deepEqual(start.body.logGroupNames, [ORDERS_GROUP]);
    assert.equal(local.server.count('GetQueryResults'), 3);
  });

  void test('stats count(*) by bin() and JSON fields', async () => {
    local.server.queryPollsToComplete = 1;
    const results = await local.logs.runQuery({ groups: [API_ACCESS_GROUP], query: 'filter status = 502 | stats count(*) as errors by bin(1h)', ...range }, { pollMs: 1 });
    assert.deepEqual(results.fields, ['bin(1h)', 'errors']);
    assert.deepEqual(results.rows, [{ 'bin(1h)': '2026-01-01 00:00:00.000', errors: '4' }]);
  });

  void test('a malformed query is rejected as InvalidInput with the service message', async () => {
    await assert.rejects(local.logs.runQuery({ groups: [ORDERS_GROUP], query: 'fields @message | frobnicate', ...range }), (error: unknown) => {
      assert.ok(error instanceof AwsError);
      assert.equal(error.awsCode, 'MalformedQueryException');
      assert.equal(error.operation, 'StartQuery');
      assert.match(error.message, /Unsupported command: frobnicate/);
      return true;
    });
    assert.equal(local.server.count('GetQueryResults'), 0);
  });

  void test('cancelling a running query sends StopQuery and reports Cancelled', async () => {
    local.server.queryPollsToComplete = Number.POSITIVE_INFINITY;
    const controller = new AbortController();
    let polls = 0;
    const run = local.logs.runQuery(
      { groups: [ORDERS_GROUP], query: 'fields @message', ...range },
      {
        pollMs: 5,
        signal: controller.signal,
        onPoll: () => {
          polls += 1;
          if (polls === 2) controller.abort();
        },
      },
    );
    await assert.rejects(run, (error: unknown) => error instanceof AwsError && error.code === 'Cancelled');
    const stop = local.server.requests.filter((r) => r.operation === 'StopQuery');
    assert.equal(stop.length, 1);
    const queryId = stop[0]!.body.queryId as string;
    assert.equal(local.server.queries.get(queryId)?.status, 'Cancelled');
    const getsAtCancel = local.server.count('GetQueryResults');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(local.server.count('GetQueryResults'), getsAtCancel, 'no polling after the cancel');
  });

  void test('more than 50 groups is refused without a request', async () => {
    const groups = Array.from({ length: 51 }, (_, i) => `/aws/lambda/filler-${String(i).padStart(3, '0')}`);
    await assert.rejects(local.logs.startQuery({ groups, query: 'fields @message', ...range }), (error: unknown) => error instanceof AwsError && error.code === 'InvalidInput');
    assert.equal(local.server.requests.length, 0);
  });
});
