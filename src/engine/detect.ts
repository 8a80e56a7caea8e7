import type { DocumentKind } from './documentKind';
import type { LocatedNode } from './document/located';
import { getValue } from './document/located';
import { SAM_TRANSFORM } from './cfn/template';

/** A version number as written: `3.1.0`, `2.0`, `"4.0"` (JSON text keeps its quotes). */
const VERSION_TEXT = /^["']?\d+\.\d+/;

const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+|^Custom::/;

/**
 * Classifies a parsed document. A template needs `AWSTemplateFormatVersion` or a
 * `Resources` mapping whose entries have CloudFormation-shaped `Type`s, so a
 * Kubernetes manifest, a buildspec or a package.json is never linted as one.
 */
export function detectKind(root: LocatedNode | undefined, text: string): DocumentKind {
  if (!root) return detectFromText(text);
  if (root.kind !== 'mapping') return 'other';
  const openapi = getValue(root, 'openapi');
  const swagger = getValue(root, 'swagger');
  // A top-level `openapi: 3.1.0` or `swagger: "2.0"` declares an OpenAPI document, whatever else it
  // has (or lacks) and whichever version it names: `oas-schema` and `oas-version` say what is wrong.
  if (isScalarText(openapi, VERSION_TEXT) || isScalarText(swagger, VERSION_TEXT)) return 'openapi';
  if (!looksLikeTemplate(root)) return 'other';
  return isSamTemplate(root) ? 'sam' : 'cloudformation';
}

function looksLikeTemplate(root: LocatedNode): boolean {
  if (getValue(root, 'AWSTemplateFormatVersion')) return true;
  // The SAM transform names a template unambiguously: a misspelt `Resource:` section must be reported, not skipped.
  if (isSamTemplate(root)) return true;
  const resources = getValue(root, 'Resources');
  if (resources?.kind !== 'mapping') return false;
  // Kubernetes manifests and the like never combine `Resources` with these.
  if (getValue(root, 'apiVersion') && getValue(root, 'kind')) return false;
  for (const pair of resources.pairs) {
    if (pair.key.text.startsWith('Fn::ForEach::')) return true;
    const type = getValue(pair.value, 'Type');
    if (type?.kind === 'scalar' && RESOURCE_TYPE.test(type.text)) return true;
  }
  return resources.pairs.length === 0 && (getValue(root, 'Transform') !== undefined || getValue(root, 'Parameters') !== undefined);
}

function isSamTemplate(root: LocatedNode): boolean {
  const transform = getValue(root, 'Transform');
  if (!transform) return false;
  if (transform.kind === 'scalar') return transform.text === SAM_TRANSFORM;
  if (transform.kind === 'sequence') return transform.items.some((item) => item.kind === 'scalar' && item.text === SAM_TRANSFORM);
  return false;
}

/** Tests a scalar's source text: an unquoted `swagger: 2.0` is the number 2 to YAML, but `2.0` as written. */
function isScalarText(node: LocatedNode | undefined, pattern: RegExp): boolean {
  return node?.kind === 'scalar' && pattern.test(node.text);
}

/** For documents that do not parse (mid-edit), decide from top-level keys in the text. */
export function detectFromText(text: string): DocumentKind {
  const head = text.slice(0, 20_000);
  // `[ \t]*`, not `\s*`: with `m`, `\s*` would rescan every following blank line from each line start.
  const flow = /^\s*\{/.test(head);
  if (/^[ \t]*["']?(openapi|swagger)["']?[ \t]*:/m.test(head) || (flow && /[{,]\s*["']?(openapi|swagger)["']?\s*:/.test(head))) return 'openapi';
  const yamlTemplate = /^["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/m.test(head);
  // JSON, or YAML in flow style (`{Resources: {...`): a broken one is still reported, not skipped.
  const jsonTemplate = flow && /[{,]\s*["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/.test(head);
  if (yamlTemplate || jsonTemplate) {
    return head.includes(SAM_TRANSFORM) ? 'sam' : 'cloudformation';
  }
  return 'other';
}
