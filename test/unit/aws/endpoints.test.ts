// Endpoint resolution order, per service, with the environment passed in (no process.env).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endpointSettingFor, resolveEndpoint, resolveEndpoints, validateEndpointUrl } from '../../../src/aws/endpoints';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { logsService } from '../../../src/aws/services/logs';
import { CONNECTION_SERVICES } from '../../../src/aws/services/registry';
import { stsService } from '../../../src/aws/services/sts';

const entries = (o: Record<string, string>) => new Map(Object.entries(o).map(([k, value]) => [k, { value }]));

void describe('resolveEndpoint', () => {
  const profile = entries({ endpoint_url: 'http://profile:1', services: 'local' });
  const services = new Map([['local', entries({ 'cloudwatch_logs.endpoint_url': 'http://services-logs:2' })]]);
  const env = { AWS_ENDPOINT_URL: 'http://env:3', AWS_ENDPOINT_URL_CLOUDFORMATION: 'http://env-cfn:4' };

  void test('setting > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > services section > profile endpoint_url > default', () => {
    const all = { env, profileName: 'demo', profile, services };
    assert.deepEqual(resolveEndpoint(cloudFormationService, { ...all, setting: 'http://setting:5' }), { url: 'http://setting:5', source: 'setting', origin: 'setting archlens.aws.endpointUrl' });
    assert.deepEqual(resolveEndpoint(cloudFormationService, all), { url: 'http://env-cfn:4', source: 'env-service', origin: 'AWS_ENDPOINT_URL_CLOUDFORMATION' });
    assert.deepEqual(resolveEndpoint(stsService, all), { url: 'http://env:3', source: 'env', origin: 'AWS_ENDPOINT_URL' });
    const noEnv = { env: {}, profileName: 'demo', profile, services };
    assert.deepEqual(resolveEndpoint(logsService, noEnv), { url: 'http://services-logs:2', source: 'profile-service', origin: '[services local] cloudwatch_logs.endpoint_url' });
    assert.deepEqual(resolveEndpoint(stsService, noEnv), { url: 'http://profile:1', source: 'profile', origin: 'profile demo endpoint_url' });
    assert.deepEqual(resolveEndpoint(stsService, { env: {} }), { source: 'default', origin: 'AWS default' });
  });

  void test('the service variable names follow the SDK service ids', () => {
    const r = resolveEndpoints(CONNECTION_SERVICES, { env: { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://l:1', AWS_ENDPOINT_URL_STS: 'http://s:1' } });
    assert.equal(r.logs.url, 'http://l:1');
    assert.equal(r.sts.url, 'http://s:1');
    assert.equal(r.cloudformation.url, undefined);
  });

  void test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile key) ignores env and profile, not the setting', () => {
    const ignoring = { env: { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, profileName: 'demo', profile, services };
    assert.equal(resolveEndpoint(cloudFormationService, ignoring).url, undefined);
    assert.equal(resolveEndpoint(cloudFormationService, { ...ignoring, setting: 'http://setting:5' }).url, 'http://setting:5');
    const viaProfile = entries({ endpoint_url: 'http://profile:1', ignore_configured_endpoint_urls: 'TRUE' });
    assert.equal(resolveEndpoint(stsService, { env: { AWS_ENDPOINT_URL: 'http://env:3' }, profile: viaProfile }).source, 'default');
  });

  void test('the endpoint setting: a workspace value wins only in a trusted workspace; untrusted, the user value stays and the dropped one is named', () => {
    const levels = { globalValue: ' http://localhost:4566 ', workspaceValue: 'https://attacker.example' };
    assert.deepEqual(endpointSettingFor(levels, true), { value: 'https://attacker.example' });
    assert.deepEqual(endpointSettingFor(levels, false), { value: 'http://localhost:4566', ignoredWorkspaceValue: 'https://attacker.example' });
    assert.deepEqual(endpointSettingFor({ workspaceFolderValue: 'http://folder:1' }, false), { value: '', ignoredWorkspaceValue: 'http://folder:1' });
    assert.deepEqual(endpointSettingFor({ globalValue: 'http://localhost:4566' }, false), { value: 'http://localhost:4566' });
    assert.deepEqual(endpointSettingFor(undefined, true), { value: '' });
  });

  void test('an unusable value is reported with where it came from, never silently skipped', () => {
    assert.deepEqual(resolveEndpoint(stsService, { env: { AWS_ENDPOINT_URL_STS: 'localhost:4566' } }), {
      source: 'env-service',
      origin: 'AWS_ENDPOINT_URL_STS',
      problem: '"localhost:4566" must start with http:// or https://',
    });
    assert.match(validateEndpointUrl('not a url')!, /not an absolute URL/);
    assert.equal(validateEndpointUrl('https://localhost.localstack.cloud:4566'), undefined);
    const withPassword = validateEndpointUrl('http://admin:hunter2@localhost:4566')!;
    assert.match(withPassword, /http:\/\/localhost:4566 must not contain a user name or password/);
    assert.ok(!withPassword.includes('hunter2'), 'the password is not echoed into the message (it is logged)');
    assert.equal(resolveEndpoint(stsService, { env: {}, setting: '   ' }).source, 'default', 'a blank setting is no setting');
  });
});
