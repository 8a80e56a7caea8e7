// Shared pieces of the credentials tests: temp AWS config directories, scoped environment
// variables, and the local STS (test/support/aws/stsStub.ts) that answers GetCallerIdentity and
// AssumeRole, records which access key signed each request, and can fail with any STS error code.
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, verifySession } from '../../../src/aws/credentials/connect';
import type { ProfileCatalog } from '../../../src/aws/credentials/profiles';
import type { AwsError } from '../../../src/aws/errors';
import { awsRejection } from '../../support/aws/awsRejection';

export interface TempAws {
  readonly dir: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  write(name: string, text: string, mode?: number): Promise<string>;
  cleanup(): Promise<void>;
}

export async function tempAws(): Promise<TempAws> {
  const dir = await mkdtemp(join(tmpdir(), 'archlens-aws-'));
  return {
    dir,
    configFile: join(dir, 'config'),
    credentialsFile: join(dir, 'credentials'),
    async write(name, text, mode) {
      const path = join(dir, name);
      await writeFile(path, text, 'utf8');
      if (mode !== undefined) await chmod(path, mode);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Sets environment variables (undefined: unset) until the returned function restores them. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/** Every AWS_* variable unset (so the developer's own credentials never leak into a test), IMDS off. */
export function isolatedAwsEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const cleared = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('AWS_')).map((k) => [k, undefined]));
  return { ...cleared, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

// The one STS emulator (test/support/aws/services/sts.ts), alone on a local server.
export { startStsStub, type StsRequest, type StsStub } from '../../support/aws/stsStub';

/** Captures log lines (info/warn/error/debug) for assertions that nothing secret was logged. */
export function captureLog(): { lines: string[]; info(m: string): void; warn(m: string): void; error(m: string, e?: unknown): void; debug(m: string): void } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m, e) => lines.push(e instanceof Error ? `${m} ${e.message}` : m),
    debug: (m) => lines.push(m),
  };
}

/** Fast, deterministic retries for sessions in tests. */
export const TEST_TUNING = { maxAttempts: 2, retry: { baseDelayMs: 1, maxDelayMs: 2 } } as const;

/** Connects with `profile` from `catalog` (us-east-1, no environment) and returns the AwsError the connection fails with. */
export async function profileConnectFailure(catalog: ProfileCatalog, profile: string): Promise<AwsError> {
  const opened = openSession({ source: { kind: 'profile', profile }, catalog, env: {}, region: 'us-east-1', timeoutMs: 5_000, log: captureLog(), tuning: TEST_TUNING });
  try {
    return await awsRejection(verifySession(opened));
  } finally {
    opened.session.dispose();
  }
}
