/**
 * Where an `AWS::Serverless::Api` / `HttpApi` gets its definition, and what needs it inline
 * (samtranslator/model/api/api_generator.py and http_api_generator.py, aws-sam-translator 1.110):
 * `DefinitionBody` and `DefinitionUri` exclude each other; SAM edits only inline definitions (its own,
 * generated from the events, or `DefinitionBody`), so with `DefinitionUri` alone the properties SAM
 * writes into the definition are rejected, and so is `MergeDefinitions: true`.
 */
import type { LocatedNode } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { Report } from './apiChecks';
import { lookupTable } from '../util/lookup';
import { isEmptyValue, samProperty } from './samProperties';

/** Properties SAM writes into the definition, by API type. */
const NEEDS_INLINE_DEFINITION: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::Serverless::Api': ['Auth', 'Cors', 'GatewayResponses', 'Models', 'DisableExecuteApiEndpoint'],
  'AWS::Serverless::HttpApi': ['Auth', 'CorsConfiguration', 'Tags', 'Description', 'Name', 'DisableExecuteApiEndpoint'],
});

/** Whether SAM sees the property as set: any value for DisableExecuteApiEndpoint (`is not None`), a truthy one otherwise. */
function isSet(name: string, node: LocatedNode): boolean {
  if (isEmptyValue(node)) return false;
  if (name === 'DisableExecuteApiEndpoint') return true;
  if (node.kind === 'scalar') return node.value !== false && node.value !== '' && node.value !== 0;
  return node.kind === 'mapping' ? node.pairs.length > 0 : node.items.length > 0;
}

function literalTrue(node: LocatedNode | undefined): boolean {
  return node?.kind === 'scalar' && (node.value === true || node.value === 'true');
}

function checkApi(template: TemplateModel, resource: ResourceEntry, inlineOnly: readonly string[], report: Report): void {
  const body = samProperty(template, resource, 'DefinitionBody');
  const uri = samProperty(template, resource, 'DefinitionUri');
  if (!uri || isEmptyValue(uri.value)) return;
  if (body && !isEmptyValue(body.value)) {
    // Fn::If picking one of them per condition is legitimate.
    if (!asIntrinsic(body.value) || asIntrinsic(body.value)?.name !== 'Fn::If') report(body.pair.key.span, `'${resource.name}' has both DefinitionBody and DefinitionUri: keep one (SAM rejects both).`);
    return;
  }
  const merge = samProperty(template, resource, 'MergeDefinitions');
  if (merge && literalTrue(merge.value)) report(merge.pair.key.span, `MergeDefinitions of '${resource.name}' needs an inline DefinitionBody: SAM cannot merge into a definition read from DefinitionUri.`);
  for (const name of inlineOnly) {
    const property = samProperty(template, resource, name);
    if (!property || !isSet(name, property.value)) continue;
    const anchor = property.fromGlobals ? uri.pair.key.span : property.pair.key.span;
    const source = property.fromGlobals ? ` (from Globals)` : '';
    report(anchor, `${name}${source} of '${resource.name}' needs an inline DefinitionBody: SAM writes it into the API definition, which it cannot do for one read from DefinitionUri. Move the definition into DefinitionBody (e.g. with AWS::Include), or set it in the definition.`);
  }
}

/** Every SAM API's definition source against the properties that need an inline one. */
export function checkApiDefinitions(template: TemplateModel, report: Report): void {
  for (const resource of template.resources.values()) {
    const inlineOnly = resource.type === undefined ? undefined : NEEDS_INLINE_DEFINITION[resource.type];
    if (inlineOnly) checkApi(template, resource, inlineOnly, report);
  }
}
