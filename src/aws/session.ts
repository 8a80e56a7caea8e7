// One connection's gateways: a profile (or environment credentials), a region, one credentials
// provider and the endpoints, behind one AwsClientFactory. Services are descriptors
// (services/serviceDescriptor.ts): `gateway(descriptor)` builds its client and gateway on first use
// and caches it, so the session holds nothing per service. Structurally an `AwsServices`
// (src/views/awsServices.ts) plus `identity()`; this layer does not import the views.
import type { ServiceTarget } from './awsCall';
import { addInitializeMiddleware, AwsClientFactory, type ClientFactoryOptions, type CredentialsOption } from './clientFactory';
import type { ResolvedEndpoint } from './endpoints';
import { AwsError } from './errors';
import type { IdentityGateway } from './identityGateway';
import type { SdkLogger } from './sdkLogger';
import { isServiceInRegion, unavailableMessage, type AwsService, type ServiceEndpointId } from './services/serviceDescriptor';
import { stsService } from './services/sts';

/** Where session and view log lines go (the ArchLens output channel). */
export interface SessionLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface AwsSessionOptions {
  /** The profile name, or undefined for environment-variable credentials (used in `label`). */
  readonly profile?: string;
  readonly region: string;
  /** A provider (e.g. `SessionCredentials.provider`) or static keys. */
  readonly credentials: CredentialsOption;
  /**
   * Endpoint per service id (`cloudformation`, `logs`, `sts`, or any descriptor's `id`); a service
   * not listed asks `endpointFor`, then uses the AWS endpoint of the region.
   */
  readonly endpoints?: Readonly<Partial<Record<string, string>>>;
  /**
   * Resolves the endpoint of a service on its first use (the connection passes its settings,
   * environment and profile: endpoints.ts). An unusable one fails that service's gateway.
   */
  readonly endpointFor?: (service: ServiceEndpointId) => ResolvedEndpoint;
  readonly log: SessionLogger;
  /** Set only when debug logging is on. */
  readonly sdkLogger?: SdkLogger;
  /** Retry and timeout tuning (tests, emulators). */
  readonly maxAttempts?: number;
  readonly retry?: ClientFactoryOptions['retry'];
  readonly requestTimeoutMs?: number;
}

/** The gateways of one profile and region. Dispose it when the selection changes. */
export class AwsSession {
  readonly region: string;
  readonly profile: string | undefined;
  /** e.g. `demo (us-east-1)`. */
  readonly label: string;
  readonly log: SessionLogger;
  private readonly factory: AwsClientFactory;
  private readonly fixedEndpoints: Readonly<Partial<Record<string, string>>>;
  private readonly endpointFor: ((service: ServiceEndpointId) => ResolvedEndpoint) | undefined;
  /** Endpoints resolved through `endpointFor`, by service id. */
  private readonly resolved = new Map<string, ResolvedEndpoint>();
  private readonly gateways = new Map<AwsService<unknown>, unknown>();
  private disposed = false;

  constructor(options: AwsSessionOptions) {
    if (!options.region) throw new Error('AwsSession: region is required');
    this.region = options.region;
    this.profile = options.profile;
    this.label = `${options.profile ?? 'environment credentials'} (${options.region})`;
    this.log = options.log;
    this.fixedEndpoints = { ...options.endpoints };
    this.endpointFor = options.endpointFor;
    this.factory = new AwsClientFactory({
      credentials: options.credentials,
      endpointFor: (id) => this.endpointUrl(id),
      // Endpoints were resolved explicitly (endpoints.ts), including "none": the SDK must not
      // pick AWS_ENDPOINT_URL or another profile's endpoint_url on its own.
      ignoreConfiguredEndpointUrls: true,
      logger: options.sdkLogger,
      maxAttempts: options.maxAttempts,
      retry: options.retry,
      requestTimeoutMs: options.requestTimeoutMs,
    });
  }

  /**
   * The endpoint override of a service (a descriptor, or the id of one already in use), or
   * undefined for AWS itself. For a descriptor, throws `InvalidInput` like `gateway()` when its
   * configured endpoint is unusable.
   */
  endpoint(service: ServiceEndpointId | string): string | undefined {
    if (typeof service === 'string') return this.endpointUrl(service);
    return this.endpointOf(service)?.url;
  }

  /** The gateway of `service` for this session's profile, region and endpoint; one per descriptor. */
  gateway<G>(service: AwsService<G>): G {
    this.assertOpen();
    if (this.gateways.has(service)) return this.gateways.get(service) as G;
    const endpoint = this.endpointOf(service);
    const target: ServiceTarget = { service: service.displayName, ...(endpoint?.url !== undefined ? { endpoint: endpoint.url } : {}), ...(endpoint?.origin !== undefined ? { endpointOrigin: endpoint.origin } : {}) };
    const gateway = service.createGateway((ctor) => {
      const region = service.apiRegion?.(this.region) ?? this.region;
      const client = this.factory.client(service.id, region, ctor);
      // An emulator answers for any region; AWS itself has no such endpoint (or a different service there).
      if (endpoint?.url === undefined && !isServiceInRegion(service, region)) refuseRequests(client, service, region);
      return client;
    }, target);
    this.gateways.set(service, gateway);
    return gateway;
  }

  /** Who the credentials belong to (STS): how the connection proves they work. */
  identity(): IdentityGateway {
    return this.gateway(stsService);
  }

  private endpointUrl(id: string): string | undefined {
    if (Object.hasOwn(this.fixedEndpoints, id)) return this.fixedEndpoints[id];
    return this.resolved.get(id)?.url;
  }

  /** The endpoint of `service`, resolved once; throws `InvalidInput` when its configured value is unusable. */
  private endpointOf(service: ServiceEndpointId): { readonly url?: string; readonly origin?: string } | undefined {
    if (Object.hasOwn(this.fixedEndpoints, service.id)) return { url: this.fixedEndpoints[service.id] };
    if (!this.endpointFor) return undefined;
    let endpoint = this.resolved.get(service.id);
    if (!endpoint) {
      endpoint = this.endpointFor(service);
      this.resolved.set(service.id, endpoint);
    }
    if (endpoint.problem !== undefined) throw new AwsError('InvalidInput', 'Endpoint', endpoint.origin, `${endpoint.origin}: ${endpoint.problem}`);
    return endpoint.url === undefined ? undefined : { url: endpoint.url, origin: endpoint.origin };
  }

  /**
   * A view or command that still holds this session after the connection changed must not get
   * a fresh client from the disposed factory: it would never be destroyed and would keep calling
   * AWS with the old profile and region. Its work is abandoned, as a cancel (no error to show).
   */
  private assertOpen(): void {
    if (this.disposed) throw new AwsError('Cancelled', 'AWS', 'session', `The AWS connection ${this.label} was closed (profile or region changed).`);
  }

  dispose(): void {
    this.disposed = true;
    this.factory.dispose();
    this.gateways.clear();
  }
}

/**
 * Fails every request of `client` with "X is not available in REGION" before it is sent: the
 * service does not exist there, and the request would fail as DNS or connection errors that read
 * like the network is down.
 */
function refuseRequests(client: unknown, service: AwsService<unknown>, region: string): void {
  const middleware = (_next: unknown, context: { commandName?: unknown }) => (): Promise<never> => {
    const operation = typeof context.commandName === 'string' ? context.commandName.replace(/Command$/, '') : 'request';
    return Promise.reject(new AwsError('Unavailable', service.displayName, operation, unavailableMessage(service, region)));
  };
  addInitializeMiddleware(client, 'archlensServiceUnavailable', middleware);
}
