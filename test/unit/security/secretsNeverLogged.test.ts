// Planted fake secrets (access key id, secret key, session token, a Lambda environment value, a
// NoEcho parameter's value, a secret inside log events and in drift properties) never reach the
// log, with AWS SDK debug logging on. The path is the extension's: a profile from AWS files,
// `openSession` with the SDK debug logger, the stacks and logs views expanded through every
// folder, templates fetched, drift detected, a log search, a stream read, and failures (access
// denied, throttling) that are logged with their error objects.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { loadProfileCatalog, sharedFilePaths } from '../../../src/aws/credentials/profiles';
import { openSession, verifySession, type OpenedSession } from '../../../src/aws/credentials/connect';
import { createSdkLogger } from '../../../src/aws/sdkLogger';
import { cloudFormationService } from '../../../src/aws/services/cloudFormation';
import { logsService } from '../../../src/aws/services/logs';
import { StacksRoot } from '../../../src/views/stacks/stacksRoot';
import type { ViewNode } from '../../../src/views/viewNode';
import { AwsProtocolServer } from '../../support/aws/awsProtocolServer';
import { stackArn, type FixtureStack } from '../../support/aws/fixtures';
import { startJsonProtocolServer, type JsonProtocolServer } from '../../support/aws/jsonProtocolServer';
import { fixtureGroup } from '../../support/aws/logsFixtures';
import { startLocalAwsRouter, type LocalAwsRouter } from '../../support/aws/localAwsRouter';

const SECRETS = {
  accessKeyId: 'ASIAPLANTEDKEY7Q2W3E4',
  secretAccessKey: 'plantedSecretKey/9f8e7d6c5b4a3210+ZYXWVUTSRQ',
  sessionToken: 'IQoJb3JpZ2luX2VjEPLANTEDSESSIONTOKENx9y8z7w6v5u4t3s2r1q0',
  lambdaEnv: 'planted-lambda-env-db-password-4c1d',
  noEchoParameter: 'planted-noecho-parameter-77aa',
  logEvent: 'planted-secret-in-log-event-0b9e',
  drift: 'planted-secret-in-drift-props-5d6f',
} as const;

const STACK = 'planted-stack';
const FUNCTION = 'planted-stack-Fn-1A2B';

function plantedStack(): FixtureStack {
  const id = stackArn(STACK, 'a0000000-0000-4000-8000-00000000beef');
  const template = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  DbPassword: { Type: String, NoEcho: true }',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Runtime: python3.12',
    '      Handler: index.handler',
    '      Environment:',
    `        Variables: { DB_PASSWORD: ${SECRETS.lambdaEnv} }`,
    '',
  ].join('\n');
  return {
    name: STACK,
    id,
    status: 'UPDATE_COMPLETE',
    created: '2026-10-01T00:00:00.000Z',
    parameters: [{ key: 'DbPassword', value: SECRETS.noEchoParameter }],
    outputs: [{ key: 'Endpoint', value: 'https://example.invalid' }],
    tags: [],
    resources: [{ logicalId: 'Fn', physicalId: FUNCTION, type: 'AWS::Lambda::Function', status: 'CREATE_COMPLETE', lastUpdated: '2026-10-01T00:01:00.000Z' }],
    events: [{ eventId: 'e1', logicalId: STACK, physicalId: id, type: 'AWS::CloudFormation::Stack', timestamp: '2026-10-01T00:00:00.000Z', status: 'CREATE_COMPLETE' }],
    templateOriginal: template,
    templateProcessed: template,
    drifts: [
      {
        logicalId: 'Fn',
        physicalId: FUNCTION,
        type: 'AWS::Lambda::Function',
        status: 'MODIFIED',
        expected: JSON.stringify({ Environment: { Variables: { DB_PASSWORD: SECRETS.lambdaEnv } } }),
        actual: JSON.stringify({ Environment: { Variables: { DB_PASSWORD: SECRETS.drift } } }),
        differences: [{ path: '/Environment/Variables/DB_PASSWORD', expected: SECRETS.lambdaEnv, actual: SECRETS.drift, type: 'NOT_EQUAL' }],
      },
    ],
  };
}

/** Expands every node below `node` (folders, groups, streams), following no "load more". */
async function expandAll(node: ViewNode, signal: AbortSignal, depth = 0): Promise<number> {
  node.item();
  if (!node.children || depth > 6) return 1;
  let count = 1;
  for (const child of await node.children(signal)) count += await expandAll(child, signal, depth + 1);
  return count;
}

