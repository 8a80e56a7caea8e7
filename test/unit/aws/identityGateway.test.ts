// IdentityGateway through the real STSClient (awsQuery) against the local protocol server.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { STSClient } from '@aws-sdk/client-sts';
import { IdentityGateway } from '../../../src/aws/identityGateway';
import { awsRejection } from '../../support/aws/awsRejection';
import { testClientConfig } from '../../support/aws/jsonProtocolServer';
import { useLocalJsonClient } from '../../support/aws/localJsonClient';

void describe('IdentityGateway (real STS client, local awsQuery server)', () => {
  // Retries after 1 ms, no randomness: throttling tests stay fast and deterministic.
  const local = useLocalJsonClient((server) => new STSClient(testClientConfig(server, 2)));
  const identity = (): IdentityGateway => new IdentityGateway(local.client);

  beforeEach(() => {
    local.server.requests.length = 0;
    local.server.faults.expiredToken = false;
  });

  void test('whoAmI returns account, ARN and user id from GetCallerIdentity', async () => {
    local.server.identity = { account: '210987654321', arn: 'arn:aws:sts::210987654321:assumed-role/Dev/jane@example.com', userId: 'AROAEXAMPLEROLEID:jane@example.com' };
    assert.deepEqual(await identity().whoAmI(), {
      account: '210987654321',
      arn: 'arn:aws:sts::210987654321:assumed-role/Dev/jane@example.com',
      userId: 'AROAEXAMPLEROLEID:jane@example.com',
    });
    assert.equal(local.server.requests.length, 1);
    assert.deepEqual(local.server.requests[0], { service: 'sts', operation: 'GetCallerIdentity', body: { Action: 'GetCallerIdentity', Version: '2011-06-15' } });
  });

  void test('an expired session token maps to ExpiredToken and is not retried', async () => {
    local.server.faults.expiredToken = true;
    const error = await awsRejection(identity().whoAmI());
    assert.equal(error.code, 'ExpiredToken');
    assert.equal(error.service, 'STS');
    assert.equal(error.operation, 'GetCallerIdentity');
    assert.equal(local.server.requests.length, 1);
  });

  void test('cancelling while the request is in flight rejects as Cancelled; nothing more is sent', async () => {
    const controller = new AbortController();
    const held = local.server.hold('GetCallerIdentity');
    const pending = awsRejection(identity().whoAmI({ signal: controller.signal }));
    await held.arrived;
    controller.abort();
    const error = await pending;
    held.release();
    assert.equal(error.code, 'Cancelled');
    assert.equal(local.server.requests.length, 1);
  });

  void test('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await awsRejection(identity().whoAmI({ signal: controller.signal }));
    assert.equal(error.code, 'Cancelled');
    assert.equal(local.server.requests.length, 0);
  });
});
