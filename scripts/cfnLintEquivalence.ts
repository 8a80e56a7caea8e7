// Writes docs/cfn-lint-equivalence.md: each error rule (E*) of cfn-lint, its description, the
// ArchLens rules whose pages claim it in their "Equivalent cfn-lint rules:" line, and whether the
// equivalence is full or partial, with the totals at the top (issue 19 asks for them).
//
//   npx tsx scripts/cfnLintEquivalence.ts            (writes the file)
//   npx tsx scripts/cfnLintEquivalence.ts --check    (exit 1 when the file is out of date)
//
// The cfn-lint rule list comes from `cfn-lint --list-rules` when cfn-lint is installed; without it
// the list already in docs/cfn-lint-equivalence.md is reused, so a rule page can be added and the
// file regenerated on a machine without cfn-lint. The convention for the rule pages' line is in
// docs/ARCHITECTURE.md ("Compared with cfn-lint"): `Equivalent cfn-lint rules: E3030 (full), E3031 (partial)`
// or `Equivalent cfn-lint rules: none`. test/unit/cfnLintEquivalence.test.ts keeps the file current.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REGENERATE_EQUIVALENCE = 'npx tsx scripts/cfnLintEquivalence.ts';
const repoRoot = path.resolve(__dirname, '..');
export const EQUIVALENCE_DOC = path.join(repoRoot, 'docs', 'cfn-lint-equivalence.md');
const RULES_DIR = path.join(repoRoot, 'docs', 'rules');

/** One cfn-lint rule as `--list-rules` prints it. */
export interface CfnLintRule {
  readonly id: string;
  readonly description: string;
}

/** The cfn-lint side of the table: its version and error rules. */
export interface CfnLintRules {
  readonly version: string;
  readonly rules: readonly CfnLintRule[];
}

export type Degree = 'full' | 'partial';

/** One claim of a rule page: ArchLens rule `rule` covers cfn-lint rule `id` to `degree`. */
export interface Claim {
  readonly rule: string;
  readonly id: string;
  readonly degree: Degree;
}

/** What the rule pages say: their claims, the pages saying `none`, and lines that do not parse. */
export interface PageClaims {
  readonly claims: readonly Claim[];
  readonly none: readonly string[];
  readonly pagesWithoutLine: readonly string[];
  readonly malformed: readonly string[];
}

const LINE = /^Equivalent cfn-lint rules:[ \t]*(.*)$/m;
const ENTRY = /^([EWI]\d{4}) \((full|partial)\)$/;

/** Parses `cfn-lint --list-rules` output: `E3030: short description` lines, long descriptions after. */
export function parseListRules(output: string): CfnLintRule[] {
  const rules: CfnLintRule[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^(E\d{4}): (.*)$/.exec(line);
    if (m) rules.push({ id: m[1]!, description: m[2]!.trim() });
  }
  return rules;
}

