/**
 * Hover for OpenAPI documents: a `$ref` shows a summary of its target (kind, type, title,
 * description, required properties; the file for cross-file refs), a component name its own
 * summary, a field key its one-line documentation for the object it is in (by version), and
 * an `x-amazon-apigateway-*` key its description with a link to the API Gateway docs.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { LocatedNode } from '../../document/located';
import { getValue } from '../../document/located';
import { nodeAt, pathKeys } from '../../document/nodeAt';
import type { HoverResult } from '../../language/hover';
import type { LocationKind } from '../locations';
import type { OpenApiModel } from '../model';
import { tokensTo } from '../pointer';
import type { RefBase } from '../refs';
import { EXTENSION_FIELDS, EXTENSION_PREFIX, extensionContextAt, extensionDoc, fieldDoc, KIND_TITLES, objectKindAt, STATUS_NAMES } from './fields';
import type { OpenApiLanguageHost, RefOccurrence } from './languageModel';
import { languageModel, refAt, sectionOfKey, sectionsOf } from './languageModel';

/** Hover at an offset of an OpenAPI document. */
export function openApiHoverAt(analyzed: AnalyzedDocument, offset: number, host?: OpenApiLanguageHost): HoverResult | undefined {
  const model = languageModel(analyzed, host);
  if (!model) return undefined;
  const occurrence = refAt(model, offset);
  if (occurrence) return refHover(model, occurrence, offset);
  const hit = nodeAt(model.root, offset);
  if (!hit?.isKey || hit.node.kind !== 'scalar') return undefined;
  const span = hit.node.span;
  const keys = pathKeys(hit.path);
  const key = hit.node.text;
  const parent = keys.slice(0, -1);

  const extension = extensionDoc(key);
  if (extension) {
    const lines = [`**${key}** (API Gateway extension, ${extension.api} APIs)`, '', extension.summary, '', `[API Gateway documentation](${extension.page})`];
    return { markdown: lines.join('\n'), span };
  }
  const inExtension = extensionContextAt(parent);
  if (inExtension) {
    const fields = inExtension.object ? EXTENSION_FIELDS[inExtension.object] : undefined;
    const doc = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!doc) return undefined;
    const page = extensionDoc(EXTENSION_PREFIX + inExtension.extension)?.page;
    return { markdown: [`**${key}** (x-amazon-apigateway-${inExtension.extension})`, '', doc, ...(page ? ['', `[API Gateway documentation](${page})`] : [])].join('\n'), span };
  }

  // A component name: its summary.
  const section = sectionOfKey(model, keys);
  if (section) {
    const node = getValue(section.node, key);
    return node ? { markdown: summary(model, section.entryKind === 'integration' ? 'integration' : section.entryKind, key, node, model.resolver.main, undefined), span } : undefined;
  }
  // A security requirement: the scheme's summary.
  const requirement = model.index.security.find((entry) => entry.name === hit.node);
  if (requirement) {
    const schemes = sectionsOf(model.version, model.root).find((candidate) => candidate.entryKind === 'securityScheme');
    const scheme = getValue(schemes?.node, key);
    return { markdown: scheme ? summary(model, 'securityScheme', key, scheme, model.resolver.main, undefined) : `Security scheme \`${key}\` is not defined.`, span };
  }

  const kind = objectKindAt(parent);
  if (kind === 'responses') {
    const step = hit.path[hit.path.length - 1];
    const value = step && 'pair' in step ? step.pair.value : undefined;
    const reason = STATUS_NAMES[key.toUpperCase()] ?? (key === 'default' ? STATUS_NAMES.default : undefined);
    const lines = [`**Response ${key}**${reason ? ` ${reason}` : ''}`];
    const resolved = value ? model.resolver.follow(value, model.resolver.main) : undefined;
    const description = resolved?.ok ? describeAs(model, 'response', resolved.node, resolved.base) : undefined;
    if (description) lines.push('', description);
    return { markdown: lines.join('\n'), span };
  }
  if ((kind === 'paths' || kind === 'webhooks') && parent.length === 1) {
    const step = hit.path[hit.path.length - 1];
    const item = step && 'pair' in step ? step.pair.value : undefined;
    return item ? { markdown: summary(model, 'pathItem', key, item, model.resolver.main, undefined), span } : undefined;
  }
  const field = fieldDoc(kind, key, model.version);
  if (!field) return undefined;
  const lines = [`**${key}** (${KIND_TITLES[kind] ?? kind})`, '', field.doc];
  if (field.versions) lines.push('', `_Not part of OpenAPI ${model.version} (defined in ${field.versions.join(' and ')})._`);
  if (kind === 'pathItem' && /^(get|put|post|delete|options|head|patch|trace)$/.test(key)) {
    const operation = hit.path[hit.path.length - 1];
    const node = operation && 'pair' in operation ? operation.pair.value : undefined;
    const facts = [text(node, 'operationId') ? `operationId \`${text(node, 'operationId')}\`` : undefined, text(node, 'summary')].filter(Boolean);
    if (facts.length > 0) lines.push('', facts.join(' · '));
  }
  return { markdown: lines.join('\n'), span };
}

