import type { AnalyzedDocument } from '../analyzedDocument';
import type { Catalog, ResourceTypeInfo, TypeDocumentation } from '../catalog/catalogTypes';
import { collectReferences } from '../cfn/references';
import type { Reference } from '../cfn/references';
import { describeType, resolvePropertyPath } from '../cfn/propertyPath';
import { isGeneratedName } from '../cfn/generatedNames';
import { getValue } from '../document/located';
import type { LocatedNode, Span } from '../document/located';
import { nodeAt, pathKeys } from '../document/nodeAt';
import { INTRINSIC_DOCS, PSEUDO_PARAMETER_DOCS, resourceDocUrl } from './intrinsicDocs';
import { lookupTable } from '../util/lookup';

/** Hover content: Markdown and the span it applies to. */
export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

const RESOURCE_ATTRIBUTES: Readonly<Record<string, string>> = lookupTable({
  Type: 'The resource type, e.g. `AWS::S3::Bucket`.',
  Properties: 'The properties of the resource, as defined by its type.',
  DependsOn: 'Resources that must be created before this one (CloudFormation infers most order from Ref and GetAtt).',
  Condition: 'Creates the resource only when this condition is true.',
  DeletionPolicy: 'What happens to the resource when it is removed from the stack: `Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot`.',
  UpdateReplacePolicy: 'What happens to the old resource when an update replaces it: `Delete`, `Retain` or `Snapshot`.',
  Metadata: 'Arbitrary data attached to the resource (also `archlens: { ignore: [rule ids] }`).',
  UpdatePolicy: 'How CloudFormation updates Auto Scaling groups, Lambda aliases and a few other types.',
  CreationPolicy: 'Makes CloudFormation wait for success signals before the resource is complete.',
});

/** Hover at an offset of a template: resource types, properties, references, intrinsic functions. */
export function hoverAt(analyzed: AnalyzedDocument, catalog: Catalog, offset: number): HoverResult | undefined {
  const { template, document } = analyzed;
  if (!template) return undefined;
  const reference = collectReferences(document, template).find((r) => within(r.span, offset) || (r.attributeSpan !== undefined && within(r.attributeSpan, offset)));
  if (reference) return referenceHover(analyzed, catalog, reference);
  const hit = nodeAt(document.root, offset);
  if (!hit) return undefined;
  const keys = pathKeys(hit.path);
  if (hit.isKey) {
    const intrinsic = INTRINSIC_DOCS[hit.node.kind === 'scalar' ? hit.node.text.replace(/^(Fn::ForEach)::.*$/, '$1') : ''];
    if (intrinsic && hit.node.kind === 'scalar') return { markdown: `**${hit.node.text}**\n\n\`${intrinsic.signature}\`\n\n${intrinsic.summary}`, span: hit.node.span };
  }
  if (keys[0] === 'Resources' && typeof keys[1] === 'string') {
    const resource = template.resources.get(keys[1]);
    if (!resource?.type) return undefined;
    if (keys.length === 2 && hit.isKey) return resourceTypeHover(catalog, resource.type, hit.node.span, keys[1]);
    if (keys.length === 3 && keys[2] === 'Type' && !hit.isKey) return resourceTypeHover(catalog, resource.type, hit.node.span);
    if (keys.length === 3 && hit.isKey && RESOURCE_ATTRIBUTES[keys[2] as string]) return { markdown: `**${keys[2]}** (resource attribute)\n\n${RESOURCE_ATTRIBUTES[keys[2] as string]}`, span: hit.node.span };
    if (keys[2] === 'Properties' && keys.length >= 4 && hit.isKey) return propertyHover(catalog, resource.type, keys.slice(3), hit.node.span);
  }
  if (keys[0] === 'Parameters' && keys.length === 2 && hit.isKey) {
    const parameter = template.parameters.get(String(keys[1]));
    if (parameter) return { markdown: parameterSummary(parameter.name, parameter.node), span: hit.node.span };
  }
  return undefined;
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Markdown for a resource type: documentation, required properties, attributes, Ref. */
export function resourceTypeMarkdown(info: ResourceTypeInfo, docs: TypeDocumentation | undefined): string {
  const lines = [`**${info.name}**`];
  if (docs?.text) lines.push('', docs.text);
  const required = Object.entries(info.properties).filter(([, p]) => p.required).map(([n]) => `\`${n}\``);
  if (required.length > 0) lines.push('', `Required: ${required.join(', ')}`);
  const attributes = Object.keys(info.attributes);
  if (attributes.length > 0) lines.push('', `GetAtt: ${attributes.slice(0, 12).map((a) => `\`${a}\``).join(', ')}${attributes.length > 12 ? ', ...' : ''}`);
  if (info.refDescription) lines.push('', `Ref returns: ${info.refDescription}`);
  const url = resourceDocUrl(info.name);
  if (url) lines.push('', `[Documentation](${url})`);
  return lines.join('\n');
}

function resourceTypeHover(catalog: Catalog, type: string, span: Span, logicalId?: string): HoverResult | undefined {
  const info = catalog.resourceType(type);
  if (!info) return undefined;
  const header = logicalId ? `Resource \`${logicalId}\`\n\n` : '';
  return { markdown: header + resourceTypeMarkdown(info, catalog.documentation(info.name)), span };
}

