#!/usr/bin/env node
// Compiles the CloudFormation resource catalogue from @aws-cdk/aws-service-spec
// (node_modules/@aws-cdk/aws-service-spec/db.json.gz, ~15 MB of JSON once
// gunzipped) into the compact, sharded format read by
// src/engine/catalog/compiledCatalog.ts. See docs/catalog.md.
//
// Output (dist/catalog/):
//   index.json      spec version, regions, shard -> type names, shared types
//   <Shard>.json    one per service namespace (AWS::S3 -> AWS_S3.json)
//
// Why shards: a cold lint only parses the services its template uses, instead
// of the whole multi-megabyte catalogue.
//
// SAM overlay: when data/sam/samSpec.json exists (generated from
// aws-sam-translator's schema by scripts/buildSamSpec.mjs, see
// data/sam/README.md), it replaces the spec's AWS::Serverless::* types
// entirely: the AWS_Serverless shard and the index's list of its type names.
//
// Usage: node scripts/buildCatalog.mjs [--force] [--out <dir>]
// Skips work when dist/catalog/index.json was built from the same db.json.gz,
// the same SAM overlay and the same version of this script (content hash, not
// mtime: npm may give installed files arbitrary mtimes).
//
// Also a module: scripts/buildSamSpec.mjs imports compile() and friends to
// type SAM pass-through properties like their CloudFormation targets.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chunkName, chunkTypes, SHARD_FILE } from './shardChunks.mjs';

/** Bump when the output format changes incompatibly (compiledCatalog.ts checks it). */
export const FORMAT = 2;
/**
 * Version of the type encoding itself (what data/sam/samSpec.json holds: types with their
 * documentation inline). FORMAT 2 moved the documentation of the files in dist/ to docs shards;
 * the encoding did not change.
 */
export const SHARD_ENCODING = 1;
/** Documentation budgets, in characters, to keep shards small. */
export const RESOURCE_DOC_LIMIT = 400;
export const MEMBER_DOC_LIMIT = 200;

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(scriptPath), '..');
const specDir = join(repoRoot, 'node_modules', '@aws-cdk', 'aws-service-spec');
/** The SAM overlay (checked in; regenerate with scripts/buildSamSpec.mjs). */
export const SAM_SPEC_PATH = join(repoRoot, 'data', 'sam', 'samSpec.json');
const SAM_SHARD = 'AWS_Serverless';

const args = process.argv.slice(2);
const force = args.includes('--force');
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? resolve(args[outIdx + 1]) : join(repoRoot, 'dist', 'catalog');

// Run only as a script, not when imported (argv[1] may be a symlink: compare real paths).
if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(scriptPath)) main();

/** The spec database: raw bytes (for the stamp), parsed schema and package version. */
export function readSpec() {
  const bytes = readFileSync(join(specDir, 'db.json.gz'));
  const version = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8')).version;
  return { bytes, version, schema: () => JSON.parse(gunzipSync(bytes).toString('utf8')).schema };
}

