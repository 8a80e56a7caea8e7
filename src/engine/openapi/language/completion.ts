/**
 * Completion for OpenAPI documents, YAML and JSON, by version: the fields valid at the cursor
 * (minus those already present), `$ref` targets (the components of the expected section
 * first), status codes under `responses`, media types under `content`, enumerated values,
 * and the `x-amazon-apigateway-*` extensions with their fields and values. The context comes
 * from indentation (YAML) or a small scanner (JSON and YAML flow collections), so it works
 * while the document is half-typed and does not parse.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { LocatedNode, Span } from '../../document/located';
import { getValue } from '../../document/located';
import type { CompletionEntry } from '../../language/completion';
import { jsonCursorAt } from '../../language/jsonContext';
import { jsonSiblingKeys, yamlSiblingKeys } from '../../language/siblingKeys';
import { scanKeyLine, yamlPathAt } from '../../language/yamlContext';
import type { LocationKind } from '../locations';
import { escapeFragmentToken } from '../pointer';
import type { OpenApiVersion } from '../version';
import { isJsonSchemaDialect } from '../version';
import type { ExtensionPlace } from './fields';
import { EXTENSION_FIELDS, EXTENSION_PREFIX, EXTENSION_VALUES, EXTENSIONS, extensionContextAt, fieldsOf, KIND_TITLES, MEDIA_TYPES, objectKindAt, STATUS_CODES } from './fields';
import type { EntryKind, OpenApiLanguageHost, SectionInfo } from './languageModel';
import { languageModel, rootWhileTyping, sectionPrefix, sectionsOf, versionFromText } from './languageModel';
import { lookupTable } from '../../util/lookup';
import { lineStartOf } from '../../document/lineIndex';

type Path = ReadonlyArray<string | number>;

/** Where the cursor is, whatever the syntax. */
type Context =
  | { readonly mode: 'key'; readonly path: Path; readonly replace: Span; readonly quoted: boolean; readonly existing: ReadonlySet<string>; readonly keyColumn: number }
  | { readonly mode: 'value'; readonly path: Path; readonly key: string; readonly replace: Span; readonly quoted: boolean }
  | { readonly mode: 'item'; readonly path: Path; readonly key: string; readonly replace: Span; readonly quoted: boolean };

interface Session {
  readonly version: OpenApiVersion;
  readonly root: LocatedNode | undefined;
  readonly json: boolean;
}

/** Completion at an offset of an OpenAPI document (YAML or JSON, parsed or not). */
export function openApiCompletionsAt(analyzed: AnalyzedDocument, offset: number, host?: OpenApiLanguageHost): CompletionEntry[] {
  const text = analyzed.text;
  const json = analyzed.document.format === 'json';
  const model = languageModel(analyzed, host);
  const version = model?.version ?? versionFromText(text) ?? '3.0';
  const session: Session = { version, root: model?.root ?? rootWhileTyping(analyzed, offset), json };
  const lineStart = lineStartOf(text, offset);
  const linePrefix = text.slice(lineStart, offset);

  // Anchored at the cursor only, so it may start anywhere: read on the line's tail, or a crafted
  // long line makes it quadratic.
  const tailStart = Math.max(0, linePrefix.length - 512);
  const ref = /(["']?)\$ref\1\s*:\s*(["']?)([^"',}\]\s]*)$/.exec(linePrefix.slice(tailStart));
  if (ref) {
    const typed = ref[3]!;
    const holder = json ? jsonCursorAt(text, offset).path : [...yamlPathAt(text, offset), ...flowPrefix(blockKeyAndFlow(linePrefix.slice(0, tailStart + ref.index)))];
    return refItems(session, text, holder, { start: offset - typed.length, end: offset }, ref[2] !== '');
  }
  const context = json ? jsonContext(text, offset) : yamlContext(text, offset, lineStart, linePrefix);
  if (!context) return [];
  if (context.mode === 'key') return keyItems(session, context);
  return valueItems(session, context);
}

// ---------------------------------------------------------------------------------------------
// Contexts

const KEY_CHARS = /[A-Za-z0-9_$.\-/{}+*~]/;

function tokenStart(text: string, offset: number, chars: RegExp): number {
  let start = offset;
  while (start > 0 && chars.test(text[start - 1]!)) start--;
  return start;
}

/** Keys whose YAML list items are scalars (`- https`), not mappings. */
const SCALAR_LISTS = new Set(['schemes', 'consumes', 'produces', 'required', 'enum', 'type', 'x-amazon-apigateway-binary-media-types']);

