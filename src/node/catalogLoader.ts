/**
 * Node host side of the catalogue: finds `dist/catalog` and reads the compiled
 * index and shards from disk for {@link createCompiledCatalog}.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../engine/catalog/catalogTypes';
import { createCompiledCatalog, type CatalogIndex } from '../engine/catalog/compiledCatalog';
import { SHARD_NAME } from '../engine/catalog/shardNames';
import { createCompiledConstraints } from '../engine/constraints/compiledConstraints';
import type { ConstraintIndex, ConstraintSource } from '../engine/constraints/constraintTypes';
import { createIamActions } from '../engine/iam/iamActions';

const INDEX_FILE = 'index.json';

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Loads the catalogue compiled into `dir` (a `dist/catalog` directory).
 * Reads `index.json` now and each shard synchronously on first use: the engine
 * asks for types while walking a template, so the loader cannot be async.
 *
 * @throws when `index.json` is missing or unreadable (run `npm run build:catalog`).
 */
export function loadCatalogFromDir(dir: string): Catalog {
  const indexPath = path.join(dir, INDEX_FILE);
  let index: CatalogIndex;
  try {
    index = readJson(indexPath) as CatalogIndex;
  } catch (err) {
    throw new Error(`Cannot read the ArchLens catalogue at ${indexPath} (run \`npm run build:catalog\`): ${String(err)}`);
  }
  // Shard names come from our own index, but keep them to plain file names anyway.
  const shardFile = (shardName: string, suffix: string): string => {
    if (!SHARD_NAME.test(shardName)) throw new Error(`Invalid catalogue shard name: ${shardName}`);
    return path.join(dir, `${shardName}${suffix}`);
  };
  const catalog = createCompiledCatalog(
    index,
    (shardName) => readJson(shardFile(shardName, '.json')),
    (shardName) => readJson(shardFile(shardName, '.docs.json')),
  );
  const constraints = loadConstraintsFromDir(path.join(dir, CONSTRAINTS_DIR));
  // IAM action names (data/iam/, copied by scripts/build.mjs): the index on the first policy action checked, a shard per letter.
  const iamDir = path.join(dir, 'iam');
  const iamActions = fs.existsSync(path.join(iamDir, INDEX_FILE))
    ? createIamActions(
        () => readJson(path.join(iamDir, INDEX_FILE)),
        (letter) => {
          if (!/^[a-z0-9]$/.test(letter)) throw new Error(`Invalid IAM action shard: ${letter}`);
          return readJson(path.join(iamDir, `actions-${letter}.json`));
        },
      )
    : undefined;
  return { ...catalog, ...(constraints ? { constraints } : {}), ...(iamActions ? { iamActions } : {}) };
}

/** Where the build copies data/constraints/ (scripts/build.mjs): beside the catalogue shards. */
const CONSTRAINTS_DIR = 'constraints';

/**
 * Loads the constraint data in `dir` (`dist/catalog/constraints`), shards on first use.
 * Returns undefined when the directory has no `index.json` (a catalogue built without it):
 * the value-constraint rules then find nothing, the other rules are unaffected.
 */
export function loadConstraintsFromDir(dir: string): ConstraintSource | undefined {
  const indexPath = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(indexPath)) return undefined;
  return createCompiledConstraints(readJson(indexPath) as ConstraintIndex, (shardName) => {
    if (!SHARD_NAME.test(shardName)) throw new Error(`Invalid constraint shard name: ${shardName}`);
    return readJson(path.join(dir, `${shardName}.json`));
  });
}

/** `dir`, then its ancestors, looking for `dist/catalog/index.json`. */
function findUpwards(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'catalog');
    if (fs.existsSync(path.join(candidate, INDEX_FILE))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The catalogue directory for the running code.
 * - Bundled (esbuild, CJS): the bundle lives in `dist/`, so `<__dirname>/catalog`.
 * - From sources (tsx, tests): walk up from this module's directory, then from
 *   the working directory, to the first `dist/catalog/index.json`.
 * `__dirname` is checked with `typeof` because it does not exist when the
 * sources are run as ESM.
 *
 * @throws when no compiled catalogue is found.
 */
export function defaultCatalogDir(): string {
  const here = typeof __dirname !== 'undefined' ? __dirname : undefined;
  if (here !== undefined) {
    const besideBundle = path.join(here, 'catalog');
    if (fs.existsSync(path.join(besideBundle, INDEX_FILE))) return besideBundle;
    const found = findUpwards(here);
    if (found) return found;
  }
  const fromCwd = findUpwards(process.cwd());
  if (fromCwd) return fromCwd;
  throw new Error('ArchLens catalogue not found (no dist/catalog/index.json); run `npm run build:catalog`.');
}
