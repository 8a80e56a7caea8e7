/**
 * {@link Catalog} over the compiled, sharded catalogue written by
 * scripts/buildCatalog.mjs (see docs/catalog.md).
 *
 * Pure: no I/O. The host passes the parsed index and a loader for shards, so
 * the same code serves the CLI (fs), the extension and tests. A shard is loaded
 * on the first question about one of its types and then cached; entries are
 * decoded to the public shapes on first access and cached too.
 */

import type {
  AttributeInfo,
  Catalog,
  PrimitiveName,
  PropertyInfo,
  PropertyTypeInfo,
  Replacement,
  ResourceTypeInfo,
  TypeDocumentation,
  TypeRef,
} from './catalogTypes';
import { emptyRecord, lookupTable } from '../util/lookup';
import { decodeDocs, type DocsShard, type ShardDocs } from './catalogDocs';
import { shardNamespace } from './shardNames';

/** Format version this reader understands (`format` in index.json and every shard). */
export const CATALOG_FORMAT = 2;

/**
 * Compact type encoding used in shards:
 * - a primitive name (`'string'`, `'integer'`, `'json'`, `'timestamp'`, ...);
 * - any other string: a struct, i.e. the full name of a property type
 *   (`'AWS::S3::Bucket.VersioningConfiguration'`, or the shared `'Tag'`);
 * - `{ l: T }` list of T, `{ m: T }` map of string to T, `{ u: [T, ...] }` union.
 */
export type ShardType = string | { readonly l: ShardType } | { readonly m: ShardType } | { readonly u: readonly ShardType[] };

/** A property in a shard. Absent flags mean false / not known. */
export interface ShardProperty {
  /** Type. */
  readonly t: ShardType;
  /** 1 when required. */
  readonly r?: 1;
  /**
   * Short documentation (first paragraph, <= ~200 chars): only in the index's shared types;
   * a shard's is in its docs file (catalogDocs.ts).
   */
  readonly d?: string;
  /** Replacement on change: `a` always, `c` conditional; absent = never (unless the owner has `nr`). */
  readonly x?: 'a' | 'c';
  /** Allowed values (numbers are stringified). */
  readonly e?: readonly string[];
  /** 1 when deprecated. */
  readonly dep?: 1;
}

/** A property type (nested structure) in a shard or in the index's shared types. */
export interface ShardPropertyType {
  /** Documentation: only in the index's shared types (see {@link ShardProperty}). */
  readonly d?: string;
  readonly p: Readonly<Record<string, ShardProperty>>;
  /** 1 when replacement data is unknown (SAM types), so `x` must not be read as "never". */
  readonly nr?: 1;
}

/** A `Fn::GetAtt` attribute in a shard; nested names keep their dots (`Endpoint.Address`). */
export interface ShardAttribute {
  readonly t: ShardType;
}

/** A resource type in a shard (its documentation is in the shard's docs file, catalogDocs.ts). */
export interface ShardResource {
  readonly p: Readonly<Record<string, ShardProperty>>;
  readonly a: Readonly<Record<string, ShardAttribute>>;
  /** What `Ref` returns, e.g. "The BucketName of the resource." */
  readonly ref?: string;
  /** Regions where available. Not emitted today: the spec has no reliable data. */
  readonly rg?: readonly string[];
  /** 1 when replacement data is unknown (SAM types). */
  readonly nr?: 1;
}

/**
 * One shard file (`<Shard>.json`, e.g. `AWS_S3.json`): every resource type of
 * one service namespace and all of their property types, keyed by full name.
 */
export interface CatalogShard {
  readonly format: number;
  readonly resources: Readonly<Record<string, ShardResource>>;
  readonly propertyTypes: Readonly<Record<string, ShardPropertyType>>;
}

/**
 * `index.json`: everything needed without loading a shard.
 * Shard names are the namespace with `::` replaced by `_` (`AWS::S3` -> `AWS_S3`).
 */
