// The service seam: a descriptor defined here, in no list, gets its endpoint from
// AWS_ENDPOINT_URL_<ITS SDK ID> (or its `[services]` key) and a working gateway from the session
// through the real SDK; a region the service does not exist in fails before any request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STSClient } from '@aws-sdk/client-sts';
import { openSession } from '../../../src/aws/credentials/connect';
import { loadProfileCatalog, type ProfileCatalog } from '../../../src/aws/credentials/profiles';
import { resolveEndpoint } from '../../../src/aws/endpoints';
import { IdentityGateway } from '../../../src/aws/identityGateway';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { logsService } from '../../../src/aws/services/logs';
import { CONNECTION_SERVICES } from '../../../src/aws/services/registry';
import { defineService, endpointConfigKey, endpointEnvName, isServiceInRegion } from '../../../src/aws/services/serviceDescriptor';
import { AwsSession } from '../../../src/aws/session';
import { awsRejection } from '../../support/aws/awsRejection';
import { captureLog, startStsStub, tempAws, TEST_TUNING, type StsStub, type TempAws } from './credentialsTestKit';

// A service that exists nowhere else: an STS-protocol client under its own id and SDK service id.
const fakeService = defineService({
  id: 'fakeservice',
  sdkServiceId: 'Fake Service',
  displayName: 'FakeService',
  regions: ['us-east-1', 'eu-central-1'],
  load: () => ({ client: STSClient, gateway: (client: STSClient, target) => new IdentityGateway(client, target) }),
});

void describe('service registry', () => {
  let stub: StsStub;
  let aws: TempAws;
  let catalog: ProfileCatalog;

  before(async () => {
    stub = await startStsStub();
    aws = await tempAws();
    await aws.write('config', ['[profile keys]', 'aws_access_key_id = AKIAKEYSKEYSKEYSKEYS', 'aws_secret_access_key = keys-secret', 'services = local', '[services local]', 'fake_service =', `  endpoint_url = ${stub.endpoint}`].join('\n'));
    catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
  });
  after(async () => {
    await stub.close();
    await aws.cleanup();
  });

  const connect = (env: Record<string, string>, region = 'us-east-1', profile = 'keys') =>
    openSession({ source: { kind: 'profile', profile }, catalog, env, region, timeoutMs: 5_000, log: captureLog(), tuning: TEST_TUNING });

  void test('endpoint names follow the SDKs: AWS_ENDPOINT_URL_ + the SDK service id upper-cased, `_` for spaces', () => {
    assert.equal(endpointEnvName(fakeService), 'AWS_ENDPOINT_URL_FAKE_SERVICE');
    assert.equal(endpointConfigKey(fakeService), 'fake_service');
    assert.equal(endpointEnvName(logsService), 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS');
    assert.equal(endpointConfigKey(logsService), 'cloudwatch_logs');
    assert.equal(endpointEnvName(cloudFormationService), 'AWS_ENDPOINT_URL_CLOUDFORMATION');
    assert.deepEqual(resolveEndpoint(fakeService, { env: { AWS_ENDPOINT_URL_FAKE_SERVICE: 'http://fake:1' } }), { url: 'http://fake:1', source: 'env-service', origin: 'AWS_ENDPOINT_URL_FAKE_SERVICE' });
  });

  void test('a descriptor in no list gets its endpoint from AWS_ENDPOINT_URL_<SERVICE> and a gateway from the session', async () => {
    assert.ok(!CONNECTION_SERVICES.includes(fakeService));
    const opened = connect({ AWS_ENDPOINT_URL_FAKE_SERVICE: stub.endpoint }, 'us-east-1', 'keys');
    try {
      const session = opened.session;
      const gateway = session.gateway(fakeService);
      assert.equal(session.gateway(fakeService), gateway, 'one gateway per descriptor and session');
      assert.equal(session.endpoint(fakeService), stub.endpoint);
      assert.equal(session.endpoint('fakeservice'), stub.endpoint, 'by id once in use');
      const before = stub.requests.length;
      const identity = await gateway.whoAmI();
      assert.equal(identity.account, stub.account);
      assert.equal(stub.requests.length, before + 1, 'the request reached the endpoint from the variable');
      assert.equal(stub.requests.at(-1)?.accessKeyId, 'AKIAKEYSKEYSKEYSKEYS', 'signed with the profile keys');
    } finally {
      opened.session.dispose();
    }
  });

  void test("the profile's [services] section key of a new service is derived too", async () => {
    const opened = connect({});
    try {
      assert.equal(opened.session.endpoint(fakeService), stub.endpoint);
      assert.equal((await opened.session.gateway(fakeService).whoAmI()).account, stub.account);
    } finally {
      opened.session.dispose();
    }
  });

  void test('an unusable endpoint for a lazily resolved service fails that service only, naming the variable', () => {
    const opened = connect({ AWS_ENDPOINT_URL_FAKE_SERVICE: 'localhost:4566' });
    try {
      assert.throws(
        () => opened.session.gateway(fakeService),
        (error: unknown) => (error as { code?: string }).code === 'InvalidInput' && /AWS_ENDPOINT_URL_FAKE_SERVICE: "localhost:4566" must start with http/.test((error as Error).message),
      );
      assert.ok(opened.session.gateway(cloudFormationService), 'the other services are unaffected');
    } finally {
      opened.session.dispose();
    }
  });

  void test('a service missing from the region fails with "not available in REGION" before any request', async () => {
    assert.equal(isServiceInRegion(fakeService, 'eu-central-1'), true);
    assert.equal(isServiceInRegion(fakeService, 'ap-south-1'), false);
    assert.equal(isServiceInRegion(cloudFormationService, 'ap-south-1'), true);
    // No endpoint override: the SDK would call fakeservice.ap-south-1.amazonaws.com. Nothing is sent.
    const session = new AwsSession({ region: 'ap-south-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, log: captureLog(), ...TEST_TUNING });
    try {
      const started = Date.now();
      const error = await awsRejection(session.gateway(fakeService).whoAmI());
      assert.equal(error.code, 'Unavailable');
      assert.equal(error.message, 'FakeService is not available in ap-south-1 (it is offered in us-east-1, eu-central-1). Pick another region.');
      assert.equal(error.operation, 'GetCallerIdentity');
      assert.ok(Date.now() - started < 1000, 'refused locally, no DNS lookup or retry');
    } finally {
      session.dispose();
    }
  });

  void test('with an endpoint override (an emulator answers for any region) the region is not checked', async () => {
    const session = new AwsSession({ region: 'ap-south-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, endpoints: { fakeservice: stub.endpoint }, log: captureLog(), ...TEST_TUNING });
    try {
      assert.equal((await session.gateway(fakeService).whoAmI()).account, stub.account);
    } finally {
      session.dispose();
    }
  });

  void test('two descriptors with one id and different clients are refused, not handed the wrong client', () => {
    const clash = defineService({ id: 'cloudformation', sdkServiceId: 'Clash', displayName: 'Clash', regions: 'all', load: () => ({ client: STSClient, gateway: (client: STSClient) => client }) });
    const session = new AwsSession({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, log: captureLog() });
    try {
      session.gateway(cloudFormationService);
      assert.throws(() => session.gateway(clash), /service id "cloudformation" is used by two client classes/);
    } finally {
      session.dispose();
    }
  });
});
