// The demo AWS account behind `npm start` and the real-VS-Code integration test: one local
// AWS-protocol server (test/support/aws/core) answering CloudFormation, CloudWatch Logs, STS and
// CodeArtifact on one port, seeded with test/support/aws/demoData.ts, plus an AWS config folder
// with a clearly labelled `demo` profile (fake keys, `endpoint_url` = the server). Nothing here
// talks to AWS.
//
// As a script (`node --import tsx scripts/workbench/demoAws.ts --config-dir DIR`) it writes
// DIR/config and DIR/credentials, prints one JSON line `{"endpoint":...,"configFile":...,
// "credentialsFile":...}` and serves until SIGINT/SIGTERM.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_ACCOUNT, DEMO_LOG_GROUP, demoLogGroups, demoStacks } from '../../test/support/aws/demoData';
import { demoDomains } from '../../test/support/aws/demoCodeArtifact';
import { startLocalAccount } from '../../test/support/aws/localAccount';
import { repoRoot } from './codeServer.mjs';

export const DEMO_PROFILE = 'demo';
/** Fake keys: the local servers accept any signature. Shaped like keys so redaction is exercised. */
export const DEMO_ACCESS_KEY_ID = 'AKIADEMO000000000000';
const DEMO_SECRET = 'demo-secret-key-not-a-real-credential';

export interface DemoAws {
  readonly endpoint: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  /** Environment for the process that runs the extension host. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

function template(name: string): string {
  return readFileSync(join(repoRoot, 'demo', 'templates', name), 'utf8');
}

export async function startDemoAws(configDir: string): Promise<DemoAws> {
  const { server, logs } = await startLocalAccount({
    stacks: demoStacks({
      ordersApi: template('orders-api-with-mistakes.yaml'),
      serverlessApp: template('serverless-app.yaml'),
      network: template('network.json'),
      website: template('clean-website.yaml'),
    }),
    logGroups: demoLogGroups(Date.now()),
    domains: demoDomains(),
    identity: { account: DEMO_ACCOUNT, arn: `arn:aws:iam::${DEMO_ACCOUNT}:user/archlens-demo`, userId: 'AIDADEMOUSER00000001' },
  });
  // A "live" function: one event a second for live tails of the orders function's group.
  let order = 5000;
  const live = setInterval(() => {
    order += 1;
    logs.liveTails.push(DEMO_LOG_GROUP, `${order % 7 === 0 ? 'ERROR' : 'INFO'} LIVE order=${order} requestId=live-${order}`, 'live-stream');
  }, 1000);
  live.unref();

  mkdirSync(configDir, { recursive: true });
  const configFile = join(configDir, 'config');
  const credentialsFile = join(configDir, 'credentials');
  writeFileSync(
    configFile,
    [
      '# Written by ArchLens for the demo: a local AWS-protocol server with sample data, not AWS.',
      `[profile ${DEMO_PROFILE}]`,
      'region = us-east-1',
      `endpoint_url = ${server.endpoint}`,
      '',
    ].join('\n'),
  );
  writeFileSync(credentialsFile, [`[${DEMO_PROFILE}]`, `aws_access_key_id = ${DEMO_ACCESS_KEY_ID}`, `aws_secret_access_key = ${DEMO_SECRET}`, ''].join('\n'), { mode: 0o600 });
  return {
    endpoint: server.endpoint,
    configFile,
    credentialsFile,
    env: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_PROFILE: DEMO_PROFILE, AWS_EC2_METADATA_DISABLED: 'true' },
    close: async () => {
      clearInterval(live);
      await server.close();
    },
  };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--config-dir');
  const dir = at >= 0 ? process.argv[at + 1] : undefined;
  if (!dir) throw new Error('usage: demoAws.ts --config-dir DIR');
  const demo = await startDemoAws(dir);
  process.stdout.write(`${JSON.stringify({ endpoint: demo.endpoint, configFile: demo.configFile, credentialsFile: demo.credentialsFile, env: demo.env })}\n`);
  const stop = (): void => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`demoAws: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
