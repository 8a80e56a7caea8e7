/**
 * Names of the catalogue's and the constraint data's shard files. A shard holds one service
 * (`AWS_EC2`) or, for a large service, one chunk of its resource types (`AWS_EC2-3`; see
 * scripts/shardChunks.mjs): the namespace is the part before the dash.
 */

/** Shard names a loader may turn into file names: nothing but letters, digits, `_` and a chunk number. */
export const SHARD_NAME = /^[A-Za-z0-9]+_[A-Za-z0-9]+(?:-[0-9]+)?$/;

/** `AWS_EC2` and `AWS_EC2-3` -> `AWS::EC2`. */
export function shardNamespace(shardName: string): string {
  const dash = shardName.indexOf('-');
  return (dash < 0 ? shardName : shardName.slice(0, dash)).replace('_', '::');
}
