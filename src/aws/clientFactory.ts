// Region-bound, cached AWS SDK v3 clients (docs: architecture.md, layer src/aws).
//
// Retries:
// - By default the SDK's own `standard` retry mode is used (`retryMode: 'standard'`, or
//   `'adaptive'` when asked): exponential backoff with full jitter (base 100 ms, 500 ms for
//   throttling errors, capped at 20 s), a client-wide retry quota, and `maxAttempts` attempts
//   in total. `adaptive` adds client-side rate limiting on top after throttling responses.
// - When `retry.baseDelayMs` is given (tests, local emulators), a small `RetryStrategyV2` of ours
//   replaces it: same decisions (the SDK classifies each error as THROTTLING / TRANSIENT /
//   SERVER_ERROR / CLIENT_ERROR; client errors are never retried), full-jitter exponential
//   backoff `random(0, min(maxDelayMs, baseDelayMs * 2^retry))`, no quota.
// Credentials are injected (a provider from `@aws-sdk/credential-providers` or static keys); an
// `endpoint` override points every client at a local emulator or test server, `endpoints` does it
// per service (keys as passed to `client()`: a descriptor's id such as `cloudformation`, `logs`,
// `sts`). With an override, `disableHostPrefix` is set: CloudWatch Logs' StartLiveTail prepends
// `streaming-` to the host, which breaks `http://127.0.0.1:4566`-style endpoints. Every failed
// request is tagged with its region (`ERROR_REGION`), so `toAwsError` can say "not available in
// <region>"; an HTML page answered with HTTP 200 (a captive portal, a proxy's login page) is an
// error too: an awsQuery client would otherwise read it as an empty, successful result.
import type { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import { ERROR_REGION } from './errors';
import type * as CloudFormationSdk from '@aws-sdk/client-cloudformation';

export type RetryMode = 'standard' | 'adaptive';

export type CredentialsOption = CloudFormationClientConfig['credentials'];

export interface ClientFactoryOptions {
  /** Static credentials or a provider; default: the SDK's default provider chain. */
  credentials?: CredentialsOption;
  /** Endpoint override (e.g. `http://127.0.0.1:4566`); default: the SDK's endpoint resolution. */
  endpoint?: string;
  /** Per-service endpoint overrides, keyed like `client(service, ...)`; win over `endpoint`. */
  endpoints?: Readonly<Partial<Record<string, string>>>;
  /** Endpoint of a service not in `endpoints` (the session resolves them on first use); wins over `endpoint`. */
  endpointFor?: (service: string) => string | undefined;
  /**
   * Stop the SDK from reading AWS_ENDPOINT_URL* and profile `endpoint_url` itself: set when the
   * caller resolved endpoints explicitly (src/aws/endpoints.ts), so both never disagree.
   */
  ignoreConfiguredEndpointUrls?: boolean;
  /** SDK logger (debug logging only; see sdkLogger.ts). */
  logger?: CloudFormationClientConfig['logger'];
  /** Total attempts per request, including the first; default 3. */
  maxAttempts?: number;
  retry?: {
    /** SDK retry mode used when `baseDelayMs` is not set; default `standard`. */
    mode?: RetryMode;
    /** Base delay for our jittered strategy; when set, replaces the SDK's retry mode. */
    baseDelayMs?: number;
    /** Cap for one backoff delay; default 20 s. */
    maxDelayMs?: number;
  };
  /** Per-request socket timeout in ms (no timeout by default). */
  requestTimeoutMs?: number;
  /** Random source for the jitter (tests); default `Math.random`. */
  random?: () => number;
}

type RetryStrategyOption = NonNullable<CloudFormationClientConfig['retryStrategy']>;

interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

interface RetryErrorInfo {
  errorType: 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';
  retryAfterHint?: Date;
}

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/** Full-jitter exponential backoff (`RetryStrategyV2` shape); see the header comment. */
export class JitteredRetryStrategy {
  readonly mode = 'standard';

  constructor(
    private readonly maxAttempts: number,
    private readonly baseDelayMs: number,
    private readonly maxDelayMs = 20_000,
    private readonly random: () => number = Math.random,
  ) {}

  acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return Promise.resolve(new Token(0, 0));
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const retries = token.getRetryCount();
    if (errorInfo.errorType === 'CLIENT_ERROR' || retries + 1 >= this.maxAttempts) throw new Error('No retry token available');
    const delay = this.delayFor(retries);
    await new Promise((resolve) => setTimeout(resolve, delay));
    return new Token(retries + 1, delay);
  }

  recordSuccess(_token: RetryToken): void {}

  delayFor(retries: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retries);
    return Math.floor(this.random() * ceiling);
  }
}

/** The shared configuration every SDK v3 client constructor accepts. */
export type SharedClientConfig = CloudFormationClientConfig & Record<string, unknown>;

