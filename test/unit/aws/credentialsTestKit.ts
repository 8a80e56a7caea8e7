// Shared pieces of the credentials tests: temp AWS config directories, scoped environment
// variables, and a tiny local STS (awsQuery) that answers GetCallerIdentity and AssumeRole,
// records which access key signed each request, and can fail with any STS error code.
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface StsRequest {
  readonly action: string;
  readonly params: Record<string, string>;
  /** The access key id from the SigV4 Authorization header. */
  readonly accessKeyId?: string;
}

export interface StsStub {
  readonly endpoint: string;
  readonly requests: StsRequest[];
  /** When set, every request fails with this STS error. */
  failWith?: { code: string; message: string; status?: number };
  account: string;
  close(): Promise<void>;
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function startStsStub(): Promise<StsStub> {
  const requests: StsRequest[] = [];
  let counter = 0;
  const stub: StsStub = {
    endpoint: '',
    requests,
    account: '123456789012',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const auth = String(req.headers.authorization ?? '');
      const accessKeyId = /Credential=([^/]+)\//.exec(auth)?.[1];
      const action = params.Action ?? '';
      requests.push({ action, params, accessKeyId });
      res.setHeader('content-type', 'text/xml');
      if (stub.failWith) {
        res.statusCode = stub.failWith.status ?? 403;
        res.end(`<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${stub.failWith.code}</Code><Message>${xmlEscape(stub.failWith.message)}</Message></Error><RequestId>r-${requests.length}</RequestId></ErrorResponse>`);
        return;
      }
      if (action === 'GetCallerIdentity') {
        res.end(
          `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${stub.account}:user/tester</Arn><UserId>AIDATESTUSER</UserId><Account>${stub.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
        return;
      }
      if (action === 'AssumeRole') {
        counter++;
        const expiration = new Date(Date.now() + 3_600_000).toISOString();
        res.end(
          `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED${String(counter).padStart(9, '0')}</AccessKeyId><SecretAccessKey>assumed-secret-${counter}</SecretAccessKey><SessionToken>assumed-token-${counter}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${stub.account}:assumed-role/Admin/s</Arn><AssumedRoleId>AROATEST:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
        return;
      }
      res.statusCode = 400;
      res.end(`<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>unsupported</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  (stub as { endpoint: string }).endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}

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
