/**
 * Turns ajv's errors against the official OpenAPI schemas into one plain message per problem.
 *
 * The schemas say "a parameter or a reference" with `oneOf`, so one typo produces errors from
 * every alternative plus "must match exactly one schema in oneOf". ajv's `schemaPath` cannot
 * tell which error came from which alternative (it is relative to whichever `$ref` was
 * inlined), so each failed `oneOf`/`anyOf` is re-validated alternative by alternative (the
 * sub-schemas are compiled on demand; this only runs for invalid documents), the
 * alternative the author evidently meant is kept, and the rest are dropped. "Evidently
 * meant": not a `$ref` alternative when the object has no `$ref`, not one whose type or
 * single-valued discriminator (`in: path`, `type: apiKey`) differs. When every alternative
 * fails on the same discriminator, their allowed values are merged into one message.
 */
import type { ErrorObject } from 'ajv';
import { escapeToken, parsePointer } from './pointer';
import { locationKind } from './locations';
import type { LocationKind } from './locations';
import type { OfficialValidator } from './officialSchemas';

/** One problem found by the official schema, located by JSON path. */
export interface SchemaIssue {
  readonly keyword: string;
  /** JSON path (tokens) of the object or value the issue is about. */
  readonly tokens: readonly string[];
  /** The kind of OpenAPI object at `tokens`. */
  readonly where: LocationKind;
  readonly params: Readonly<Record<string, unknown>>;
  /** For `required`/`additionalProperties`: the property concerned. */
  readonly property?: string;
  /** Allowed values of an `enum`/`const`, merged across alternatives. */
  readonly allowed?: readonly unknown[];
  /** Known property names of the object (for "did you mean"). */
  readonly known?: readonly string[];
  /** A description the schema gives for a `not` or `oneOf` (e.g. "Example and examples are mutually exclusive"). */
  readonly description?: string;
  /** For a merged `anyOf` of `required`s: the alternatives. */
  readonly anyOfRequired?: readonly string[];
}

const pointerIndexes = new WeakMap<object, Map<object, string>>();