/**
 * Any SDK v3 client class (`CloudFormationClient`, `STSClient`, `CloudWatchLogsClient`, ...).
 * Each declares its own config type; they all accept the shared fields built by `config()`.
 */
export type ClientCtor<C> = abstract new (config: never) => C;

/** Hands out one client per (service, region), configured alike; `dispose()` closes them all. */
export class AwsClientFactory {
  private readonly clients = new Map<string, { destroy(): void }>();

  constructor(private readonly options: ClientFactoryOptions = {}) {}

  get endpoint(): string | undefined {
    return this.options.endpoint;
  }

  cloudFormation(region: string): CloudFormationClient {
    // Required on use: this module is loaded while the extension starts, the SDK must not be.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('@aws-sdk/client-cloudformation') as typeof CloudFormationSdk;
    return this.client('cloudformation', region, sdk.CloudFormationClient);
  }

  /** The cached client of `ctor` for `region`, created on first use. */
  client<C extends { destroy(): void }>(service: string, region: string, ctor: ClientCtor<C>): C {
    if (!region) throw new Error('AwsClientFactory: region is required');
    const key = `${service}\u0000${region}`;
    const existing = this.clients.get(key);
    if (existing) {
      // Two descriptors with one id would otherwise get each other's client.
      if (!(existing instanceof (ctor as unknown as abstract new (...args: never[]) => unknown))) throw new Error(`AwsClientFactory: service id "${service}" is used by two client classes`);
      return existing as C;
    }
    const Concrete = ctor as unknown as new (config: SharedClientConfig) => C;
    const created = new Concrete(this.config(region, service));
    guardResponses(created, region);
    this.clients.set(key, created);
    return created;
  }

  /** The endpoint override for `service`, if any. */
  endpointFor(service: string): string | undefined {
    const fixed = this.options.endpoints && Object.hasOwn(this.options.endpoints, service) ? this.options.endpoints[service] : undefined;
    return fixed ?? this.options.endpointFor?.(service) ?? this.options.endpoint;
  }

  /** The shared client configuration; exported for gateways of other services. */
  config(region: string, service?: string): SharedClientConfig {
    const { credentials, retry, requestTimeoutMs, logger } = this.options;
    const endpoint = service !== undefined ? this.endpointFor(service) : this.options.endpoint;
    const maxAttempts = this.options.maxAttempts ?? 3;
    const config: SharedClientConfig = { region, maxAttempts };
    if (credentials !== undefined) config.credentials = credentials;
    if (endpoint !== undefined) {
      config.endpoint = endpoint;
      config.disableHostPrefix = true;
    }
    if (this.options.ignoreConfiguredEndpointUrls) config.ignoreConfiguredEndpointUrls = true;
    if (logger !== undefined) config.logger = logger;
    if (retry?.baseDelayMs !== undefined) {
      config.retryStrategy = new JitteredRetryStrategy(maxAttempts, retry.baseDelayMs, retry.maxDelayMs, this.options.random) as unknown as RetryStrategyOption;
    } else {
      config.retryMode = retry?.mode ?? 'standard';
    }
    if (requestTimeoutMs !== undefined) config.requestHandler = { requestTimeout: requestTimeoutMs };
    return config;
  }

  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

interface WithMiddleware {
  middlewareStack?: { add(middleware: unknown, options: { step: string; name: string; override?: boolean }): void };
}

/** Adds (or replaces, by `name`) a middleware of the outermost `initialize` step: it runs once per call, around all retries. */
export function addInitializeMiddleware(client: unknown, name: string, middleware: unknown): void {
  (client as WithMiddleware).middlewareStack?.add(middleware, { step: 'initialize', name, override: true });
}

interface RawResponse {
  readonly statusCode?: number;
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** An HTML page where an AWS response was due: thrown so `toAwsError` reports `BadResponse`. */
function htmlResponseError(response: RawResponse): Error {
  const error = new Error('the response is an HTML page, not an AWS response');
  error.name = 'UnexpectedHtmlResponse';
  Object.defineProperty(error, '$response', { value: response, enumerable: false });
  return Object.assign(error, { $metadata: { httpStatusCode: response.statusCode } });
}

/**
 * Tags every error a client's request fails with by the client's region, and fails a successful
 * response that is an HTML page (see the header).
 */
function guardResponses(client: unknown, region: string): void {
  const middleware =
    (next: (args: unknown) => Promise<{ response?: RawResponse }>) =>
    async (args: unknown): Promise<unknown> => {
      try {
        const result = await next(args);
        const contentType = result.response?.headers?.['content-type'] ?? '';
        if (result.response && /\btext\/html\b/i.test(contentType)) throw htmlResponseError(result.response);
        return result;
      } catch (error) {
        if (typeof error === 'object' && error !== null && !(ERROR_REGION in error)) {
          Object.defineProperty(error, ERROR_REGION, { value: region, enumerable: false });
        }
        throw error;
      }
    };
  addInitializeMiddleware(client, 'archlensErrorRegion', middleware);
}
