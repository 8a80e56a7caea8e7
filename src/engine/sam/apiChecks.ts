/**
 * What the SAM translator rejects about API events and API authorizers
 * (samtranslator/model/eventsources/push.py, model/api/api_generator.py and
 * http_api_generator.py, aws-sam-translator 1.110):
 * - a method defined twice for one path of one API (SAM builds the API definition from events);
 * - an event `Auth.Authorizer` the API does not define, `NONE` without a `DefaultAuthorizer`,
 *   an HTTP event `Auth` with neither;
 * - an API `Auth.DefaultAuthorizer` missing from `Authorizers`;
 * - an event `Auth.OverrideApiAuth` with nothing to override with.
 * Anything decided by an intrinsic is left alone: SAM resolves only parameter Refs itself.
 */
import type { LocatedNode, Pair, ScalarNode, Span } from '../document/located';
import { getPair } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import type { Severity } from '../findings';
import type { ApiEventSite, ApiFacts } from './apiEvents';
import { apiAuthValue, apiFacts, collectApiEvents } from './apiEvents';
import { globalsFor, literalString, mergedKey, propertiesOf, samProperty } from './samProperties';

export type Report = (span: Span, message: string, fixes?: undefined, severity?: Severity) => void;

/** SAM's built-in authorizer names: not looked up in `Authorizers`. */
const AWS_IAM = 'AWS_IAM';
const NONE = 'NONE';

function eventLabel(site: ApiEventSite): string {
  return `${site.flavor === 'rest' ? 'Api' : 'HttpApi'} event '${site.event.key.text}' of '${site.owner.name}'`;
}

function apiLabel(site: ApiEventSite): string {
  return site.apiId === 'ServerlessRestApi' || site.apiId === 'ServerlessHttpApi' ? `the implicit API ${site.apiId}` : `API '${site.apiId}'`;
}

/** SAM generates the routes of this API from the events: it then rejects a route defined twice. */
function routesGenerated(site: ApiEventSite, facts: ApiFacts, template: TemplateModel): boolean {
  if (facts.generated) return true;
  // Functions' REST events are also merged into an explicit definition with MergeDefinitions: true.
  if (site.flavor !== 'rest' || site.owner.type !== 'AWS::Serverless::Function' || !facts.resource) return false;
  const merge = samProperty(template, facts.resource, 'MergeDefinitions')?.value;
  return merge?.kind === 'scalar' && (merge.value === true || merge.value === 'true');
}

