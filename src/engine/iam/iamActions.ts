/**
 * The IAM action names per service prefix (data/iam/, compiled from cfn-lint's Policies.json by
 * scripts/buildIamData.mjs). The host hands the engine loaders (`Catalog.iamActions`): the index
 * (every prefix, 6 KB) is read on the first action checked, a shard (the prefixes of one first
 * letter) when one of its services first appears, and a service's names are split into a set only
 * when that service is asked for.
 */

/** data/iam/index.json (format 1). */
export interface IamActionIndex {
  readonly format: number;
  readonly source: string;
  readonly version: string;
  /** Every service prefix, sorted. */
  readonly services: readonly string[];
}

/** data/iam/actions-<letter>.json: service prefix -> its action names, lower case, joined by single spaces. */
export type IamActionShard = Readonly<Record<string, string>>;

/** What the engine asks of the IAM action data. */
export interface IamActionSource {
  /** Where the data comes from (`cfn-lint 1.51.0, ...`); `unavailable` without data. */
  source(): string;
  /** Lower-case action names of a service prefix; undefined when the prefix is unknown. */
  actionsOf(prefix: string): ReadonlySet<string> | undefined;
  /** Every known service prefix (for "did you mean"); empty without data. */
  servicePrefixes(): readonly string[];
}

/** The shard a prefix lives in (its first character), as the generator names them. */
export function shardOf(prefix: string): string {
  return prefix.charAt(0);
}

/** Builds the source over loaders of the parsed index and shards (each called at most once). */
export function createIamActions(loadIndex: () => unknown, loadShard: (letter: string) => unknown): IamActionSource {
  let index: IamActionIndex | undefined;
  let known: ReadonlySet<string> | undefined;
  let failed = false;
  const shards = new Map<string, IamActionShard | undefined>();
  const sets = new Map<string, ReadonlySet<string>>();
  const readIndex = (): IamActionIndex | undefined => {
    if (index === undefined && !failed) {
      try {
        const loaded = loadIndex() as IamActionIndex;
        if (loaded?.format !== 1 || !Array.isArray(loaded.services)) throw new Error('unknown format');
        index = loaded;
        known = new Set(loaded.services);
      } catch {
        // Without the data the action names are not judged; every other check still runs.
        failed = true;
      }
    }
    return index;
  };
  const shard = (letter: string): IamActionShard | undefined => {
    if (!shards.has(letter)) {
      let loaded: IamActionShard | undefined;
      try {
        loaded = loadShard(letter) as IamActionShard;
      } catch {
        loaded = undefined;
      }
      shards.set(letter, loaded);
    }
    return shards.get(letter);
  };
  return {
    source: () => readIndex()?.source ?? 'unavailable',
    actionsOf(prefix) {
      if (readIndex() === undefined || !known!.has(prefix)) return undefined;
      let set = sets.get(prefix);
      if (set === undefined) {
        const names = shard(shardOf(prefix));
        if (names === undefined || !Object.hasOwn(names, prefix)) return undefined;
        set = new Set(names[prefix]!.split(' ').filter((name) => name !== ''));
        sets.set(prefix, set);
      }
      return set;
    },
    servicePrefixes: () => readIndex()?.services ?? [],
  };
}
