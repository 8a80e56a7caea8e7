import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { INTERNAL_RULE_ID, type LintOptions, type Severity } from './findings';
import { didYouMean, resetSuggestionBudget, suggest } from './util/suggest';
import { ALL_RULES } from './rules/registry';

/** Ids a configuration may name: every rule's, and the analyzer's own `archlens-internal` warnings. */
const CONFIGURABLE_RULE_IDS: readonly string[] = [...ALL_RULES.map((rule) => rule.id), INTERNAL_RULE_ID];

/** Result of parsing a `.archlens.yml` project configuration. */
export interface ProjectConfigResult {
  /** The `lint` section as options; the valid parts are kept even when there are problems. */
  readonly options: LintOptions;
  /**
   * The other known sections (`cost`, `cdk`...) as parsed plain data, not validated here:
   * each feature reads and checks its own section.
   */
  readonly sections: ReadonlyMap<string, unknown>;
  /** Human-readable problems (syntax errors, unknown keys, bad values); empty when the file is valid. */
  readonly problems: readonly string[];
  /** Advice that is not a problem: deprecated top-level lint keys, with how to move them. */
  readonly notes: readonly string[];
  /**
   * Settings that are applied but cannot do what the user meant: rule ids that no rule has
   * (`cfn-unknwn-property`), with "did you mean". Empty when no rule ids were given to check.
   */
  readonly warnings: readonly string[];
}

/** File names of the project configuration, in lookup order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.archlens.yml', '.archlens.yaml'];

/**
 * Top-level sections of `.archlens.yml`, one per feature. `lint` is read here; the others are
 * handed to their features as data. A new feature adds its section name here.
 */
export const PROJECT_CONFIG_SECTIONS = ['lint', 'cost', 'cdk'] as const;

/** Keys of the `lint` section, in the order they are documented. */
export const LINT_CONFIG_KEYS = ['ignore', 'severity', 'regions'] as const;
type LintKey = (typeof LINT_CONFIG_KEYS)[number];

const SEVERITY_VALUES: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];
// Rule ids are stable kebab-case (`cfn-unknown-property`); anything else is a typo or a paste accident.
const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// Region names (`us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eu-isoe-west-1`).
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

type MutableLintOptions = { ignoreRules?: string[]; severityOverrides?: Record<string, Severity | 'off'>; regions?: string[] };

/**
 * Parses the text of a `.archlens.yml` file.
 *
 * Pure: no I/O. The file is YAML with the core schema (no custom tags, so nothing
 * is constructed from the file beyond plain data), one section per feature:
 *
 * ```yaml
 * lint:
 *   ignore: [cfn-unused-parameter]
 *   severity: { cfn-lambda-deprecated-runtime: error, cfn-unused-condition: off }
 *   regions: [us-east-1, eu-west-1]
 * cost: { ... }   # read by the cost feature
 * ```
 *
 * The lint keys at the top level (the first format) still work, with a note saying to move
 * them under `lint:`. An empty file (or one with only comments) is a valid, empty configuration.
 * Rule ids are checked against `knownRuleIds` (default: every rule's); unknown ones are warnings.
 */
export function parseProjectConfig(text: string, knownRuleIds: readonly string[] = CONFIGURABLE_RULE_IDS): ProjectConfigResult {
  const problems: string[] = [];
  const sections = new Map<string, unknown>();
  const empty = (found: string[]): ProjectConfigResult => ({ options: {}, sections, problems: found, notes: [], warnings: [] });
  let documents: unknown[];
  try {
    // `loadAll` rather than `load`: `load` rejects an empty or comment-only file, which is a
    // perfectly reasonable configuration. Aliases are capped so a hostile file cannot blow up.
    documents = loadAll(text, { schema: CORE_SCHEMA, maxAliases: 100, maxDepth: 20 });
  } catch (error) {
    return empty([`invalid YAML: ${describeYamlError(error)}`]);
  }
  if (documents.length > 1) return empty(['expected a single YAML document, found ' + documents.length]);
  const root = documents[0];
  if (root === undefined || root === null) return empty(problems);
  if (!isPlainObject(root)) return empty([`expected a mapping with sections ${PROJECT_CONFIG_SECTIONS.join(', ')}; found ${describe(root)}`]);

  const options: MutableLintOptions = {};
  const topLevelLintKeys: LintKey[] = [];
  let lintSection: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(root)) {
    if (isLintKey(key)) {
      topLevelLintKeys.push(key);
      readLintKey(key, value, options, problems, '');
    } else if (key === 'lint') {
      if (value === null) continue;
      if (!isPlainObject(value)) problems.push(`lint: expected a mapping with keys ${LINT_CONFIG_KEYS.join(', ')}; found ${describe(value)}`);
      else lintSection = value;
    } else if ((PROJECT_CONFIG_SECTIONS as readonly string[]).includes(key)) {
      sections.set(key, value);
    } else {
      const known = [...PROJECT_CONFIG_SECTIONS, ...LINT_CONFIG_KEYS];
      problems.push(`unknown key '${key}' (expected a section: ${PROJECT_CONFIG_SECTIONS.join(', ')}).${didYouMean(suggest(key, known))}`);
    }
  }
  for (const [key, value] of Object.entries(lintSection ?? {})) {
    if (!isLintKey(key)) {
      problems.push(`lint: unknown key '${key}' (expected ${LINT_CONFIG_KEYS.join(', ')}).${didYouMean(suggest(key, LINT_CONFIG_KEYS))}`);
    } else if (topLevelLintKeys.includes(key)) {
      problems.push(`'${key}' is set both under lint: and at the top level; keep the one under lint:`);
      readLintKey(key, value, options, problems, 'lint.');
    } else {
      readLintKey(key, value, options, problems, 'lint.');
    }
  }
  const notes =
    topLevelLintKeys.length > 0
      ? [`top-level ${topLevelLintKeys.join(', ')} ${topLevelLintKeys.length === 1 ? 'is' : 'are'} deprecated (still applied): move ${topLevelLintKeys.length === 1 ? 'it' : 'them'} under a 'lint:' section, e.g. 'lint: { ${topLevelLintKeys[0]}: ... }'`]
      : [];
  return { options, sections, problems, notes, warnings: unknownRuleWarnings(options, knownRuleIds) };
}

