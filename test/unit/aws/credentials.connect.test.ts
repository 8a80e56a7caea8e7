// Choosing credentials and region, and connecting end to end (real SDK providers and STS client
// against local servers): the demo profile, environment keys, MFA prompts (cancel is not a
// failure), and distinct messages for revoked keys, clock skew and expired tokens.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { chooseRegion, chooseSource, ENV_PROFILE_SETTING, openSession, verifySession, type OpenSessionOptions } from '../../../src/aws/credentials/connect';
import { abortError, remedyFor } from '../../../src/aws/credentials/credentialErrors';
import { buildCatalog, loadProfileCatalog } from '../../../src/aws/credentials/profiles';
import { statusText } from '../../../src/aws/credentials/presentation';
import { startJsonProtocolServer, type JsonProtocolServer } from '../../support/aws/jsonProtocolServer';
import { awsRejection } from '../../support/aws/awsRejection';
import { captureLog, isolatedAwsEnv, setEnv, startStsStub, tempAws, TEST_TUNING, type StsStub, type TempAws } from './credentialsTestKit';

const PATHS = { configFile: '/c', credentialsFile: '/k' };

void describe('chooseSource / chooseRegion', () => {
  const withDefault = buildCatalog(PATHS, '[default]\nregion = eu-west-2\n[profile dev]\nregion = ap-south-1\n', undefined);
  const noDefault = buildCatalog(PATHS, '[profile dev]\n', undefined);
  const none = buildCatalog(PATHS, undefined, undefined);

  void test('setting, then AWS_PROFILE, then environment keys, then default (the AWS CLI order)', () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAENVENVENVENVENV1', AWS_SECRET_ACCESS_KEY: 's' };
    assert.deepEqual(chooseSource('dev', { AWS_PROFILE: 'x', ...keys }, withDefault).source, { kind: 'profile', profile: 'dev' });
    assert.deepEqual(chooseSource(ENV_PROFILE_SETTING, {}, withDefault).source, { kind: 'env' });
    assert.deepEqual(chooseSource('', { AWS_PROFILE: 'x', ...keys }, withDefault).source, { kind: 'profile', profile: 'x' });
    assert.deepEqual(chooseSource('', keys, withDefault).source, { kind: 'env' });
    assert.deepEqual(chooseSource(undefined, {}, withDefault).source, { kind: 'profile', profile: 'default' });
  });

  void test('no files and no environment: noCredentials (the welcome view, no error); profiles but no default: noSelection', () => {
    assert.deepEqual(chooseSource('', {}, none), { source: undefined, reason: 'noCredentials' });
    assert.deepEqual(chooseSource('', {}, noDefault), { source: undefined, reason: 'noSelection' });
    assert.equal(statusText({ state: 'noCredentials' }), '$(cloud) AWS: no credentials');
  });

  void test('region: setting, AWS_REGION, AWS_DEFAULT_REGION, profile region, us-east-1', () => {
    const dev = withDefault.profiles.get('dev')!.settings;
    assert.equal(chooseRegion('eu-central-1', { AWS_REGION: 'us-west-2' }, dev).region, 'eu-central-1');
    assert.equal(chooseRegion('', { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1' }, dev).region, 'us-west-2');
    assert.equal(chooseRegion('', { AWS_DEFAULT_REGION: 'us-west-1' }, dev).region, 'us-west-1');
    assert.equal(chooseRegion('', {}, dev).region, 'ap-south-1');
    assert.deepEqual(chooseRegion('', {}, undefined), { region: 'us-east-1', origin: 'default' });
  });
});

void describe('connecting (real SDK, local servers)', () => {
  let aws: TempAws;
  let server: JsonProtocolServer;
  let sts: StsStub;
  let restore: () => void;

  before(async () => {
    aws = await tempAws();
    server = await startJsonProtocolServer();
    sts = await startStsStub();
    restore = setEnv(isolatedAwsEnv());
    await aws.write(
      'config',
      [
        // The demo's profile: static keys and an endpoint in the config file.
        '[profile demo]',
        `endpoint_url = ${server.endpoint}`,
        'aws_access_key_id = AKIAFAKEFAKEFAKEFAKE',
        'aws_secret_access_key = fake-secret-for-tests-only',
        'region = us-east-1',
        '[profile base]',
        'aws_access_key_id = AKIABASEBASEBASEBASE',
        'aws_secret_access_key = base-secret',
        '[profile admin]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        'source_profile = base',
        'mfa_serial = arn:aws:iam::123456789012:mfa/tester',
        `endpoint_url = ${sts.endpoint}`,
        '[profile stub]',
        'aws_access_key_id = AKIASTUBSTUBSTUBSTUB',
        'aws_secret_access_key = stub-secret',
        `endpoint_url = ${sts.endpoint}`,
      ].join('\n'),
    );
  });

  after(async () => {
    restore();
    await sts.close();
    await server.close();
    await aws.cleanup();
  });

  beforeEach(() => {
    sts.failWith = undefined;
    sts.requests.length = 0;
  });

  async function open(profile: string | undefined, extra: Partial<OpenSessionOptions> = {}) {
    const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
    return openSession({
      source: profile === undefined ? { kind: 'env' } : { kind: 'profile', profile },
      catalog,
      env: {},
      region: 'us-east-1',
      timeoutMs: 5_000,
      log: captureLog(),
      tuning: TEST_TUNING,
      ...extra,
    });
  }

  void test('the demo profile (config-file keys, endpoint_url, region) connects and names the account', async () => {
    server.identity = { account: '210987654321', arn: 'arn:aws:iam::210987654321:user/demo', userId: 'AIDADEMO' };
    const opened = await open('demo');
    try {
      assert.equal(opened.endpoints.sts.url, server.endpoint);
      assert.equal(opened.endpoints.logs.origin, 'profile demo endpoint_url');
      assert.equal(opened.session.label, 'demo (us-east-1)');
      const identity = await verifySession(opened);
      assert.equal(identity.account, '210987654321');
      assert.equal(server.count('GetCallerIdentity'), 1);
      assert.equal(statusText({ state: 'ready', source: opened.source, region: 'us-east-1', account: identity.account, customEndpoint: true }), '$(cloud) demo · us-east-1 · 210987654321 · custom endpoint');
    } finally {
      opened.session.dispose();
    }
  });

  void test('environment-variable credentials (fromEnv) with AWS_ENDPOINT_URL_STS', async () => {
    const undo = setEnv({ AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'env-secret' });
    const opened = await open(undefined, { env: { AWS_ENDPOINT_URL_STS: sts.endpoint } });
    try {
      assert.equal(opened.session.label, 'environment credentials (us-east-1)');
      await verifySession(opened);
      assert.equal(sts.requests.at(-1)?.accessKeyId, 'AKIAENVIRONMENT00001');
    } finally {
      opened.session.dispose();
      undo();
    }
  });

  void test('MFA: the code from the prompt goes to AssumeRole, and the assumed role signs later calls', async () => {
    const asked: string[] = [];
    const opened = await open('admin', { mfaCodeProvider: (serial) => (asked.push(serial), Promise.resolve('123456')) });
    try {
      await verifySession(opened);
      assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/tester']);
      const assume = sts.requests.find((r) => r.action === 'AssumeRole')!;
      assert.equal(assume.params.TokenCode, '123456');
      assert.equal(assume.params.SerialNumber, 'arn:aws:iam::123456789012:mfa/tester');
      assert.equal(assume.accessKeyId, 'AKIABASEBASEBASEBASE');
      assert.match(sts.requests.at(-1)!.accessKeyId!, /^ASIAASSUMED/);
    } finally {
      opened.session.dispose();
    }
  });

  void test('MFA cancelled (Escape): Cancelled, not a failure, and nothing is sent', async () => {
    const opened = await open('admin', { mfaCodeProvider: () => Promise.reject(abortError('MFA code entry cancelled')) });
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.equal(error.code, 'Cancelled');
    assert.equal(sts.requests.length, 0);
  });

  void test('revoked keys, clock skew and expired tokens have distinct, actionable messages', async () => {
    const cases = [
      { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', expected: 'InvalidCredentials', text: /does not recognise this access key/ },
      { code: 'SignatureDoesNotMatch', message: 'Signature expired: 20260101T000000Z is now earlier than 20260101T001500Z', expected: 'ClockSkew', text: /clock is off/ },
      { code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.', expected: 'ClockSkew', text: /clock is off/ },
      { code: 'ExpiredToken', message: 'The security token included in the request is expired', expected: 'ExpiredToken', text: /session token has expired/ },
    ] as const;
    const messages = new Set<string>();
    for (const c of cases) {
      sts.failWith = { code: c.code, message: c.message };
      const opened = await open('stub');
      const error = await awsRejection(verifySession(opened));
      opened.session.dispose();
      assert.equal(error.code, c.expected, c.code);
      assert.match(error.message, c.text);
      assert.ok(error.message.startsWith('profile stub: '), error.message);
      messages.add(error.message);
    }
    assert.equal(messages.size, 3, 'the two clock-skew cases share a message; the others differ');
  });

  void test('an opt-in region that is not enabled reads "not available in <region>"', async () => {
    sts.failWith = { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' };
    const opened = await open('stub', { region: 'af-south-1' });
    const error = await awsRejection(verifySession(opened));
    opened.session.dispose();
    assert.equal(error.code, 'Unavailable');
    assert.match(error.message, /not available in af-south-1/);
    assert.deepEqual(remedyFor(error), { kind: 'selectRegion' });
  });

  void test('an unusable endpoint setting is reported before anything runs', async () => {
    const error = await awsRejection(open('stub', { endpointSetting: 'localhost:4566' }));
    assert.equal(error.code, 'InvalidInput');
    assert.match(error.message, /setting archlens\.aws\.endpointUrl: "localhost:4566"/);
  });
});
