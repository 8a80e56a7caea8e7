import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { LintOptions, Severity } from './findings';

/** Result of parsing a `.archlens.yml` project configuration. */
export interface ProjectConfigResult {
  /** The options the file asks for; the valid parts are kept even when there are problems. */
  readonly options: LintOptions;
  /** Human-readable problems (syntax errors, unknown keys, bad values); empty when the file is valid. */
  readonly problems: readonly string[];
}

/** File names of the project configuration, in lookup order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.archlens.yml', '.archlens.yaml'];

/** Keys `.archlens.yml` understands, in the order they are documented. */
export const PROJECT_CONFIG_KEYS = ['ignore', 'severity', 'regions'] as const;

const SEVERITY_VALUES: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];
// Rule ids are stable kebab-case (`cfn-unknown-property`); anything else is a typo or a paste accident.
const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// Region names (`us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eu-isoe-west-1`).
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Parses the text of a `.archlens.yml` file into {@link LintOptions}.
 *
 * Pure: no I/O. The file is YAML with the core schema (no custom tags, so nothing
 * is constructed from the file beyond plain data), shaped like:
 *
 * ```yaml
 * ignore: [cfn-unused-parameter]
 * severity: { cfn-lambda-deprecated-runtime: error, cfn-unused-condition: off }
 * regions: [us-east-1, eu-west-1]
 * ```
 *
 * An empty file (or one with only comments) is a valid, empty configuration.
 */
export function parseProjectConfig(text: string): ProjectConfigResult {
  const problems: string[] = [];
  let documents: unknown[];
  try {
    // `loadAll` rather than `load`: `load` rejects an empty or comment-only file, which is a
    // perfectly reasonable configuration. Aliases are capped so a hostile file cannot blow up.
    documents = loadAll(text, { schema: CORE_SCHEMA, maxAliases: 100, maxDepth: 20 });
  } catch (error) {
    return { options: {}, problems: [`invalid YAML: ${describeYamlError(error)}`] };
  }
  if (documents.length > 1) {
    return { options: {}, problems: ['expected a single YAML document, found ' + documents.length] };
  }
  const root = documents[0];
  if (root === undefined || root === null) return { options: {}, problems };
  if (!isPlainObject(root)) {
    return { options: {}, problems: [`expected a mapping with keys ${PROJECT_CONFIG_KEYS.join(', ')}; found ${describe(root)}`] };
  }

  const options: { ignoreRules?: string[]; severityOverrides?: Record<string, Severity | 'off'>; regions?: string[] } = {};
  for (const [key, value] of Object.entries(root)) {
    switch (key) {
      case 'ignore': {
        const ids = stringList('ignore', value, problems);
        if (ids === undefined) break;
        for (const id of ids) if (!RULE_ID.test(id)) problems.push(`ignore: '${id}' is not a rule id (expected kebab-case, e.g. cfn-unknown-property)`);
        options.ignoreRules = ids.filter((id) => RULE_ID.test(id));
        break;
      }
      case 'severity': {
        if (value === null) break;
        if (!isPlainObject(value)) {
          problems.push(`severity: expected a mapping of rule id to ${SEVERITY_VALUES.join('|')}; found ${describe(value)}`);
          break;
        }
        const overrides: Record<string, Severity | 'off'> = {};
        for (const [id, level] of Object.entries(value)) {
          if (!RULE_ID.test(id)) {
            problems.push(`severity: '${id}' is not a rule id (expected kebab-case, e.g. cfn-unknown-property)`);
          } else if (typeof level !== 'string' || !(SEVERITY_VALUES as readonly string[]).includes(level)) {
            problems.push(`severity: '${id}' must be one of ${SEVERITY_VALUES.join(', ')}; found ${describe(level)}`);
          } else {
            overrides[id] = level as Severity | 'off';
          }
        }
        options.severityOverrides = overrides;
        break;
      }
      case 'regions': {
        const regions = stringList('regions', value, problems);
        if (regions === undefined) break;
        for (const region of regions) if (!REGION.test(region)) problems.push(`regions: '${region}' is not a region name (e.g. us-east-1)`);
        options.regions = regions.filter((region) => REGION.test(region));
        break;
      }
      default:
        problems.push(`unknown key '${key}' (expected ${PROJECT_CONFIG_KEYS.join(', ')})`);
    }
  }
  return { options, problems };
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
