/**
 * The IAM action names per service prefix (data/iam/actions.json, compiled from cfn-lint's
 * Policies.json by scripts/buildIamData.mjs). The host hands the engine a loader
 * (`Catalog.iamActions`); the 440 KB file is read on the first action checked, and a
 * service's names are split into a set only when that service is asked for.
 */

/** The shape of data/iam/actions.json (format 1). */
export interface IamActionData {
  readonly format: number;
  readonly source: string;
  readonly version: string;
  /** Service prefix -> its action names, lower case, joined by single spaces. */
  readonly services: Readonly<Record<string, string>>;
}

/** What the engine asks of the IAM action data. */
export interface IamActionSource {
  /** Where the data comes from (`cfn-lint 1.51.0, ...`), for messages and `--version`. */
  source(): string;
  /** Lower-case action names of a service prefix; undefined when the prefix is unknown. */
  actionsOf(prefix: string): ReadonlySet<string> | undefined;
  /** Every known service prefix (for "did you mean"). */
  servicePrefixes(): readonly string[];
}

/** Builds the source over a loader that returns the parsed file (called at most once). */
export function createIamActions(load: () => unknown): IamActionSource {
  let data: IamActionData | undefined;
  let failed = false;
  const sets = new Map<string, ReadonlySet<string>>();
  let prefixes: string[] | undefined;
  const read = (): IamActionData | undefined => {
    if (data === undefined && !failed) {
      try {
        const loaded = load() as IamActionData;
        if (loaded?.format !== 1 || typeof loaded.services !== 'object') throw new Error('unknown format');
        data = loaded;
      } catch {
        // Without the data the action names are not judged; every other check still runs.
        failed = true;
      }
    }
    return data;
  };
  return {
    source: () => read()?.source ?? 'unavailable',
    actionsOf(prefix) {
      const services = read()?.services;
      if (services === undefined || !Object.hasOwn(services, prefix)) return undefined;
      let set = sets.get(prefix);
      if (set === undefined) {
        set = new Set(services[prefix]!.split(' ').filter((name) => name !== ''));
        sets.set(prefix, set);
      }
      return set;
    },
    servicePrefixes() {
      prefixes ??= Object.keys(read()?.services ?? {});
      return prefixes;
    },
  };
}