function main() {
  const started = performance.now();
  const spec = readSpec();
  const samBytes = existsSync(SAM_SPEC_PATH) ? readFileSync(SAM_SPEC_PATH) : undefined;
  const stamp = createHash('sha256')
    .update(spec.bytes)
    .update(readFileSync(scriptPath))
    .update(readFileSync(join(dirname(scriptPath), 'shardChunks.mjs')))
    .update(samBytes ?? 'no SAM overlay')
    .digest('hex')
    .slice(0, 16);

  if (!force && isUpToDate(stamp)) {
    console.log(`catalog: up to date (${outDir})`);
    return;
  }

  const { index, shards, warnings } = compile(spec.schema(), `@aws-cdk/aws-service-spec ${spec.version}`, stamp);
  if (samBytes) applySamOverlay(index, shards, JSON.parse(samBytes.toString('utf8')), warnings);
  splitLargeShards(index, shards);
  const docs = new Map([...shards].map(([name, shard]) => [name, takeDocs(shard)]));

  mkdirSync(outDir, { recursive: true });
  // Remove shards of services that no longer exist; index.json is written last
  // so an interrupted build is never mistaken for a complete one.
  for (const file of readdirSync(outDir)) {
    const shard = SHARD_FILE.exec(file)?.[1];
    if (shard && !shards.has(shard)) rmSync(join(outDir, file));
  }
  let bytes = 0;
  for (const [name, shard] of shards) {
    const text = JSON.stringify(shard);
    bytes += text.length;
    writeFileSync(join(outDir, `${name}.json`), text);
    const docsText = JSON.stringify(docs.get(name));
    bytes += docsText.length;
    writeFileSync(join(outDir, `${name}.docs.json`), docsText);
  }
  const indexText = JSON.stringify(index);
  writeFileSync(join(outDir, 'index.json'), indexText);
  bytes += indexText.length;

  for (const w of warnings) console.warn(`catalog: warning: ${w}`);
  const ms = Math.round(performance.now() - started);
  console.log(
    `catalog: ${Object.values(index.shards).flat().length} resource types in ${shards.size} shards, ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MB, ${ms} ms -> ${outDir}`,
  );
}

/** True when index.json carries the same stamp and every shard it names exists. */
function isUpToDate(stamp) {
  const indexPath = join(outDir, 'index.json');
  if (!existsSync(indexPath)) return false;
  try {
    const index = JSON.parse(readFileSync(indexPath, 'utf8'));
    if (index.format !== FORMAT || index.stamp !== stamp) return false;
    return Object.keys(index.shards).every((s) => existsSync(join(outDir, `${s}.json`)));
  } catch {
    return false;
  }
}

/**
 * Turns the spec database into { index, shards }.
 * The spec stores entities in arrays keyed by `$id`; type references are
 * `{ type: 'ref', reference: { $ref: id } }` pointing at typeDefinition
 * entities, whose owning resource is given by the `usesType` relation
 * (resource id -> [{ $id }]). Every type definition has exactly one owner.
 */
