// Compiles the IAM action names shipped by cfn-lint (cfnlint/data/AdditionalSpecs/Policies.json,
// 1.9 MB: per service prefix its actions, resource types, ARN formats and condition keys) into
// the compact, checked-in data/iam/ the cfn-iam-action rule reads: index.json (source, version,
// every service prefix) and one shard per first letter of the prefixes, actions-<letter>.json
// (per service prefix, its action names, lower case as cfn-lint stores them, joined by spaces),
// so a template that names three services reads three small files, not 446 KB.
// See data/iam/README.md; the reader is src/engine/iam/iamActions.ts.
//
// Usage: node scripts/buildIamData.mjs [<cfnlint package dir>]   (npm run build:iam-data)

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cfnLintVersion, findCfnLint } from './cfnLintPackage.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'data', 'iam');
/** Format version; the reader is src/engine/iam/iamActions.ts. */
const FORMAT = 1;

const dir = findCfnLint('buildIamData');
const version = cfnLintVersion(dir);
const policies = JSON.parse(readFileSync(join(dir, 'data', 'AdditionalSpecs', 'Policies.json'), 'utf8'));

// Names are IAM service prefixes and action names: check their shape, so the data cannot carry
// separators or anything the engine would have to escape.
const NAME = /^[a-z0-9][a-z0-9_.-]*$/;
const services = {};
let actionCount = 0;
for (const prefix of Object.keys(policies).sort()) {
  if (!NAME.test(prefix)) throw new Error(`unexpected service prefix ${JSON.stringify(prefix)}`);
  const actions = Object.keys(policies[prefix].Actions ?? {}).map((a) => a.toLowerCase()).sort();
  for (const action of actions) if (!NAME.test(action)) throw new Error(`unexpected action ${prefix}:${JSON.stringify(action)}`);
  services[prefix] = [...new Set(actions)].join(' ');
  actionCount += actions.length;
}

const shards = {};
for (const [prefix, names] of Object.entries(services)) (shards[prefix[0]] ??= {})[prefix] = names;
mkdirSync(outDir, { recursive: true });
// Old shards go (a letter may have no prefix any more); README.md stays.
for (const file of readdirSync(outDir)) if (/^actions(-.+)?\.json$/.test(file)) rmSync(join(outDir, file));
for (const [letter, shard] of Object.entries(shards)) writeFileSync(join(outDir, `actions-${letter}.json`), `${JSON.stringify(shard)}\n`);
const index = {
  format: FORMAT,
  source: `cfn-lint ${version}, cfnlint/data/AdditionalSpecs/Policies.json (MIT-0)`,
  version,
  services: Object.keys(services),
};
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index)}\n`);
console.log(`buildIamData: ${Object.keys(services).length} service prefixes, ${actionCount} actions in ${Object.keys(shards).length} shards from cfn-lint ${version} -> ${outDir}`);
