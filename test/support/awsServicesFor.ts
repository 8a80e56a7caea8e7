// The one way tests and benches get an `AwsServices`: a real `AwsSession` (real SDK clients, the
// same gateway construction as the extension) pointed at local AWS-protocol servers. A new service
// needs nothing here: `services.gateway(descriptor)` works for any descriptor.
import { AwsSession } from '../../src/aws/session';
import type { ViewLogger } from '../../src/views/awsServices';

export interface TestServicesOptions {
  /** One endpoint for every service (e.g. the local router or one protocol server). */
  readonly endpoint?: string;
  /** An endpoint per service id (`cloudformation`, `logs`, `sts`, ...), winning over `endpoint`. */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** Default `us-east-1`. */
  readonly region?: string;
  /** The label is `<profile> (<region>)`; default profile `test`. */
  readonly profile?: string;
  /** Where the views' log lines go; default: nowhere. */
  readonly log?: ViewLogger;
  /** Attempts per request (retried after 1-5 ms); default 3. */
  readonly maxAttempts?: number;
}

/** Fake keys: the local servers check the signature's shape, never the secret. */
export const TEST_KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } as const;

const SILENT: ViewLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A session over the local servers; `dispose()` it after the tests (destroys its clients). */
export function awsServicesFor(options: TestServicesOptions = {}): AwsSession {
  const { endpoint } = options;
  return new AwsSession({
    profile: options.profile ?? 'test',
    region: options.region ?? 'us-east-1',
    credentials: TEST_KEYS,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
    ...(endpoint !== undefined ? { endpointFor: () => ({ url: endpoint, source: 'setting', origin: 'setting archlens.aws.endpointUrl' }) } : {}),
    log: options.log ?? SILENT,
    maxAttempts: options.maxAttempts ?? 3,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}
