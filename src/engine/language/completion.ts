import type { AnalyzedDocument } from '../analyzedDocument';
import { analyzeDocument } from '../analyzedDocument';
import type { TemplateModel } from '../cfn/template';
import type { Catalog, PropertyInfo } from '../catalog/catalogTypes';
import { resolvePropertyPath, describeType } from '../cfn/propertyPath';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import { SHORT_FORM_TAGS } from '../cfn/shortForms';
import { getValue } from '../document/located';
import type { Span } from '../document/located';
import { INTRINSIC_DOCS, PSEUDO_PARAMETER_DOCS } from './intrinsicDocs';
import { propertySnippet } from './snippets';
import { wordBefore, yamlPathAt } from './yamlContext';
import { jsonCursorAt } from './jsonContext';
import { jsonSiblingKeys, yamlSiblingKeys } from './siblingKeys';
import { textWithoutLine } from './typing';
import { lineStartOf } from '../document/lineIndex';
import { lookupTable } from '../util/lookup';

/** What a completion item is, for its icon. */
export type CompletionKind = 'type' | 'property' | 'reference' | 'function' | 'value' | 'keyword' | 'attribute';

/** A completion item as data; the server maps it to LSP. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert (a snippet when `snippet` is true); defaults to the label. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** Sort key: required properties first. */
  readonly sortText?: string;
  /** The span the item replaces (the word being typed). */
  readonly replace: Span;
}

const SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Globals'];
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy'];
const PARAMETER_KEYS = ['Type', 'Default', 'Description', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription', 'MinLength', 'MaxLength', 'MinValue', 'MaxValue', 'NoEcho'];
const OUTPUT_KEYS = ['Value', 'Description', 'Export', 'Condition'];
const PARAMETER_TYPES = ['String', 'Number', 'List<Number>', 'CommaDelimitedList', 'AWS::EC2::VPC::Id', 'AWS::EC2::Subnet::Id', 'List<AWS::EC2::Subnet::Id>', 'AWS::EC2::SecurityGroup::Id', 'List<AWS::EC2::SecurityGroup::Id>', 'AWS::EC2::KeyPair::KeyName', 'AWS::EC2::Image::Id', 'AWS::SSM::Parameter::Value<String>', 'AWS::SSM::Parameter::Name'];
const POLICY_VALUES: Readonly<Record<string, readonly string[]>> = lookupTable({
  DeletionPolicy: ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'],
  UpdateReplacePolicy: ['Delete', 'Retain', 'Snapshot'],
});

/** How much of the line before the cursor the context patterns read (see `completionsAt`). */
const TAIL_CHARS = 512;

/**
 * Completion at an offset of a YAML or JSON template: sections, resource types,
 * properties (required first, with snippets), values the catalogue knows,
 * Ref/GetAtt/Sub targets with attributes, functions, conditions, mappings, DependsOn.
 */
export function completionsAt(analyzed: AnalyzedDocument, catalog: Catalog, offset: number): CompletionEntry[] {
  const text = analyzed.text;
  const lineStart = lineStartOf(text, offset);
  const linePrefix = text.slice(lineStart, offset);
  const { start, word } = wordBefore(text, offset);
  const replace = { start, end: offset };
  // While typing, the document often does not parse: model it without the line being typed.
  const template = analyzed.template ?? analyzeDocument(analyzed.fileName, textWithoutLine(text, offset)).template;
  const names = {
    parameters: [...(template?.parameters.keys() ?? [])],
    resources: [...(template?.resources.keys() ?? [])],
    conditions: [...(template?.conditions.keys() ?? [])],
    mappings: [...(template?.mappings.keys() ?? [])],
  };
  const resourceType = (id: string): string | undefined => template?.resources.get(id)?.type ?? typeFromText(text, id);

  // The patterns below are anchored at the cursor only: each may start anywhere on the line,
  // so on a crafted long line they would be quadratic. What they look for fits in the tail.
  const tail = linePrefix.length > TAIL_CHARS ? linePrefix.slice(-TAIL_CHARS) : linePrefix;
  // `${...}` inside a Sub string.
  const sub = /\$\{([A-Za-z0-9:]*)(\.[A-Za-z0-9.]*)?$/.exec(tail);
  if (sub) {
    if (sub[2] !== undefined) return attributeItems(catalog, resourceType(sub[1]!), { start: offset - sub[2].length + 1, end: offset });
    return [...refItems(names, replace), ...pseudoItems(replace)];
  }
  // Intrinsic function arguments.
  const getAtt = /(!GetAtt\s+|"?Fn::GetAtt"?\s*:\s*(?:\[\s*)?"?)([A-Za-z0-9]*)(\.[A-Za-z0-9.]*)?$/.exec(tail);
  if (getAtt) {
    if (getAtt[3] !== undefined) return attributeItems(catalog, resourceType(getAtt[2]!), { start: offset - getAtt[3].length + 1, end: offset });
    return names.resources.map((name) => ({ label: name, kind: 'reference' as const, detail: resourceType(name), replace }));
  }
  if (/(!Ref\s+|"?Ref"?\s*:\s*"?)[A-Za-z0-9:]*$/.test(tail)) return [...refItems(names, replace), ...pseudoItems(replace)];
  if (/(!Condition\s+|!If\s*\[\s*|"Fn::If"\s*:\s*\[\s*"?|^\s*"?Condition"?\s*:\s*"?)[A-Za-z0-9]*$/.test(tail)) return names.conditions.map((name) => ({ label: name, kind: 'reference' as const, detail: 'condition', replace }));
  const findInMap = /(!FindInMap\s*\[|"Fn::FindInMap"\s*:\s*\[)\s*"?([A-Za-z0-9]*)"?(?:\s*,\s*"?([A-Za-z0-9-]*)"?)?(\s*,\s*"?[A-Za-z0-9-]*)?$/.exec(tail);
  if (findInMap) return mapKeyItems(template, names.mappings, findInMap, replace);
  if (/^\s*(-\s+|"?DependsOn"?\s*:\s*(?:\[\s*)?"?|DependsOn:\s*)[A-Za-z0-9]*$/.test(linePrefix) && isInDependsOn(text, lineStart, linePrefix)) return names.resources.map((name) => ({ label: name, kind: 'reference' as const, detail: resourceType(name), replace }));
  if (/(^|\s)![A-Za-z]*$/.test(tail)) {
    const bang = linePrefix.lastIndexOf('!');
    return [...SHORT_FORM_TAGS.entries()].map(([tag, long]) => ({ label: tag, kind: 'function' as const, detail: INTRINSIC_DOCS[long]?.signature, documentation: INTRINSIC_DOCS[long]?.summary, replace: { start: lineStart + bang, end: offset } }));
  }
  if (/Fn::[A-Za-z]*$/.test(word)) return Object.keys(INTRINSIC_DOCS).filter((n) => n.startsWith('Fn::')).map((name) => ({ label: name, kind: 'function' as const, detail: INTRINSIC_DOCS[name]!.signature, replace }));

  if (analyzed.document.format === 'json') return jsonCompletions(catalog, text, offset, replace, resourceType);
  const path = yamlPathAt(text, offset);
  // A `#` anywhere means a comment (no key, value or indent holds one): tested first, so the
  // pattern needs no `[^#]*$` tail, which backtracked quadratically over `a:a:a:...#`.
  const keyValue = linePrefix.includes('#') ? null : /^\s*(?:-\s+)?([A-Za-z0-9_:.-]+)\s*:/.exec(linePrefix);
  if (keyValue) return valueCompletions(catalog, path, keyValue[1]!, replace, resourceType);
  const key = /^(\s*)(-\s+)?[A-Za-z0-9_:-]*$/.exec(linePrefix);
  if (key) {
    // Keys already written in the mapping are not offered again.
    const present = yamlSiblingKeys(text, lineStart, key[1]!.length + (key[2]?.length ?? 0), key[2] !== undefined);
    return withoutKeys(keyCompletions(catalog, path, replace, resourceType), present);
  }
  return [];
}

function withoutKeys(items: CompletionEntry[], present: ReadonlySet<string>): CompletionEntry[] {
  return present.size === 0 ? items : items.filter((item) => !present.has(item.label));
}


function refItems(names: { parameters: string[]; resources: string[] }, replace: Span): CompletionEntry[] {
  return [
    ...names.parameters.map((name) => ({ label: name, kind: 'reference' as const, detail: 'parameter', sortText: `0${name}`, replace })),
    ...names.resources.map((name) => ({ label: name, kind: 'reference' as const, detail: 'resource', sortText: `1${name}`, replace })),
  ];
}

function pseudoItems(replace: Span): CompletionEntry[] {
  return [...PSEUDO_PARAMETERS].map((name) => ({ label: name, kind: 'keyword' as const, detail: 'pseudo parameter', documentation: PSEUDO_PARAMETER_DOCS[name], sortText: `2${name}`, replace }));
}

function attributeItems(catalog: Catalog, type: string | undefined, replace: Span): CompletionEntry[] {
  const info = type ? catalog.resourceType(type) : undefined;
  if (!info) return [];
  const docs = catalog.documentation(info.name)?.attributes;
  return Object.entries(info.attributes).map(([name, attribute]) => ({ label: name, kind: 'attribute' as const, detail: describeType(attribute.type), ...(docs?.[name] ? { documentation: docs[name] } : {}), replace }));
}

function mapKeyItems(template: TemplateModel | undefined, mappings: string[], match: RegExpExecArray, replace: Span): CompletionEntry[] {
  const mapName = match[2]!;
  const firstKey = match[3];
  const typingSecond = match[4] !== undefined;
  const typingFirst = firstKey !== undefined && !typingSecond;
  if (!typingFirst && !typingSecond) return mappings.map((name) => ({ label: name, kind: 'reference' as const, detail: 'mapping', replace }));
  const mapping = template?.mappings.get(mapName)?.node;
  const level = typingSecond ? getValue(mapping, firstKey ?? '') : mapping;
  if (level?.kind !== 'mapping') return [];
  return level.pairs.map((pair) => ({ label: pair.key.text, kind: 'value' as const, detail: `${mapName} key`, replace }));
}

function isInDependsOn(text: string, lineStart: number, linePrefix: string): boolean {
  if (/DependsOn/.test(linePrefix)) return true;
  // A `- Name` item: is the list owned by a DependsOn key?
  const before = text.slice(Math.max(0, lineStart - 400), lineStart).split('\n').reverse();
  for (const line of before) {
    if (/^\s*-\s/.test(line) || line.trim() === '') continue;
    return /^\s*DependsOn:\s*$/.test(line);
  }
  return false;
}

function valueCompletions(catalog: Catalog, path: Array<string | number>, key: string, replace: Span, resourceType: (id: string) => string | undefined): CompletionEntry[] {
  if (path[0] === 'Resources' && path.length === 2 && key === 'Type') {
    return catalog.resourceTypeNames().map((name) => ({ label: name, kind: 'type' as const, replace }));
  }
  if (path[0] === 'Resources' && path.length === 2 && POLICY_VALUES[key]) return POLICY_VALUES[key]!.map((value) => ({ label: value, kind: 'value' as const, replace }));
  if (path[0] === 'Parameters' && path.length === 2 && key === 'Type') return PARAMETER_TYPES.map((name) => ({ label: name, kind: 'type' as const, replace }));
  if (path[0] === 'Resources' && path[2] === 'Properties' && typeof path[1] === 'string') {
    const type = resourceType(path[1]);
    const resolved = type ? resolvePropertyPath(catalog, type, [...path.slice(3), key]) : undefined;
    const property = resolved?.property;
    if (!property) return [];
    if (property.enumValues) return property.enumValues.map((value) => ({ label: value, kind: 'value' as const, replace }));
    if (property.type.kind === 'primitive' && property.type.name === 'boolean') return ['true', 'false'].map((value) => ({ label: value, kind: 'value' as const, replace }));
  }
  return [];
}

function keyCompletions(catalog: Catalog, path: Array<string | number>, replace: Span, resourceType: (id: string) => string | undefined): CompletionEntry[] {
  if (path.length === 0) return SECTIONS.map((name) => ({ label: name, kind: 'keyword' as const, insertText: `${name}:`, replace }));
  if (path[0] === 'Resources' && path.length === 2) return RESOURCE_KEYS.map((name) => ({ label: name, kind: 'keyword' as const, insertText: `${name}: `, replace }));
  if (path[0] === 'Parameters' && path.length === 2) return PARAMETER_KEYS.map((name) => ({ label: name, kind: 'keyword' as const, insertText: `${name}: `, replace }));
  if (path[0] === 'Outputs' && path.length === 2) return OUTPUT_KEYS.map((name) => ({ label: name, kind: 'keyword' as const, insertText: `${name}: `, replace }));
  if (path[0] === 'Resources' && path[2] === 'Properties' && typeof path[1] === 'string') {
    const type = resourceType(path[1]);
    const resolved = type ? resolvePropertyPath(catalog, type, [...path.slice(3), '\u0000']) : undefined;
    if (!resolved) return [];
    return propertyItems(catalog, resolved.ownerType, resolved.ownerProperties, replace);
  }
  return [];
}

/** Completions for the properties of `ownerType` (a resource type, or a property type's full name). */
function propertyItems(catalog: Catalog, ownerType: string, properties: Readonly<Record<string, PropertyInfo>>, replace: Span): CompletionEntry[] {
  const docs = catalog.documentation(ownerType)?.properties;
  return Object.entries(properties).map(([name, property]) => {
    const snippet = propertySnippet(catalog, name, property);
    return {
      label: name,
      kind: 'property' as const,
      detail: `${describeType(property.type)}${property.required ? ' (required)' : ''}`,
      ...(docs?.[name] ? { documentation: docs[name] } : {}),
      insertText: snippet,
      snippet: true,
      sortText: `${property.required ? '0' : '1'}${name}`,
      replace,
    };
  });
}

function jsonCompletions(catalog: Catalog, text: string, offset: number, replace: Span, resourceType: (id: string) => string | undefined): CompletionEntry[] {
  const cursor = jsonCursorAt(text, offset);
  // JSON items insert plain names inside the quotes being typed: no YAML snippets.
  const plain = (items: CompletionEntry[]): CompletionEntry[] => items.map(({ snippet: _snippet, insertText: _insert, ...item }) => ({ ...item, replace }));
  if (cursor.inKey) return withoutKeys(plain(keyCompletions(catalog, cursor.path, replace, resourceType)), jsonSiblingKeys(text, offset));
  if (cursor.key !== undefined) return plain(valueCompletions(catalog, cursor.path, cursor.key, replace, resourceType));
  return [];
}

/** A resource's Type read from the text, for JSON that does not parse yet (`"Id": {"Type": "..."`). */
function typeFromText(text: string, id: string): string | undefined {
  const escaped = id.replace(/[^A-Za-z0-9]/g, '');
  return new RegExp(`"${escaped}"\\s*:\\s*\\{\\s*"Type"\\s*:\\s*"([A-Za-z0-9:]+)"`).exec(text)?.[1];
}
