// AwsSession: one factory, per-service endpoints, gateways that work through the real SDK against
// the local servers (STS and Logs on the JSON server, CloudFormation on the awsQuery server), and
// "not available in <region>" on the node whose service is not usable there.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SessionCredentials } from '../../../src/aws/credentials/sessionCredentials';
import { ERROR_REGION, isCancelled, toAwsError } from '../../../src/aws/errors';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { logsService } from '../../../src/aws/services/logs';
import { AwsSession } from '../../../src/aws/session';
import { AwsProtocolServer } from '../../support/aws/awsProtocolServer';
import { awsRejection } from '../../support/aws/awsRejection';
import { FAKE_CREDENTIALS, startJsonProtocolServer, type JsonProtocolServer } from '../../support/aws/jsonProtocolServer';
import { captureLog, startStsStub, TEST_TUNING, type StsStub } from './credentialsTestKit';

async function first<T>(pages: AsyncIterable<T>): Promise<T> {
  for await (const page of pages) return page;
  throw new Error('no page');
}

void describe('AwsSession', () => {
  let json: JsonProtocolServer;
  let cfn: AwsProtocolServer;
  let stub: StsStub;

  before(async () => {
    json = await startJsonProtocolServer();
    cfn = await AwsProtocolServer.start();
    stub = await startStsStub();
  });
  after(async () => {
    await stub.close();
    await cfn.close();
    await json.close();
  });

  void test('routes each service to its endpoint and caches one gateway per service', async () => {
    const session = new AwsSession({
      profile: 'demo',
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      endpoints: { sts: json.endpoint, logs: json.endpoint, cloudformation: cfn.endpoint },
      log: captureLog(),
      ...TEST_TUNING,
    });
    try {
      assert.equal(session.label, 'demo (us-east-1)');
      assert.equal(session.gateway(cloudFormationService), session.gateway(cloudFormationService));
      assert.equal(session.gateway(logsService), session.gateway(logsService));
      assert.equal((await session.identity().whoAmI()).account.length, 12);
      const stacks = await first(session.gateway(cloudFormationService).listStacks());
      assert.ok(stacks.items.length > 0);
      assert.equal(cfn.requestsFor('ListStacks').length, 1);
      const groups = await first(session.gateway(logsService).logGroups());
      assert.ok(groups.length > 0);
      assert.ok(json.count('DescribeLogGroups') >= 1 && json.count('GetCallerIdentity') === 1);
      assert.equal(session.endpoint('cloudformation'), cfn.endpoint);
    } finally {
      session.dispose();
    }
  });

  void test('after dispose no gateway is handed out: work still holding the session ends as cancelled', () => {
    const session = new AwsSession({ profile: 'old', region: 'us-east-1', credentials: FAKE_CREDENTIALS, endpoints: { cloudformation: cfn.endpoint }, log: captureLog(), ...TEST_TUNING });
    session.dispose();
    for (const gateway of [() => session.gateway(cloudFormationService), () => session.gateway(logsService), () => session.identity()]) {
      assert.throws(gateway, (error: unknown) => isCancelled(error) && /connection old \(us-east-1\) was closed/.test((error as Error).message));
    }
  });

  void test('a service refused in an opt-in region fails on its own node with "not available in <region>"', async () => {
    stub.failWith = { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
    const session = new AwsSession({ region: 'me-central-1', credentials: FAKE_CREDENTIALS, endpoints: { cloudformation: stub.endpoint, sts: json.endpoint }, log: captureLog(), ...TEST_TUNING });
    try {
      const error = await awsRejection(first(session.gateway(cloudFormationService).listStacks()));
      assert.equal(error.code, 'Unavailable');
      assert.match(error.message, /not available in me-central-1/);
      assert.equal(session.label, 'environment credentials (me-central-1)');
      // The other services of the session are unaffected.
      assert.equal((await session.identity().whoAmI()).account.length, 12);
    } finally {
      stub.failWith = undefined;
      session.dispose();
    }
  });
});

void describe('errors: region-aware classification', () => {
  const dnsError = (host: string, region: string): Error => {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    Object.defineProperty(error, ERROR_REGION, { value: region });
    return error;
  };

  void test('no such regional endpoint in a region outside the list: Unavailable; in a listed region: Network (offline)', () => {
    const missing = toAwsError(dnsError('logs.xx-nowhere-9.amazonaws.com', 'xx-nowhere-9'), 'CloudWatchLogs', 'DescribeLogGroups');
    assert.equal(missing.code, 'Unavailable');
    assert.equal(missing.message, 'CloudWatchLogs DescribeLogGroups: not available in xx-nowhere-9');
    assert.equal(toAwsError(dnsError('logs.eu-west-1.amazonaws.com', 'eu-west-1'), 'CloudWatchLogs', 'DescribeLogGroups').code, 'Network');
  });

  void test('an untagged InvalidClientTokenId is InvalidCredentials, not AccessDenied', () => {
    const error = Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    assert.equal(toAwsError(error, 'STS', 'GetCallerIdentity').code, 'InvalidCredentials');
  });
});

void describe('SessionCredentials', () => {
  void test('concurrent callers share one resolution; failures are not cached', async () => {
    let runs = 0;
    let fail = true;
    const credentials = new SessionCredentials(
      async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (fail) throw new Error('first run fails');
        return { accessKeyId: 'AKIASHAREDSHARED0001', secretAccessKey: 's' };
      },
      { timeoutMs: 1_000 },
    );
    const both = await Promise.allSettled([credentials.resolve(), credentials.provider()]);
    assert.deepEqual(both.map((r) => r.status), ['rejected', 'rejected']);
    assert.equal(runs, 1);
    fail = false;
    const [a, b] = await Promise.all([credentials.resolve(), credentials.provider()]);
    assert.equal(a, b);
    assert.equal(runs, 2);
    assert.equal((await credentials.resolve()).accessKeyId, 'AKIASHAREDSHARED0001');
    assert.equal(runs, 2, 'credentials without expiration are kept');
    assert.equal((credentials.provider as { memoized?: boolean }).memoized, true, 'the SDK does not wrap it again per client');
  });

  void test('an aborted signal rejects at once as an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const credentials = new SessionCredentials(() => Promise.resolve({ accessKeyId: 'a', secretAccessKey: 'b' }), { timeoutMs: 1_000 });
    await assert.rejects(credentials.resolve({ signal: controller.signal }), { name: 'AbortError' });
    assert.equal(credentials.resolutions, 0);
  });
});