function text(node: LocatedNode | undefined, key: string): string | undefined {
  const value = getValue(node, key);
  if (value?.kind !== 'scalar' || value.value === null) return undefined;
  return typeof value.value === 'string' ? value.value : value.text;
}

function refHover(model: OpenApiModel, occurrence: RefOccurrence, offset: number): HoverResult {
  const span = occurrence.value.span;
  const first = model.resolve(occurrence.ref);
  if (!first.ok) return { markdown: `**Unresolved reference**\n\n${first.message}`, span };
  const followed = model.resolver.follow(first.node, first.base);
  const node = followed.ok ? followed.node : first.node;
  const base = followed.ok ? followed.base : first.base;
  const tokens = tokensTo(first.base.root, first.node) ?? [];
  const name = tokens.length > 0 ? tokens[tokens.length - 1]! : occurrence.ref.split('#')[0]!;
  const file = first.base.root === model.root ? undefined : occurrence.ref.split('#')[0] || first.base.file;
  const kind = refKind(model, offset, tokens, occurrence);
  return { markdown: summary(model, kind, name, node, base, file), span };
}

/** The kind of what a `$ref` points at: from where it is written, else from where its target sits. */
function refKind(model: OpenApiModel, offset: number, targetTokens: readonly string[], occurrence: RefOccurrence): SummaryKind {
  if (occurrence.bareName || targetTokens.includes('schemas') || targetTokens[0] === 'definitions') return 'schema';
  if (targetTokens.includes('x-amazon-apigateway-integrations')) return 'integration';
  const hit = nodeAt(model.root, offset);
  const holder = hit ? pathKeys(hit.path).slice(0, -1) : [];
  const kind = objectKindAt(holder);
  if (SUMMARY_KINDS.has(kind as SummaryKind)) return kind as SummaryKind;
  const fromTarget = objectKindAt(targetTokens);
  return SUMMARY_KINDS.has(fromTarget as SummaryKind) ? (fromTarget as SummaryKind) : 'value';
}

type SummaryKind = Extract<LocationKind, 'schema' | 'parameter' | 'response' | 'requestBody' | 'header' | 'example' | 'link' | 'callback' | 'pathItem' | 'securityScheme' | 'value'> | 'integration';

const SUMMARY_KINDS = new Set<SummaryKind>(['schema', 'parameter', 'response', 'requestBody', 'header', 'example', 'link', 'callback', 'pathItem', 'securityScheme', 'integration']);

