// IdentityGateway through the real STSClient (awsQuery) against the local protocol server.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { STSClient } from '@aws-sdk/client-sts';
import { AwsError } from '../../../src/aws/errors';
import { IdentityGateway } from '../../../src/aws/identityGateway';
import { startJsonProtocolServer, testClientConfig, type JsonProtocolServer } from '../../support/aws/jsonProtocolServer';

void describe('IdentityGateway (real STS client, local awsQuery server)', () => {
  let server: JsonProtocolServer;
  let client: STSClient;
  let identity: IdentityGateway;

  before(async () => {
    server = await startJsonProtocolServer();
    // Retries after 1 ms, no randomness: throttling tests stay fast and deterministic.
    client = new STSClient(testClientConfig(server, 2));
    identity = new IdentityGateway(client);
  });

  after(async () => {
    client.destroy();
    await server.close();
  });

  beforeEach(() => {
    server.requests.length = 0;
    server.faults.expiredToken = false;
  });

  void test('whoAmI returns account, ARN and user id from GetCallerIdentity', async () => {
    server.identity = { account: '210987654321', arn: 'arn:aws:sts::210987654321:assumed-role/Dev/jane@example.com', userId: 'AROAEXAMPLEROLEID:jane@example.com' };
    assert.deepEqual(await identity.whoAmI(), {
      account: '210987654321',
      arn: 'arn:aws:sts::210987654321:assumed-role/Dev/jane@example.com',
      userId: 'AROAEXAMPLEROLEID:jane@example.com',
    });
    assert.equal(server.requests.length, 1);
    assert.deepEqual(server.requests[0], { service: 'sts', operation: 'GetCallerIdentity', body: { Action: 'GetCallerIdentity', Version: '2011-06-15' } });
  });

  void test('an expired session token maps to ExpiredToken and is not retried', async () => {
    server.faults.expiredToken = true;
    const error = await identity.whoAmI().then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AwsError);
    assert.equal(error.code, 'ExpiredToken');
    assert.equal(error.service, 'STS');
    assert.equal(error.operation, 'GetCallerIdentity');
    assert.equal(server.requests.length, 1);
  });

  void test('cancelling while the request is in flight rejects as Cancelled; nothing more is sent', async () => {
    const controller = new AbortController();
    const held = server.hold('GetCallerIdentity');
    const pending = identity.whoAmI({ signal: controller.signal }).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    await held.arrived;
    controller.abort();
    const error = await pending;
    held.release();
    assert.ok(error instanceof AwsError);
    assert.equal(error.code, 'Cancelled');
    assert.equal(server.requests.length, 1);
  });

  void test('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await identity.whoAmI({ signal: controller.signal }).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AwsError);
    assert.equal(error.code, 'Cancelled');
    assert.equal(server.requests.length, 0);
  });
});