export function compile(schema, version, stamp) {
  const warnings = [];
  const owner = new Map(); // typeDefinition id -> resource entity
  const resourcesById = new Map(schema.resource.entities.map((r) => [r.$id, r]));
  for (const [resourceId, uses] of Object.entries(schema.usesType.forward)) {
    for (const { $id } of uses) owner.set($id, resourcesById.get(resourceId));
  }
  const typeDefsById = new Map(schema.typeDefinition.entities.map((t) => [t.$id, t]));

  /** Full property-type name of a typeDefinition id: `AWS::S3::Bucket.VersioningConfiguration`. */
  const typeDefName = (id) => {
    const def = typeDefsById.get(id);
    const res = owner.get(id);
    return def && res ? `${res.cloudFormationType}.${def.name}` : undefined;
  };

  /**
   * Spec type -> compact shard type (see compiledCatalog.ts `ShardType`):
   * primitive name | struct full name | {l: T} | {m: T} | {u: [T...]}.
   * The spec's `previousTypes` (type history) is ignored: only `type` is current.
   */
  const encodeType = (t, where) => {
    switch (t.type) {
      case 'string':
      case 'number':
      case 'integer':
      case 'boolean':
      case 'json':
        return t.type;
      case 'date-time':
        return 'timestamp';
      case 'tag':
        // The spec has a dedicated `tag` type for the standard {Key, Value}
        // pair; we model it as the shared property type `Tag` (index.json).
        return 'Tag';
      case 'array':
        return { l: encodeType(t.element, where) };
      case 'map':
        return { m: encodeType(t.element, where) };
      case 'union':
        return { u: t.types.map((x) => encodeType(x, where)) };
      case 'ref': {
        const name = typeDefName(t.reference.$ref);
        if (name) return name;
        warnings.push(`${where}: dangling type reference ${t.reference.$ref}`);
        return 'any';
      }
      default:
        warnings.push(`${where}: unknown spec type ${JSON.stringify(t.type)}, using any`);
        return 'any';
    }
  };

  /** Spec property map -> shard property map. `sam`: replacement data is unreliable (see below). */
  const encodeProperties = (props, where, sam) => {
    const out = {};
    for (const [name, p] of Object.entries(props ?? {})) {
      const enc = { t: encodeType(p.type, `${where}.${name}`) };
      if (p.required) enc.r = 1;
      const d = shortDoc(p.documentation, MEMBER_DOC_LIMIT);
      if (d) enc.d = d;
      // causesReplacement: 'yes' | 'maybe' | absent (= no). Omitted `x` means never.
      if (!sam && p.causesReplacement === 'yes') enc.x = 'a';
      if (!sam && p.causesReplacement === 'maybe') enc.x = 'c';
      if (p.type.allowedValues?.length) enc.e = p.type.allowedValues.map(String);
      if (p.deprecated) enc.dep = 1;
      out[name] = enc;
    }
    return out;
  };

  const shards = new Map(); // shard name -> { format, resources, propertyTypes }
  const members = {}; // shard name -> short type names ('Bucket'), for index.json
  const resources = [...schema.resource.entities].sort((a, b) => cmp(a.cloudFormationType, b.cloudFormationType));
  for (const res of resources) {
    const name = res.cloudFormationType;
    const shardName = name.split('::').slice(0, 2).join('_');
    (members[shardName] ??= []).push(name.split('::')[2]);
    let shard = shards.get(shardName);
    if (!shard) shards.set(shardName, (shard = { format: FORMAT, resources: {}, propertyTypes: {} }));

    // SAM resources (the only ones with a `cloudFormationTransform`) come from
    // the SAM spec, which marks every property causesReplacement: 'yes'; that
    // is a placeholder, not a fact, so we record "unknown" (nr) instead.
    const sam = Boolean(res.cloudFormationTransform);
    const entry = {};
    const d = shortDoc(res.documentation, RESOURCE_DOC_LIMIT);
    if (d) entry.d = d;
    entry.p = encodeProperties(res.properties, name, sam);
    entry.a = {};
    for (const [attr, a] of Object.entries(res.attributes ?? {})) {
      const enc = { t: encodeType(a.type, `${name} attribute ${attr}`) };
      const ad = shortDoc(a.documentation, MEMBER_DOC_LIMIT);
      if (ad) enc.d = ad;
      entry.a[attr] = enc;
    }
    const ref = refDescription(res);
    if (ref) entry.ref = ref;
    if (sam) entry.nr = 1;
    // No per-type `rg` (regions): see regionNames() below.
    shard.resources[name] = entry;

    const defs = (schema.usesType.forward[res.$id] ?? [])
      .map(({ $id }) => typeDefsById.get($id))
      .sort((a, b) => cmp(a.name, b.name));
    for (const def of defs) {
      const full = `${name}.${def.name}`;
      const pt = {};
      const pd = shortDoc(def.documentation, MEMBER_DOC_LIMIT);
      if (pd) pt.d = pd;
      pt.p = encodeProperties(def.properties, full, sam);
      if (sam) pt.nr = 1;
      shard.propertyTypes[full] = pt;
    }
  }

  const index = {
    format: FORMAT,
    version,
    stamp,
    regions: regionNames(schema),
    // Shard name -> type names without the namespace (AWS_S3 -> ['Bucket', ...]
    // meaning AWS::S3::Bucket): a third of the size of a name -> shard map.
    shards: members,
    shared: {
      Tag: {
        d: 'A key-value pair (tag) to associate with the resource.',
        p: {
          Key: { t: 'string', r: 1, d: 'The key name of the tag.' },
          Value: { t: 'string', r: 1, d: 'The value of the tag.' },
        },
      },
    },
  };
  return { index, shards, warnings };
}

/**
 * Replaces the spec's AWS::Serverless::* types with the SAM overlay
 * (data/sam/samSpec.json, already in shard format): the whole AWS_Serverless
 * shard and its type list in the index. The overlay may name property types of
 * other shards (SAM pass-through properties typed like their CloudFormation
 * target, e.g. `AWS::Lambda::Function.LoggingConfig`); a name that no longer
 * resolves (after a spec bump) degrades to `any` with a warning.
 */
