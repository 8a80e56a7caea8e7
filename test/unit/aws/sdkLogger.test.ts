// The SDK logger adapter: bodies dropped, secrets masked, through the real SDK client's logging.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createSdkLogger, formatSdkLogArgs } from '../../../src/aws/sdkLogger';
import { startJsonProtocolServer, testClientConfig, type JsonProtocolServer } from '../../support/aws/jsonProtocolServer';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

void describe('sdkLogger', () => {
  let server: JsonProtocolServer;
  before(async () => {
    server = await startJsonProtocolServer();
  });
  after(() => server.close());

  void test('drops input/output bodies and credentials, keeps client, command and metadata', () => {
    const line = formatSdkLogArgs([
      {
        clientName: 'CloudFormationClient',
        commandName: 'GetTemplateCommand',
        input: { StackName: 'prod' },
        output: { TemplateBody: 'Resources: {}' },
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
        metadata: { httpStatusCode: 200, requestId: 'req-1', attempts: 2, totalRetryDelay: 120 },
      },
    ]);
    assert.ok(line.includes('"commandName":"GetTemplateCommand"') && line.includes('"attempts":2') && line.includes('req-1'), line);
    assert.ok(!line.includes('Resources') && !line.includes('prod') && !line.includes(ACCESS_KEY) && !line.includes(SECRET), line);
  });

  void test('masks secrets inside strings and errors, and credential_process command lines', () => {
    const signed = `Authorization: AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${'ab12'.repeat(16)}`;
    const line = formatSdkLogArgs([signed, new Error(`secret ${SECRET}`), 'Command failed: fetch --password hunter2\nstderr: hunter2']);
    for (const secret of [ACCESS_KEY, SECRET, 'ab12ab12ab12', 'hunter2']) assert.ok(!line.includes(secret), `${secret} in ${line}`);
    assert.ok(line.includes('Command failed: [command line and output omitted]'));
  });

  void test('survives cycles and caps the line length', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    assert.match(formatSdkLogArgs([a]), /\[circular\]/);
    assert.ok(formatSdkLogArgs(['x'.repeat(10_000)]).length <= 2_001);
  });

  void test('a real STS client logs its call through the adapter without the response body', async () => {
    const lines: string[] = [];
    server.identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/secret-user-name', userId: 'AIDAUSER' };
    const client = new STSClient({ ...testClientConfig(server), logger: createSdkLogger({ debug: (m) => lines.push(m) }) });
    try {
      await client.send(new GetCallerIdentityCommand({}));
    } finally {
      client.destroy();
    }
    const call = lines.find((l) => l.includes('GetCallerIdentityCommand'));
    assert.ok(call, lines.join('\n'));
    assert.match(call, /^\[aws-sdk info\] /);
    assert.ok(call.includes('"httpStatusCode":200'));
    assert.ok(!lines.join('\n').includes('secret-user-name'), 'the output body is not logged');
    assert.ok(!lines.join('\n').includes('fake-secret-for-tests-only'));
  });
});