/** Maps every object of a schema to its JSON pointer (for re-validating alternatives). */
function pointerIndex(schema: object): Map<object, string> {
  let index = pointerIndexes.get(schema);
  if (!index) {
    index = new Map();
    const visit = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      index!.set(node, pointer);
      for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${encodeURIComponent(escapeToken(key))}`);
    };
    visit(schema, '');
    pointerIndexes.set(schema, index);
  }
  return index;
}

function tokensOf(instancePath: string): string[] {
  return parsePointer(instancePath) ?? [];
}

const errorKey = (error: ErrorObject): string => `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;

/** Validates `data` and explains the errors; empty when valid. */
export function explainSchemaErrors(validator: OfficialValidator, data: unknown): SchemaIssue[] {
  if (validator.validate(data)) return [];
  const issues = collapse(validator, [...(validator.validate.errors ?? [])]);
  const seen = new Set<string>();
  // "Matches more than one alternative" is usually a symptom of a missing field reported at
  // the same object (an http scheme without `scheme` is both bearer and non-bearer).
  const explained = new Set(issues.filter((issue) => issue.keyword !== 'oneOf').map((issue) => issue.tokens.join('\u0000')));
  return issues.filter((issue) => {
    if (issue.keyword === 'oneOf' && explained.has(issue.tokens.join('\u0000'))) return false;
    const key = `${issue.tokens.join('\u0000')}|${issue.keyword}|${issue.property ?? ''}|${JSON.stringify(issue.allowed ?? issue.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Replaces each failed oneOf/anyOf and its alternatives' errors by the explanation of one alternative. */
function collapse(validator: OfficialValidator, errors: ErrorObject[]): SchemaIssue[] {
  const live: (ErrorObject | SchemaIssue[] | undefined)[] = [...errors];
  // Post-order: an alternative's errors precede its oneOf; walking backwards meets the outermost first.
  for (let i = live.length - 1; i >= 0; i--) {
    const error = live[i];
    if (!error || Array.isArray(error) || (error.keyword !== 'oneOf' && error.keyword !== 'anyOf')) continue;
    const alternatives = alternativesOf(validator, error);
    if (!alternatives) continue;
    // Drop the alternatives' raw errors: they are the nearest preceding matches.
    const pending = new Map<string, number>();
    for (const raw of alternatives.raw) pending.set(errorKey(raw), (pending.get(errorKey(raw)) ?? 0) + 1);
    for (let j = i - 1; j >= 0 && pending.size > 0; j--) {
      const candidate = live[j];
      if (!candidate || Array.isArray(candidate)) continue;
      const count = pending.get(errorKey(candidate));
      if (!count) continue;
      live[j] = undefined;
      if (count === 1) pending.delete(errorKey(candidate));
      else pending.set(errorKey(candidate), count - 1);
    }
    live[i] = alternatives.chosen;
  }
  const out: SchemaIssue[] = [];
  for (const entry of live) {
    if (!entry) continue;
    if (Array.isArray(entry)) for (const issue of entry) out.push(issue);
    else if (entry.keyword !== 'if' && entry.keyword !== 'format') out.push(toIssue(entry));
  }
  return out;
}

interface Alternatives {
  /** Raw errors of every alternative (instance paths absolute). */
  readonly raw: ErrorObject[];
  /** The explanation of the chosen alternative (or the merged one). */
  readonly chosen: SchemaIssue[];
}

function alternativesOf(validator: OfficialValidator, error: ErrorObject): Alternatives | undefined {
  const base = error.parentSchema ? pointerIndex(validator.schema).get(error.parentSchema) : undefined;
  const branches = Array.isArray(error.schema) ? error.schema : undefined;
  if (base === undefined || !branches) return undefined;
  const tokens = tokensOf(error.instancePath);
  if (error.params['passingSchemas']) {
    // oneOf failed because several alternatives matched: no raw errors to drop.
    const description = typeof error.parentSchema?.['description'] === 'string' ? error.parentSchema['description'] : undefined;
    return { raw: [], chosen: [{ keyword: 'oneOf', tokens, where: locationKind(tokens), params: error.params, ...(description ? { description } : {}) }] };
  }
  const raw: ErrorObject[] = [];
  const explained: SchemaIssue[][] = [];
  for (let b = 0; b < branches.length; b++) {
    const sub = validator.subValidator(`${base}/${error.keyword}/${b}`);
    if (!sub) return undefined;
    if (sub(error.data)) return undefined; // cannot happen for a failed oneOf; be safe
    const errors = (sub.errors ?? []).map((e) => ({ ...e, instancePath: error.instancePath + e.instancePath }));
    for (const each of errors) raw.push(each); // not push(...errors): their number is the document's
    explained.push(collapse(validator, errors));
  }
  return { raw, chosen: choose(explained, tokens, error.data) };
}

/** A single-valued enum or a const on a direct child: how alternatives tell themselves apart. */
function discriminatorPath(issue: SchemaIssue, tokens: readonly string[]): string | undefined {
  if (issue.tokens.length !== tokens.length + 1) return undefined;
  if (issue.keyword !== 'const' && !(issue.keyword === 'enum' && issue.allowed?.length === 1)) return undefined;
  return issue.tokens[tokens.length];
}

/**
 * How unlikely an alternative is to be the intended one (lower is better). A discriminator
 * that fails in many alternatives (`in` in three of four parameter kinds) weighs more than
 * one that fails in one (`required: true` of path parameters), so `in: path, required: false`
 * is explained as a path parameter.
 */
function mismatch(issues: readonly SchemaIssue[], tokens: readonly string[], data: unknown, failures: ReadonlyMap<string, number>): number {
  let score = issues.length;
  const hasRef = data !== null && typeof data === 'object' && '$ref' in data;
  for (const issue of issues) {
    const depth = issue.tokens.length - tokens.length;
    const discriminator = discriminatorPath(issue, tokens);
    if (issue.keyword === 'required' && issue.property === '$ref' && !hasRef) score += 100_000;
    else if (depth === 0 && (issue.keyword === 'type' || issue.keyword === 'false schema')) score += 50_000;
    else if (discriminator !== undefined) score += 1000 * (failures.get(discriminator) ?? 1);
    else if (depth === 0 && issue.keyword === 'additionalProperties' && issue.property === '$ref') score += 50_000;
    // Deeper issues mean the alternative matched more of the object: prefer it on ties.
    score -= Math.min(depth, 9) / 100;
  }
  return score;
}

function choose(explained: SchemaIssue[][], tokens: readonly string[], data: unknown): SchemaIssue[] {
  const merged = mergeDiscriminators(explained, tokens) ?? mergeRequired(explained, tokens);
  if (merged) return [merged];
  const failures = new Map<string, number>();
  for (const issues of explained) {
    const paths = new Set(issues.map((issue) => discriminatorPath(issue, tokens)).filter((path) => path !== undefined));
    for (const path of paths) failures.set(path, (failures.get(path) ?? 0) + 1);
  }
  let best = explained[0] ?? [];
  let bestScore = mismatch(best, tokens, data, failures);
  for (const issues of explained.slice(1)) {
    const score = mismatch(issues, tokens, data, failures);
    if (score < bestScore) [best, bestScore] = [issues, score];
  }
  return best;
}

/** Every alternative rejects the same child by enum/const: one "must be one of" message. */
function mergeDiscriminators(explained: SchemaIssue[][], tokens: readonly string[]): SchemaIssue | undefined {
  const valueIssues = (issues: readonly SchemaIssue[]): SchemaIssue[] =>
    issues.filter((issue) => (issue.keyword === 'enum' || issue.keyword === 'const') && issue.tokens.length > tokens.length);
  const pathOf = (issue: SchemaIssue): string => issue.tokens.join('\u0000');
  let common: Set<string> | undefined;
  for (const issues of explained) {
    const paths = new Set(valueIssues(issues).map(pathOf));
    common = common ? new Set([...common].filter((path) => paths.has(path))) : paths;
  }
  const path = common ? [...common][0] : undefined;
  if (path === undefined || explained.length === 0) return undefined;
  const allowed: unknown[] = [];
  let first: SchemaIssue | undefined;
  for (const issues of explained) {
    for (const issue of valueIssues(issues)) {
      if (pathOf(issue) !== path) continue;
      first ??= issue;
      for (const value of issue.allowed ?? []) if (!allowed.includes(value)) allowed.push(value);
    }
  }
  return first ? { ...first, keyword: 'enum', allowed } : undefined;
}

/** `anyOf: [{required: [paths]}, {required: [components]}...]`: "one of ... is required". */
function mergeRequired(explained: SchemaIssue[][], tokens: readonly string[]): SchemaIssue | undefined {
  const names: string[] = [];
  // "`name` or `$ref` is required" would be a strange message for a parameter without a name.
  if (explained.some((issues) => issues.some((issue) => issue.keyword === 'required' && issue.property === '$ref'))) return undefined;
  for (const issues of explained) {
    const only = issues.length === 1 ? issues[0]! : undefined;
    if (!only || only.keyword !== 'required' || only.tokens.length !== tokens.length || !only.property) return undefined;
    names.push(only.property);
  }
  return { keyword: 'required', tokens, where: locationKind(tokens), params: {}, anyOfRequired: names };
}

function toIssue(error: ErrorObject): SchemaIssue {
  const tokens = tokensOf(error.instancePath);
  const base = { keyword: error.keyword, tokens, where: locationKind(tokens), params: error.params };
  const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
  switch (error.keyword) {
    case 'required':
      return { ...base, property: String(error.params['missingProperty']) };
    case 'additionalProperties':
      return { ...base, property: String(error.params['additionalProperty']), known };
    case 'unevaluatedProperties':
      return { ...base, keyword: 'additionalProperties', property: String(error.params['unevaluatedProperty']), known };
    case 'enum':
      return { ...base, allowed: error.params['allowedValues'] as unknown[] };
    case 'const':
      return { ...base, allowed: [error.params['allowedValue']] };
    case 'not': {
      const description: unknown = error.parentSchema?.['description'];
      return typeof description === 'string' ? { ...base, description } : base;
    }
    default:
      return base;
  }
}
