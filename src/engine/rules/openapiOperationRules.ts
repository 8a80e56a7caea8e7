import { openApiRule } from './openapiRule';
import type { LocatedNode, ScalarNode, Span } from '../document/located';
import { getPair, getValue, isStringScalar } from '../document/located';
import type { OpenApiModel } from '../openapi/model';
import type { OperationSite } from '../openapi/walk';
import { isJsonSchemaDialect } from '../openapi/version';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

const operationLabel = (operation: OperationSite): string =>
  operation.pathItem.container === 'webhooks' ? `${operation.method.toUpperCase()} webhook '${operation.pathItem.key.text}'` : `${operation.method.toUpperCase()} ${operation.pathItem.key.text}`;

/** `operationId` must be unique among all operations. */
export const openApiOperationIdUniqueRule = openApiRule({
  id: 'oas-operation-id-unique',
  description: 'Each operationId must be unique among all operations of the API (paths, webhooks and callbacks); code generators and links use it as a name.',
  defaultSeverity: 'error',
  check(context, model) {
    const first = new Map<string, OperationSite>();
    for (const operation of model.index.operations) {
      const id = getValue(operation.node, 'operationId');
      if (!isStringScalar(id)) continue;
      const name = String(id.value);
      const previous = first.get(name);
      if (previous) context.report(id.span, `operationId '${name}' is already used by ${operationLabel(previous)}.`);
      else first.set(name, operation);
    }
  },
});

/** A parameter after following its `$ref`: name, location and where to report about it. */
interface ResolvedParameter {
  readonly name: string;
  readonly in: string;
  /** The `name` value, or the `$ref` value when the parameter is referenced. */
  readonly span: Span;
}

/**
 * The parameters of a list, refs followed. `undefined` when one of them could not be
 * resolved: the list is then unknown and no "missing parameter" may be claimed.
 */
function parameterList(model: OpenApiModel, list: LocatedNode | undefined): ResolvedParameter[] | undefined {
  if (list?.kind !== 'sequence') return [];
  const out: ResolvedParameter[] = [];
  for (const item of list.items) {
    const ref = getValue(item, '$ref');
    const resolved = ref ? model.resolver.follow(item, model.resolver.main) : { ok: true as const, node: item };
    if (!resolved.ok) return undefined;
    const name = getValue(resolved.node, 'name');
    const location = getValue(resolved.node, 'in');
    if (!isStringScalar(name) || !isStringScalar(location)) continue;
    out.push({ name: String(name.value), in: String(location.value), span: ref && resolved.node !== item ? ref.span : name.span });
  }
  return out;
}

/** `{name}` segments of a path template with their offsets in the source. */
function templateVariables(text: string, key: ScalarNode): { name: string; span: Span }[] {
  const raw = text.slice(key.span.start, key.span.end);
  const out: { name: string; span: Span }[] = [];
  for (const match of key.text.matchAll(/\{([^{}]*)\}/g)) {
    // The key's source may be quoted or escaped: find the same `{name}` in the raw token.
    const at = raw.indexOf(match[0], out.length > 0 ? out[out.length - 1]!.span.end - key.span.start : 0);
    const span = at >= 0 ? { start: key.span.start + at, end: key.span.start + at + match[0].length } : key.span;
    out.push({ name: match[1]!, span });
  }
  return out;
}

