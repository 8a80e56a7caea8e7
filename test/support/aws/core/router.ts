// Which service and operation a request is for, and its decoded input. One endpoint serves every
// service, the way LocalStack-style emulators do:
//  - `X-Amz-Target: <prefix>.<Operation>` (awsJson1_1): the service whose `targetPrefix` matches;
//  - a form-encoded POST with `Action=` (awsQuery): the service whose `Version` matches (then the
//    only awsQuery service, then the one that has the action);
//  - anything else (restJson1): the operation whose `http` method and path match.
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationSpec, Protocol, ServiceDefinition } from './service';
import { fromTemplate, ServiceError } from './serviceError';

export interface RoutedRequest {
  readonly protocol: Protocol;
  /** Undefined when no registered service answers this request. */
  readonly service: ServiceDefinition | undefined;
  readonly operation: string;
  readonly spec: OperationSpec | undefined;
  readonly input: Record<string, unknown>;
  /** Set when the request is answered with an error before any handler runs. */
  readonly error?: ServiceError;
}

export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function operationOf(service: ServiceDefinition, name: string): OperationSpec | undefined {
  return Object.hasOwn(service.operations, name) ? service.operations[name] : undefined;
}

/** The signing service of the SigV4 credential scope (`Credential=AKID/date/region/<service>/aws4_request`). */
function signingService(headers: IncomingHttpHeaders): string | undefined {
  return /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(header(headers, 'authorization') ?? '')?.[1];
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const UNKNOWN_JSON = { code: 'UnknownOperationException', status: 400, message: 'Unknown operation' };

function routeJson(target: string, body: string, services: readonly ServiceDefinition[]): RoutedRequest {
  const dot = target.lastIndexOf('.');
  const prefix = dot >= 0 ? target.slice(0, dot) : '';
  const operation = dot >= 0 ? target.slice(dot + 1) : target;
  const service = services.find((s) => s.protocol === 'awsJson1_1' && s.targetPrefix === prefix);
  const input = parseJsonObject(body);
  if (service === undefined) return { protocol: 'awsJson1_1', service, operation: target, spec: undefined, input: input ?? {}, error: fromTemplate(UNKNOWN_JSON, `Unknown target ${target}`) };
  const spec = operationOf(service, operation);
  if (input === undefined) return { protocol: 'awsJson1_1', service, operation, spec, input: {}, error: fromTemplate(service.errors.serialization, 'Request body is not valid JSON') };
  if (spec === undefined) return { protocol: 'awsJson1_1', service, operation, spec, input, error: fromTemplate(service.errors.unknownOperation, `Operation ${operation} is not supported by the test server`) };
  return { protocol: 'awsJson1_1', service, operation, spec, input };
}

function routeQuery(raw: RawRequest, services: readonly ServiceDefinition[]): RoutedRequest {
  // Object.fromEntries defines own properties, so a `__proto__` field stays data.
  const input: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw.body));
  const action = typeof input.Action === 'string' ? input.Action : '';
  const version = typeof input.Version === 'string' ? input.Version : undefined;
  const candidates = services.filter((s) => s.protocol === 'awsQuery');
  const service =
    candidates.find((s) => s.version === version) ??
    (candidates.length === 1 ? candidates[0] : undefined) ??
    candidates.find((s) => operationOf(s, action) !== undefined) ??
    candidates.find((s) => s.name === signingService(raw.headers));
  const routed = { protocol: 'awsQuery' as const, service, operation: action, input };
  if (service === undefined) return { ...routed, spec: undefined, error: new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version ?? '(none)'}`) };
  if (action === '') return { ...routed, spec: undefined, error: new ServiceError('MissingAction', 'Missing Action') };
  if (version !== service.version) return { ...routed, spec: undefined, error: new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version ?? '(none)'}`) };
  const spec = operationOf(service, action);
  if (spec === undefined) return { ...routed, spec, error: fromTemplate(service.errors.unknownOperation, `The action ${action} is not valid for this web service.`) };
  return { ...routed, spec };
}

/** Query-string values as the model types them (restJson1 puts numbers and lists in the query string). */
function queryValue(spec: OperationSpec, member: string, values: string[]): unknown {
  const type = spec.input !== undefined && Object.hasOwn(spec.input, member) ? spec.input[member]!.type : undefined;
  if (type === 'list') return values;
  const value = values[values.length - 1]!;
  if (type === 'integer') return /^-?\d+$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function routeRest(raw: RawRequest, services: readonly ServiceDefinition[]): RoutedRequest {
  const url = new URL(raw.url, 'http://localhost');
  for (const service of services) {
    if (service.protocol !== 'restJson1') continue;
    for (const [operation, spec] of Object.entries(service.operations)) {
      if (spec.http === undefined || spec.http.method !== raw.method || spec.http.path !== url.pathname) continue;
      const body = parseJsonObject(raw.body);
      if (body === undefined) return { protocol: 'restJson1', service, operation, spec, input: {}, error: fromTemplate(service.errors.serialization, 'Request body is not valid JSON') };
      const input: Record<string, unknown> = { ...body };
      const names = spec.http.query ?? {};
      for (const name of new Set(url.searchParams.keys())) {
        if (Object.hasOwn(names, name)) input[names[name]!] = queryValue(spec, names[name]!, url.searchParams.getAll(name));
      }
      return { protocol: 'restJson1', service, operation, spec, input };
    }
  }
  const operation = `${raw.method} ${url.pathname}`;
  return { protocol: 'restJson1', service: undefined, operation, spec: undefined, input: {}, error: new ServiceError('UnknownOperationException', `No operation at ${operation}`, 404) };
}

export function routeRequest(raw: RawRequest, services: readonly ServiceDefinition[]): RoutedRequest {
  const target = header(raw.headers, 'x-amz-target');
  if (target !== undefined) return routeJson(target, raw.body, services);
  const path = raw.url.split('?')[0];
  const form = (header(raw.headers, 'content-type') ?? '').includes('x-www-form-urlencoded') || /^Action=/.test(raw.body);
  if (raw.method === 'POST' && path === '/' && form) return routeQuery(raw, services);
  return routeRest(raw, services);
}

export function accessKeyIdOf(headers: IncomingHttpHeaders): string | undefined {
  return /Credential=([^/]+)\//.exec(header(headers, 'authorization') ?? '')?.[1];
}