function yamlContext(text: string, offset: number, lineStart: number, linePrefix: string): Context | undefined {
  if (/^\s*#/.test(linePrefix) || /\s#/.test(linePrefix)) return undefined;
  const flowAt = firstFlowBracket(linePrefix);
  if (flowAt >= 0) return yamlFlowContext(text, offset, linePrefix, flowAt);
  const path = yamlPathAt(text, offset);
  const value = valueAfterKey(linePrefix);
  if (value) return { mode: 'value', path, key: value.key, replace: { start: offset - value.typed.length, end: offset }, quoted: value.quoted };
  // `(?!\s)`: the blanks after `-` are not also the start of the item, or a long line backtracks.
  const item = /^(\s*)-\s+(?!\s)(["']?)([^"'#:{}[\],]*)$/.exec(linePrefix);
  const owner = path.length >= 2 ? path[path.length - 2] : undefined;
  if (item && typeof owner === 'string' && SCALAR_LISTS.has(owner)) {
    const typed = item[3]!;
    return { mode: 'item', path: path.slice(0, -2), key: owner, replace: { start: offset - typed.length, end: offset }, quoted: item[2] !== '' };
  }
  const key = /^(\s*)(-\s+)?(["']?)([^"'#:{}[\],\s]*)$/.exec(linePrefix);
  if (!key) return undefined;
  const typed = key[4]!;
  const quote = key[3]!;
  const keyColumn = key[1]!.length + (key[2]?.length ?? 0);
  const start = offset - typed.length;
  return { mode: 'key', path, replace: { start, end: offset }, quoted: quote !== '', existing: yamlSiblingKeys(text, lineStart, keyColumn, key[2] !== undefined), keyColumn };
}

const KEY_FORBIDDEN = '#:{}[],';

/** `key: typed` (a value being typed after a block key), read by a scanner: no backtracking on long lines. */
function valueAfterKey(linePrefix: string): { key: string; typed: string; quoted: boolean } | undefined {
  const line = scanKeyLine(linePrefix.replace(/^\s*/, (blanks) => ' '.repeat(blanks.length)), KEY_FORBIDDEN);
  if (!line || !/^\s/.test(linePrefix.slice(line.end))) return undefined;
  const rest = linePrefix.slice(line.end).trimStart();
  const quoted = rest.startsWith('"') || rest.startsWith("'");
  const typed = quoted ? rest.slice(1) : rest;
  return /["'#{}[\],]/.test(typed) ? undefined : { key: line.key, typed, quoted };
}

/**
 * The key of `key:` (plus blanks) at the end of `prefix`, as `/(["']?)([^"'#:{}[\],]+?)\1\s*:\s*$/`
 * would find it, but by scanning backwards: that pattern is cubic on a long line of spaces.
 */
function keyBeforeColon(prefix: string): string | undefined {
  let end = prefix.trimEnd();
  if (!end.endsWith(':')) return undefined;
  end = end.slice(0, -1).trimEnd();
  const quote = end.endsWith('"') || end.endsWith("'") ? end[end.length - 1]! : '';
  if (quote) end = end.slice(0, -1);
  let start = end.length;
  while (start > 0 && !`"'${KEY_FORBIDDEN}`.includes(end[start - 1]!)) start--;
  if (quote && end[start - 1] !== quote) return undefined;
  return start < end.length ? end.slice(start).trim() : undefined;
}

/** Offset of the first `{` or `[` outside quotes, or -1. */
function firstFlowBracket(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') return i;
  }
  return -1;
}

interface FlowFrame {
  readonly kind: 'map' | 'seq';
  key: string | undefined;
  index: number;
}

/** The block key that opens a flow collection on this line (`schema: {`) and the flow text after it. */
function blockKeyAndFlow(prefix: string): { key: string | undefined; flow: string } {
  const at = firstFlowBracket(prefix);
  if (at < 0) return { key: undefined, flow: '' };
  const key = keyBeforeColon(prefix.slice(0, at).replace(/^\s*-\s+/, ''));
  return { key, flow: prefix.slice(at) };
}

/** Scans a YAML flow collection prefix: the open frames at its end. */
function scanFlow(flow: string): { frames: FlowFrame[]; scalar: string; quote: string } {
  const frames: FlowFrame[] = [];
  let scalar = '';
  let quote = '';
  for (let i = 0; i < flow.length; i++) {
    const c = flow[i]!;
    const top = frames[frames.length - 1];
    if (quote) {
      if (c === quote) quote = '';
      else scalar += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      scalar = '';
    } else if (c === '{' || c === '[') {
      frames.push({ kind: c === '{' ? 'map' : 'seq', key: undefined, index: 0 });
      scalar = '';
    } else if (c === '}' || c === ']') {
      frames.pop();
      scalar = '';
    } else if (c === ':' && top?.kind === 'map' && (flow[i + 1] === undefined || /\s/.test(flow[i + 1]!))) {
      top.key = scalar.trim();
      scalar = '';
    } else if (c === ',') {
      if (top?.kind === 'map') top.key = undefined;
      else if (top) top.index++;
      scalar = '';
    } else scalar += c;
  }
  return { frames, scalar, quote };
}

/** The path a flow prefix adds below the block key (`{a: {b: ` adds [key, a, b]). */
function flowPrefix({ key, flow }: { key: string | undefined; flow: string }): Path {
  if (key === undefined) return [];
  const { frames } = scanFlow(flow);
  const path: Array<string | number> = [key];
  for (const frame of frames.slice(0, -1)) path.push(frame.kind === 'map' ? (frame.key ?? '') : frame.index);
  const top = frames[frames.length - 1];
  if (top?.kind === 'map' && top.key !== undefined) path.push(top.key);
  return path;
}

function yamlFlowContext(text: string, offset: number, linePrefix: string, flowAt: number): Context | undefined {
  const before = linePrefix.slice(0, flowAt);
  const blockKey = keyBeforeColon(before.replace(/^\s*-\s+/, ''));
  if (blockKey === undefined) return undefined;
  const { frames, scalar, quote } = scanFlow(linePrefix.slice(flowAt));
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  const path: Array<string | number> = [...yamlPathAt(text, offset), blockKey];
  for (const frame of frames.slice(0, -1)) path.push(frame.kind === 'map' ? (frame.key ?? '') : frame.index);
  const typed = scalar.trimStart();
  const replace = { start: offset - typed.length, end: offset };
  if (top.kind === 'seq') {
    const owner = path[path.length - 1];
    return typeof owner === 'string' ? { mode: 'item', path: path.slice(0, -1), key: owner, replace, quoted: quote !== '' } : undefined;
  }
  if (top.key !== undefined) return { mode: 'value', path, key: top.key, replace, quoted: quote !== '' };
  const existing = new Set<string>();
  return { mode: 'key', path, replace, quoted: quote !== '', existing, keyColumn: -1 };
}

function jsonContext(text: string, offset: number): Context | undefined {
  const cursor = jsonCursorAt(text, offset);
  const lineStart = lineStartOf(text, offset);
  const prefix = text.slice(lineStart, offset);
  const quotes = (prefix.replace(/\\./g, '').match(/"/g) ?? []).length;
  const quoted = quotes % 2 === 1;
  const start = quoted ? lineStart + prefix.lastIndexOf('"') + 1 : tokenStart(text, offset, KEY_CHARS);
  const replace = { start, end: offset };
  if (cursor.inKey) return { mode: 'key', path: cursor.path, replace, quoted, existing: jsonSiblingKeys(text, offset), keyColumn: -1 };
  if (cursor.key !== undefined) return { mode: 'value', path: cursor.path, key: cursor.key, replace, quoted };
  const owner = cursor.path[cursor.path.length - 2];
  if (typeof owner === 'string') return { mode: 'item', path: cursor.path.slice(0, -2), key: owner, replace, quoted };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Items

function entry(session: Session, context: Context, label: string, fields: Omit<CompletionEntry, 'label' | 'replace' | 'insertText' | 'snippet'>, yamlInsert?: string, snippet = false): CompletionEntry {
  if (session.json || context.quoted) {
    const bare = label.replace(/^(["'])(.*)\1$/, '$2');
    const insertText = session.json && !context.quoted ? (context.mode === 'key' ? `"${bare}": ` : /^(true|false|null|-?\d+(\.\d+)?)$/.test(label) ? label : `"${bare}"`) : bare;
    return { label, ...fields, insertText, replace: context.replace };
  }
  return { label, ...fields, ...(yamlInsert !== undefined ? { insertText: yamlInsert } : {}), ...(snippet ? { snippet: true } : {}), replace: context.replace };
}

const PLACES: Partial<Record<LocationKind, ExtensionPlace>> = {
  document: 'document', pathItem: 'pathItem', operation: 'operation', securityScheme: 'securityScheme', components: 'components', tag: 'tag', server: 'server',
};

/** Snippets of the extensions that have a useful skeleton (YAML, relative indentation). */
const EXTENSION_SNIPPETS: Readonly<Record<string, string>> = lookupTable({
  integration: 'x-amazon-apigateway-integration:\n  type: ${1|aws_proxy,aws,http_proxy,http,mock|}\n  httpMethod: ${2:POST}\n  uri: ${3}\n  passthroughBehavior: ${4|when_no_match,when_no_templates,never|}',
  'request-validators': 'x-amazon-apigateway-request-validators:\n  ${1:all}:\n    validateRequestBody: ${2|true,false|}\n    validateRequestParameters: ${3|true,false|}',
  authorizer: 'x-amazon-apigateway-authorizer:\n  type: ${1|token,request,cognito_user_pools,jwt|}\n  ${0}',
  auth: 'x-amazon-apigateway-auth:\n  type: ${1|NONE,AWS_IAM|}',
  cors: 'x-amazon-apigateway-cors:\n  allowOrigins:\n    - ${1:*}\n  allowMethods:\n    - ${2:GET}',
  'binary-media-types': 'x-amazon-apigateway-binary-media-types:\n  - ${1:*/*}',
});

/** Map kinds: their keys are user-chosen names (paths, component names...), nothing to offer. */
const NAME_MAPS = new Set<LocationKind>(['paths', 'webhooks', 'schemas', 'parameters', 'headers', 'examples', 'links', 'callbacks', 'requestBodies', 'pathItems', 'securitySchemes', 'serverVariables', 'encodings', 'callback']);

function keyItems(session: Session, context: Extract<Context, { mode: 'key' }>): CompletionEntry[] {
  const { path, existing } = context;
  const extension = extensionContextAt(path);
  if (extension) {
    const fields = extension.object ? EXTENSION_FIELDS[extension.object] : undefined;
    return Object.entries(fields ?? {})
      .filter(([name]) => !existing.has(name))
      .map(([name, doc]) => entry(session, context, name, { kind: 'property', detail: `x-amazon-apigateway-${extension.extension}`, documentation: doc }, `${name}: `));
  }
  const kind = objectKindAt(path);
  if (kind === 'responses') {
    return STATUS_CODES.filter(([code]) => !existing.has(code)).map(([code, reason], i) =>
      entry(session, context, code, { kind: 'value', detail: reason, sortText: String(i).padStart(2, '0') }, code === 'default' ? 'default:\n  description: ${1:Unexpected error}' : `'${code}':\n  description: \${1:${reason}}`, true),
    );
  }
  if (kind === 'content') {
    return MEDIA_TYPES.filter((type) => !existing.has(type)).map((type, i) => entry(session, context, type, { kind: 'value', detail: 'media type', sortText: String(i).padStart(2, '0') }, `${type}:\n  schema:\n    $0`, true));
  }
  if (kind === 'securityRequirement') {
    const schemes = sectionsOf(session.version, session.root).find((section) => section.entryKind === 'securityScheme')?.node;
    const names = schemes?.kind === 'mapping' ? schemes.pairs.map((pair) => pair.key.text) : [];
    return names.filter((name) => !existing.has(name)).map((name) => entry(session, context, name, { kind: 'reference', detail: 'security scheme' }, `${name}: []`));
  }
  if (NAME_MAPS.has(kind)) return [];
  const out: CompletionEntry[] = [];
  for (const [name, doc] of fieldsOf(kind, session.version)) {
    if (existing.has(name)) continue;
    out.push(entry(session, context, name, { kind: 'property', detail: KIND_TITLES[kind]?.toLowerCase() ?? kind, documentation: doc, sortText: `1${name}` }, `${name}: `));
  }
  const place = PLACES[kind];
  if (place) {
    for (const [suffix, doc] of Object.entries(EXTENSIONS)) {
      const name = EXTENSION_PREFIX + suffix;
      if (!doc.places.includes(place) || existing.has(name)) continue;
      const snippet = EXTENSION_SNIPPETS[suffix];
      out.push(entry(session, context, name, { kind: 'property', detail: `API Gateway (${doc.api})`, documentation: `${doc.summary}\n\n[API Gateway documentation](${doc.page})`, sortText: `2${name}` }, snippet ?? `${name}: `, snippet !== undefined));
    }
  }
  return out;
}

const BOOLEAN_FIELDS: Partial<Record<LocationKind, readonly string[]>> = {
  parameter: ['required', 'deprecated', 'allowEmptyValue', 'explode', 'allowReserved', 'uniqueItems', 'exclusiveMaximum', 'exclusiveMinimum'],
  header: ['required', 'deprecated', 'explode', 'uniqueItems'],
  schema: ['nullable', 'readOnly', 'writeOnly', 'deprecated', 'uniqueItems', 'additionalProperties', 'exclusiveMaximum', 'exclusiveMinimum'],
  requestBody: ['required'],
  operation: ['deprecated'],
  encoding: ['explode', 'allowReserved'],
  xml: ['attribute', 'wrapped'],
};

const FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'date', 'date-time', 'password', 'email', 'uuid', 'uri'];
const STYLES = ['form', 'simple', 'matrix', 'label', 'spaceDelimited', 'pipeDelimited', 'deepObject'];

/** Enumerated values of a field of an object kind. */
function fieldValues(kind: LocationKind, key: string, version: OpenApiVersion): readonly string[] | undefined {
  if ((BOOLEAN_FIELDS[kind] ?? []).includes(key)) {
    if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && isJsonSchemaDialect(version)) return undefined;
    return ['true', 'false'];
  }
  const types = isJsonSchemaDialect(version) ? ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'] : ['string', 'number', 'integer', 'boolean', 'array', 'object'];
  switch (`${kind}.${key}`) {
    case 'document.openapi':
      return version === '2.0' ? undefined : ['3.1.0', '3.0.3'];
    case 'document.swagger':
      return ["'2.0'"];
    case 'parameter.in':
      return version === '2.0' ? ['query', 'header', 'path', 'formData', 'body'] : ['query', 'header', 'path', 'cookie'];
    case 'parameter.type':
    case 'header.type':
      return version === '2.0' ? ['string', 'number', 'integer', 'boolean', 'array', ...(kind === 'parameter' ? ['file'] : [])] : undefined;
    case 'parameter.format':
    case 'header.format':
    case 'schema.format':
      return FORMATS;
    case 'parameter.collectionFormat':
    case 'header.collectionFormat':
      return version === '2.0' ? ['csv', 'ssv', 'tsv', 'pipes', ...(kind === 'parameter' ? ['multi'] : [])] : undefined;
    case 'parameter.style':
    case 'header.style':
    case 'encoding.style':
      return version === '2.0' ? undefined : STYLES;
    case 'schema.type':
      return version === '2.0' ? [...types, 'file'] : types;
    case 'securityScheme.type':
      return version === '2.0' ? ['basic', 'apiKey', 'oauth2'] : isJsonSchemaDialect(version) ? ['apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS'] : ['apiKey', 'http', 'oauth2', 'openIdConnect'];
    case 'securityScheme.in':
      return version === '2.0' ? ['query', 'header'] : ['query', 'header', 'cookie'];
    case 'securityScheme.scheme':
      return version === '2.0' ? undefined : ['bearer', 'basic', 'digest'];
    case 'securityScheme.flow':
      return version === '2.0' ? ['implicit', 'password', 'application', 'accessCode'] : undefined;
    default:
      return undefined;
  }
}

/** Values of list items (`schemes: [https]`, `consumes`, a 3.1 type list...). */
function itemValues(kind: LocationKind, key: string, version: OpenApiVersion): readonly string[] | undefined {
  if (key === 'schemes' && (kind === 'document' || kind === 'operation')) return ['https', 'http', 'ws', 'wss'];
  if ((key === 'consumes' || key === 'produces') && (kind === 'document' || kind === 'operation')) return MEDIA_TYPES;
  if (key === 'type' && kind === 'schema' && isJsonSchemaDialect(version)) return fieldValues('schema', 'type', version);
  if (key === 'x-amazon-apigateway-binary-media-types') return ['*/*', 'image/png', 'image/jpeg', 'application/octet-stream', 'application/pdf'];
  return undefined;
}

function valueItems(session: Session, context: Extract<Context, { mode: 'value' | 'item' }>): CompletionEntry[] {
  const { path, key } = context;
  const make = (values: readonly string[], detail: string): CompletionEntry[] => values.map((value, i) => entry(session, context, value, { kind: 'value', detail, sortText: String(i).padStart(2, '0') }));
  if (context.mode === 'item') {
    const values = itemValues(objectKindAt(path), key, session.version);
    return values ? make(values, key) : [];
  }
  if (key.startsWith(EXTENSION_PREFIX)) {
    const suffix = key.slice(EXTENSION_PREFIX.length);
    if (suffix === 'request-validator') {
      const validators = getValue(session.root, 'x-amazon-apigateway-request-validators');
      const names = validators?.kind === 'mapping' ? validators.pairs.map((pair) => pair.key.text) : [];
      return make(names, 'request validator');
    }
    const values = EXTENSION_VALUES[suffix];
    return values ? make(values, key) : [];
  }
  const extension = extensionContextAt(path);
  if (extension) {
    const values = extension.object ? EXTENSION_VALUES[`${extension.object}.${key}`] : undefined;
    return values ? make(values, `${extension.extension} ${key}`) : [];
  }
  const kind = objectKindAt(path);
  const values = fieldValues(kind, key, session.version);
  return values ? make(values, `${KIND_TITLES[kind]?.toLowerCase() ?? kind} ${key}`) : [];
}

/** The component section a `$ref` is expected to point into, from the kind of object holding it. */
const EXPECTED: Partial<Record<LocationKind, EntryKind>> = {
  schema: 'schema', parameter: 'parameter', response: 'response', requestBody: 'requestBody', header: 'header', example: 'example',
  link: 'link', callback: 'callback', pathItem: 'pathItem', securityScheme: 'securityScheme',
};

const ENTRY_TITLES: Readonly<Record<EntryKind, string>> = {
  schema: 'schema', parameter: 'parameter', response: 'response', requestBody: 'request body', header: 'header', example: 'example', link: 'link',
  callback: 'callback', pathItem: 'path item', securityScheme: 'security scheme', integration: 'API Gateway integration',
};

/** The names of each component section: from the parsed root, else (YAML that does not parse) from indentation. */
function componentNames(session: Session, text: string): { readonly section: SectionInfo; readonly names: readonly { name: string; description?: string }[] }[] {
  return sectionsOf(session.version, session.root).map((section) => {
    if (section.node?.kind === 'mapping') {
      return {
        section,
        names: section.node.pairs.map((pair) => {
          const description = getValue(pair.value, 'description');
          return { name: pair.key.text, ...(description?.kind === 'scalar' && typeof description.value === 'string' ? { description: description.value } : {}) };
        }),
      };
    }
    return { section, names: session.root || session.json ? [] : yamlKeysUnder(text, section.tokens).map((name) => ({ name })) };
  });
}

/** The keys one level below a key path, read from YAML block indentation alone. */
function yamlKeysUnder(text: string, tokens: readonly string[]): string[] {
  const lines = text.split(/\r?\n/);
  let from = 0;
  let to = lines.length;
  let parentIndent = -1;
  const childKeys = (): { key: string; line: number; indent: number }[] => {
    const out: { key: string; line: number; indent: number }[] = [];
    let level: number | undefined;
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const indent = /^ */.exec(line)![0].length;
      if (indent <= parentIndent) break;
      level ??= indent;
      if (indent !== level) continue;
      const match = scanKeyLine(line, KEY_FORBIDDEN, false);
      if (match) out.push({ key: match.key, line: i, indent });
    }
    return out;
  };
  for (const token of tokens) {
    const found = childKeys().find((child) => child.key === token);
    if (!found) return [];
    from = found.line + 1;
    parentIndent = found.indent;
    to = lines.length;
  }
  return childKeys().map((child) => child.key);
}

/** `$ref` targets: every component, those of the expected section first. */
function refItems(session: Session, text: string, holder: Path, replace: Span, quoted: boolean): CompletionEntry[] {
  const expected = extensionContextAt(holder)?.extension === 'integration' ? 'integration' : EXPECTED[objectKindAt(holder)];
  const out: CompletionEntry[] = [];
  for (const { section, names } of componentNames(session, text)) {
    const preferred = section.entryKind === expected;
    // Security schemes and shared integrations are only offered where they are expected.
    if (!preferred && (section.entryKind === 'securityScheme' || section.entryKind === 'integration')) continue;
    for (const { name, description } of names) {
      const label = sectionPrefix(section) + escapeFragmentToken(name);
      const insertText = quoted ? label : session.json ? `"${label}"` : `'${label}'`;
      out.push({
        label,
        kind: 'reference',
        detail: ENTRY_TITLES[section.entryKind],
        ...(description !== undefined ? { documentation: description } : {}),
        insertText,
        sortText: `${preferred ? '0' : '1'}${label}`,
        replace,
      });
    }
  }
  return out;
}