export interface CatalogIndex {
  readonly format: number;
  /** e.g. `@aws-cdk/aws-service-spec 0.1.216`. */
  readonly version: string;
  /** Hash of the inputs, used by the build to skip work. */
  readonly stamp?: string;
  /** Regions the spec was built from (a subset of AWS regions, not all of them). */
  readonly regions: readonly string[];
  /** Shard name -> type names without namespace (`AWS_S3: ['Bucket', ...]`). */
  readonly shards: Readonly<Record<string, readonly string[]>>;
  /** Property types not owned by a resource type (the standard `Tag`). */
  readonly shared: Readonly<Record<string, ShardPropertyType>>;
}

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  'string', 'number', 'integer', 'long', 'boolean', 'json', 'timestamp', 'any',
]);

const REPLACEMENT: Readonly<Record<string, Replacement>> = lookupTable({ a: 'always', c: 'conditional' });

/** Own-property lookup, so names like `constructor` or `__proto__` are never found by accident. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Decodes a {@link ShardType} into the engine's {@link TypeRef}. */
export function decodeType(t: ShardType): TypeRef {
  if (typeof t === 'string') {
    return PRIMITIVES.has(t) ? { kind: 'primitive', name: t as PrimitiveName } : { kind: 'struct', name: t };
  }
  if ('l' in t) return { kind: 'list', element: decodeType(t.l) };
  if ('m' in t) return { kind: 'map', element: decodeType(t.m) };
  return { kind: 'union', types: t.u.map(decodeType) };
}

function decodeProperties(
  props: Readonly<Record<string, ShardProperty>>,
  replacementKnown: boolean,
): Record<string, PropertyInfo> {
  // Looked up by names from templates (`constructor:` under Properties): no prototype.
  const out = emptyRecord<PropertyInfo>();
  for (const [name, p] of Object.entries(props)) {
    const info: { -readonly [K in keyof PropertyInfo]: PropertyInfo[K] } = {
      type: decodeType(p.t),
      required: p.r === 1,
    };
    if (replacementKnown) info.replacement = (p.x && REPLACEMENT[p.x]) ?? 'never';
    if (p.e) info.enumValues = p.e;
    if (p.dep === 1) info.deprecated = true;
    out[name] = info;
  }
  return out;
}

function decodePropertyType(name: string, pt: ShardPropertyType): PropertyTypeInfo {
  return { name, properties: decodeProperties(pt.p, pt.nr !== 1) };
}

/** The documentation of a shared property type, kept with its data in index.json (the standard `Tag`). */
function sharedDocs(pt: ShardPropertyType): ShardDocs {
  const p: Record<string, string> = {};
  for (const [name, property] of Object.entries(pt.p)) if (property.d !== undefined) p[name] = property.d;
  return pt.d === undefined ? { p } : { d: pt.d, p };
}

function decodeResource(name: string, r: ShardResource): ResourceTypeInfo {
  const attributes = emptyRecord<AttributeInfo>();
  for (const [attr, a] of Object.entries(r.a)) attributes[attr] = { type: decodeType(a.t) };
  const info: { -readonly [K in keyof ResourceTypeInfo]: ResourceTypeInfo[K] } = {
    name,
    properties: decodeProperties(r.p, r.nr !== 1),
    attributes,
  };
  if (r.rg) info.regions = r.rg;
  if (r.ref !== undefined) info.refDescription = r.ref;
  return info;
}

function checkFormat(what: string, value: unknown): void {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== CATALOG_FORMAT) {
    throw new Error(
      `ArchLens catalogue ${what} has format ${String(format)}, expected ${CATALOG_FORMAT}; rebuild it with \`npm run build:catalog\`.`,
    );
  }
}

