// The local AWS-protocol server's core, through the real SDK clients of every protocol on one
// endpoint: routing by X-Amz-Target / Action+Version / REST path, one request log, one fault
// model answered in each service's own words, and the declarative input checks.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CodeartifactClient, ListDomainsCommand, PutPackageOriginConfigurationCommand } from '@aws-sdk/client-codeartifact';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { logsService } from '../../../src/aws/services/logs';
import { awsRejection, sdkRejection, type SdkError } from '../../support/aws/awsRejection';
import { spreadCalls, type FaultRule } from '../../support/aws/core/faults';
import { FAKE_CREDENTIALS, testClientConfig } from '../../support/aws/jsonProtocolServer';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { awsServicesFor } from '../../support/awsServicesFor';

void describe('local AWS-protocol server core (real SDK clients, one endpoint)', () => {
  let account: LocalAccount;
  let cfn: CloudFormationClient;
  let logs: CloudWatchLogsClient;
  let sts: STSClient;
  let codeArtifact: CodeartifactClient;

  before(async () => {
    account = await startLocalAccount();
    // One attempt per call: each fault is seen as the client's error, not retried away.
    cfn = new CloudFormationClient(testClientConfig(account.server, 1));
    logs = new CloudWatchLogsClient(testClientConfig(account.server, 1));
    sts = new STSClient(testClientConfig(account.server, 1));
    codeArtifact = new CodeartifactClient(testClientConfig(account.server, 1));
  });
  after(async () => {
    for (const client of [cfn, logs, sts, codeArtifact]) client.destroy();
    await account.server.close();
  });
  beforeEach(() => {
    account.server.log.clear();
    account.server.faults.clear();
  });

  const inject = (rule: FaultRule): void => void account.server.faults.inject(rule);

  void test('routes each protocol to its service and logs service, operation and status, never credentials', async () => {
    await cfn.send(new ListStacksCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    await logs.send(new DescribeLogGroupsCommand({ limit: 1 }));
    await codeArtifact.send(new ListDomainsCommand({}));
    assert.deepEqual(account.server.log.summary(), ['cloudformation ListStacks 200', 'sts GetCallerIdentity 200', 'logs DescribeLogGroups 200', 'codeartifact ListDomains 200']);
    assert.ok(account.server.log.entries.every((e) => e.accessKeyId === FAKE_CREDENTIALS.accessKeyId));
    const logged = JSON.stringify(account.server.log.entries);
    assert.ok(!logged.includes(FAKE_CREDENTIALS.secretAccessKey), 'the secret key never reaches the log');
    assert.ok(!/Signature|authorization/i.test(logged), 'no headers are logged');
  });

  void test('secret-looking members are redacted in the log; page tokens and MFA codes are kept', async () => {
    await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Admin', RoleSessionName: 'session', SerialNumber: 'arn:aws:iam::123456789012:mfa/me', TokenCode: '123456' }));
    const entry = account.server.log.of('AssumeRole')[0]!;
    assert.equal(entry.input.TokenCode, '123456');
    const redacted = account.server.log.add({ service: 'x', operation: 'Y', input: { Password: 'p', NextToken: 't', Nested: { SecretAccessKey: 's' } } });
    assert.deepEqual(redacted.input, { Password: '<redacted>', NextToken: 't', Nested: { SecretAccessKey: '<redacted>' } });
  });

  void test('one throttle rule, each service answers in its own words and status', async () => {
    inject({ kind: 'throttle' });
    const cases: [Promise<unknown>, string, number][] = [
      [cfn.send(new ListStacksCommand({})), 'Throttling', 400],
      [logs.send(new DescribeLogGroupsCommand({})), 'ThrottlingException', 400],
      [codeArtifact.send(new ListDomainsCommand({})), 'ThrottlingException', 429],
    ];
    for (const [call, name, status] of cases) {
      const error = await sdkRejection(call);
      assert.equal(error.name, name);
      assert.equal(error.$metadata?.httpStatusCode, status);
    }
    assert.deepEqual(account.server.log.entries.map((e) => e.fault), ['throttle', 'throttle', 'throttle']);
  });

  void test('"fail call 7 of 20": exactly the 7th matching call fails, on that operation only', async () => {
    inject({ service: 'logs', operation: 'DescribeLogGroups', kind: 'serverError', calls: [7] });
    const outcomes: string[] = [];
    for (let i = 1; i <= 20; i++) {
      await sts.send(new GetCallerIdentityCommand({}));
      outcomes.push(await logs.send(new DescribeLogGroupsCommand({ limit: 1 })).then(() => 'ok', (e: SdkError) => `${e.name} ${e.$metadata?.httpStatusCode}`));
    }
    assert.deepEqual(outcomes.map((o, i) => (o === 'ok' ? undefined : `${i + 1}: ${o}`)).filter(Boolean), ['7: ServiceUnavailableException 500']);
  });

  void test('"37 of 1,000 writes fail": spread deterministically, exactly the picked calls fail', async () => {
    const picked = spreadCalls(37, 1000);
    assert.equal(new Set(picked).size, 37);
    assert.ok(picked.every((n) => n >= 1 && n <= 1000));
    inject({ service: 'codeartifact', operation: 'PutPackageOriginConfiguration', kind: 'error', error: { code: 'ConflictException', message: 'changed meanwhile', status: 409 }, calls: picked });
    const write = (n: number): Promise<SdkError | undefined> =>
      codeArtifact
        .send(new PutPackageOriginConfigurationCommand({ domain: 'acme', repository: 'npm-store', format: 'npm', package: `pkg-${String(n % 25).padStart(2, '0')}`, restrictions: { publish: 'BLOCK', upstream: n % 2 === 0 ? 'ALLOW' : 'BLOCK' } }))
        .then(() => undefined, (e: SdkError) => e);
    const failures: SdkError[] = [];
    // Ten at a time: calls are numbered by arrival at the server.
    for (let start = 0; start < 1000; start += 10) {
      for (const error of await Promise.all(Array.from({ length: 10 }, (_, i) => write(start + i)))) if (error !== undefined) failures.push(error);
    }
    assert.equal(failures.length, 37);
    assert.ok(failures.every((e) => e.name === 'ConflictException' && e.$metadata?.httpStatusCode === 409));
    const faulted = account.server.log.of('PutPackageOriginConfiguration').flatMap((e, i) => (e.fault !== undefined ? [i + 1] : []));
    assert.deepEqual(faulted, picked);
  });

  void test('expired token: ExpiredToken (STS, 403) and ExpiredTokenException (Logs), until the rule is removed', async () => {
    const rule = account.server.faults.inject({ kind: 'expiredToken' });
    assert.equal((await sdkRejection(sts.send(new GetCallerIdentityCommand({})))).name, 'ExpiredToken');
    assert.equal((await sdkRejection(logs.send(new DescribeLogGroupsCommand({})))).name, 'ExpiredTokenException');
    rule.remove();
    assert.ok((await sts.send(new GetCallerIdentityCommand({}))).Account);
  });

  void test('the next N calls: `times` counts down and reports what is left', async () => {
    const rule = account.server.faults.inject({ service: 'sts', kind: 'throttle', times: 2 });
    assert.equal(rule.remaining, 2);
    await sdkRejection(sts.send(new GetCallerIdentityCommand({})));
    assert.equal(rule.remaining, 1);
    await sdkRejection(sts.send(new GetCallerIdentityCommand({})));
    assert.ok((await sts.send(new GetCallerIdentityCommand({}))).Arn);
    assert.equal(rule.remaining, 0);
  });

  void test('an HTML error page (a proxy in between) reaches the client as a non-modelled error with the HTTP status', async () => {
    inject({ kind: 'htmlPage', status: 502 });
    // What the issue saw on Detect Drift and Start Live Tail: the JSON clients' raw SyntaxError.
    for (const call of [logs.send(new DescribeLogGroupsCommand({})), codeArtifact.send(new ListDomainsCommand({}))]) {
      const error = await sdkRejection(call);
      assert.equal(error.$metadata?.httpStatusCode, 502);
      assert.equal(error.name, 'SyntaxError');
      assert.match(error.message, /Unexpected token '<', "<!doctype/);
    }
    const xml = await sdkRejection(cfn.send(new ListStacksCommand({})));
    assert.equal(xml.$metadata?.httpStatusCode, 502);
    assert.ok(!['Throttling', 'ValidationError', 'AccessDenied'].includes(xml.name), xml.name);
    assert.deepEqual(account.server.log.entries.map((e) => e.status), [502, 502, 502]);
  });

  void test('through the gateways, the HTML page is BadResponse with the status, the call and the endpoint (the error taxonomy)', async () => {
    inject({ kind: 'htmlPage', status: 502 });
    const session = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
    try {
      const error = await awsRejection(session.gateway(logsService).logGroupPages()[Symbol.asyncIterator]().next());
      assert.equal(error.code, 'BadResponse');
      assert.match(error.message, /DescribeLogGroups: the endpoint http:\/\/127\.0\.0\.1:\d+ answered with an HTML page \(HTTP 502\)/);
    } finally {
      session.dispose();
    }
  });

  void test('a dropped socket is a network error; a slow answer still arrives', async () => {
    inject({ operation: 'GetCallerIdentity', kind: 'drop', times: 1 });
    const dropped = await sdkRejection(sts.send(new GetCallerIdentityCommand({})));
    assert.match(`${dropped.code ?? ''} ${dropped.message}`, /ECONNRESET|socket hang up/);
    inject({ operation: 'ListDomains', kind: 'slow', delayMs: 150 });
    const started = Date.now();
    assert.ok((await codeArtifact.send(new ListDomainsCommand({}))).domains);
    assert.ok(Date.now() - started >= 140, 'the answer waited for the delay');
  });

  void test('input models: limits, enums and required members in each service\'s words', async () => {
    const limit = await sdkRejection(logs.send(new DescribeLogGroupsCommand({ limit: 51 })));
    assert.equal(limit.name, 'InvalidParameterException');
    assert.match(limit.message, /Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50/);
    const status = await sdkRejection(cfn.send(new ListStacksCommand({ StackStatusFilter: ['NOPE' as 'CREATE_COMPLETE'] })));
    assert.equal(status.name, 'ValidationError');
    assert.match(status.message, /at 'stackStatusFilter' failed to satisfy constraint: Member must satisfy enum value set/);
    const role = await sdkRejection(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Admin' } as never)));
    assert.equal(role.name, 'ValidationError');
    assert.match(role.message, /Value null at 'roleSessionName'/);
  });

  void test('faults come before routing, as AWS authenticates first: an unfiltered rule also fails a request nobody answers', async () => {
    inject({ kind: 'accessDenied' });
    const unknown = await fetch(`${account.server.endpoint}/v1/nothing-here`, { method: 'POST' });
    assert.equal(unknown.status, 403);
    assert.equal(unknown.headers.get('x-amzn-errortype'), 'AccessDeniedException');
    const refused = await sdkRejection(cfn.send(new ListStacksCommand({})));
    assert.equal(refused.name, 'AccessDenied');
    assert.deepEqual(account.server.log.summary(), ['unknown POST /v1/nothing-here 403 [accessDenied]', 'cloudformation ListStacks 403 [accessDenied]']);
  });

  void test('a runaway request body is cut off with 413, unlogged, and the server keeps answering', async () => {
    const huge = await fetch(account.server.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Action=ListStacks&Version=2010-05-15&X=${'a'.repeat(17 * 1024 * 1024)}` }).then(
      (r) => r.status,
      () => 'closed',
    );
    assert.ok(huge === 413 || huge === 'closed', String(huge));
    assert.equal(account.server.log.entries.length, 0);
    assert.ok((await cfn.send(new ListStacksCommand({}))).StackSummaries);
  });

  void test('hostile names: an Action or target named after Object.prototype is an unknown operation', async () => {
    const post = (body: string, headers: Record<string, string>): Promise<Response> => fetch(account.server.endpoint, { method: 'POST', headers, body });
    const query = await post('Action=constructor&Version=2010-05-15', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(query.status, 400);
    assert.match(await query.text(), /<Code>InvalidAction<\/Code>/);
    const json = await post('{}', { 'x-amz-target': 'Logs_20140328.__proto__', 'content-type': 'application/x-amz-json-1.1' });
    assert.equal(json.status, 400);
    assert.match(await json.text(), /UnknownOperationException/);
    const rest = await fetch(`${account.server.endpoint}/v1/toString?__proto__=x`, { method: 'POST' });
    assert.equal(rest.status, 404);
    assert.equal(rest.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    assert.deepEqual(account.server.log.entries.map((e) => e.service), ['cloudformation', 'logs', 'unknown']);
  });
});