/**
 * Moves a shard's documentation (`d` of its types, properties and attributes) into a docs shard
 * of the same name, `<name>.docs.json` (src/engine/catalog/catalogDocs.ts): a lint never reads
 * it, and it is 60% of the catalogue's bytes. The index's shared types keep theirs (tiny).
 */
function takeDocs(shard) {
  const types = {};
  const take = (members) => {
    const out = {};
    for (const [name, member] of Object.entries(members)) {
      if (member.d === undefined) continue;
      out[name] = member.d;
      delete member.d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const entries = [...Object.entries(shard.resources), ...Object.entries(shard.propertyTypes)];
  for (const [name, entry] of entries) {
    const docs = {};
    if (entry.d !== undefined) docs.d = entry.d;
    delete entry.d;
    const p = take(entry.p);
    if (p) docs.p = p;
    const a = entry.a ? take(entry.a) : undefined;
    if (a) docs.a = a;
    if (Object.keys(docs).length > 0) types[name] = docs;
  }
  return { format: FORMAT, types };
}

/**
 * Splits each large service shard into chunks of whole resource types, each with its property
 * types (scripts/shardChunks.mjs says why). Throws if a property type belongs to no resource
 * type of its shard: the reader finds a property type through its resource type's shard.
 */
function splitLargeShards(index, shards) {
  for (const [name, shard] of [...shards]) {
    const namespace = name.replace('_', '::');
    const members = index.shards[name];
    const propertyTypesOf = new Map(members.map((member) => [member, []]));
    for (const key of Object.keys(shard.propertyTypes)) {
      const owner = key.slice(namespace.length + 2, key.indexOf('.'));
      if (!key.startsWith(`${namespace}::`) || !propertyTypesOf.has(owner)) throw new Error(`catalog: property type ${key} has no resource type in shard ${name}`);
      propertyTypesOf.get(owner).push(key);
    }
    // Sized without documentation: that goes to the docs shards (takeDocs).
    const bytes = (value) => JSON.stringify(value, (key, inner) => (key === 'd' ? undefined : inner)).length;
    const sizeOf = (member) => {
      const type = `${namespace}::${member}`;
      return bytes(shard.resources[type]) + propertyTypesOf.get(member).reduce((sum, key) => sum + key.length + bytes(shard.propertyTypes[key]), type.length);
    };
    const chunks = chunkTypes(members.map((member) => [member, sizeOf(member)]));
    if (!chunks) continue;
    shards.delete(name);
    delete index.shards[name];
    chunks.forEach((chunkMembers, at) => {
      const chunk = { format: shard.format, resources: {}, propertyTypes: {} };
      for (const member of chunkMembers) {
        const type = `${namespace}::${member}`;
        chunk.resources[type] = shard.resources[type];
        for (const key of propertyTypesOf.get(member)) chunk.propertyTypes[key] = shard.propertyTypes[key];
      }
      shards.set(chunkName(name, at), chunk);
      index.shards[chunkName(name, at)] = chunkMembers;
    });
  }
}

function applySamOverlay(index, shards, overlay, warnings) {
  if (overlay.format !== SHARD_ENCODING) {
    throw new Error(`${SAM_SPEC_PATH} has format ${overlay.format}, expected ${SHARD_ENCODING}: regenerate it (node scripts/buildSamSpec.mjs)`);
  }
  const names = Object.keys(overlay.resources).sort(cmp);
  const bad = names.find((n) => !n.startsWith('AWS::Serverless::'));
  if (bad) throw new Error(`${SAM_SPEC_PATH}: ${bad} is not an AWS::Serverless:: type`);
  const shard = { format: FORMAT, resources: overlay.resources, propertyTypes: overlay.propertyTypes };

  const shardOf = (typeName) => typeName.split('.')[0].split('::').slice(0, 2).join('_');
  const known = (name) => {
    if (Object.hasOwn(index.shared, name)) return true;
    const owner = shardOf(name) === SAM_SHARD ? shard : shards.get(shardOf(name));
    return Boolean(owner && Object.hasOwn(owner.propertyTypes, name));
  };
  const PRIMITIVE = new Set(['string', 'number', 'integer', 'long', 'boolean', 'json', 'timestamp', 'any']);
  const check = (t, where) => {
    if (typeof t === 'string') {
      if (PRIMITIVE.has(t) || known(t)) return t;
      warnings.push(`SAM overlay: ${where}: unknown property type ${t}, using any`);
      return 'any';
    }
    if ('l' in t) return { l: check(t.l, where) };
    if ('m' in t) return { m: check(t.m, where) };
    return { u: t.u.map((x) => check(x, where)) };
  };
  const checkProperties = (props, where) => {
    for (const [name, p] of Object.entries(props)) props[name] = { ...p, t: check(p.t, `${where}.${name}`) };
  };
  for (const [name, r] of Object.entries(shard.resources)) checkProperties(r.p, name);
  for (const [name, pt] of Object.entries(shard.propertyTypes)) checkProperties(pt.p, name);

  shards.set(SAM_SHARD, shard);
  index.shards[SAM_SHARD] = names.map((n) => n.split('::')[2]);
  if (overlay.source?.version) index.version += ` + ${overlay.source.package ?? 'aws-sam-translator'} ${overlay.source.version}`;
}

/**
 * The regions the spec was built from (currently us-east-1, us-east-2, us-west-2).
 * The spec's `regionHasResource` relation is NOT an availability map: only the
 * resources added after the region entity was allocated are linked (678 of
 * 1,828; AWS::S3::Bucket is in none), so we do not emit per-type regions
 * rather than let rules conclude "not available in us-east-1".
 */
function regionNames(schema) {
  return schema.region.entities.map((r) => r.name).sort(cmp);
}

/**
 * What `Ref` returns, derived from the identifiers (the spec has no prose for
 * it): `cfnRefIdentifier` when present (legacy resources whose Ref differs from
 * the primary identifier), else a single-property `primaryIdentifier`.
 * Composite identifiers without an override are left undescribed.
 */
function refDescription(res) {
  const ids = res.cfnRefIdentifier ?? res.primaryIdentifier;
  if (!ids?.length || (ids.length > 1 && !res.cfnRefIdentifier)) return undefined;
  return ids.length === 1 ? `The ${ids[0]} of the resource.` : `The ${ids.join(' and ')} of the resource.`;
}

/**
 * First paragraph of a markdown doc string, at most `limit` characters.
 * Markdown links are kept when the paragraph fits, otherwise reduced to their
 * text so truncation never leaves a half link.
 */
export function shortDoc(text, limit) {
  if (!text) return undefined;
  // A paragraph that introduces a bulleted list keeps only its lead-in lines.
  const lines = text.trim().split(/\n\s*\n/)[0].split('\n');
  const listAt = lines.findIndex((l, i) => i > 0 && /^\s*[-+*]\s/.test(l));
  let p = withoutDanglingLeadIn((listAt > 0 ? lines.slice(0, listAt) : lines).join(' ').replace(/\s+/g, ' ').trim());
  if (p.length <= limit) return p || undefined;
  p = p.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');
  if (p.length <= limit) return p;
  const head = p.slice(0, limit);
  const sentenceEnd = head.lastIndexOf('. ');
  if (sentenceEnd >= limit / 2) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : limit).replace(/[\s,;:(]+$/, '')}…`;
}

/**
 * The first paragraph often ends by introducing what the next one holds ("For example:",
 * "Valid values are:"), which shortDoc drops: a hover would end on a dangling colon. Drop that
 * last sentence when an earlier one says something; otherwise mark the cut with an ellipsis.
 */
export function withoutDanglingLeadIn(paragraph) {
  if (!paragraph.endsWith(':')) return paragraph;
  const lastSentence = paragraph.lastIndexOf('. ');
  if (lastSentence > 0) return paragraph.slice(0, lastSentence + 1);
  return `${paragraph.slice(0, -1).trimEnd()}…`;
}

/** Locale-independent string order, so output is identical on every machine. */
export function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
