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

/** A modelled OpenAPI document. */
export interface OpenApiModel {
  readonly version: OpenApiVersion;
  /** The `openapi` / `swagger` key: document-level findings go there. */
  readonly versionKey: ScalarNode;
  /** The declared version as written (`3.0.3`; a 3.2 document is validated as 3.1). */
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

/**
 * Builds the model of a parsed document: shared by the rules (through {@link openApiModel})
 * and the language features, which have no RuleContext. Undefined when not OpenAPI.
 */
export function createOpenApiModel(document: ParsedDocument, fileName: string, access: FileAccess): OpenApiModel | undefined {
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

/** The component sections of a version: where `$ref`s usually point. */
export function componentSections(model: OpenApiModel): { readonly name: string; readonly node: LocatedNode | undefined; readonly prefix: string }[] {
  if (model.version === '2.0') {
    return ['definitions', 'parameters', 'responses'].map((name) => ({ name, node: getValue(model.root, name), prefix: `#/${name}/` }));
  }
  const components = getValue(model.root, 'components');
  const names = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', ...(model.version === '3.1' ? ['pathItems'] : [])];
  return names.map((name) => ({ name, node: getValue(components, name), prefix: `#/components/${name}/` }));
}
