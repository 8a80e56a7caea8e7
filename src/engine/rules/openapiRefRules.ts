import type { RuleContext } from './rule';
import { openApiRule } from './openapiRule';
import type { LocatedNode, MappingNode, ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { componentSections } from '../openapi/model';
import type { OpenApiModel } from '../openapi/model';
import { formatPointer, walkPointer } from '../openapi/pointer';
import { parseRef } from '../openapi/refs';
import type { Resolution } from '../openapi/refs';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

/** Failures another rule (or nobody, for hosts without file access) deals with. */
const NOT_FOLLOWED = new Set(['remote', 'absolute', 'no-file-access']);

/** Resolves a ref and then the chain of refs it lands on (a ref to a ref to a ref...). */
function resolveFully(model: OpenApiModel, ref: string): Resolution {
  const first = model.resolve(ref);
  return first.ok ? model.resolver.follow(first.node, first.base) : first;
}

/** "Did you mean" refs for a pointer that stopped at a missing token. */
function refSuggestions(model: OpenApiModel, ref: string, resolution: Resolution): string[] {
  if (resolution.ok || !resolution.stoppedAt) return [];
  const { node, token, prefix } = resolution.stoppedAt;
  const target = parseRef(ref);
  if (target.kind !== 'pointer') return [];
  const filePart = ref.slice(0, ref.indexOf('#'));
  const rest = target.tokens.slice(prefix.length + 1);
  const candidates = node.kind === 'mapping' ? node.pairs.map((pair) => pair.key.text) : [];
  const out = suggest(token, candidates).map((name) => `${filePart}#${formatPointer([...prefix, name, ...rest])}`);
  // A Swagger 2.0 habit in an OpenAPI 3 document: `#/definitions/Pet` for `#/components/schemas/Pet`.
  if (out.length === 0 && filePart === '' && model.version !== '2.0' && target.tokens[0] === 'definitions' && target.tokens.length >= 2) {
    const moved = ['components', 'schemas', ...target.tokens.slice(1)];
    if (walkPointer(model.root, moved).node) out.push(`#${formatPointer(moved)}`);
  }
  return out;
}

/** `$ref`s to API Gateway's built-in models, valid in documents meant for API Gateway. */
const API_GATEWAY_BUILT_IN_MODELS = /^#\/(definitions|components\/schemas)\/(Empty|Error)$/;

/** Every `$ref` must resolve: to a node of this document or of a relative file. */
export const openApiRefResolvesRule = openApiRule({
  id: 'oas-ref-resolves',
  description: 'Every $ref must resolve: a JSON pointer into this document, an anchor, or a relative file (and a pointer into it) that exists; chains of $refs must not be circular.',
  defaultSeverity: 'error',
  check(context, model) {
    const apiGateway = context.document.text.includes('x-amazon-apigateway-');
    for (const site of model.index.refs) {
      // API Gateway REST APIs have the models `Empty` and `Error` without defining them.
      if (apiGateway && API_GATEWAY_BUILT_IN_MODELS.test(site.ref)) continue;
      const resolution = resolveFully(model, site.ref);
      if (resolution.ok || NOT_FOLLOWED.has(resolution.failure)) continue;
      reportRef(context, model, site.value, site.ref, resolution);
    }
    // `discriminator.mapping` values are refs when they are not plain schema names.
    for (const value of model.index.discriminatorMappings) {
      const ref = String(value.value);
      if (!ref.includes('#') && !ref.includes('/') && !ref.includes('.')) {
        const schemas = model.version === '2.0' ? getValue(model.root, 'definitions') : getValue(getValue(model.root, 'components'), 'schemas');
        if (!getValue(schemas, ref)) {
          const names = schemas?.kind === 'mapping' ? schemas.pairs.map((pair) => pair.key.text) : [];
          const suggestions = suggest(ref, names);
          context.report(value.span, `discriminator mapping names the schema '${ref}', which does not exist.${didYouMean(suggestions)}`, renameFixes(context.document.text, value.span, suggestions));
        }
        continue;
      }
      const resolution = resolveFully(model, ref);
      if (!resolution.ok && !NOT_FOLLOWED.has(resolution.failure)) reportRef(context, model, value, ref, resolution);
    }
  },
});

function reportRef(context: RuleContext, model: OpenApiModel, value: ScalarNode, ref: string, resolution: Resolution & { ok: false }): void {
  const suggestions = refSuggestions(model, ref, resolution);
  context.report(value.span, `${resolution.message}.${didYouMean(suggestions)}`, renameFixes(context.document.text, value.span, suggestions));
}

/** Remote and absolute refs are never fetched: say so, once per ref. */
export const openApiRefNotFollowedRule = openApiRule({
  id: 'oas-ref-not-followed',
  description: 'Remote (http/https) $refs and absolute file $refs are not fetched, so what they point at is not checked.',
  defaultSeverity: 'info',
  check(context, model) {
    for (const site of model.index.refs) {
      const resolution = model.resolve(site.ref);
      if (!resolution.ok && (resolution.failure === 'remote' || resolution.failure === 'absolute')) context.report(site.value.span, `${resolution.message}: what it points at is not checked.`);
    }
  },
});

/** The component a node belongs to (the `components.<section>.<name>` value above it). */
function componentOf(node: LocatedNode, sections: ReadonlyMap<LocatedNode, string>): { section: string; value: LocatedNode } | undefined {
  let current: LocatedNode | undefined = node;
  while (current?.parent) {
    const section = sections.get(current.parent);
    if (section !== undefined) return { section, value: current };
    current = current.parent;
  }
  return undefined;
}

function isInside(node: LocatedNode, ancestor: LocatedNode): boolean {
  for (let current: LocatedNode | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** Components defined for reuse but never referenced by this file. */
export const openApiUnusedComponentRule = openApiRule({
  id: 'oas-unused-component',
  description: 'Components (schemas, parameters, responses... or 2.0 definitions) should be referenced somewhere in the file; files without paths or webhooks (component libraries) are not checked.',
  defaultSeverity: 'warning',
  check(context, model) {
    if (!hasOperations(model)) return;
    const sections = new Map<LocatedNode, string>();
    for (const section of componentSections(model)) if (section.node?.kind === 'mapping') sections.set(section.node, section.tokens[section.tokens.length - 1]!);
    if (sections.size === 0) return;
    const used = new Set<LocatedNode>();
    const mark = (target: LocatedNode, from: LocatedNode): void => {
      const component = componentOf(target, sections);
      // A schema that only refers to itself (a tree node) is still unused.
      if (component && !isInside(from, component.value)) used.add(component.value);
    };
    for (const site of model.index.refs) {
      const resolution = model.resolve(site.ref);
      if (resolution.ok && resolution.base.root === model.root) mark(resolution.node, site.holder);
    }
    const schemas = componentSections(model)[0]?.node;
    for (const value of model.index.discriminatorMappings) {
      const text = String(value.value);
      const resolution = text.includes('#') ? model.resolve(text) : undefined;
      const target = resolution?.ok ? resolution.node : getValue(schemas, text);
      if (target) mark(target, value);
    }
    for (const [node, section] of sections) {
      for (const pair of (node as MappingNode).pairs) {
        if (pair.key.text.startsWith('x-') || used.has(pair.value)) continue;
        context.report(pair.key.span, `${sectionLabel(model, section)} '${pair.key.text}' is never referenced in this file.`);
      }
    }
  },
});

function hasOperations(model: OpenApiModel): boolean {
  const nonEmpty = (node: LocatedNode | undefined): boolean => node?.kind === 'mapping' && node.pairs.some((pair) => !pair.key.text.startsWith('x-'));
  return nonEmpty(getValue(model.root, 'paths')) || nonEmpty(getValue(model.root, 'webhooks'));
}

function sectionLabel(model: OpenApiModel, section: string): string {
  if (model.version === '2.0') return section === 'definitions' ? 'Definition' : section === 'parameters' ? 'Parameter' : 'Response';
  return `Component ${section.replace(/ies$/, 'y').replace(/s$/, '')}`;
}
