// Splits a service's data shard into chunks of whole resource types, for the catalogue
// (scripts/buildCatalog.mjs) and the constraint data (scripts/build.mjs).
//
// Why: shards are per service, and a template that uses AWS::EC2::SecurityGroup had to read and
// parse all of EC2 (332 KB of catalogue plus 141 KB of constraints). With chunks of at most
// CHUNK_BYTES, the bench's small template reads 368 KB of shards instead of 695 KB, and its cold
// `archlens lint` takes about 5% less time (21 interleaved pairs); small services stay one file.
// Smaller chunks save little more (8 KB: 291 KB read) for many more files.
//
// A chunk's name is the service shard's with `-1`, `-2`... (`AWS_EC2-3`); the engine reads the
// namespace from the part before the dash (catalog/shardNames.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service shard larger than this (JSON characters) is split; chunks are filled up to it. */
export const CHUNK_BYTES = 16 * 1024;

/**
 * Groups resource types, in the given order, into chunks of at most `limit` bytes each (a type
 * larger than the limit gets a chunk of its own). Returns undefined when one chunk holds them all.
 * @param types [type name, JSON size of everything stored for it]
 */
export function chunkTypes(types, limit = CHUNK_BYTES) {
  const total = types.reduce((sum, [, bytes]) => sum + bytes, 0);
  if (total <= limit) return undefined;
  const chunks = [];
  let current;
  let currentBytes = 0;
  for (const [name, bytes] of types) {
    if (!current || currentBytes + bytes > limit) {
      current = [];
      chunks.push(current);
      currentBytes = 0;
    }
    current.push(name);
    currentBytes += bytes;
  }
  return chunks;
}

/** `AWS_EC2`, 0 -> `AWS_EC2-1`. */
export function chunkName(shardName, index) {
  return `${shardName}-${index + 1}`;
}

/** Shard file names the loaders accept: `AWS_EC2.json`, `AWS_EC2-3.json`, and their `.docs.json`. */
export const SHARD_FILE = /^([A-Za-z0-9]+_[A-Za-z0-9]+(?:-[0-9]+)?)(?:\.docs)?\.json$/;

/**
 * Copies the constraint data (data/constraints: index.json and a shard per service) to `to`,
 * splitting large shards into chunks as the catalogue's are. index.json is written last.
 */
export function copyConstraintShards(from, to) {
  const index = JSON.parse(readFileSync(join(from, 'index.json'), 'utf8'));
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const shards = {};
  for (const [name, members] of Object.entries(index.shards)) {
    const shard = JSON.parse(readFileSync(join(from, `${name}.json`), 'utf8'));
    const namespace = name.replace('_', '::');
    const typeOf = (member) => `${namespace}::${member}`;
    // Members without constraints have no entry in the shard: they cost nothing to carry.
    const chunks = chunkTypes(members.map((member) => [member, JSON.stringify(shard.types[typeOf(member)] ?? null).length + member.length]));
    if (!chunks) {
      shards[name] = members;
      writeFileSync(join(to, `${name}.json`), JSON.stringify(shard));
      continue;
    }
    chunks.forEach((chunkMembers, at) => {
      const types = {};
      for (const member of chunkMembers) if (Object.hasOwn(shard.types, typeOf(member))) types[typeOf(member)] = shard.types[typeOf(member)];
      shards[chunkName(name, at)] = chunkMembers;
      writeFileSync(join(to, `${chunkName(name, at)}.json`), JSON.stringify({ ...shard, types }));
    });
  }
  writeFileSync(join(to, 'index.json'), JSON.stringify({ ...index, shards }));
}
