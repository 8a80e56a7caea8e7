/**
 * The catalogue's documentation, kept apart from the types: each shard `<name>.json` has a
 * `<name>.docs.json` beside it (scripts/buildCatalog.mjs). Documentation is 60% of the
 * catalogue's bytes and a lint never reads it; apart, a cold `archlens lint` of the bench's small
 * template parses 3% less time (31 interleaved pairs), and hover or completion reads it on first use.
 */
import type { TypeDocumentation } from './catalogTypes';
import { emptyRecord } from '../util/lookup';

/** A `<shard>.docs.json` file: documentation by resource type or full property type name. */
export interface DocsShard {
  readonly format: number;
  readonly types: Readonly<Record<string, ShardDocs>>;
}

/** One type's documentation in a docs shard. */
export interface ShardDocs {
  /** The type's first paragraph. */
  readonly d?: string;
  /** Property name -> its first paragraph. */
  readonly p?: Readonly<Record<string, string>>;
  /** Attribute name -> its first paragraph (resource types only). */
  readonly a?: Readonly<Record<string, string>>;
}

/** Into the engine's shape, with prototype-free records: names come from documents. */
export function decodeDocs(raw: ShardDocs): TypeDocumentation {
  const properties = emptyRecord<string>();
  for (const [name, text] of Object.entries(raw.p ?? {})) properties[name] = text;
  const attributes = emptyRecord<string>();
  for (const [name, text] of Object.entries(raw.a ?? {})) attributes[name] = text;
  return raw.d === undefined ? { properties, attributes } : { text: raw.d, properties, attributes };
}
