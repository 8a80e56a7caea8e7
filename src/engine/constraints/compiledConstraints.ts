/**
 * {@link ConstraintSource} over the compiled, sharded constraint data written by
 * scripts/buildConstraints.mjs. Pure, like the catalogue reader: the host passes
 * the parsed index and a shard loader; a shard is loaded on the first question
 * about one of its types, then cached.
 */

import { shardNamespace } from '../catalog/shardNames';
import type { ConstraintIndex, ConstraintShard, ConstraintSource, ResourceConstraints } from './constraintTypes';

/** Format version this reader understands (`format` in index.json and every shard). */
export const CONSTRAINTS_FORMAT = 2;

function checkFormat(what: string, value: unknown): void {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== CONSTRAINTS_FORMAT) {
    throw new Error(`ArchLens constraint data ${what} has format ${String(format)}, expected ${CONSTRAINTS_FORMAT}; rebuild it with \`npm run build:constraints\`.`);
  }
}

/**
 * Creates a {@link ConstraintSource}.
 *
 * @param loadShard returns the parsed shard for a shard name (`'AWS_EC2'`); called at most once per shard.
 * @throws when the index (or later a shard) has an unexpected format version.
 */
export function createCompiledConstraints(index: ConstraintIndex, loadShard: (shardName: string) => unknown): ConstraintSource {
  checkFormat('index', index);
  const shardOf = new Map<string, string>();
  for (const [shard, members] of Object.entries(index.shards)) {
    const namespace = shardNamespace(shard);
    for (const member of members) shardOf.set(`${namespace}::${member}`, shard);
  }
  const shards = new Map<string, ConstraintShard>();
  return {
    version: index.source,
    resource(type: string): ResourceConstraints | undefined {
      const shardName = shardOf.get(type);
      if (shardName === undefined) return undefined;
      let shard = shards.get(shardName);
      if (!shard) {
        const raw = loadShard(shardName);
        checkFormat(`shard ${shardName}`, raw);
        shard = raw as ConstraintShard;
        shards.set(shardName, shard);
      }
      return Object.prototype.hasOwnProperty.call(shard.types, type) ? shard.types[type] : undefined;
    },
  };
}
