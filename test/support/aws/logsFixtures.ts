// Seeded, deterministic CloudWatch Logs data for the local awsJson1_1 test server
// (test/support/aws/services/logs.ts). No randomness and no clock: every timestamp is an
// offset from FIXTURE_EPOCH, so assertions about ranges and ordering are exact.

/** One stored event, as the test server keeps it. */
export interface FixtureEvent {
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

/** One stored stream; `events` are in timestamp order, as CloudWatch Logs stores them. */
export interface FixtureStream {
  readonly name: string;
  readonly creationTime: number;
  readonly events: FixtureEvent[];
}

/** One stored log group. */
export interface FixtureGroup {
  readonly name: string;
  readonly creationTime: number;
  readonly retentionInDays?: number;
  readonly streams: FixtureStream[];
}

/** 2026-01-01T00:00:00Z. */
export const FIXTURE_EPOCH = Date.UTC(2026, 0, 1);

export const ORDERS_GROUP = '/aws/lambda/orders-fn';
export const API_ACCESS_GROUP = '/aws/apigateway/orders-api-access';
/** A group that the fault-injecting server can deny (AccessDeniedException) on its own. */
export const RESTRICTED_GROUP = '/aws/lambda/billing-fn';
/** Streams of ORDERS_GROUP: 4 streams x 250 events = 1,000 events. */
export const ORDERS_STREAM_COUNT = 4;
export const ORDERS_EVENTS_PER_STREAM = 250;
/** Filler groups under /aws/lambda/ so group listings span several pages. */
export const FILLER_GROUP_COUNT = 120;
/** Every 100th orders event (by global index) carries this marker; rare enough to leave empty filter pages. */
export const RARE_MARKER = 'PAYMENT_DECLINED';

/** Name of orders stream `i` (0-based). */
export function ordersStreamName(i: number): string {
  return `2026/01/01/[$LATEST]${String(i).padStart(32, '0')}`;
}

/**
 * Builds a fresh copy of the fixture (tests may append events to simulate a live stream).
 * ORDERS_GROUP events are interleaved across its streams: global event `n` is at
 * FIXTURE_EPOCH + n seconds in stream `n % 4`, so stream 3 has the latest event.
 */
export function createLogsFixture(): FixtureGroup[] {
  const groups: FixtureGroup[] = [];

  const ordersStreams: FixtureStream[] = [];
  for (let s = 0; s < ORDERS_STREAM_COUNT; s++) {
    ordersStreams.push({ name: ordersStreamName(s), creationTime: FIXTURE_EPOCH + s, events: [] });
  }
  const total = ORDERS_STREAM_COUNT * ORDERS_EVENTS_PER_STREAM;
  for (let n = 0; n < total; n++) {
    const timestamp = FIXTURE_EPOCH + n * 1000;
    const requestId = `req-${String(n).padStart(4, '0')}`;
    let message: string;
    if (n % 100 === 42) message = `ERROR ${RARE_MARKER} order=${n} requestId=${requestId}`;
    else if (n % 10 === 0) message = `ERROR timeout calling inventory requestId=${requestId}`;
    else message = `INFO processed order=${n} requestId=${requestId}`;
    ordersStreams[n % ORDERS_STREAM_COUNT]!.events.push({ timestamp, ingestionTime: timestamp + 250, message });
  }
  groups.push({ name: ORDERS_GROUP, creationTime: FIXTURE_EPOCH - 86_400_000, retentionInDays: 30, streams: ordersStreams });

  const accessEvents: FixtureEvent[] = [];
  for (let n = 0; n < 60; n++) {
    const timestamp = FIXTURE_EPOCH + n * 5000;
    const status = n % 15 === 0 ? 502 : 200;
    accessEvents.push({
      timestamp,
      ingestionTime: timestamp + 100,
      message: JSON.stringify({ requestId: `api-${n}`, httpMethod: 'POST', resourcePath: '/orders', status, responseLatency: 20 + n }),
    });
  }
  groups.push({ name: API_ACCESS_GROUP, creationTime: FIXTURE_EPOCH - 3_600_000, retentionInDays: 90, streams: [{ name: 'prod-access', creationTime: FIXTURE_EPOCH, events: accessEvents }] });

  groups.push({
    name: RESTRICTED_GROUP,
    creationTime: FIXTURE_EPOCH - 7_200_000,
    streams: [{ name: 'billing-stream', creationTime: FIXTURE_EPOCH, events: [{ timestamp: FIXTURE_EPOCH, ingestionTime: FIXTURE_EPOCH + 1, message: 'INFO invoice created' }] }],
  });

  // An empty stream (no events yet): CloudWatch Logs omits its event times.
  groups.push({ name: '/aws/lambda/idle-fn', creationTime: FIXTURE_EPOCH - 60_000, streams: [{ name: 'never-written', creationTime: FIXTURE_EPOCH, events: [] }] });

  for (let i = 0; i < FILLER_GROUP_COUNT; i++) {
    groups.push({ name: `/aws/lambda/filler-${String(i).padStart(3, '0')}`, creationTime: FIXTURE_EPOCH - i, streams: [] });
  }
  return groups;
}

/**
 * A log group for seeding a server (`startJsonProtocolServer({ groups: [...] })`), e.g. demo data
 * matching a stack's functions: one stream per entry of `streams`, events one second apart
 * from `start`.
 */
export function fixtureGroup(name: string, streams: Readonly<Record<string, readonly string[]>>, options: { retentionInDays?: number; start?: number } = {}): FixtureGroup {
  const start = options.start ?? FIXTURE_EPOCH;
  return {
    name,
    creationTime: start - 60_000,
    ...(options.retentionInDays !== undefined ? { retentionInDays: options.retentionInDays } : {}),
    streams: Object.entries(streams).map(([stream, messages]) => ({
      name: stream,
      creationTime: start,
      events: messages.map((message, i) => ({ timestamp: start + i * 1000, ingestionTime: start + i * 1000 + 200, message })),
    })),
  };
}
