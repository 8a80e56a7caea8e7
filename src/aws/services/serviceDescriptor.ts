// One descriptor per AWS service ArchLens calls (docs/ARCHITECTURE.md, "add an AWS service").
// What the connection needs to know about a service lives in its descriptor, so adding a service
// is a descriptor file and a gateway file and no list edits: `endpoints.ts` derives the
// `AWS_ENDPOINT_URL_<SERVICE>` variable and the `services` section key from `sdkServiceId`, the
// session (`session.gateway(descriptor)`) builds the client and caches one gateway per
// descriptor, and a region outside `regions` fails as `Unavailable` before any request.
import type { ServiceTarget } from '../awsCall';
import type { ClientCtor } from '../clientFactory';

/** The regions a service exists in: every region, or an explicit list (e.g. Pricing's three). */
export type ServiceRegions = 'all' | readonly string[];

/** What endpoint resolution needs from a service (see `endpoints.ts`). */
export interface ServiceEndpointId {
  /**
   * The service's key in ArchLens: endpoint maps, the client cache, `session.endpoint(id)` and the
   * connection details ("Endpoint logs: ..."). Lower case, unique per descriptor.
   */
  readonly id: string;
  /**
   * The service id as the SDKs spell it (`serviceId` in the SDK's model, e.g. `CloudWatch Logs`):
   * `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` and `cloudwatch_logs =` in a `[services x]` section come from it.
   */
  readonly sdkServiceId: string;
}

/** Hands out the session's cached, configured SDK client of the service being built. */
export type ClientSource = <C extends { destroy(): void }>(ctor: ClientCtor<C>) => C;

/** A service's descriptor, typed by the gateway it builds. Create one with `defineService`. */
export interface AwsService<G> extends ServiceEndpointId {
  /** The name users read, e.g. `CloudFormation` ("CloudFormation is not available in ..."). */
  readonly displayName: string;
  readonly regions: ServiceRegions;
  /** For a service answered from fewer regions than it serves (Pricing): the region its client calls from a session's region. */
  readonly apiRegion?: (sessionRegion: string) => string;
  /** Builds the gateway over the client `clients` hands out; called once per session. */
  createGateway(clients: ClientSource, target: ServiceTarget): G;
}

export interface ServiceSpec<C extends { destroy(): void }, G> extends ServiceEndpointId {
  readonly displayName: string;
  readonly regions: ServiceRegions;
  readonly apiRegion?: (sessionRegion: string) => string;
  /**
   * Loads the service's code on first use: the SDK v3 client class (e.g. `CloudFormationClient`)
   * and the gateway over one region-bound client (pass `target` on to `awsCall`). A function with
   * `require` inside, so the SDK is evaluated only when the service is first called, never while
   * the extension starts (an editor of YAML files that never opens an AWS view never pays for it).
   */
  readonly load: () => ServiceCode<C, G>;
}

/** What a descriptor loads on first use. */
export interface ServiceCode<C extends { destroy(): void }, G> {
  readonly client: ClientCtor<C>;
  readonly gateway: (client: C, target: ServiceTarget) => G;
}

/** A descriptor from its spec; the client type stays inside (the session never needs it). */
export function defineService<C extends { destroy(): void }, G>(spec: ServiceSpec<C, G>): AwsService<G> {
  let code: ServiceCode<C, G> | undefined;
  return {
    id: spec.id,
    sdkServiceId: spec.sdkServiceId,
    displayName: spec.displayName,
    regions: spec.regions,
    ...(spec.apiRegion ? { apiRegion: spec.apiRegion } : {}),
    createGateway: (clients, target) => {
      code ??= spec.load();
      return code.gateway(clients(code.client), target);
    },
  };
}

/** True when the service exists in `region` (any region for `regions: 'all'`). */
export function isServiceInRegion(service: Pick<AwsService<unknown>, 'regions'>, region: string): boolean {
  return service.regions === 'all' || service.regions.includes(region);
}

/** "CloudFormation is not available in xx-west-9" (with the regions it has, when they are few). */
export function unavailableMessage(service: Pick<AwsService<unknown>, 'displayName' | 'regions'>, region: string): string {
  const where = service.regions === 'all' || service.regions.length > 6 ? '' : ` (it is offered in ${service.regions.join(', ')})`;
  return `${service.displayName} is not available in ${region}${where}. Pick another region.`;
}

/** `AWS_ENDPOINT_URL_<SERVICE>`: the SDKs' rule, the service id upper-cased with `_` for spaces. */
export function endpointEnvName(service: ServiceEndpointId): string {
  return `AWS_ENDPOINT_URL_${service.sdkServiceId.trim().split(/\s+/).join('_').toUpperCase()}`;
}

/** The key of the service in a `[services x]` config section: the service id lower-cased, `_` for spaces. */
export function endpointConfigKey(service: ServiceEndpointId): string {
  return service.sdkServiceId.trim().split(/\s+/).join('_').toLowerCase();
}