/** A shard file's contents by name, loaded on the first question about it, its format checked, then kept. */
function loadedOnce<T>(what: string, load: (shardName: string) => unknown): (shardName: string) => T {
  const loaded = new Map<string, T>();
  return (shardName) => {
    let found = loaded.get(shardName);
    if (found === undefined) {
      const raw = load(shardName);
      checkFormat(`${what} ${shardName}`, raw);
      found = raw as T;
      loaded.set(shardName, found);
    }
    return found;
  };
}

/**
 * Creates a {@link Catalog} over a compiled catalogue.
 *
 * @param index the parsed `index.json`.
 * @param loadShard returns the parsed shard file for a shard name (`'AWS_S3'`
 *   -> contents of `AWS_S3.json`). Called at most once per shard, lazily, on
 *   the first lookup of a type in that shard; errors propagate to the caller.
 * @param loadDocs the same for the shard's documentation (`AWS_S3.docs.json`), on the first
 *   `documentation` question about one of its types; without it, shards have none.
 * @throws when the index (or later a shard) has an unexpected format version.
 */
export function createCompiledCatalog(index: CatalogIndex, loadShard: (shardName: string) => unknown, loadDocs?: (shardName: string) => unknown): Catalog {
  checkFormat('index', index);

  // Built once: 1.8k entries, cheaper than keeping a second copy in index.json.
  const shardOf = new Map<string, string>();
  for (const [shard, members] of Object.entries(index.shards)) {
    const namespace = shardNamespace(shard);
    for (const member of members) shardOf.set(`${namespace}::${member}`, shard);
  }
  const names: readonly string[] = Object.freeze([...shardOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const regions: readonly string[] = Object.freeze([...index.regions]);

  const resources = new Map<string, ResourceTypeInfo>();
  const propertyTypes = new Map<string, PropertyTypeInfo>();
  const shard = loadedOnce<CatalogShard>('shard', loadShard);
  const docsShard = loadDocs ? loadedOnce<DocsShard>('documentation', loadDocs) : undefined;

  const docs = new Map<string, TypeDocumentation | null>();
  const docsOf = (name: string): ShardDocs | undefined => {
    const shared = own(index.shared, name);
    if (shared) return sharedDocs(shared);
    // `AWS::S3::Bucket.VersioningConfiguration`: resource type names contain no dot.
    const dot = name.indexOf('.');
    const shardName = shardOf.get(dot > 0 ? name.slice(0, dot) : name);
    if (shardName === undefined || !docsShard) return undefined;
    return own(docsShard(shardName).types, name);
  };

  return {
    version: index.version,
    resourceTypeNames: () => names,
    regions: () => regions,

    resourceType(name: string): ResourceTypeInfo | undefined {
      const cached = resources.get(name);
      if (cached) return cached;
      const shardName = shardOf.get(name);
      if (shardName === undefined) return undefined; // unknown: no shard is loaded
      const raw = own(shard(shardName).resources, name);
      if (!raw) return undefined;
      const info = decodeResource(name, raw);
      resources.set(name, info);
      return info;
    },

    documentation(name: string): TypeDocumentation | undefined {
      let found = docs.get(name);
      if (found === undefined) {
        const raw = docsOf(name);
        found = raw ? decodeDocs(raw) : null;
        docs.set(name, found);
      }
      return found ?? undefined;
    },

    propertyType(name: string): PropertyTypeInfo | undefined {
      const cached = propertyTypes.get(name);
      if (cached) return cached;
      let raw = own(index.shared, name);
      if (!raw) {
        // `AWS::S3::Bucket.VersioningConfiguration`: resource type names contain no dot.
        const dot = name.indexOf('.');
        const shardName = dot > 0 ? shardOf.get(name.slice(0, dot)) : undefined;
        if (shardName === undefined) return undefined;
        raw = own(shard(shardName).propertyTypes, name);
        if (!raw) return undefined;
      }
      const info = decodePropertyType(name, raw);
      propertyTypes.set(name, info);
      return info;
    },
  };
}