function propertyHover(catalog: Catalog, type: string, steps: readonly (string | number)[], span: Span): HoverResult | undefined {
  const resolved = resolvePropertyPath(catalog, type, steps);
  if (!resolved?.property || !resolved.name) return undefined;
  const property = resolved.property;
  const facts = [`Type: ${describeType(property.type)}`, property.required ? 'Required' : 'Optional'];
  if (property.replacement === 'always') facts.push('Update requires: **replacement**');
  else if (property.replacement === 'conditional') facts.push('Update requires: some interruption or replacement');
  else if (property.replacement === 'never') facts.push('Update requires: no interruption');
  const lines = [`**${resolved.name}** (${resolved.ownerType})`, '', facts.join(' · ')];
  const documentation = catalog.documentation(resolved.ownerType)?.properties[resolved.name];
  if (documentation) lines.push('', documentation);
  if (property.enumValues && property.enumValues.length > 0) lines.push('', `Allowed values: ${property.enumValues.map((v) => `\`${v}\``).join(', ')}`);
  return { markdown: lines.join('\n'), span };
}

function parameterSummary(name: string, node: LocatedNode): string {
  const field = (key: string): string | undefined => {
    const value = getValue(node, key);
    return value?.kind === 'scalar' ? value.text : undefined;
  };
  const lines = [`Parameter \`${name}\`: ${field('Type') ?? 'no Type'}`];
  const defaultValue = field('Default');
  if (defaultValue !== undefined) lines.push('', `Default: \`${defaultValue}\``);
  const description = field('Description');
  if (description) lines.push('', description);
  return lines.join('\n');
}

function referenceHover(analyzed: AnalyzedDocument, catalog: Catalog, reference: Reference): HoverResult | undefined {
  const template = analyzed.template!;
  const span = reference.span;
  const name = reference.name;
  if (PSEUDO_PARAMETER_DOCS[name]) return { markdown: `**${name}** (pseudo parameter)\n\n${PSEUDO_PARAMETER_DOCS[name]}`, span };
  const parameter = template.parameters.get(name);
  if (parameter && reference.kind !== 'getatt') return { markdown: parameterSummary(name, parameter.node), span };
  const resource = template.resources.get(name);
  if (resource) {
    const info = resource.type ? catalog.resourceType(resource.type) : undefined;
    const lines = [`Resource \`${name}\`: ${resource.type ?? 'unknown type'}`];
    if (reference.attribute !== undefined && info) {
      const attribute = info.attributes[reference.attribute];
      const documentation = catalog.documentation(info.name)?.attributes[reference.attribute];
      if (attribute) lines.push('', `Attribute \`${reference.attribute}\`: ${describeType(attribute.type)}${documentation ? `\n\n${documentation}` : ''}`);
    } else if (info?.refDescription && (reference.kind === 'ref' || reference.kind === 'sub')) lines.push('', `Ref returns: ${info.refDescription}`);
    return { markdown: lines.join('\n'), span };
  }
  const condition = template.conditions.get(name);
  if (condition && reference.kind === 'condition') return { markdown: `Condition \`${name}\``, span };
  const mapping = template.mappings.get(name);
  if (mapping && reference.kind === 'findInMap') {
    const keys = mapping.node.kind === 'mapping' ? mapping.node.pairs.map((p) => p.key.text) : [];
    return { markdown: `Mapping \`${name}\`: ${keys.length} top-level keys (${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''})`, span };
  }
  if (isGeneratedName(template, name)) return { markdown: `\`${name}\` is generated by a transform (SAM or a Rain module).`, span };
  return undefined;
}