describe('secrets never reach the log (SDK debug logging on)', () => {
  let dir: string;
  let cfn: AwsProtocolServer;
  let json: JsonProtocolServer;
  let router: LocalAwsRouter;
  let opened: OpenedSession;
  const lines: string[] = [];
  // What the extension's LogOutputChannel receives: messages plus the full error objects
  // (inspected deeply, cause chain included), so nothing hides in an error's fields.
  const log = {
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string, e?: unknown) => lines.push(`error ${m} ${e === undefined ? '' : inspect(e, { depth: 8 })}`),
    debug: (m: string) => lines.push(`debug ${m}`),
  };

  before(async () => {
    cfn = await AwsProtocolServer.start({ stacks: [plantedStack()], driftPollsBeforeComplete: 1 });
    json = await startJsonProtocolServer({
      groups: [fixtureGroup(`/aws/lambda/${FUNCTION}`, { 'stream-1': ['START', `ERROR token=${SECRETS.logEvent}`, `INFO password=${SECRETS.lambdaEnv}`] })],
    });
    router = await startLocalAwsRouter({ cloudFormation: cfn.endpoint, json: json.endpoint });
    dir = mkdtempSync(join(tmpdir(), 'archlens-secrets-'));
    writeFileSync(join(dir, 'config'), `[profile planted]\nregion = us-east-1\nendpoint_url = ${router.endpoint}\n`);
    writeFileSync(
      join(dir, 'credentials'),
      `[planted]\naws_access_key_id = ${SECRETS.accessKeyId}\naws_secret_access_key = ${SECRETS.secretAccessKey}\naws_session_token = ${SECRETS.sessionToken}\n`,
    );
    const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const catalog = await loadProfileCatalog(sharedFilePaths(env));
    opened = openSession({
      source: { kind: 'profile', profile: 'planted' },
      catalog,
      env,
      region: 'us-east-1',
      timeoutMs: 10_000,
      log,
      sdkLogger: createSdkLogger(log),
      tuning: { maxAttempts: 2, retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    });
  });

  after(async () => {
    opened?.session.dispose();
    await router?.close();
    await json?.close();
    await cfn?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drives every AWS path of the views and commands, then finds no planted secret in the log', async () => {
    const signal = new AbortController().signal;
    const services = opened.session;

    const identity = await verifySession(opened);
    assert.equal(identity.account, '123456789012');

    // The stacks view, every folder expanded (resources, events, outputs, parameters, drift, log groups, streams).
    const root = new StacksRoot(services, { changed: () => undefined }, { driftPollIntervalMs: 1 });
    const top = await root.children(signal);
    let expanded = 0;
    for (const node of top) expanded += await expandAll(node, signal);
    assert.ok(expanded > 8, `expanded ${expanded} nodes`);

    // Commands: deployed templates, drift detection, a log search and a stream read.
    const original = await services.gateway(cloudFormationService).getTemplate(STACK, 'Original');
    assert.match(original.body, new RegExp(SECRETS.lambdaEnv), 'the planted value is really in what AWS returned');
    await services.gateway(cloudFormationService).getTemplate(STACK, 'Processed');
    const drift = await services.gateway(cloudFormationService).detectDrift(STACK, { pollIntervalMs: 1 });
    assert.equal(drift.drifts.length, 1);
    const found: string[] = [];
    for await (const page of services.gateway(logsService).search(`/aws/lambda/${FUNCTION}`, { pattern: 'ERROR' })) found.push(...page.map((e) => e.message));
    assert.ok(found.some((m) => m.includes(SECRETS.logEvent)), 'the search returned the planted event');
    for await (const page of services.gateway(logsService).readStream(`/aws/lambda/${FUNCTION}`, 'stream-1')) assert.ok(page.length > 0);

    // Failures are logged with their error objects.
    cfn.injectFault({ operation: 'ListStackResources', kind: 'AccessDenied' });
    json.faults.accessDeniedGroups.add(`/aws/lambda/${FUNCTION}`);
    const again = new StacksRoot(services, { changed: () => undefined });
    for (const node of await again.children(signal)) await expandAll(node, signal);
    try {
      await services.gateway(cloudFormationService).getTemplate('no-such-stack');
    } catch (error) {
      log.error('Open deployed template failed', error);
    }

    const text = lines.join('\n');
    // The log is not empty: debug logging saw the requests, and the failures were logged.
    assert.match(text, /GetCallerIdentity/);
    assert.match(text, /ListStacks/);
    assert.match(text, /error /);
    for (const [what, secret] of Object.entries(SECRETS)) {
      assert.equal(text.includes(secret), false, `${what} leaked into the log`);
      assert.equal(text.includes(encodeURIComponent(secret)), false, `${what} (URL-encoded) leaked into the log`);
    }
    // Nor any part of the secret key or token long enough to matter.
    assert.equal(text.includes(SECRETS.secretAccessKey.slice(0, 16)), false, 'a prefix of the secret key leaked');
    assert.equal(text.includes(SECRETS.sessionToken.slice(0, 24)), false, 'a prefix of the session token leaked');
  });
});
