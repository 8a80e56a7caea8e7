// Which endpoint each service's client talks to. The SDK honours AWS_ENDPOINT_URL[_<SERVICE>] and
// a profile's `endpoint_url` / `services` itself, but only for the profile named by AWS_PROFILE
// and without telling anyone which one won. Resolving it here, explicitly and purely (the caller
// passes the environment and the profile's settings), makes the order testable, lets the UI
// show the endpoint in use, and adds our own setting on top. Order (first match wins):
//   1. setting `archlens.aws.endpointUrl` (`endpointSettingFor` drops a workspace value in an untrusted workspace)
//   2. AWS_ENDPOINT_URL_<SERVICE>      3. AWS_ENDPOINT_URL
//   4. the profile's `services` section: `<service> =` / `  endpoint_url = ...`
//   5. the profile's `endpoint_url`    6. the SDK default (the public AWS endpoint)
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's ignore_configured_endpoint_urls)
// skips 2-5, as in the SDKs and the CLI; the setting is explicit configuration and still applies.
// The per-service names (2, 4) come from the service's descriptor (services/serviceDescriptor.ts),
// so a new service needs no entry here.
import { endpointConfigKey, endpointEnvName, type ServiceEndpointId } from './services/serviceDescriptor';

export type EndpointSourceKind = 'setting' | 'env-service' | 'env' | 'profile-service' | 'profile' | 'default';

export interface ResolvedEndpoint {
  /** Undefined: the SDK default endpoint for the region. */
  readonly url?: string;
  readonly source: EndpointSourceKind;
  /** Human-readable origin, e.g. `AWS_ENDPOINT_URL_STS` or `profile demo endpoint_url`. */
  readonly origin: string;
  /** Set when a configured value was unusable (then `url` is undefined and the next source was not tried). */
  readonly problem?: string;
}

export interface EndpointInput {
  /** The `archlens.aws.endpointUrl` value to honour ('' or undefined: none). */
  readonly setting?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The selected profile's name and settings (undefined: no profile, e.g. environment credentials). */
  readonly profileName?: string;
  readonly profile?: ReadonlyMap<string, { readonly value: string }>;
  /** `[services name]` sections of the config file. */
  readonly services?: ReadonlyMap<string, ReadonlyMap<string, { readonly value: string }>>;
}

/** A setting's value at each level, as VS Code's `WorkspaceConfiguration.inspect()` returns it. */
export interface SettingLevels {
  readonly globalValue?: string;
  readonly workspaceValue?: string;
  readonly workspaceFolderValue?: string;
}

/**
 * `archlens.aws.endpointUrl` as the connection may honour it. In an untrusted workspace only the
 * user's own value counts: a cloned repository must not be able to send our signed requests
 * (and the credentials' identity) to a host it picked. `ignoredWorkspaceValue` is set when a
 * workspace value was dropped, so the caller can say so.
 */
export function endpointSettingFor(levels: SettingLevels | undefined, workspaceTrusted: boolean): { readonly value: string; readonly ignoredWorkspaceValue?: string } {
  const workspaceValue = levels?.workspaceFolderValue ?? levels?.workspaceValue;
  if (workspaceTrusted) return { value: (workspaceValue ?? levels?.globalValue ?? '').trim() };
  const value = (levels?.globalValue ?? '').trim();
  return workspaceValue ? { value, ignoredWorkspaceValue: workspaceValue } : { value };
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/** Checks a configured endpoint: an absolute http(s) URL. */
export function validateEndpointUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL (expected e.g. http://localhost:4566)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${value}" must start with http:// or https://`;
  // The endpoint is logged and shown in the connection details, so the value is not echoed here:
  // a password in it would land in the log. Requests are signed with the profile's credentials anyway.
  if (url.username || url.password) return `the endpoint ${url.protocol}//${url.host} must not contain a user name or password`;
  return undefined;
}

function found(url: string, source: EndpointSourceKind, origin: string): ResolvedEndpoint {
  const problem = validateEndpointUrl(url);
  return problem ? { source, origin, problem } : { url, source, origin };
}

/** The endpoint for one service; see the header for the order. */
export function resolveEndpoint(service: ServiceEndpointId, input: EndpointInput): ResolvedEndpoint {
  const setting = input.setting?.trim();
  if (setting) return found(setting, 'setting', 'setting archlens.aws.endpointUrl');
  const ignore = isTrue(input.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(input.profile?.get('ignore_configured_endpoint_urls')?.value);
  if (ignore) return { source: 'default', origin: 'AWS default (configured endpoints ignored)' };
  const serviceVar = endpointEnvName(service);
  const configKey = endpointConfigKey(service);
  const fromServiceEnv = input.env[serviceVar]?.trim();
  if (fromServiceEnv) return found(fromServiceEnv, 'env-service', serviceVar);
  const fromEnv = input.env.AWS_ENDPOINT_URL?.trim();
  if (fromEnv) return found(fromEnv, 'env', 'AWS_ENDPOINT_URL');
  const profileLabel = `profile ${input.profileName ?? ''}`.trim();
  const servicesName = input.profile?.get('services')?.value;
  const fromServices = servicesName !== undefined ? input.services?.get(servicesName)?.get(`${configKey}.endpoint_url`)?.value : undefined;
  if (fromServices) return found(fromServices, 'profile-service', `[services ${servicesName}] ${configKey}.endpoint_url`);
  const fromProfile = input.profile?.get('endpoint_url')?.value;
  if (fromProfile) return found(fromProfile, 'profile', `${profileLabel} endpoint_url`);
  return { source: 'default', origin: 'AWS default' };
}

/** Resolved endpoints by service id (`sts`, `cloudformation`, ...), in the order the services were given. */
export type ResolvedEndpoints = Readonly<Record<string, ResolvedEndpoint>>;

/** The endpoints of `services` (e.g. `CONNECTION_SERVICES`), keyed by their ids. */
export function resolveEndpoints(services: readonly ServiceEndpointId[], input: EndpointInput): ResolvedEndpoints {
  return Object.fromEntries(services.map((service) => [service.id, resolveEndpoint(service, input)]));
}
