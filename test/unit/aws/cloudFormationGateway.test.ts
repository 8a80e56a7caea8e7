import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { type StackResourceSummary, type StackSummary } from '@aws-sdk/client-cloudformation';
import { AwsClientFactory } from '../../../src/aws/clientFactory';
import { CloudFormationGateway, type Page } from '../../../src/aws/cloudFormationGateway';
import { AwsError, toAwsError } from '../../../src/aws/errors';
import { AwsProtocolServer } from '../../support/aws/awsProtocolServer';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<{ items: T[]; pages: number; error?: unknown }> {
  const items: T[] = [];
  let count = 0;
  try {
    for await (const page of pages) {
      count += 1;
      items.push(...page.items);
    }
  } catch (error) {
    return { items, pages: count, error };
  }
  return { items, pages: count };
}

function assertAwsError(error: unknown, code: AwsError['code']): AwsError {
  assert.ok(error instanceof AwsError, `expected AwsError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

/** Asserts that `promise` rejects with an AwsError of `code`. */
async function rejectsWith(promise: Promise<unknown>, code: AwsError['code']): Promise<void> {
  await assert.rejects(promise, (error) => {
    assertAwsError(error, code);
    return true;
  });
}

describe('CloudFormationGateway against the local awsQuery server', () => {
  let server: AwsProtocolServer;
  let factory: AwsClientFactory;
  let gateway: CloudFormationGateway;

  before(async () => {
    server = await AwsProtocolServer.start({ driftPollsBeforeComplete: 2 });
    factory = new AwsClientFactory({ endpoint: server.endpoint, credentials: CREDENTIALS, maxAttempts: 3, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    gateway = new CloudFormationGateway(factory.cloudFormation('us-east-1'));
  });

  afterEach(() => server.reset());

  after(async () => {
    factory.dispose();
    await server.close();
  });

  it('caches one client per region', () => {
    assert.equal(factory.cloudFormation('us-east-1'), factory.cloudFormation('us-east-1'));
    assert.notEqual(factory.cloudFormation('us-east-1'), factory.cloudFormation('eu-west-1'));
  });

  it('pages through 250 resources in 3 pages without duplicates', async () => {
    const result = await collect<StackResourceSummary>(gateway.listStackResources('big-stack'));
    assert.equal(result.error, undefined);
    assert.equal(result.pages, 3);
    assert.equal(result.items.length, 250);
    assert.equal(new Set(result.items.map((r) => r.LogicalResourceId)).size, 250);
    assert.equal(result.items[0]!.ResourceType, 'AWS::SQS::Queue');
    assert.ok(result.items[0]!.LastUpdatedTimestamp instanceof Date);
    assert.deepEqual(
      server.requestsFor('ListStackResources').map((r) => r.page),
      [1, 2, 3],
    );
    for (const request of server.requests) assert.equal(request.params.Version, '2010-05-15');
  });

  it('lists stacks, with deleted ones unless a status filter is given', async () => {
    const all = await collect<StackSummary>(gateway.listStacks());
    assert.equal(all.error, undefined);
    assert.ok(all.items.some((s) => s.StackStatus === 'DELETE_COMPLETE'));
    const nested = all.items.find((s) => s.StackName === 'web-app-NetworkStack-1ABCDEF');
    assert.ok(nested?.ParentId?.includes('stack/web-app/'));

    const live = await collect<StackSummary>(gateway.listStacks({ statuses: ['CREATE_COMPLETE', 'UPDATE_COMPLETE'] }));
    assert.deepEqual(live.items.map((s) => s.StackName).sort(), ['big-stack', 'web-app', 'web-app-NetworkStack-1ABCDEF']);
    const sent = server.requestsFor('ListStacks').at(-1)!.params;
    assert.equal(sent['StackStatusFilter.member.1'], 'CREATE_COMPLETE');
    assert.equal(sent['StackStatusFilter.member.2'], 'UPDATE_COMPLETE');
  });

  it('describes a stack with parameters and outputs; a missing stack is NotFound', async () => {
    const stack = await gateway.describeStack('web-app');
    assert.equal(stack.StackStatus, 'UPDATE_COMPLETE');
    assert.deepEqual(
      stack.Parameters?.map((p) => [p.ParameterKey, p.ParameterValue]),
      [
        ['Stage', 'prod'],
        ['DbPassword', '****'],
      ],
    );
    assert.equal(stack.Outputs?.find((o) => o.OutputKey === 'ApiUrl')?.ExportName, 'web-app-ApiUrl');
    await rejectsWith(gateway.describeStack('no-such-stack'), 'NotFound');
  });

  it('returns events newest first across pages', async () => {
    const result = await collect(gateway.stackEvents('web-app'));
    assert.equal(result.error, undefined);
    assert.equal(result.pages, 2);
    assert.equal(result.items.length, 130);
    const times = result.items.map((e) => e.Timestamp!.getTime());
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1]! >= times[i]!, `event ${i} is newer than event ${i - 1}`);
    assert.equal(result.items.at(-1)!.ResourceStatus, 'CREATE_IN_PROGRESS');
  });

  it('gets the original and the processed template', async () => {
    const original = await gateway.getTemplate('web-app', 'Original');
    assert.match(original.body, /Transform: AWS::Serverless-2016-10-31/);
    assert.deepEqual(original.stagesAvailable, ['Original', 'Processed']);
    const processed = await gateway.getTemplate('web-app', 'Processed');
    const parsed = JSON.parse(processed.body) as { Resources: Record<string, { Type: string }> };
    assert.equal(parsed.Resources.ApiFunction!.Type, 'AWS::Lambda::Function');
    assert.deepEqual(
      server.requestsFor('GetTemplate').map((r) => r.params.TemplateStage),
      ['Original', 'Processed'],
    );
  });

  it('detects drift: start, poll until complete, then resource drifts', async () => {
    const progress: string[] = [];
    const result = await gateway.detectDrift('web-app', { pollIntervalMs: 1, onProgress: (s) => progress.push(s.DetectionStatus!) });
    assert.equal(result.detectionStatus, 'DETECTION_COMPLETE');
    assert.equal(result.stackDriftStatus, 'DRIFTED');
    assert.equal(result.driftedResourceCount, 2);
    assert.deepEqual(progress, ['DETECTION_IN_PROGRESS', 'DETECTION_IN_PROGRESS']);
    assert.deepEqual(
      result.drifts.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus]),
      [
        ['Bucket', 'IN_SYNC'],
        ['ApiFunction', 'MODIFIED'],
        ['ApiFunctionRole', 'DELETED'],
      ],
    );
    assert.deepEqual(result.drifts[1]!.PropertyDifferences?.[0], { PropertyPath: '/MemorySize', ExpectedValue: '128', ActualValue: '512', DifferenceType: 'NOT_EQUAL' });
    assert.deepEqual(
      server.requests.map((r) => r.action),
      ['DetectStackDrift', 'DescribeStackDriftDetectionStatus', 'DescribeStackDriftDetectionStatus', 'DescribeStackDriftDetectionStatus', 'DescribeStackResourceDrifts'],
    );
  });

  it('retries throttling and then succeeds', async () => {
    server.injectFault({ operation: 'ListStacks', kind: 'Throttling', times: 2 });
    const result = await collect(gateway.listStacks());
    assert.equal(result.error, undefined);
    assert.equal(result.items.length, 5);
    assert.deepEqual(
      server.requestsFor('ListStacks').map((r) => r.fault ?? 'ok'),
      ['Throttling', 'Throttling', 'ok'],
    );
  });

  it('surfaces Throttling once the attempts are used up', async () => {
    server.injectFault({ operation: 'DescribeStacks', kind: 'Throttling' });
    await rejectsWith(gateway.describeStack('web-app'), 'Throttling');
    assert.equal(server.requestsFor('DescribeStacks').length, 3);
  });

  it('maps AccessDenied and ExpiredToken to their codes without retrying', async () => {
    server.injectFault({ operation: 'DescribeStacks', kind: 'AccessDenied' });
    await assert.rejects(gateway.describeStack('web-app'), (error) => {
      const e = assertAwsError(error, 'AccessDenied');
      assert.equal(e.service, 'CloudFormation');
      assert.equal(e.operation, 'DescribeStacks');
      assert.equal(e.httpStatusCode, 403);
      assert.ok(!e.message.includes('secret') && !e.message.includes('AKIDEXAMPLE'));
      return true;
    });
    assert.equal(server.requestsFor('DescribeStacks').length, 1);

    server.reset();
    server.injectFault({ operation: 'GetTemplate', kind: 'ExpiredToken' });
    await rejectsWith(gateway.getTemplate('web-app'), 'ExpiredToken');
    assert.equal(server.requestsFor('GetTemplate').length, 1);
  });

  it('keeps page 1 when the connection drops on page 2 and surfaces Network', async () => {
    server.injectFault({ operation: 'ListStackResources', kind: 'Drop', page: 2 });
    const seen: Page<StackResourceSummary>[] = [];
    let failure: unknown;
    try {
      for await (const page of gateway.listStackResources('big-stack')) seen.push(page);
    } catch (error) {
      failure = error;
    }
    assertAwsError(failure, 'Network');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.items.length, 100);
    assert.ok(seen[0]!.nextToken);
    // The transient error was retried up to maxAttempts on page 2, never re-fetching page 1.
    assert.deepEqual(
      server.requestsFor('ListStackResources').map((r) => r.page),
      [1, 2, 2, 2],
    );

    // Resume from the last good token: the remaining 150 resources, no duplicates.
    server.reset();
    const rest = await collect(gateway.listStackResources('big-stack', { startToken: seen[0]!.nextToken }));
    assert.equal(rest.error, undefined);
    const ids = new Set([...seen[0]!.items, ...rest.items].map((r) => r.LogicalResourceId));
    assert.equal(ids.size, 250);
  });

  it('cancels between pages: Cancelled, and no further request reaches the server', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    let failure: unknown;
    try {
      for await (const page of gateway.listStackResources('big-stack', { signal: controller.signal })) {
        seen.push(page.items.length);
        controller.abort();
      }
    } catch (error) {
      failure = error;
    }
    assertAwsError(failure, 'Cancelled');
    assert.deepEqual(seen, [100]);
    assert.equal(server.requestsFor('ListStackResources').length, 1);
  });

  it('cancels an in-flight request: Cancelled, no retry', async () => {
    const controller = new AbortController();
    server.injectFault({ operation: 'ListStackResources', kind: 'Stall', page: 2 });
    server.onRequest = (request) => {
      if (request.fault === 'Stall') controller.abort();
    };
    const result = await collect(gateway.listStackResources('big-stack', { signal: controller.signal }));
    assertAwsError(result.error, 'Cancelled');
    assert.equal(result.items.length, 100);
    assert.deepEqual(
      server.requestsFor('ListStackResources').map((r) => r.page),
      [1, 2],
    );
  });

  it('cancels drift polling', async () => {
    const controller = new AbortController();
    const pending = gateway.detectDrift('web-app', {
      signal: controller.signal,
      pollIntervalMs: 60_000,
      onProgress: () => controller.abort(),
    });
    await rejectsWith(pending, 'Cancelled');
    assert.deepEqual(
      server.requests.map((r) => r.action),
      ['DetectStackDrift', 'DescribeStackDriftDetectionStatus'],
    );
  });

  it('the server rejects unknown actions and wrong versions like AWS', async () => {
    const post = (body: string): Promise<Response> =>
      fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const unknown = await post('Action=CreateBucket&Version=2010-05-15');
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<Code>InvalidAction<\/Code>/);
    const version = await post('Action=ListStacks&Version=2011-01-01');
    assert.equal(version.status, 400);
    const badEnum = await post('Action=ListStacks&Version=2010-05-15&StackStatusFilter.member.1=NOPE');
    assert.match(await badEnum.text(), /<Code>ValidationError<\/Code>/);
  });
});

describe('toAwsError', () => {
  it('maps names, status codes and socket errors', () => {
    const codeOf = (error: unknown): string => toAwsError(error, 'S', 'Op').code;
    assert.equal(codeOf(Object.assign(new Error('x'), { name: 'AbortError' })), 'Cancelled');
    assert.equal(codeOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 'Network');
    assert.equal(codeOf(Object.assign(new Error('x'), { name: 'ThrottlingException' })), 'Throttling');
    assert.equal(codeOf(Object.assign(new Error('x'), { name: 'Weird', $metadata: { httpStatusCode: 403 } })), 'AccessDenied');
    assert.equal(codeOf(Object.assign(new Error('Stack with id a does not exist'), { name: 'ValidationError' })), 'NotFound');
    assert.equal(codeOf(Object.assign(new Error('bad'), { name: 'ValidationError' })), 'InvalidInput');
    assert.equal(codeOf('boom'), 'Unknown');
  });

  it('never repeats access keys or signatures in messages', () => {
    const e = toAwsError(new Error('failed for AKIAABCDEFGHIJKLMNOP with X-Amz-Signature=abcdef'), 'S', 'Op');
    assert.ok(!e.message.includes('AKIAABCDEFGHIJKLMNOP'));
    assert.ok(!e.message.includes('abcdef'));
  });
});
