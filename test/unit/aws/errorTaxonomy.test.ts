// The error codes a user can act on, each produced by the real SDK clients over HTTP against a
// small local server that answers like a proxy, an emulator or AWS would: an HTML error page,
// plain text, 409 ConflictException, ServiceQuotaExceededException and ResourceNotFoundException
// on a restJson1 API (SSO's, from the SDK's nested clients), and a closed port. Each message
// names the call, the endpoint and the next step, never the SDK's own text.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/nested-clients/sso';
import { awsCall, type ServiceTarget } from '../../../src/aws/awsCall';
import { nextStepFor } from '../../../src/aws/errorNextSteps';
import { AwsError, type AwsErrorCode } from '../../../src/aws/errors';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { logsService } from '../../../src/aws/services/logs';
import { defineService } from '../../../src/aws/services/serviceDescriptor';
import { awsRejection } from '../../support/aws/awsRejection';
import { awsServicesFor } from '../../support/awsServicesFor';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const HTML_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

function html(status: number): Answer {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HTML_PAGE);
  };
}

/** An awsJson1_1 / restJson1 error: the type in `x-amzn-errortype` and in the body, as AWS sends it. */
function jsonError(status: number, type: string, message: string): Answer {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/` });
    res.end(JSON.stringify({ __type: type, message }));
  };
}

// SSO's portal API is restJson1 (GET /federation/credentials): a real SDK client of that protocol,
// behind a descriptor and gateway defined here like any new service's.
const ssoService = defineService({
  id: 'sso',
  sdkServiceId: 'SSO',
  displayName: 'SSO',
  regions: 'all',
  load: () => ({
    client: SSOClient,
    gateway: (client: SSOClient, target: ServiceTarget) => ({
      roleCredentials: () => awsCall(target, 'GetRoleCredentials', undefined, () => client.send(new GetRoleCredentialsCommand({ roleName: 'Reader', accountId: '123456789012', accessToken: 'token' }))),
    }),
  }),
});

void describe('error taxonomy (real SDK against a local server)', () => {
  let server: Server;
  let endpoint: string;
  let answer: Answer = html(502);
  let requests = 0;

  before(async () => {
    server = createServer((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => answer(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    requests = 0;
  });

  const services = () => awsServicesFor({ endpoint, maxAttempts: 1 });

  async function failure(run: (s: ReturnType<typeof services>) => Promise<unknown>): Promise<AwsError> {
    const session = services();
    try {
      return await awsRejection(run(session));
    } finally {
      session.dispose();
    }
  }

  function assertNoSdkText(error: AwsError): void {
    assert.doesNotMatch(error.message, /Unexpected token|\$response|Deserialization error|XML parse error|<!doctype/i);
  }

  void test('an HTML error page on an awsQuery API (Detect Drift): BadResponse with status, call, endpoint and what to check', async () => {
    answer = html(502);
    const error = await failure((s) => s.gateway(cloudFormationService).detectDrift('orders', { pollIntervalMs: 1 }));
    assert.equal(error.code, 'BadResponse');
    assert.equal(error.httpStatusCode, 502);
    assert.equal(error.message, `CloudFormation DetectStackDrift: the endpoint ${endpoint} answered with an HTML page (HTTP 502), not an AWS response. Check archlens.aws.endpointUrl, the emulator, or your proxy.`);
    assertNoSdkText(error);
    assert.equal(requests, 1);
  });

  void test('an HTML error page on a JSON API (Start Live Tail): the same code and message shape', async () => {
    answer = html(503);
    const error = await failure(async (s) => {
      for await (const update of s.gateway(logsService).startLiveTail(['arn:aws:logs:us-east-1:123456789012:log-group:orders'])) assert.fail(`no update expected, got ${update.kind}`);
    });
    assert.equal(error.code, 'BadResponse');
    assert.equal(error.message, `CloudWatchLogs StartLiveTail: the endpoint ${endpoint} answered with an HTML page (HTTP 503), not an AWS response. Check archlens.aws.endpointUrl, the emulator, or your proxy.`);
    assertNoSdkText(error);
  });

  void test('an HTML page answered with HTTP 200 is not an empty success', async () => {
    answer = html(200);
    const error = await failure(async (s) => {
      for await (const page of s.gateway(cloudFormationService).listStacks()) assert.fail(`no page expected, got ${page.items.length} stacks`);
    });
    assert.equal(error.code, 'BadResponse');
    assert.match(error.message, /^CloudFormation ListStacks: the endpoint .* answered with an HTML page \(HTTP 200\)/);
  });

  void test('a plain-text body on a JSON API names its content type', async () => {
    answer = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad Gateway');
    };
    const error = await failure(async (s) => {
      for await (const page of s.gateway(logsService).logGroupPages()) assert.fail(`no page expected, got ${page.items.length}`);
    });
    assert.equal(error.code, 'BadResponse');
    assert.equal(error.message, `CloudWatchLogs DescribeLogGroups: the endpoint ${endpoint} answered with a body that is neither JSON nor XML (text/plain) (HTTP 502), not an AWS response. Check archlens.aws.endpointUrl, the emulator, or your proxy.`);
    assertNoSdkText(error);
  });

  void test('ConflictException (409) is Conflict, on awsJson1_1 and on restJson1', async () => {
    answer = jsonError(409, 'ConflictException', 'Another update is in progress');
    const onJson = await failure(async (s) => {
      for await (const page of s.gateway(logsService).logGroupPages()) assert.fail(`no page expected, got ${page.items.length}`);
    });
    assert.equal(onJson.code, 'Conflict');
    assert.equal(onJson.message, 'CloudWatchLogs DescribeLogGroups: Another update is in progress');
    const onRest = await failure((s) => s.gateway(ssoService).roleCredentials());
    assert.equal(onRest.code, 'Conflict');
    assert.equal(onRest.httpStatusCode, 409);
    assert.equal(onRest.awsCode, 'ConflictException');
  });

  void test('ServiceQuotaExceededException is QuotaExceeded, not Throttling (retrying does not help)', async () => {
    answer = jsonError(402, 'ServiceQuotaExceededException', 'Repository quota exceeded');
    const error = await failure((s) => s.gateway(ssoService).roleCredentials());
    assert.equal(error.code, 'QuotaExceeded');
    assert.equal(error.message, 'SSO GetRoleCredentials: Repository quota exceeded');
    assert.equal(requests, 1);
  });

  void test('ResourceNotFoundException on a restJson1 API is NotFound', async () => {
    answer = jsonError(404, 'ResourceNotFoundException', 'Role not found');
    const error = await failure((s) => s.gateway(ssoService).roleCredentials());
    assert.equal(error.code, 'NotFound');
    assert.equal(error.awsCode, 'ResourceNotFoundException');
  });

  void test('a 409 without a known error name is still Conflict', async () => {
    answer = jsonError(409, 'SomethingElseException', 'busy');
    assert.equal((await failure((s) => s.gateway(ssoService).roleCredentials())).code, 'Conflict');
  });

  void test('every new code has its own next step', () => {
    const codes: AwsErrorCode[] = ['Conflict', 'QuotaExceeded', 'BadResponse'];
    const unknown = nextStepFor(new AwsError('Unknown', 'X', 'Y', 'x'));
    for (const code of codes) {
      const step = nextStepFor(new AwsError(code, 'X', 'Y', 'x'));
      assert.ok(step.length > 20 && step !== unknown, `${code}: ${step}`);
    }
    assert.match(nextStepFor(new AwsError('BadResponse', 'X', 'Y', 'x')), /archlens\.aws\.endpointUrl/);
    assert.equal(nextStepFor(new Error('not an AwsError')), unknown);
  });
});