const TITLES: Record<SummaryKind, string> = {
  schema: 'Schema', parameter: 'Parameter', response: 'Response', requestBody: 'Request body', header: 'Header', example: 'Example', link: 'Link',
  callback: 'Callback', pathItem: 'Path item', securityScheme: 'Security scheme', integration: 'Integration', value: 'Target',
};

/** Markdown summary of an object: a title line, then its facts. */
function summary(model: OpenApiModel, kind: SummaryKind, name: string, node: LocatedNode, base: RefBase, file: string | undefined): string {
  const title = kind === 'pathItem' && model.index.pathItems.some((item) => item.node === node && item.container === 'webhooks') ? 'Webhook' : TITLES[kind];
  const lines = [`**${title}** \`${name}\`${file ? ` in \`${file}\`` : ''}`];
  const body = describeAs(model, kind, node, base);
  if (body) lines.push('', body);
  return lines.join('\n');
}

const MAX_LIST = 12;

function list(names: readonly string[]): string {
  return names.slice(0, MAX_LIST).map((name) => `\`${name}\``).join(', ') + (names.length > MAX_LIST ? `, ... (${names.length})` : '');
}

function clip(value: string, max = 400): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function keysOf(node: LocatedNode | undefined): string[] {
  return node?.kind === 'mapping' ? node.pairs.map((pair) => pair.key.text).filter((key) => !key.startsWith('x-')) : [];
}

/** A short type label of a schema: `string (date-time)`, `array of Pet`, `Pet` for a `$ref`. */
function typeLabel(schema: LocatedNode | undefined): string | undefined {
  if (schema?.kind !== 'mapping') return undefined;
  const ref = text(schema, '$ref');
  if (ref) return ref.slice(ref.lastIndexOf('/') + 1) || ref;
  const type = getValue(schema, 'type');
  const typeText = type?.kind === 'sequence' ? type.items.map((item) => (item.kind === 'scalar' ? item.text : '?')).join(' | ') : text(schema, 'type');
  if (typeText === 'array') {
    const items = typeLabel(getValue(schema, 'items'));
    return items ? `array of ${items}` : 'array';
  }
  const format = text(schema, 'format');
  if (typeText) return format ? `${typeText} (${format})` : typeText;
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    const parts = getValue(schema, combinator);
    if (parts?.kind === 'sequence') return `${combinator} of ${parts.items.map((item) => typeLabel(item) ?? 'schema').join(', ')}`;
  }
  return undefined;
}

