/**
 * What the OpenAPI text requires beyond its JSON schema, the checks Spectral (`spectral:oas`)
 * and Redocly (`recommended`) make: parameter uniqueness, server variables, OAuth scopes,
 * Example Objects, Swagger 2.0 bodies and forms, and Schema Object rules (`enum`, `readOnly` /
 * `writeOnly`, discriminators, 3.2 `xml.nodeType`).
 */
import { openApiRule } from './openapiRule';
import type { RuleContext } from './rule';
import type { LocatedNode, MappingNode } from '../document/located';
import { getPair, getValue, isStringScalar } from '../document/located';
import type { OpenApiModel } from '../openapi/model';
import type { OperationSite } from '../openapi/walk';
import { toJson } from '../openapi/plain';
import { keyOf } from '../openapi/spans';

/** A parameter of an operation, resolved, with where to report it. */
interface ResolvedParameter {
  readonly node: MappingNode;
  /** The list item as written (the `$ref` holder for a referenced parameter). */
  readonly written: LocatedNode;
  readonly name: string;
  readonly location: string;
  /** True for path-item parameters (operation parameters override them). */
  readonly inherited: boolean;
}

function resolvedParameters(model: OpenApiModel, list: LocatedNode | undefined, inherited: boolean): ResolvedParameter[] {
  if (list?.kind !== 'sequence') return [];
  const out: ResolvedParameter[] = [];
  for (const item of list.items) {
    const resolved = model.resolver.follow(item, model.resolver.main);
    if (!resolved.ok || resolved.node.kind !== 'mapping') continue;
    const name = getValue(resolved.node, 'name');
    const location = getValue(resolved.node, 'in');
    if (!isStringScalar(name) || !isStringScalar(location)) continue;
    out.push({ node: resolved.node, written: item, name: String(name.value), location: String(location.value), inherited });
  }
  return out;
}

