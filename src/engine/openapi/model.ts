/**
 * The OpenAPI document model the `oas-*` rules share: version, index and `$ref` resolver,
 * built once per parsed document (the rules of one lint run all see the same instance).
 */
import type { LocatedNode, MappingNode, ParsedDocument, ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import type { RuleContext } from '../rules/rule';
import { RefResolver } from './refs';
import type { FileAccess, Resolution } from './refs';
import { indexOpenApi } from './walk';
import type { OpenApiIndex } from './walk';
import { openApiVersion } from './version';
import type { OpenApiVersion } from './version';
import { isJsonSchemaDialect } from './version';

/** A modelled OpenAPI document. */
export interface OpenApiModel {
  readonly version: OpenApiVersion;
  /** The `openapi` / `swagger` key: document-level findings go there. */
  readonly versionKey: ScalarNode;
  /** The declared version as written (`3.0.3`). */
  readonly versionText: string;
  readonly root: MappingNode;
  readonly document: ParsedDocument;
  /** The linted file's path: the base of relative `$ref`s. */
  readonly fileName: string;
  readonly index: OpenApiIndex;
  readonly resolver: RefResolver;
  /** Resolves a `$ref` written in this document. */
  resolve(ref: string): Resolution;
  /** Per-model memo for rule-specific computations (compiled example validators...). */
  readonly memo: Map<string, unknown>;
}

interface CacheEntry {
  readonly fileName: string;
  readonly access: FileAccess;
  readonly model: OpenApiModel | undefined;
}

const cache = new WeakMap<ParsedDocument, CacheEntry>();

/**
 * The model of the context's document, or undefined when it is not an OpenAPI document.
 * Every rule of a run shares it (see {@link cachedOpenApiModel}).
 */
export function openApiModel(context: RuleContext): OpenApiModel | undefined {
  if (context.kind !== 'openapi') return undefined;
  return cachedOpenApiModel(context.document, context.fileName ?? '', { readFile: context.readFile, followAbsoluteFileRefs: context.followAbsoluteFileRefs });
}

/**
 * The model of a parsed document, cached per document, file name and file access: the rules
 * of a lint run and the language features on the same version (the server keeps one parse
 * per version) share one model and its index; the next keystroke's parse builds a fresh one.
 */
export function cachedOpenApiModel(document: ParsedDocument, fileName: string, access: FileAccess): OpenApiModel | undefined {
  const cached = cache.get(document);
  if (cached && cached.fileName === fileName && cached.access.readFile === access.readFile && Boolean(cached.access.followAbsoluteFileRefs) === Boolean(access.followAbsoluteFileRefs)) return cached.model;
  const model = createOpenApiModel(document, fileName, access);
  cache.set(document, { fileName, access, model });
  return model;
}

/** Builds the model of a parsed document (see {@link cachedOpenApiModel}); undefined when not OpenAPI. */
function createOpenApiModel(document: ParsedDocument, fileName: string, access: FileAccess): OpenApiModel | undefined {
  const root = document.root;
  if (root?.kind !== 'mapping') return undefined;
  const versionInfo = openApiVersion(root);
  if (!versionInfo) return undefined;
  const resolver = new RefResolver(fileName, { ...document, root }, access);
  let index: OpenApiIndex | undefined;
  return {
    version: versionInfo.version,
    versionKey: versionInfo.key,
    versionText: versionInfo.text,
    root,
    document,
    fileName,
    get index() {
      index ??= indexOpenApi(root, versionInfo.version);
      return index;
    },
    resolver,
    resolve: (ref) => resolver.resolve(ref, resolver.main),
    memo: new Map(),
  };
}

/** A section of reusable, named objects: `components.schemas` (3.x), `definitions` (2.0)... */
export interface SectionInfo {
  /** Pointer tokens of the section (`['components', 'schemas']`). */
  readonly tokens: readonly string[];
  /** The object kind of its entries, for display. */
  readonly entryKind: EntryKind;
  readonly node: LocatedNode | undefined;
}

/** Kinds of named entries. */
export type EntryKind = 'schema' | 'parameter' | 'response' | 'requestBody' | 'header' | 'example' | 'link' | 'callback' | 'pathItem' | 'securityScheme' | 'integration';

const SECTIONS_3: readonly (readonly [string, EntryKind])[] = [
  ['schemas', 'schema'], ['responses', 'response'], ['parameters', 'parameter'], ['examples', 'example'], ['requestBodies', 'requestBody'],
  ['headers', 'header'], ['securitySchemes', 'securityScheme'], ['links', 'link'], ['callbacks', 'callback'], ['pathItems', 'pathItem'],
  ['x-amazon-apigateway-integrations', 'integration'],
];
const SECTIONS_2: readonly (readonly [string, EntryKind])[] = [['definitions', 'schema'], ['parameters', 'parameter'], ['responses', 'response'], ['securityDefinitions', 'securityScheme']];

/** The sections of named entries of a version (3.1 adds pathItems). */
export function sectionsOf(version: OpenApiVersion, root: LocatedNode | undefined): SectionInfo[] {
  if (version === '2.0') return SECTIONS_2.map(([name, entryKind]) => ({ tokens: [name], entryKind, node: getValue(root, name) }));
  const components = getValue(root, 'components');
  return SECTIONS_3.filter(([name]) => name !== 'pathItems' || isJsonSchemaDialect(version)).map(([name, entryKind]) => ({ tokens: ['components', name], entryKind, node: getValue(components, name) }));
}

/**
 * The component sections whose entries are reached by `$ref` (security schemes are named by
 * requirements, shared API Gateway integrations are left out): what `oas-unused-component` checks.
 */
export function componentSections(model: OpenApiModel): SectionInfo[] {
  return sectionsOf(model.version, model.root).filter((section) => section.entryKind !== 'securityScheme' && section.entryKind !== 'integration');
}