/** `Api`/`HttpApi` events that route the same method and path of one API. */
export function checkDuplicateRoutes(template: TemplateModel, report: Report): void {
  const seen = new Map<string, ApiEventSite>();
  for (const site of collectApiEvents(template)) {
    if (site.conditional || site.apiId === undefined) continue;
    const facts = apiFacts(template, site.flavor, site.apiId);
    if (!facts || !routesGenerated(site, facts, template)) continue;
    // An HTTP event without Path/Method is the `$default` route, any method.
    const path = site.path?.value ?? (site.flavor === 'http' && !hasKey(site, 'Path') ? '$default' : undefined);
    const method = site.method?.value ?? (site.flavor === 'http' && !hasKey(site, 'Method') ? 'ANY' : undefined);
    if (typeof path !== 'string' || typeof method !== 'string') continue;
    const key = `${site.flavor}\u0000${site.apiId}\u0000${path}\u0000${method.toLowerCase()}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, site);
      continue;
    }
    const anchor = site.method ?? site.path ?? site.event.key;
    report(
      anchor.span,
      `${method.toUpperCase()} ${path} of ${apiLabel(site)} is already routed by ${eventLabel(first)}; SAM rejects a method defined twice for one path. Change the Path or Method, or remove one event.`,
    );
  }
}

function hasKey(site: ApiEventSite, key: string): boolean {
  const properties = site.event.value.kind === 'mapping' ? getPair(site.event.value, 'Properties')?.value : undefined;
  return getPair(properties, key) !== undefined;
}

/** The names an API's `Authorizers` mapping defines, or undefined when SAM cannot tell (intrinsic, not a mapping). */
function authorizerNames(pair: Pair | undefined): ReadonlySet<string> | undefined | 'absent' {
  if (!pair || (pair.value.kind === 'scalar' && pair.value.value === null)) return 'absent';
  const value = pair.value;
  if (value.kind !== 'mapping' || asIntrinsic(value)) return undefined;
  return new Set(value.pairs.map((entry) => entry.key.text));
}

function literalTrue(node: LocatedNode | undefined): boolean {
  return node?.kind === 'scalar' && (node.value === true || node.value === 'true');
}

/** Event `Auth.Authorizer` (and its `NONE` / default) against the API's authorizers. */
export function checkEventAuthorizers(template: TemplateModel, report: Report): void {
  for (const site of collectApiEvents(template)) {
    if (!site.auth || site.auth.pairs.length === 0 || site.apiId === undefined) continue;
    const facts = apiFacts(template, site.flavor, site.apiId);
    if (!facts) continue;
    if (site.flavor === 'rest' && !facts.definitionUriOnly) checkOverrideApiAuth(site, report);
    // REST events get their auth only where SAM writes the routes; HTTP ones wherever the definition is inline.
    if (site.flavor === 'rest' ? !routesGenerated(site, facts, template) : facts.definitionUriOnly) continue;
    const authorizerPair = getPair(site.auth, 'Authorizer');
    const defaultPair = facts.authKey('DefaultAuthorizer');
    const hasDefault = defaultPair !== undefined && !(defaultPair.value.kind === 'scalar' && (defaultPair.value.value === null || defaultPair.value.value === ''));
    if (!authorizerPair) {
      if (site.flavor === 'http' && !hasDefault) {
        report(site.event.key.span, `Auth of ${eventLabel(site)} needs an Authorizer, or a DefaultAuthorizer on ${apiLabel(site)}; SAM rejects it otherwise.`);
      } else if (site.flavor === 'rest' && getPair(site.auth, 'AuthorizationScopes')) {
        report(getPair(site.auth, 'AuthorizationScopes')!.key.span, `AuthorizationScopes of ${eventLabel(site)} work only with an Authorizer: set Auth.Authorizer on the event.`);
      }
      continue;
    }
    const name = literalString(authorizerPair.value);
    if (name === undefined) continue;
    checkAuthorizerName(site, facts, authorizerPair.value as ScalarNode, name, hasDefault, report);
  }
}

/** `OverrideApiAuth: true` replaces the API's auth for the method: it needs something to replace it with. */
function checkOverrideApiAuth(site: ApiEventSite, report: Report): void {
  const override = getPair(site.auth, 'OverrideApiAuth');
  if (!override || !literalTrue(override.value)) return;
  const given = ['Authorizer', 'ApiKeyRequired', 'ResourcePolicy'].some((key) => {
    const value = getPair(site.auth, key)?.value;
    return value !== undefined && !(value.kind === 'scalar' && (value.value === null || value.value === false || value.value === ''));
  });
  if (!given) report(override.key.span, `OverrideApiAuth of ${eventLabel(site)} needs an Authorizer, ApiKeyRequired or ResourcePolicy in the event's Auth to override the API's with.`);
}

function checkAuthorizerName(site: ApiEventSite, facts: ApiFacts, node: ScalarNode, name: string, hasDefault: boolean, report: Report): void {
  if (name === NONE) {
    if (!hasDefault) report(node.span, `Authorizer NONE of ${eventLabel(site)} only turns off a DefaultAuthorizer, and ${apiLabel(site)} has none: remove it or set Auth.DefaultAuthorizer on the API.`);
    return;
  }
  const iamEnabled = literalTrue(facts.authKey('EnableIamAuthorizer')?.value);
  if (name === AWS_IAM && (site.flavor === 'rest' || iamEnabled)) return;
  const names = authorizerNames(facts.authKey('Authorizers'));
  if (names === undefined) return;
  const iamHint = name === AWS_IAM ? ' (for IAM authorization of an HttpApi, set Auth.EnableIamAuthorizer: true on it)' : '';
  if (names === 'absent') {
    report(node.span, `Authorizer '${name}' of ${eventLabel(site)} is not defined: ${apiLabel(site)} has no Auth.Authorizers${iamHint}.`);
  } else if (!names.has(name)) {
    const known = [...names];
    report(node.span, `Authorizer '${name}' of ${eventLabel(site)} is not among the Auth.Authorizers of ${apiLabel(site)}${known.length ? ` (${known.join(', ')})` : ''}${iamHint}.`);
  }
}

/** API-level `Auth`: `DefaultAuthorizer` must be one of the `Authorizers` (own, Globals, or Globals for the implicit APIs). */
export function checkApiAuth(template: TemplateModel, report: Report, warn: Report): void {
  for (const resource of template.resources.values()) {
    const flavor = resource.type === 'AWS::Serverless::Api' ? 'rest' : resource.type === 'AWS::Serverless::HttpApi' ? 'http' : undefined;
    if (!flavor) continue;
    const auth = apiAuthValue(template, resource);
    if (!auth || (auth.kind === 'scalar' && auth.value === null) || asIntrinsic(auth)) continue;
    const facts = apiFacts(template, flavor, resource.name);
    if (!facts) continue;
    if (facts.definitionUriOnly) continue; // cfn-sam-api-definition reports Auth there
    const own = getPair(propertiesOf(resource), 'Auth')?.value;
    checkDefaultAuthorizer(`'${resource.name}'`, flavor, own, getPair(globalsFor(template, resource.type), 'Auth')?.value, report, warn);
  }
  // The implicit APIs take their Auth from Globals only.
  const implicit = new Set(collectApiEvents(template).filter((site) => site.apiId === IMPLICIT[site.flavor] && !template.resources.has(IMPLICIT[site.flavor])).map((site) => site.flavor));
  for (const flavor of implicit) {
    const global = getPair(globalsFor(template, flavor === 'rest' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'), 'Auth')?.value;
    checkDefaultAuthorizer(`the implicit API ${IMPLICIT[flavor]} (from Globals)`, flavor, undefined, global, report, warn);
  }
}

const IMPLICIT: Readonly<Record<'rest' | 'http', string>> = { rest: 'ServerlessRestApi', http: 'ServerlessHttpApi' };

function checkDefaultAuthorizer(label: string, flavor: 'rest' | 'http', own: LocatedNode | undefined, global: LocatedNode | undefined, report: Report, warn: Report): void {
  const defaultPair = mergedKey(own, global, 'DefaultAuthorizer');
  const name = literalString(defaultPair?.value);
  if (!defaultPair || name === undefined || name === '') return;
  const names = authorizerNames(mergedKey(own, global, 'Authorizers'));
  if (names === undefined) return;
  if (flavor === 'rest') {
    if (name === AWS_IAM) return;
    if (names === 'absent' || names.size === 0) {
      warn(defaultPair.value.span, `DefaultAuthorizer '${name}' of ${label} is ignored: the API defines no Auth.Authorizers, so its methods are not protected by it.`);
    } else if (!names.has(name)) {
      report(defaultPair.value.span, `DefaultAuthorizer '${name}' of ${label} is not one of its Auth.Authorizers (${[...names].join(', ')}); SAM rejects the API.`);
    }
    return;
  }
  const iamEnabled = literalTrue(mergedKey(own, global, 'EnableIamAuthorizer')?.value);
  if (name === AWS_IAM && iamEnabled) return;
  if (names === 'absent' || !names.has(name)) {
    const known = names === 'absent' ? [] : [...names];
    const hint = name === AWS_IAM ? ' (set Auth.EnableIamAuthorizer: true for IAM authorization)' : '';
    report(defaultPair.value.span, `DefaultAuthorizer '${name}' of ${label} is not one of its Auth.Authorizers${known.length ? ` (${known.join(', ')})` : ''}${hint}; SAM rejects the API.`);
  }
}