function describeAs(model: OpenApiModel, kind: SummaryKind, node: LocatedNode, base: RefBase): string | undefined {
  if (node.kind !== 'mapping') return node.kind === 'scalar' ? `\`${clip(node.text, 80)}\`` : undefined;
  const facts: string[] = [];
  const add = (line: string | undefined): void => {
    if (line) facts.push(line);
  };
  const description = text(node, 'description');
  switch (kind) {
    case 'schema': {
      const type = typeLabel(node);
      add(type ? `Type: \`${type}\`` : undefined);
      add(text(node, 'title') ? `_${text(node, 'title')}_` : undefined);
      add(description && clip(description));
      const required = getValue(node, 'required');
      if (required?.kind === 'sequence' && required.items.length > 0) add(`Required: ${list(required.items.map((item) => (item.kind === 'scalar' ? item.text : '?')))}`);
      const properties = keysOf(getValue(node, 'properties'));
      if (properties.length > 0) add(`Properties: ${list(properties)}`);
      const values = getValue(node, 'enum');
      if (values?.kind === 'sequence') add(`Values: ${list(values.items.map((item) => (item.kind === 'scalar' ? item.text : '…')))}`);
      const flags = ['nullable', 'readOnly', 'writeOnly', 'deprecated'].filter((flag) => getValue(node, flag)?.kind === 'scalar' && text(node, flag) === 'true');
      if (flags.length > 0) add(flags.map((flag) => `\`${flag}\``).join(' · '));
      break;
    }
    case 'parameter':
    case 'header': {
      const where = text(node, 'in');
      const name = text(node, 'name');
      const type = typeLabel(getValue(node, 'schema')) ?? typeLabel(node);
      const head = [name ? `\`${name}\`` : undefined, where ? `in ${where}` : undefined, type ? `: \`${type}\`` : undefined, text(node, 'required') === 'true' ? '(required)' : undefined].filter(Boolean).join(' ');
      add(head.replace(' : ', ': '));
      add(description && clip(description));
      break;
    }
    case 'response':
    case 'requestBody': {
      add(description && clip(description));
      if (kind === 'requestBody' && text(node, 'required') === 'true') add('Required');
      const content = getValue(node, 'content');
      if (content?.kind === 'mapping' && content.pairs.length > 0) {
        add(`Content: ${content.pairs.map((pair) => `\`${pair.key.text}\`${typeLabel(getValue(pair.value, 'schema')) ? ` (${typeLabel(getValue(pair.value, 'schema'))})` : ''}`).join(', ')}`);
      }
      const schema = typeLabel(getValue(node, 'schema'));
      if (schema) add(`Schema: \`${schema}\``);
      const headers = keysOf(getValue(node, 'headers'));
      if (headers.length > 0) add(`Headers: ${list(headers)}`);
      break;
    }
    case 'securityScheme': {
      const type = text(node, 'type');
      const detail = type === 'apiKey' ? `${text(node, 'name') ?? '?'} in ${text(node, 'in') ?? '?'}` : type === 'http' ? text(node, 'scheme') : type === 'oauth2' ? keysOf(getValue(node, 'flows')).join(', ') || text(node, 'flow') : undefined;
      add(type ? `Type: \`${type}\`${detail ? ` (${detail})` : ''}` : undefined);
      add(description && clip(description));
      const authorizer = getValue(node, 'x-amazon-apigateway-authorizer');
      if (authorizer) add(`API Gateway authorizer: \`${text(authorizer, 'type') ?? '?'}\``);
      break;
    }
    case 'pathItem':
    case 'callback': {
      add(text(node, 'summary'));
      add(description && clip(description));
      const target = kind === 'callback' ? node.pairs.map((pair) => pair.key.text) : [];
      if (target.length > 0) add(`Expressions: ${list(target)}`);
      const methods = node.pairs.filter((pair) => /^(get|put|post|delete|options|head|patch|trace|x-amazon-apigateway-any-method)$/.test(pair.key.text));
      if (methods.length > 0) add(`Operations: ${methods.map((pair) => `${pair.key.text === 'x-amazon-apigateway-any-method' ? 'ANY' : pair.key.text.toUpperCase()}${text(pair.value, 'operationId') ? ` (\`${text(pair.value, 'operationId')}\`)` : ''}`).join(', ')}`);
      break;
    }
    case 'example': {
      add(text(node, 'summary'));
      add(description && clip(description));
      const value = getValue(node, 'value');
      if (value) add(`Value: \`${clip(base.root === model.root ? model.document.text.slice(value.span.start, value.span.end).replace(/\s+/g, ' ') : value.kind === 'scalar' ? value.text : '{…}', 80)}\``);
      if (text(node, 'externalValue')) add(`External value: ${text(node, 'externalValue')}`);
      break;
    }
    case 'link': {
      add(text(node, 'operationId') ? `Operation: \`${text(node, 'operationId')}\`` : text(node, 'operationRef') ? `Operation: \`${text(node, 'operationRef')}\`` : undefined);
      add(description && clip(description));
      break;
    }
    case 'integration': {
      add([text(node, 'type'), text(node, 'httpMethod')].filter(Boolean).map((part) => `\`${part}\``).join(' '));
      add(text(node, 'uri') ? `URI: \`${clip(text(node, 'uri')!, 160)}\`` : undefined);
      break;
    }
    default:
      add(description && clip(description));
  }
  return facts.length > 0 ? facts.join('\n\n') : undefined;
}