/** The span of a parameter as written: its `name` value, or the `$ref` value for a reference. */
function parameterSpan(parameter: ResolvedParameter): { start: number; end: number } {
  const ref = getValue(parameter.written, '$ref');
  if (ref) return ref.span;
  return getValue(parameter.node, 'name')?.span ?? parameter.written.span;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function stringList(node: LocatedNode | undefined): string[] | undefined {
  if (node?.kind !== 'sequence') return undefined;
  return node.items.filter(isStringScalar).map((item) => String(item.value));
}

/** Parameters are unique by name and location; 2.0 has at most one body, never with form data. */
export const openApiParameterUniqueRule = openApiRule({
  id: 'oas-parameter-unique',
  description: 'An operation\'s parameters (with those of its path item) must be unique by name and location; in Swagger 2.0 there is at most one body parameter, never together with formData parameters, and formData needs a form media type in consumes.',
  defaultSeverity: 'error',
  check(context, model) {
    const checkList = (list: ResolvedParameter[]): void => {
      const seen = new Map<string, ResolvedParameter>();
      for (const parameter of list) {
        // Header names are case-insensitive (RFC 9110 section 5.1).
        const key = `${parameter.location}\u0000${parameter.location === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
        const first = seen.get(key);
        if (first) context.report(parameterSpan(parameter), `Parameter '${parameter.name}' in ${parameter.location} is defined twice: parameters are unique by name and location.`);
        else seen.set(key, parameter);
      }
    };
    const pathLists = new Set<LocatedNode>();
    for (const operation of model.index.operations) {
      const own = resolvedParameters(model, getValue(operation.node, 'parameters'), false);
      const pathList = getValue(operation.pathItem.node, 'parameters');
      if (pathList && !pathLists.has(pathList)) {
        pathLists.add(pathList);
        checkList(resolvedParameters(model, pathList, true));
      }
      checkList(own);
      if (model.version === '2.0') checkBodies(context, model, operation, [...own, ...resolvedParameters(model, pathList, true).filter((p) => !own.some((o) => o.name === p.name && o.location === p.location))]);
    }
  },
});

function checkBodies(context: RuleContext, model: OpenApiModel, operation: OperationSite, parameters: ResolvedParameter[]): void {
  const bodies = parameters.filter((p) => p.location === 'body');
  // A second body of the same name is already reported as defined twice.
  for (const extra of bodies.slice(1).filter((body) => body.name !== bodies[0]!.name)) context.report(parameterSpan(extra), `${operation.method.toUpperCase()} ${operation.pathItem.key.text} has more than one body parameter: Swagger 2.0 allows one.`);
  const forms = parameters.filter((p) => p.location === 'formData');
  if (bodies.length > 0 && forms.length > 0) context.report(parameterSpan(forms[0]!), `body and formData parameters cannot be used together (${operation.method.toUpperCase()} ${operation.pathItem.key.text}): the body is either a payload or a form.`);
  if (forms.length === 0) return;
  const consumes = stringList(getValue(operation.node, 'consumes')) ?? stringList(getValue(model.root, 'consumes'));
  if (consumes && !consumes.some((type) => FORM_TYPES.includes(type.split(';')[0]!.trim().toLowerCase()))) {
    context.report(parameterSpan(forms[0]!), `formData parameters need consumes to include application/x-www-form-urlencoded or multipart/form-data; this operation consumes ${consumes.join(', ')}.`);
  }
}

/** `{name}` placeholders of a server URL. */
function urlVariables(url: string): string[] {
  const out: string[] = [];
  let at = url.indexOf('{');
  while (at >= 0) {
    const end = url.indexOf('}', at);
    if (end < 0) break;
    // `${AWS::Region}` in a file a template includes (AWS::Include, SAM DefinitionUri) is a Fn::Sub variable.
    if (url[at - 1] !== '$') out.push(url.slice(at + 1, end));
    at = url.indexOf('{', end);
  }
  return out;
}

/** Every Server Object of a 3.x document: root, path items and operations. */
function servers(model: OpenApiModel): LocatedNode[] {
  const lists = [getValue(model.root, 'servers'), ...model.index.pathItems.map((item) => getValue(item.node, 'servers')), ...model.index.operations.map((op) => getValue(op.node, 'servers'))];
  return lists.flatMap((list) => (list?.kind === 'sequence' ? list.items : []));
}

/** Server URL variables must be defined, and a default must be one of its enum. */
export const openApiServerVariablesRule = openApiRule({
  id: 'oas-server-variables',
  description: 'Every {variable} in a server url must be defined in its variables, each variable must be used in the url, and a variable\'s default must be one of its enum values.',
  defaultSeverity: 'error',
  check(context, model) {
    if (model.version === '2.0') return;
    for (const server of servers(model)) {
      const url = getValue(server, 'url');
      if (!isStringScalar(url)) continue;
      const variables = getValue(server, 'variables');
      const used = urlVariables(String(url.value));
      for (const name of used) {
        if (!getValue(variables, name)) context.report(url.span, `Server variable '${name}' is used in the url but not defined in variables.`);
      }
      if (variables?.kind !== 'mapping') continue;
      for (const pair of variables.pairs) {
        if (pair.key.text.startsWith('x-')) continue;
        if (!used.includes(pair.key.text)) context.report(pair.key.span, `Server variable '${pair.key.text}' is not used in the url '${String(url.value)}'.`, [], 'warning');
        const values = getValue(pair.value, 'enum');
        const fallback = getValue(pair.value, 'default');
        if (values?.kind !== 'sequence' || !fallback || fallback.kind !== 'scalar') continue;
        if (!values.items.some((item) => item.kind === 'scalar' && item.value === fallback.value)) {
          context.report(fallback.span, `The default '${String(fallback.value)}' of server variable '${pair.key.text}' is not one of its enum values (${values.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '?')).join(', ')}).`);
        }
      }
    }
  },
});

/** The scopes an OAuth2 security scheme defines (2.0 `scopes`, 3.x every flow's `scopes`). */
function definedScopes(scheme: LocatedNode, version: OpenApiModel['version']): Set<string> | undefined {
  const type = getValue(scheme, 'type');
  if (!isStringScalar(type) || type.value !== 'oauth2') return undefined;
  const flows = getValue(scheme, 'flows');
  const scopeMaps = version === '2.0' ? [getValue(scheme, 'scopes')] : flows?.kind === 'mapping' ? flows.pairs.map((flow) => getValue(flow.value, 'scopes')) : [];
  const out = new Set<string>();
  for (const scopes of scopeMaps) {
    if (scopes?.kind !== 'mapping') return undefined;
    for (const pair of scopes.pairs) out.add(pair.key.text);
  }
  return out;
}

/** A security requirement may only ask for scopes its OAuth2 scheme defines. */
export const openApiSecurityScopesRule = openApiRule({
  id: 'oas-security-scopes',
  description: 'Each scope in an OAuth2 security requirement must be defined in the scopes of the security scheme (in one of its flows).',
  defaultSeverity: 'error',
  check(context, model) {
    const schemes = model.version === '2.0' ? getValue(model.root, 'securityDefinitions') : getValue(getValue(model.root, 'components'), 'securitySchemes');
    for (const requirement of model.index.security) {
      if (requirement.scopes.kind !== 'sequence' || requirement.scopes.items.length === 0) continue;
      const written = getValue(schemes, requirement.name.text);
      const resolved = written ? model.resolver.follow(written, model.resolver.main) : undefined;
      if (!resolved?.ok) continue;
      const defined = definedScopes(resolved.node, model.version);
      if (!defined) continue;
      for (const scope of requirement.scopes.items) {
        if (!isStringScalar(scope) || defined.has(String(scope.value))) continue;
        context.report(scope.span, `Scope '${String(scope.value)}' is not defined by the OAuth2 scheme '${requirement.name.text}'${defined.size > 0 ? ` (it defines ${[...defined].slice(0, 8).join(', ')}${defined.size > 8 ? ', ...' : ''})` : ''}.`);
      }
    }
  },
});

/** Example Objects: every `examples` map entry of media types, parameters and headers, and components.examples. */
function exampleObjects(model: OpenApiModel): MappingNode[] {
  if (model.version === '2.0') return [];
  const out: MappingNode[] = [];
  const add = (map: LocatedNode | undefined): void => {
    if (map?.kind !== 'mapping') return;
    for (const pair of map.pairs) if (pair.value.kind === 'mapping' && !getValue(pair.value, '$ref')) out.push(pair.value);
  };
  add(getValue(getValue(model.root, 'components'), 'examples'));
  for (const site of model.index.examples) {
    // Example Object values (`examples.x.value`) are indexed: their holder is the Example Object.
    const holder = site.value.parent;
    if (!site.inSchema && holder?.kind === 'mapping' && keyOf(site.value) !== undefined && getPair(holder, 'value')?.value === site.value) out.push(holder);
  }
  return [...new Set(out)];
}

/** `value` and `externalValue` are mutually exclusive in an Example Object. */
export const openApiExampleValueRule = openApiRule({
  id: 'oas-example-value',
  description: 'An Example Object has either value or externalValue, not both (OpenAPI 3.x Example Object).',
  defaultSeverity: 'error',
  check(context, model) {
    for (const example of exampleObjects(model)) {
      const external = getPair(example, 'externalValue');
      if (external && getPair(example, 'value')) context.report(external.key.span, 'value and externalValue are mutually exclusive in an Example Object: keep one.');
    }
  },
});

/** Schema Object rules the JSON schemas do not express. */
export const openApiSchemaSemanticsRule = openApiRule({
  id: 'oas-schema-semantics',
  description: 'Schema Objects: enum values are unique, readOnly and writeOnly are not both true, a Swagger 2.0 discriminator is a required property, Swagger 2.0 items have a type, and a 3.2 xml object with nodeType has no attribute / wrapped.',
  defaultSeverity: 'error',
  check(context, model) {
    for (const site of model.index.schemas) {
      const node = site.node;
      checkEnumUnique(context, getValue(node, 'enum'));
      const readOnly = getValue(node, 'readOnly');
      const writeOnly = getValue(node, 'writeOnly');
      if (model.version !== '2.0' && readOnly?.kind === 'scalar' && readOnly.value === true && writeOnly?.kind === 'scalar' && writeOnly.value === true) {
        context.report(getPair(node, 'writeOnly')!.key.span, 'A schema cannot be both readOnly and writeOnly: it would be in neither requests nor responses.');
      }
      if (model.version === '2.0') checkDiscriminator2(context, node);
      if (model.version === '2.0' && site.flavor !== 'schema' && site.flavor !== 'response') {
        const items = getPair(node, 'items');
        if (items?.value.kind === 'mapping' && !getValue(items.value, 'type') && !getValue(items.value, '$ref')) context.report(items.key.span, 'items needs a type (string, number, integer, boolean or array) in a Swagger 2.0 parameter or header.');
      }
      if (model.version === '3.2') {
        const xml = getValue(node, 'xml');
        const nodeType = getPair(xml, 'nodeType');
        for (const old of ['attribute', 'wrapped']) {
          const pair = getPair(xml, old);
          if (nodeType && pair) context.report(pair.key.span, `xml.${old} cannot be used with xml.nodeType in OpenAPI 3.2 (nodeType replaces it).`);
        }
      }
    }
  },
});

function checkEnumUnique(context: RuleContext, values: LocatedNode | undefined): void {
  if (values?.kind !== 'sequence') return;
  const seen = new Set<string>();
  for (const item of values.items) {
    // Scalars (nearly every enum) skip the JSON round trip; `"1"` and `1` stay apart.
    const key = item.kind === 'scalar' ? `${typeof item.value}:${String(item.value)}` : JSON.stringify(toJson(item));
    // A warning: JSON Schema 2020-12 says enum elements SHOULD be unique (Spectral's duplicated-entry-in-enum is one too).
    const shown = item.kind === 'scalar' ? JSON.stringify(item.value) : key;
    if (seen.has(key)) context.report(item.span, `Duplicate enum value ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}: remove it.`, [], 'warning');
    seen.add(key);
  }
}

/** 2.0: "The property name used MUST be defined at this schema and it MUST be in the required property list." */
function checkDiscriminator2(context: RuleContext, node: MappingNode): void {
  const discriminator = getValue(node, 'discriminator');
  if (!isStringScalar(discriminator)) return;
  const name = String(discriminator.value);
  const required = stringList(getValue(node, 'required')) ?? [];
  if (!getValue(getValue(node, 'properties'), name)) context.report(discriminator.span, `The discriminator '${name}' must be a property defined in this schema.`);
  else if (!required.includes(name)) context.report(discriminator.span, `The discriminator '${name}' must be listed in required.`);
}

/** Response codes written as YAML numbers. */
export const openApiResponseCodeQuotedRule = openApiRule({
  id: 'oas-response-code-quoted',
  description: 'Response status codes are strings: in YAML, quote them (\'200\'), as the OpenAPI Responses Object asks for compatibility between JSON and YAML.',
  defaultSeverity: 'warning',
  check(context, model) {
    if (model.document.format !== 'yaml') return;
    for (const operation of model.index.operations) {
      const responses = getValue(operation.node, 'responses');
      if (responses?.kind !== 'mapping') continue;
      for (const pair of responses.pairs) {
        if (typeof pair.key.value !== 'number') continue;
        context.report(pair.key.span, `Response code ${pair.key.text} is a YAML number: quote it ('${pair.key.text}').`, [{ title: `Quote '${pair.key.text}'`, edits: [{ span: pair.key.span, newText: `'${pair.key.text}'` }] }]);
      }
    }
  },
});