/** Runs the installed cfn-lint, or undefined when there is none. */
export function cfnLintRulesFromTool(): CfnLintRules | undefined {
  const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return undefined;
  const list = spawnSync('cfn-lint', ['--list-rules'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (list.error || list.status !== 0) return undefined;
  return { version: version.stdout.trim().replace(/^cfn-lint\s+/, ''), rules: parseListRules(list.stdout) };
}

/** Reads the equivalence line of every page under docs/rules (cfn-* pages must have one). */
export function readPageClaims(rulesDir = RULES_DIR): PageClaims {
  const claims: Claim[] = [];
  const none: string[] = [];
  const pagesWithoutLine: string[] = [];
  const malformed: string[] = [];
  for (const file of fs.readdirSync(rulesDir).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()) {
    const rule = file.slice(0, -'.md'.length);
    const m = LINE.exec(fs.readFileSync(path.join(rulesDir, file), 'utf8'));
    if (!m) {
      if (rule.startsWith('cfn-')) pagesWithoutLine.push(rule);
      continue;
    }
    const body = m[1]!.trim();
    if (body === 'none') {
      none.push(rule);
      continue;
    }
    for (const entry of body.split(',').map((part) => part.trim())) {
      const e = ENTRY.exec(entry);
      if (e) claims.push({ rule, id: e[1]!, degree: e[2] as Degree });
      else malformed.push(`${rule}: '${entry}'`);
    }
  }
  return { claims, none, pagesWithoutLine, malformed };
}

/** Reads the cfn-lint side back from a generated file (its version and table rows). */
export function cfnLintRulesFromDoc(text: string): CfnLintRules | undefined {
  const version = /<!-- cfn-lint ([^\s]+) -->/.exec(text)?.[1];
  if (!version) return undefined;
  const rules: CfnLintRule[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| (E\d{4}) \| (.*?) \| .* \| (full|partial|none) \|$/.exec(line);
    if (m) rules.push({ id: m[1]!, description: m[2]!.replace(/\\\|/g, '|') });
  }
  return { version, rules };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** The whole docs/cfn-lint-equivalence.md. */
export function renderEquivalence(cfnLint: CfnLintRules, pages: PageClaims): string {
  const byId = new Map<string, Claim[]>();
  for (const claim of pages.claims) byId.set(claim.id, [...(byId.get(claim.id) ?? []), claim]);
  const degreeOf = (id: string): Degree | 'none' => {
    const claims = byId.get(id) ?? [];
    return claims.some((c) => c.degree === 'full') ? 'full' : claims.length > 0 ? 'partial' : 'none';
  };
  const all = cfnLint.rules;
  const count = (degree: string, rules: readonly CfnLintRule[]): number => rules.filter((rule) => degreeOf(rule.id) === degree).length;
  const known = new Set(cfnLint.rules.map((rule) => rule.id));
  const otherIds = [...new Set(pages.claims.filter((claim) => !known.has(claim.id)).map((claim) => claim.id))].sort();
  const lines = [
    '# ArchLens and cfn-lint: rule equivalence',
    '',
    `<!-- Generated by scripts/cfnLintEquivalence.ts; do not edit by hand. Regenerate with: ${REGENERATE_EQUIVALENCE} -->`,
    `<!-- cfn-lint ${cfnLint.version} -->`,
    '',
    `Of the **${all.length}** error rules of cfn-lint ${cfnLint.version}, ArchLens has a **full** equivalent for **${count('full', all)}**, a **partial** one for **${count('partial', all)}** and none for ${count('none', all)}.`,
    '',
    '"Full" means ArchLens reports every case the cfn-lint rule reports as an error; "partial", some of them. Each',
    'ArchLens rule page says which cfn-lint rules it matches in its "Compared with cfn-lint" section, on a line',
    '`Equivalent cfn-lint rules: E3030 (full), E3031 (partial)` (or `none`), and why. This file is built from those lines.',
    '',
    '| cfn-lint rule | description | ArchLens rules | equivalence |',
    '|---|---|---|---|',
    ...cfnLint.rules.map((rule) => {
      const claims = (byId.get(rule.id) ?? []).map((c) => `[\`${c.rule}\`](rules/${c.rule}.md) (${c.degree})`).join(', ');
      return `| ${rule.id} | ${cell(rule.description)} | ${claims || '—'} | ${degreeOf(rule.id)} |`;
    }),
    '',
  ];
  if (otherIds.length > 0) {
    lines.push('## Other cfn-lint rules named by rule pages', '', 'Warnings and informational rules of cfn-lint (not counted above):', '');
    for (const id of otherIds) lines.push(`- ${id}: ${pages.claims.filter((c) => c.id === id).map((c) => `\`${c.rule}\` (${c.degree})`).join(', ')}`);
    lines.push('');
  }
  lines.push(`## CloudFormation rules with no cfn-lint equivalent`, '', `Their pages say \`none\`: ${pages.none.filter((r) => r.startsWith('cfn-')).map((r) => `\`${r}\``).join(', ') || '(none)'}.`, '');
  if (pages.pagesWithoutLine.length > 0) lines.push(`## Pages without the line`, '', pages.pagesWithoutLine.map((r) => `\`${r}\``).join(', '), '');
  return lines.join('\n');
}

/** The cfn-lint side to use: the installed tool, else the list already in the file. */
export function currentCfnLintRules(): CfnLintRules | undefined {
  return cfnLintRulesFromTool() ?? (fs.existsSync(EQUIVALENCE_DOC) ? cfnLintRulesFromDoc(fs.readFileSync(EQUIVALENCE_DOC, 'utf8')) : undefined);
}

function main(): void {
  const pages = readPageClaims();
  if (pages.malformed.length > 0) {
    console.error(`Malformed "Equivalent cfn-lint rules:" entries (write "E3030 (full)" or "E3030 (partial)", comma-separated, or "none"):\n  ${pages.malformed.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  const cfnLint = currentCfnLintRules();
  if (!cfnLint) {
    console.error('cfn-lint is not installed and docs/cfn-lint-equivalence.md has no rule list to reuse: install cfn-lint (pip install cfn-lint==1.51.0).');
    process.exitCode = 1;
    return;
  }
  const text = renderEquivalence(cfnLint, pages);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(EQUIVALENCE_DOC) ? fs.readFileSync(EQUIVALENCE_DOC, 'utf8') : '';
    if (current !== text) {
      console.error(`docs/cfn-lint-equivalence.md is out of date: run ${REGENERATE_EQUIVALENCE}`);
      process.exitCode = 1;
    }
  } else fs.writeFileSync(EQUIVALENCE_DOC, text);
  console.log(text.split('\n').find((line) => line.startsWith('Of the ')) ?? '');
}

if (require.main === module) main();
