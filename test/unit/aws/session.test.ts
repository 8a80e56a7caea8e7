// AwsSession: one factory, per-service endpoints, gateways that work through the real SDK against
// the local servers (STS and Logs on the JSON server, CloudFormation on the awsQuery server), and
// "not available in <region>" on the node whose service is not usable there.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import { AwsSession } from '../../../src/aws/session';
import { AwsProtocolServer } from '../../support/aws/awsProtocolServer';
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
      assert.equal(session.cloudFormation(), session.cloudFormation());
      assert.equal(session.logs(), session.logs());
      assert.equal((await session.identity().whoAmI()).account.length, 12);
      const stacks = await first(session.cloudFormation().listStacks());
      assert.ok(stacks.items.length > 0);
      assert.equal(cfn.requestsFor('ListStacks').length, 1);
      const groups = await first(session.logs().logGroups());
      assert.ok(groups.length > 0);
      assert.ok(json.count('DescribeLogGroups') >= 1 && json.count('GetCallerIdentity') === 1);
      assert.equal(session.endpoint('cloudformation'), cfn.endpoint);
    } finally {
      session.dispose();
    }
  });

  void test('a service refused in an opt-in region fails on its own node with "not available in <region>"', async () => {
    stub.failWith = { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
    const session = new AwsSession({ region: 'me-central-1', credentials: FAKE_CREDENTIALS, endpoints: { cloudformation: stub.endpoint, sts: json.endpoint }, log: captureLog(), ...TEST_TUNING });
    try {
      const error = await first(session.cloudFormation().listStacks()).then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof AwsError);
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
