/**
 * Where findings about OpenAPI objects go. A problem with an object ("`responses` is
 * required") is shown on the key that introduces it (`get:`), not across the whole object;
 * a problem with a value is shown on the value; the document itself is represented by its
 * `openapi`/`swagger` key.
 */
import type { LocatedNode, Span } from '../document/located';
import type { OpenApiModel } from './model';

/** The key of the pair whose value is `node`, if its parent is a mapping. */
export function keyOf(node: LocatedNode): Span | undefined {
  const parent = node.parent;
  if (parent?.kind !== 'mapping') return undefined;
  for (const pair of parent.pairs) if (pair.value === node) return pair.key.span;
  return undefined;
}

/** The span standing for an object: its key, or its first key in a list, or the version key for the root. */
export function holderSpan(node: LocatedNode, model: OpenApiModel): Span {
  if (node === model.root) return model.versionKey.span;
  const key = keyOf(node);
  if (key) return key;
  if (node.kind === 'mapping' && node.pairs.length > 0) return node.pairs[0]!.key.span;
  return node.span;
}

/** The span of a value; an empty YAML value (`key:`) has no width, so its key stands for it. */
export function valueSpan(node: LocatedNode, model: OpenApiModel): Span {
  if (node === model.root) return model.versionKey.span;
  if (node.span.end > node.span.start) return node.span;
  return keyOf(node) ?? node.span;
}

/** The span of a property's key in a mapping (the last one, like a JSON parser). */
export function propertyKeySpan(node: LocatedNode, property: string): Span | undefined {
  if (node.kind !== 'mapping') return undefined;
  let span: Span | undefined;
  for (const pair of node.pairs) if (pair.key.text === property) span = pair.key.span;
  return span;
}