/**
 * Rule ids in `ignore` and `severity` that no rule has. A misspelled id was accepted in
 * silence before, so the rule the user meant to silence kept reporting (or the one they meant
 * to raise stayed quiet) with no hint why. Not a problem: the file still applies.
 */
function unknownRuleWarnings(options: MutableLintOptions, knownRuleIds: readonly string[]): string[] {
  if (knownRuleIds.length === 0) return [];
  const known = new Set(knownRuleIds);
  const warnings: string[] = [];
  // Suggestions share the per-lint budget; a configuration is read between lints.
  resetSuggestionBudget();
  const check = (where: string, id: string): void => {
    if (!known.has(id)) warnings.push(`${where}: no rule has the id '${id}'; it has no effect.${didYouMean(suggest(id, knownRuleIds))}`);
  };
  for (const id of options.ignoreRules ?? []) check('lint.ignore', id);
  for (const id of Object.keys(options.severityOverrides ?? {})) check('lint.severity', id);
  return warnings;
}

function isLintKey(key: string): key is LintKey {
  return (LINT_CONFIG_KEYS as readonly string[]).includes(key);
}

/** Reads one key of the lint section into `options`; `prefix` names where it was (`lint.` or top level). */
function readLintKey(key: LintKey, value: unknown, options: MutableLintOptions, problems: string[], prefix: string): void {
  const where = `${prefix}${key}`;
  switch (key) {
    case 'ignore': {
      const ids = stringList(where, value, problems);
      if (ids === undefined) break;
      for (const id of ids) if (!RULE_ID.test(id)) problems.push(`${where}: '${id}' is not a rule id (expected kebab-case, e.g. cfn-unknown-property)`);
      options.ignoreRules = ids.filter((id) => RULE_ID.test(id));
      break;
    }
    case 'severity': {
      if (value === null) break;
      if (!isPlainObject(value)) {
        problems.push(`${where}: expected a mapping of rule id to ${SEVERITY_VALUES.join('|')}; found ${describe(value)}`);
        break;
      }
      const overrides: Record<string, Severity | 'off'> = {};
      for (const [id, level] of Object.entries(value)) {
        if (!RULE_ID.test(id)) {
          problems.push(`${where}: '${id}' is not a rule id (expected kebab-case, e.g. cfn-unknown-property)`);
        } else if (typeof level !== 'string' || !(SEVERITY_VALUES as readonly string[]).includes(level)) {
          problems.push(`${where}: '${id}' must be one of ${SEVERITY_VALUES.join(', ')}; found ${describe(level)}`);
        } else {
          overrides[id] = level as Severity | 'off';
        }
      }
      options.severityOverrides = overrides;
      break;
    }
    case 'regions': {
      const regions = stringList(where, value, problems);
      if (regions === undefined) break;
      for (const region of regions) if (!REGION.test(region)) problems.push(`${where}: '${region}' is not a region name (e.g. us-east-1)`);
      options.regions = regions.filter((region) => REGION.test(region));
      break;
    }
  }
}

/** Accepts a list of strings or a single string (a common shorthand); reports anything else. */
function stringList(key: string, value: unknown, problems: string[]): string[] | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    problems.push(`${key}: expected a list of strings; found ${describe(value)}`);
    return undefined;
  }
  const result: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') result.push(item);
    else problems.push(`${key}[${index}]: expected a string; found ${describe(item)}`);
  });
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value}`;
  return typeof value;
}

/** js-yaml errors carry a `reason` and a zero-based `mark`; report them as `reason (line L, column C)`. */
function describeYamlError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { reason, mark } = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
    if (typeof reason === 'string') {
      if (mark && typeof mark.line === 'number' && typeof mark.column === 'number') {
        return `${reason} (line ${mark.line + 1}, column ${mark.column + 1})`;
      }
      return reason;
    }
    if (error instanceof Error) return error.message;
  }
  return String(error);
}
