/**
 * The API events of a SAM template (`Type: Api` / `Type: HttpApi` events of functions, `Type: Api`
 * events of state machines) and the API each one lands on, explicit or implicit
 * (`ServerlessRestApi` / `ServerlessHttpApi`), as the SAM translator resolves them
 * (samtranslator/model/eventsources/push.py, stepfunctions/events.py, aws-sam-translator 1.110).
 *
 * Built from the template model: SAM resources are few, so this is a pass over `Resources`
 * and each function's `Events`, never a walk of the whole tree.
 */
import type { LocatedNode, MappingNode, Pair, ScalarNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import { globalsFor, isEmptyValue, literalString, mergedKey, propertiesOf, samProperty, stringScalar } from './samProperties';

/** REST (API Gateway v1, `AWS::Serverless::Api`) or HTTP (v2, `AWS::Serverless::HttpApi`). */
export type ApiFlavor = 'rest' | 'http';

/** One `Api` / `HttpApi` event. */
export interface ApiEventSite {
  readonly owner: ResourceEntry;
  readonly event: Pair;
  readonly flavor: ApiFlavor;
  /** Logical id of the API (the implicit one when the event names none); undefined when SAM cannot tell statically. */
  readonly apiId: string | undefined;
  /** Literal `Path` / `Method`, when written as strings. */
  readonly path: ScalarNode | undefined;
  readonly method: ScalarNode | undefined;
  /** The event's `Auth` mapping. */
  readonly auth: MappingNode | undefined;
  /** True when the owner has a `Condition` (SAM then wraps its routes in `Fn::If`). */
  readonly conditional: boolean;
}

const IMPLICIT_API: Readonly<Record<ApiFlavor, string>> = { rest: 'ServerlessRestApi', http: 'ServerlessHttpApi' };
const API_TYPE: Readonly<Record<ApiFlavor, string>> = { rest: 'AWS::Serverless::Api', http: 'AWS::Serverless::HttpApi' };
const API_ID_PROPERTY: Readonly<Record<ApiFlavor, string>> = { rest: 'RestApiId', http: 'ApiId' };

function flavorOf(ownerType: string | undefined, eventType: string | undefined): ApiFlavor | undefined {
  if (eventType === 'Api' && (ownerType === 'AWS::Serverless::Function' || ownerType === 'AWS::Serverless::StateMachine')) return 'rest';
  if (eventType === 'HttpApi' && ownerType === 'AWS::Serverless::Function') return 'http';
  return undefined;
}

/** The logical id an event's `RestApiId` / `ApiId` names: a `Ref` or a plain logical id, as SAM reads it. */
function apiIdOf(properties: MappingNode | undefined, flavor: ApiFlavor): string | undefined {
  const value = getValue(properties, API_ID_PROPERTY[flavor]);
  if (value === undefined || (value.kind === 'scalar' && value.value === null)) return IMPLICIT_API[flavor];
  const literal = literalString(value);
  if (literal !== undefined) return literal;
  const call = asIntrinsic(value);
  return call?.name === 'Ref' ? literalString(call.argument) : undefined;
}

/** One list per template model: four checks read it in each lint. */
const eventsByTemplate = new WeakMap<TemplateModel, readonly ApiEventSite[]>();

/** Every API event of the template's SAM functions and state machines, in source order. */
export function collectApiEvents(template: TemplateModel): readonly ApiEventSite[] {
  let sites = eventsByTemplate.get(template);
  if (!sites) {
    sites = readApiEvents(template);
    eventsByTemplate.set(template, sites);
  }
  return sites;
}

function readApiEvents(template: TemplateModel): ApiEventSite[] {
  const sites: ApiEventSite[] = [];
  for (const owner of template.resources.values()) {
    if (owner.type !== 'AWS::Serverless::Function' && owner.type !== 'AWS::Serverless::StateMachine') continue;
    const events = getValue(propertiesOf(owner), 'Events');
    if (events?.kind !== 'mapping' || asIntrinsic(events)) continue;
    const conditional = getPair(owner.node, 'Condition') !== undefined;
    for (const event of events.pairs) {
      const body = event.value;
      if (body.kind !== 'mapping' || asIntrinsic(body)) continue;
      const flavor = flavorOf(owner.type, literalString(getValue(body, 'Type')));
      if (!flavor) continue;
      const rawProperties = getValue(body, 'Properties');
      if (rawProperties !== undefined && (rawProperties.kind !== 'mapping' || asIntrinsic(rawProperties))) {
        if (!(rawProperties.kind === 'scalar' && rawProperties.value === null)) continue;
      }
      const properties = rawProperties?.kind === 'mapping' ? rawProperties : undefined;
      const auth = getValue(properties, 'Auth');
      sites.push({
        owner,
        event,
        flavor,
        apiId: apiIdOf(properties, flavor),
        path: stringScalar(getValue(properties, 'Path')),
        method: stringScalar(getValue(properties, 'Method')),
        auth: auth?.kind === 'mapping' && !asIntrinsic(auth) ? auth : undefined,
        conditional,
      });
    }
  }
  return sites;
}

/** What SAM knows about the API an event lands on. */
export interface ApiFacts {
  /** The API resource; undefined for the implicit API SAM creates. */
  readonly resource: ResourceEntry | undefined;
  /** The API's own `Auth` (resource or Globals, merged key by key). */
  readonly authKey: (key: string) => Pair | undefined;
  /** True when SAM generates the API definition from the events (no `DefinitionBody` / `DefinitionUri`). */
  readonly generated: boolean;
  /** True when the API's definition comes from S3 (`DefinitionUri` and no `DefinitionBody`). */
  readonly definitionUriOnly: boolean;
}

/**
 * The facts of the API an event names, or undefined when it is not a SAM API of this template
 * (another type, a missing resource, an intrinsic: other rules report those, or SAM cannot tell).
 */
export function apiFacts(template: TemplateModel, flavor: ApiFlavor, apiId: string | undefined): ApiFacts | undefined {
  if (apiId === undefined) return undefined;
  const globals = globalsFor(template, API_TYPE[flavor]);
  const globalAuth = getValue(globals, 'Auth');
  const resource = template.resources.get(apiId);
  if (!resource) {
    if (apiId !== IMPLICIT_API[flavor]) return undefined;
    return { resource: undefined, authKey: (key) => mergedKey(undefined, globalAuth, key), generated: true, definitionUriOnly: false };
  }
  if (resource.type !== API_TYPE[flavor]) return undefined;
  // No Properties at all is an API with defaults; intrinsic Properties hide everything.
  if (resource.properties !== undefined && !propertiesOf(resource) && !isEmptyValue(resource.properties)) return undefined;
  const ownAuth = getValue(propertiesOf(resource), 'Auth');
  const body = samProperty(template, resource, 'DefinitionBody');
  const uri = samProperty(template, resource, 'DefinitionUri');
  return {
    resource,
    authKey: (key) => mergedKey(ownAuth, globalAuth, key),
    generated: body === undefined && uri === undefined,
    definitionUriOnly: body === undefined && uri !== undefined,
  };
}

/** The API `Auth` value of an API resource (own, else Globals), for API-level checks. */
export function apiAuthValue(template: TemplateModel, resource: ResourceEntry): LocatedNode | undefined {
  return samProperty(template, resource, 'Auth')?.value;
}
