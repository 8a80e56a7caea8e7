// Live tail through the real CloudWatchLogsClient: the local server answers StartLiveTail with
// a binary AWS event stream, which the SDK's own decoder parses.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { CloudWatchLogsClient, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../src/aws/errors';
import { isLiveTailStreamingError, type LiveTailUpdate } from '../../../src/aws/logsGateway';
import { testClientConfig } from '../../support/aws/jsonProtocolServer';
import { API_ACCESS_GROUP, ORDERS_GROUP, RESTRICTED_GROUP } from '../../support/aws/logsFixtures';
import { useLocalLogsClient } from '../../support/aws/localJsonClient';

const arn = (group: string): string => `arn:aws:logs:us-east-1:123456789012:log-group:${group}`;

async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

void describe('LogsGateway.startLiveTail (real SDK, event stream over HTTP on 127.0.0.1)', () => {
  // StartLiveTail has the endpoint host prefix `stream-`: with an endpoint override the SDK
  // would call stream-127.0.0.1, so the client must disable host prefixes.
  const local = useLocalLogsClient({ server: { tail: { intervalMs: 20, eventsPerUpdate: 1 } }, client: { disableHostPrefix: true } });

  beforeEach(() => {
    local.server.requests.length = 0;
    local.server.tail.sessionLimitMs = 3 * 3600_000;
    local.server.faults.tailStreamingErrorAfter = undefined;
    local.server.faults.accessDeniedGroups.clear();
  });

  void test('without disableHostPrefix the SDK prepends stream- to the endpoint host', async () => {
    const plain = new CloudWatchLogsClient(testClientConfig(local.server));
    try {
      await assert.rejects(plain.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn(ORDERS_GROUP)] })), /stream-127\.0\.0\.1/);
    } finally {
      plain.destroy();
    }
  });

  void test('yields sessionStart, then updates with events (filter applied by the service), until aborted', async () => {
    const controller = new AbortController();
    const updates: LiveTailUpdate[] = [];
    let pushed = false;
    for await (const update of local.logs.startLiveTail([arn(ORDERS_GROUP), arn(API_ACCESS_GROUP)], { filterPattern: 'live', signal: controller.signal })) {
      updates.push(update);
      if (!pushed && update.kind === 'start') {
        local.server.pushTailEvent(ORDERS_GROUP, 'live PAYMENT_DECLINED order=7', 'stream-a');
        local.server.pushTailEvent(ORDERS_GROUP, 'filtered out by the pattern');
        pushed = true;
      }
      if (updates.length === 4) controller.abort();
    }
    assert.equal(updates.length, 4, 'iteration ends after the abort without an error');
    const start = updates[0]!;
    assert.equal(start.kind, 'start');
    assert.ok(start.kind === 'start' && start.sessionId.length > 0);
    assert.deepEqual(start.kind === 'start' ? start.groups : [], [arn(ORDERS_GROUP), arn(API_ACCESS_GROUP)]);
    const events = updates.flatMap((u) => (u.kind === 'update' ? u.events : []));
    assert.ok(events.some((e) => e.message === 'live PAYMENT_DECLINED order=7' && e.stream === 'stream-a' && e.group.endsWith(ORDERS_GROUP)));
    assert.ok(events.every((e) => e.message.includes('live')), 'the filter pattern reached the service');
    assert.ok(events.some((e) => e.group.endsWith(API_ACCESS_GROUP)));
    const request = local.server.requests.find((r) => r.operation === 'StartLiveTail')!;
    assert.equal(request.body.logEventFilterPattern, 'live');
    // The abort closed the connection: the server's session is gone.
    await waitFor(() => local.server.openTailSessions === 0);
  });

  void test('breaking out of the loop also closes the session', async () => {
    for await (const update of local.logs.startLiveTail([arn(ORDERS_GROUP)])) {
      if (update.kind === 'update') break;
    }
    await waitFor(() => local.server.openTailSessions === 0);
  });

  void test('more than 10 groups are rejected before any request; the server rejects them too', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => arn(`/aws/lambda/filler-${String(i).padStart(3, '0')}`));
    await assert.rejects(
      (async () => {
        for await (const _ of local.logs.startLiveTail(eleven)) assert.fail('no update expected');
      })(),
      (error: unknown) => error instanceof AwsError && error.code === 'InvalidInput' && /at most 10/.test(error.message),
    );
    assert.equal(local.server.count('StartLiveTail'), 0);
    // AWS's own validation, through the SDK directly.
    await assert.rejects(local.client.send(new StartLiveTailCommand({ logGroupIdentifiers: eleven })), (error: Error) => error.name === 'InvalidParameterException');
    // A name, or the `:*` ARN form, is not what StartLiveTail takes.
    await assert.rejects(
      (async () => {
        for await (const _ of local.logs.startLiveTail([`${arn(ORDERS_GROUP)}:*`])) assert.fail('no update expected');
      })(),
      (error: unknown) => error instanceof AwsError && error.code === 'InvalidInput',
    );
  });

  void test("the service's session timeout ends the iteration with a timeout update", async () => {
    local.server.tail.sessionLimitMs = 120;
    const kinds: string[] = [];
    for await (const update of local.logs.startLiveTail([arn(ORDERS_GROUP)])) kinds.push(update.kind);
    assert.equal(kinds[0], 'start');
    assert.equal(kinds[kinds.length - 1], 'timeout');
    assert.ok(kinds.includes('update'));
  });

  void test('a SessionStreamingException is thrown as its own error', async () => {
    local.server.faults.tailStreamingErrorAfter = 2;
    let updates = 0;
    await assert.rejects(
      (async () => {
        for await (const update of local.logs.startLiveTail([arn(ORDERS_GROUP)])) if (update.kind === 'update') updates += 1;
      })(),
      (error: unknown) => isLiveTailStreamingError(error) && error instanceof AwsError && error.operation === 'StartLiveTail',
    );
    assert.equal(updates, 2);
  });

  void test('a missing or denied group fails the start with the mapped code', async () => {
    local.server.faults.accessDeniedGroups.add(RESTRICTED_GROUP);
    const start = async (group: string): Promise<void> => {
      for await (const _ of local.logs.startLiveTail([arn(group)])) assert.fail('no update expected');
    };
    await assert.rejects(start(RESTRICTED_GROUP), (error: unknown) => error instanceof AwsError && error.code === 'AccessDenied');
    await assert.rejects(start('/aws/lambda/nope'), (error: unknown) => error instanceof AwsError && error.code === 'NotFound');
  });
});