/** Path template variables and `in: path` parameters must match, both ways. */
export const openApiPathParametersRule = openApiRule({
  id: 'oas-path-parameters',
  description: 'Every {variable} of a path must be declared as an in: path parameter (of the path item or the operation), and every in: path parameter must appear in the path.',
  defaultSeverity: 'error',
  check(context, model) {
    for (const item of model.index.pathItems) {
      if (item.container !== 'paths') continue;
      const variables = templateVariables(context.document.text, item.key);
      const names = new Set<string>();
      for (const variable of variables) {
        if (variable.name === '') context.report(variable.span, `Empty path parameter '{}' in '${item.key.text}'.`);
        else if (names.has(variable.name)) context.report(variable.span, `Path parameter '${variable.name}' appears twice in '${item.key.text}'.`);
        names.add(variable.name);
      }
      const shared = parameterList(model, getValue(item.node, 'parameters'));
      const reported = new Set<string>();
      const notInPath = (parameter: ResolvedParameter): void => {
        const key = `${parameter.span.start}`;
        if (parameter.in !== 'path' || names.has(parameter.name) || reported.has(key)) return;
        reported.add(key);
        const suggestions = suggest(parameter.name, names);
        context.report(parameter.span, `Path parameter '${parameter.name}' does not appear in the path '${item.key.text}'.${didYouMean(suggestions)}`);
      };
      shared?.forEach(notInPath);
      const missing = new Map<string, string[]>();
      for (const operation of item.operations) {
        const own = parameterList(model, getValue(operation.node, 'parameters'));
        own?.forEach(notInPath);
        if (!own || !shared) continue;
        const declared = new Set([...shared, ...own].filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
        for (const name of names) if (name !== '' && !declared.has(name)) missing.set(name, [...(missing.get(name) ?? []), operation.method.toUpperCase()]);
      }
      for (const variable of variables) {
        const methods = missing.get(variable.name);
        if (!methods) continue;
        missing.delete(variable.name);
        const scope = methods.length === item.operations.length ? '' : ` for ${methods.join(', ')}`;
        context.report(variable.span, `Path parameter '${variable.name}' is not declared${scope}: add a parameter with name: ${variable.name}, in: path, required: true.`);
      }
    }
  },
});

/** Two path templates that differ only in variable names are the same path. */
export const openApiEquivalentPathsRule = openApiRule({
  id: 'oas-equivalent-paths',
  description: 'Paths that differ only in the names of their variables (/pets/{id} and /pets/{name}) are identical and must not both exist.',
  defaultSeverity: 'error',
  check(context, model) {
    const seen = new Map<string, ScalarNode>();
    for (const item of model.index.pathItems) {
      if (item.container !== 'paths') continue;
      const shape = item.key.text.replace(/\{[^{}]*\}/g, '{}');
      const previous = seen.get(shape);
      // Literal duplicates are duplicate keys, reported by cfn-syntax.
      if (previous && previous.text !== item.key.text) context.report(item.key.span, `Path '${item.key.text}' is equivalent to '${previous.text}': they differ only in parameter names.`);
      else if (!previous) seen.set(shape, item.key);
    }
  },
});

/** Security requirements must name defined schemes. */
export const openApiSecuritySchemeDefinedRule = openApiRule({
  id: 'oas-security-scheme-defined',
  description: 'Each security requirement must name a scheme defined in components.securitySchemes (2.0: securityDefinitions); before 3.1, only oauth2 and openIdConnect requirements may list scopes.',
  defaultSeverity: 'error',
  check(context, model) {
    const schemes = model.version === '2.0' ? getValue(model.root, 'securityDefinitions') : getValue(getValue(model.root, 'components'), 'securitySchemes');
    const names = schemes?.kind === 'mapping' ? schemes.pairs.map((pair) => pair.key.text) : [];
    const where = model.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
    for (const requirement of model.index.security) {
      const name = requirement.name.text;
      const scheme = getValue(schemes, name);
      if (!scheme) {
        const suggestions = suggest(name, names);
        context.report(requirement.name.span, `Security scheme '${name}' is not defined in ${where}.${didYouMean(suggestions)}`, renameFixes(context.document.text, requirement.name.span, suggestions));
        continue;
      }
      if (isJsonSchemaDialect(model.version) || requirement.scopes.kind !== 'sequence' || requirement.scopes.items.length === 0) continue;
      const resolved = model.resolver.follow(scheme, model.resolver.main);
      const type = resolved.ok ? getValue(resolved.node, 'type') : undefined;
      if (!isStringScalar(type)) continue;
      const scoped = model.version === '2.0' ? ['oauth2'] : ['oauth2', 'openIdConnect'];
      if (!scoped.includes(String(type.value))) {
        context.report(requirement.scopes.span, `Security scheme '${name}' is of type ${String(type.value)}: its requirement must be an empty list (scopes are for ${scoped.join(' and ')} schemes).`);
      }
    }
  },
});

/** Operations declare responses (where the version requires them), with at least one status code. */
export const openApiResponsesRule = openApiRule({
  id: 'oas-responses',
  description: 'Operations must have responses (required in 2.0 and 3.0, optional in 3.1), and a responses object must contain at least one response code.',
  defaultSeverity: 'error',
  check(context, model) {
    for (const operation of model.index.operations) {
      const pair = getPair(operation.node, 'responses');
      if (!pair) {
        if (!isJsonSchemaDialect(model.version)) context.report(operation.methodKey.span, `${operationLabel(operation)} has no responses: OpenAPI ${model.version} requires at least one.`);
        continue;
      }
      if (pair.value.kind === 'mapping' && !pair.value.pairs.some((entry) => !entry.key.text.startsWith('x-'))) {
        context.report(pair.key.span, `responses of ${operationLabel(operation)} must contain at least one response code (such as 200 or default).`);
      }
    }
  },
});

const LOCATIONS_2 = ['query', 'header', 'path', 'formData', 'body'];
const LOCATIONS_3 = ['query', 'header', 'path', 'cookie'];
/** 3.2 adds `querystring`: the whole query string as one value (OpenAPI 3.2.0 section 4.12.2). */
const LOCATIONS_32 = [...LOCATIONS_3, 'querystring'];

/** `in` must be a location of the version; path parameters must be required. */
export const openApiParameterInRule = openApiRule({
  id: 'oas-parameter-in',
  description: 'A parameter\'s in must be query, header, path or cookie (2.0: query, header, path, formData or body), and path parameters must have required: true.',
  defaultSeverity: 'error',
  check(context, model) {
    const locations = model.version === '2.0' ? LOCATIONS_2 : model.version === '3.2' ? LOCATIONS_32 : LOCATIONS_3;
    for (const parameter of model.index.parameters) {
      const location = getValue(parameter, 'in');
      if (!location) continue;
      const value = location.kind === 'scalar' ? String(location.value) : '';
      if (!locations.includes(value)) {
        const suggestions = suggest(value, locations);
        const hint = model.version !== '2.0' && (value === 'body' || value === 'formData') ? ' OpenAPI 3 describes bodies and forms with requestBody, not parameters.' : didYouMean(suggestions);
        context.report(location.span, `Parameter 'in' must be one of ${locations.join(', ')}, not '${value}'.${hint}`, renameFixes(context.document.text, location.span, suggestions));
        continue;
      }
      if (value !== 'path') continue;
      const required = getPair(parameter, 'required');
      if (required?.value.kind === 'scalar' && required.value.value === true) continue;
      const span = required && required.value.span.end > required.value.span.start ? required.value.span : location.span;
      const fixes = required?.value.kind === 'scalar' ? [{ title: 'Change to true', edits: [{ span: required.value.span, newText: 'true' }] }] : [];
      context.report(span, 'Path parameters must have required: true (a path cannot leave out a segment).', fixes);
    }
  },
});
