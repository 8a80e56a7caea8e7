// A closed port (an emulator not started) reads the same wherever it shows: connecting (STS
// through `verifySession`), a tree node that failed to load, and a command. The message names the
// endpoint and where it was configured, and says what to do.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openSession, verifySession } from '../../../src/aws/credentials/connect';
import { loadProfileCatalog, type ProfileCatalog } from '../../../src/aws/credentials/profiles';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { ErrorNode } from '../../../src/views/standardNodes';
import { StacksRoot } from '../../../src/views/stacks/stacksRoot';
import { awsRejection } from '../../support/aws/awsRejection';
import { awsServicesFor } from '../../support/awsServicesFor';
import { captureLog, tempAws, TEST_TUNING, type TempAws } from './credentialsTestKit';

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

void describe('nothing listening at the endpoint', () => {
  let aws: TempAws;
  let catalog: ProfileCatalog;
  let endpoint: string;

  before(async () => {
    endpoint = `http://127.0.0.1:${await closedPort()}`;
    aws = await tempAws();
    await aws.write('config', ['[profile keys]', 'aws_access_key_id = AKIAKEYSKEYSKEYSKEYS', 'aws_secret_access_key = keys-secret'].join('\n'));
    catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
  });
  after(() => aws.cleanup());

  const expected = () => `Nothing is listening at ${endpoint}. Start your emulator or clear archlens.aws.endpointUrl.`;

  void test('connecting with the endpoint setting says so, with the next step', async () => {
    const opened = openSession({ source: { kind: 'profile', profile: 'keys' }, catalog, env: {}, region: 'us-east-1', endpointSetting: endpoint, timeoutMs: 5_000, log: captureLog(), tuning: TEST_TUNING });
    try {
      const error = await awsRejection(verifySession(opened));
      assert.equal(error.code, 'Network');
      assert.equal(error.message, expected());
    } finally {
      opened.session.dispose();
    }
  });

  void test('a tree node and a command show the same text', async () => {
    const services = awsServicesFor({ endpoint, maxAttempts: 1 });
    try {
      const nodes = await new StacksRoot(services, { changed: () => undefined }).children(new AbortController().signal);
      const node = nodes.find((n) => n instanceof ErrorNode);
      assert.ok(node, 'the root shows an error node');
      assert.equal(node.item().label, `Failed to load: ${expected()}`);
      const error = await awsRejection(services.gateway(cloudFormationService).getTemplate('orders'));
      assert.equal(error.message, expected());
    } finally {
      services.dispose();
    }
  });

  void test('a host name with several addresses (localhost: ::1 and 127.0.0.1) reads the same', async () => {
    const local = endpoint.replace('127.0.0.1', 'localhost');
    const services = awsServicesFor({ endpoint: local, maxAttempts: 1 });
    try {
      const error = await awsRejection(services.gateway(cloudFormationService).getTemplate('orders'));
      assert.equal(error.message, `Nothing is listening at ${local}. Start your emulator or clear archlens.aws.endpointUrl.`);
    } finally {
      services.dispose();
    }
  });

  void test('an endpoint from the environment names that variable instead', async () => {
    const opened = openSession({ source: { kind: 'profile', profile: 'keys' }, catalog, env: { AWS_ENDPOINT_URL: endpoint }, region: 'us-east-1', timeoutMs: 5_000, log: captureLog(), tuning: TEST_TUNING });
    try {
      const error = await awsRejection(verifySession(opened));
      assert.equal(error.message, `Nothing is listening at ${endpoint}. Start your emulator or clear AWS_ENDPOINT_URL.`);
    } finally {
      opened.session.dispose();
    }
  });
});
