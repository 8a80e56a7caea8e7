import type { LocatedNode, MappingNode, Pair, ScalarNode } from '../document/located';
import { getPair, getValue } from '../document/located';

/** A named entry of a template section (a parameter, resource, condition, mapping or output). */
export interface SectionEntry {
  readonly name: string;
  readonly keyNode: ScalarNode;
  readonly node: LocatedNode;
}

/** A resource entry with the fields rules look at most. */
export interface ResourceEntry extends SectionEntry {
  /** The `Type` value when it is a string. */
  readonly type: string | undefined;
  readonly typeNode: LocatedNode | undefined;
  readonly properties: LocatedNode | undefined;
  /** True for a Rain module (`Type: !Rain::Module path`): it expands into resources named `<id><Name>`. */
  readonly rainModule: boolean;
}

/**
 * The sections of a CloudFormation template, indexed by logical name. Built
 * once per lint and shared by all rules; section maps keep source order.
 */
export interface TemplateModel {
  readonly root: MappingNode;
  readonly sections: ReadonlyMap<string, Pair>;
  readonly parameters: ReadonlyMap<string, SectionEntry>;
  readonly resources: ReadonlyMap<string, ResourceEntry>;
  readonly conditions: ReadonlyMap<string, SectionEntry>;
  readonly mappings: ReadonlyMap<string, SectionEntry>;
  readonly outputs: ReadonlyMap<string, SectionEntry>;
  /** Transforms named in `Transform` (string or list). */
  readonly transforms: readonly string[];
  /** True when the SAM transform is declared. */
  readonly isSam: boolean;
}

/** The SAM transform name. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Builds the model of a template whose root is a mapping. */
export function buildTemplateModel(root: MappingNode): TemplateModel {
  const sections = new Map<string, Pair>();
  for (const pair of root.pairs) if (!sections.has(pair.key.text)) sections.set(pair.key.text, pair);
  const transforms = readTransforms(getValue(root, 'Transform'));
  return {
    root,
    sections,
    parameters: entries(getValue(root, 'Parameters')),
    resources: resourceEntries(getValue(root, 'Resources')),
    conditions: entries(getValue(root, 'Conditions')),
    mappings: entries(getValue(root, 'Mappings')),
    outputs: entries(getValue(root, 'Outputs')),
    transforms,
    isSam: transforms.includes(SAM_TRANSFORM),
  };
}

function entries(section: LocatedNode | undefined): Map<string, SectionEntry> {
  const out = new Map<string, SectionEntry>();
  if (section?.kind !== 'mapping') return out;
  for (const pair of section.pairs) {
    if (!out.has(pair.key.text)) out.set(pair.key.text, { name: pair.key.text, keyNode: pair.key, node: pair.value });
  }
  return out;
}

function resourceEntries(section: LocatedNode | undefined): Map<string, ResourceEntry> {
  const out = new Map<string, ResourceEntry>();
  if (section?.kind !== 'mapping') return out;
  for (const pair of section.pairs) {
    if (out.has(pair.key.text)) continue;
    const typeNode = getValue(pair.value, 'Type');
    const type = typeNode?.kind === 'scalar' && typeof typeNode.value === 'string' ? typeNode.value : undefined;
    out.set(pair.key.text, {
      name: pair.key.text,
      keyNode: pair.key,
      node: pair.value,
      type,
      typeNode,
      properties: getPair(pair.value, 'Properties')?.value,
      rainModule: typeNode?.kind === 'mapping' && typeNode.pairs[0]?.key.text === 'Rain::Module',
    });
  }
  return out;
}

function readTransforms(node: LocatedNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return typeof node.value === 'string' ? [node.value] : [];
  if (node.kind === 'sequence') return node.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
  // `Transform: { Name: AWS::Include, ... }` at the top level is also valid.
  const name = getValue(node, 'Name');
  return name?.kind === 'scalar' && typeof name.value === 'string' ? [name.value] : [];
}
