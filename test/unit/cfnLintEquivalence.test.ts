// docs/cfn-lint-equivalence.md is generated from the rule pages' "Equivalent cfn-lint rules:" lines
// and cfn-lint's rule list (scripts/cfnLintEquivalence.ts). These tests keep it current: the
// ArchLens side is always checked (the cfn-lint list is read back from the file itself); the
// cfn-lint side only where cfn-lint is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ALL_RULES } from '../../src/engine/rules/registry';
import { EQUIVALENCE_DOC, REGENERATE_EQUIVALENCE, cfnLintRulesFromDoc, cfnLintRulesFromTool, parseListRules, readPageClaims, renderEquivalence } from '../../scripts/cfnLintEquivalence';

const hint = `Regenerate it with: ${REGENERATE_EQUIVALENCE}`;

void test('every CloudFormation rule page has a well-formed "Equivalent cfn-lint rules:" line', () => {
  const pages = readPageClaims();
  assert.deepEqual(pages.malformed, [], 'write "E3030 (full)" or "E3030 (partial)", comma-separated, or "none"');
  const cfnRules = new Set(ALL_RULES.map((rule) => rule.id).filter((id) => id.startsWith('cfn-')));
  assert.deepEqual(pages.pagesWithoutLine.filter((id) => cfnRules.has(id)), [], 'add the line to the "Compared with cfn-lint" section of these pages');
});

void test('docs/cfn-lint-equivalence.md matches the rule pages', () => {
  assert.ok(fs.existsSync(EQUIVALENCE_DOC), `docs/cfn-lint-equivalence.md is missing. ${hint}`);
  const text = fs.readFileSync(EQUIVALENCE_DOC, 'utf8');
  const cfnLint = cfnLintRulesFromDoc(text);
  assert.ok(cfnLint && cfnLint.rules.length > 200, `docs/cfn-lint-equivalence.md has no cfn-lint rule list. ${hint}`);
  assert.ok(text === renderEquivalence(cfnLint, readPageClaims()), `docs/cfn-lint-equivalence.md is out of date. ${hint}`);
});

void test('a claim on a page shows up in the table and the totals', () => {
  const cfnLint = { version: 'x', rules: parseListRules('E1001: Basic\nlong text\nE3039: DynamoDB mismatch\nEvaluate this (not a rule line)\nW2001: unused\n') };
  assert.deepEqual(cfnLint.rules.map((rule) => rule.id), ['E1001', 'E3039']);
  const text = renderEquivalence(cfnLint, { claims: [{ rule: 'cfn-dynamodb-attributes', id: 'E3039', degree: 'partial' }, { rule: 'cfn-unused-parameter', id: 'W2001', degree: 'full' }], none: [], pagesWithoutLine: [], malformed: [] });
  assert.match(text, /Of the \*\*2\*\* error rules of cfn-lint x, ArchLens has a \*\*full\*\* equivalent for \*\*0\*\*, a \*\*partial\*\* one for \*\*1\*\* and none for 1\./);
  assert.match(text, /\| E3039 \| DynamoDB mismatch \| \[`cfn-dynamodb-attributes`\]\(rules\/cfn-dynamodb-attributes\.md\) \(partial\) \| partial \|/);
  assert.match(text, /- W2001: `cfn-unused-parameter` \(full\)/);
  // The file reads its own list back.
  assert.deepEqual(cfnLintRulesFromDoc(text), cfnLint);
});

void test("the file's cfn-lint rule list is the installed cfn-lint's", (t) => {
  const installed = cfnLintRulesFromTool();
  if (!installed) {
    t.skip('cfn-lint is not installed: the rule list in the file cannot be compared with it');
    return;
  }
  const inFile = cfnLintRulesFromDoc(fs.readFileSync(EQUIVALENCE_DOC, 'utf8'));
  assert.ok(inFile, `docs/cfn-lint-equivalence.md has no cfn-lint rule list. ${hint}`);
  if (inFile.version !== installed.version) {
    t.skip(`cfn-lint ${installed.version} is installed; the file was made with ${inFile.version}`);
    return;
  }
  assert.deepEqual(inFile.rules, installed.rules, `docs/cfn-lint-equivalence.md lists other cfn-lint rules than cfn-lint ${installed.version}. ${hint}`);
});
