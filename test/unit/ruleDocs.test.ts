import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/engine/rules/registry';
import { REGENERATE_COMMAND, renderRuleTable, ruleTableRow } from '../../scripts/ruleTable';

const repoRoot = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(repoRoot, 'docs', 'rules');
const RULE_ID = /^(cfn|oas|apigw|cdk)-[a-z0-9]+(-[a-z0-9]+)*$/;

void test('rule ids are unique kebab-case ids with a known prefix', () => {
  const seen = new Set<string>();
  const duplicates = ALL_RULES.map((rule) => rule.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  assert.deepEqual(duplicates, [], `duplicate rule ids: ${duplicates.join(', ')}`);
  const bad = ALL_RULES.map((rule) => rule.id).filter((id) => !RULE_ID.test(id));
  assert.deepEqual(bad, [], `rule ids must be kebab-case and start with cfn-, oas-, apigw- or cdk-: ${bad.join(', ')}`);
});

void test('every rule has a non-empty description and a severity', () => {
  const empty = ALL_RULES.filter((rule) => rule.description.trim() === '').map((rule) => rule.id);
  assert.deepEqual(empty, [], `rules without a description: ${empty.join(', ')}`);
  const badSeverity = ALL_RULES.filter((rule) => !['error', 'warning', 'info'].includes(rule.defaultSeverity)).map((rule) => rule.id);
  assert.deepEqual(badSeverity, [], `rules with an unknown default severity: ${badSeverity.join(', ')}`);
});

void test('every rule has docs/rules/<id>.md starting with "# <id>"', () => {
  const problems: string[] = [];
  for (const rule of ALL_RULES) {
    const file = path.join(rulesDir, `${rule.id}.md`);
    if (!fs.existsSync(file)) {
      problems.push(`missing docs/rules/${rule.id}.md`);
      continue;
    }
    const firstLine = fs.readFileSync(file, 'utf8').split(/\r?\n/, 1)[0];
    if (firstLine !== `# ${rule.id}`) problems.push(`docs/rules/${rule.id}.md starts with ${JSON.stringify(firstLine)}, expected "# ${rule.id}"`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

void test('docs/rules/README.md lists every rule and is up to date', () => {
  const readmePath = path.join(rulesDir, 'README.md');
  const hint = `Regenerate it with: ${REGENERATE_COMMAND}`;
  assert.ok(fs.existsSync(readmePath), `docs/rules/README.md is missing. ${hint}`);
  const readme = fs.readFileSync(readmePath, 'utf8');
  const missing = ALL_RULES.filter((rule) => !readme.includes(ruleTableRow(rule))).map((rule) => rule.id);
  assert.deepEqual(missing, [], `docs/rules/README.md does not list (or lists an outdated row for) ${missing.join(', ')}. ${hint}`);
  assert.ok(readme === renderRuleTable(ALL_RULES), `docs/rules/README.md is out of date (a rule was removed or the layout changed). ${hint}`);
});

void test('rule pages link only to pages that exist', () => {
  const pages = fs.existsSync(rulesDir) ? fs.readdirSync(rulesDir).filter((name) => name.endsWith('.md')) : [];
  const known = new Set(pages);
  const broken: string[] = [];
  for (const page of pages) {
    const text = fs.readFileSync(path.join(rulesDir, page), 'utf8');
    for (const match of text.matchAll(/\]\(([A-Za-z0-9-]+\.md)(#[^)]*)?\)/g)) {
      if (!known.has(match[1]!)) broken.push(`${page} -> ${match[1]}`);
    }
  }
  assert.deepEqual(broken, [], `broken links between rule pages:\n${broken.join('\n')}`);
});
