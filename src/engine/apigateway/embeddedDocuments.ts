import type { LocatedNode, MappingNode, ParsedDocument, Pair, SequenceNode } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';
import { findEmbeddedOpenApi } from './embedded';

/** Intrinsic functions whose result is a string: inside an OpenAPI body they stand for "some string". */
const STRING_FUNCTIONS = new Set(['Ref', 'Fn::Sub', 'Fn::Join', 'Fn::GetAtt', 'Fn::Select', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64']);

/** A placeholder string that no OpenAPI keyword treats specially. */
const PLACEHOLDER = 'archlens-intrinsic-value';

/**
 * The inline OpenAPI bodies of a template (RestApi `Body`, Serverless Api `DefinitionBody`...)
 * as documents the `oas-*` rules can check. Intrinsic functions are understood: a
 * string-producing call (`!Sub`, `!GetAtt`...) becomes a placeholder string with the call's
 * span; any other call (`!If`, `Fn::Transform`...) removes the entry that holds it, since its
 * value is unknown until deployment. Spans stay those of the template, so findings land on it.
 */
export function embeddedOpenApiDocuments(template: TemplateModel, document: ParsedDocument): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const embedded of findEmbeddedOpenApi(template)) {
    if (!embedded.root || embedded.root.kind !== 'mapping') continue;
    const root = sanitize(embedded.root, undefined);
    if (root?.kind !== 'mapping') continue;
    if (embedded.flavor === 'rest') addBuiltInModels(root);
    out.push({ format: document.format, text: document.text, root, problems: [] });
  }
  return out;
}

function sanitize(node: LocatedNode, parent: LocatedNode | undefined): LocatedNode | undefined {
  const call = asIntrinsic(node);
  if (call) {
    if (!STRING_FUNCTIONS.has(call.name)) return undefined;
    return { kind: 'scalar', value: PLACEHOLDER, text: PLACEHOLDER, quoted: true, span: node.span, parent };
  }
  if (node.kind === 'scalar') return { ...node, parent };
  if (node.kind === 'sequence') {
    const copy: SequenceNode = { kind: 'sequence', items: [], span: node.span, parent };
    for (const item of node.items) {
      const clean = sanitize(item, copy);
      if (clean) copy.items.push(clean);
    }
    return copy;
  }
  const copy: MappingNode = { kind: 'mapping', pairs: [], span: node.span, parent };
  for (const pair of node.pairs) {
    if (pair.key.text.startsWith('Fn::')) continue;
    const value = sanitize(pair.value, copy);
    if (!value) continue;
    const sanitized: Pair = { key: { ...pair.key, parent: copy }, value, ...(pair.merged ? { merged: true } : {}) };
    copy.pairs.push(sanitized);
  }
  return copy;
}

/**
 * REST APIs have the models `Empty` and `Error` without defining them, so bodies may
 * `$ref` them (`#/components/schemas/Empty`, 2.0: `#/definitions/Empty`). They are added
 * to the checked copy (zero-width spans at the body's start) unless the body defines them.
 */
function addBuiltInModels(root: MappingNode): void {
  const isSwagger = root.pairs.some((pair) => pair.key.text === 'swagger');
  const at = { start: root.span.start, end: root.span.start };
  const container = isSwagger ? ensureMapping(root, 'definitions', at) : ensureMapping(ensureMapping(root, 'components', at), 'schemas', at);
  for (const name of ['Empty', 'Error']) {
    if (container.pairs.some((pair) => pair.key.text === name)) continue;
    const model: MappingNode = { kind: 'mapping', pairs: [], span: at, parent: container };
    model.pairs.push({ key: { kind: 'scalar', value: 'type', text: 'type', quoted: false, span: at, parent: model }, value: { kind: 'scalar', value: 'object', text: 'object', quoted: false, span: at, parent: model } });
    container.pairs.push({ key: { kind: 'scalar', value: name, text: name, quoted: false, span: at, parent: container }, value: model });
  }
}

function ensureMapping(parent: MappingNode, key: string, at: { start: number; end: number }): MappingNode {
  const existing = parent.pairs.find((pair) => pair.key.text === key)?.value;
  if (existing?.kind === 'mapping') return existing;
  const created: MappingNode = { kind: 'mapping', pairs: [], span: at, parent };
  parent.pairs.push({ key: { kind: 'scalar', value: key, text: key, quoted: false, span: at, parent }, value: created });
  return created;
}
