/**
 * Compiles OpenAPI Schema Objects into ajv validators for checking examples.
 *
 * A schema and everything it references (in this file or relative files) is bundled into one
 * JSON Schema: each referenced node becomes `$defs/dN` and each `$ref` points there, so
 * recursive schemas compile to recursive validators instead of looping. 2.0 and 3.0
 * dialects are translated to draft-07 (`nullable`, boolean exclusive bounds, `type: file`);
 * 3.1 schemas are 2020-12 already. Bundles are cached per schema node in the model, compiled
 * validators per bundle text in a bounded process-wide cache (see {@link compile}).
 */
import Ajv from 'ajv';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type { LocatedNode } from '../document/located';
import { getValue, isStringScalar } from '../document/located';
import type { OpenApiModel } from './model';
import type { RefBase } from './refs';
import { toJson } from './plain';
import { AJV_OPTIONS, numericExclusiveBounds } from './schemaSources';
import { ajvUserRegExp } from '../util/userPattern';
import { isJsonSchemaDialect } from './version';

const MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema']);
const LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Validation keywords copied as they are; annotations (`description`, `xml`...) are dropped. */
const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'dependentRequired', 'minContains', 'maxContains',
  'readOnly', 'writeOnly',
]);

/** A bundle that cannot be built faithfully (unresolved or remote refs): the example is not checked. */
class Unsupported extends Error {}

class Bundler {
  readonly defs: Record<string, unknown> = {};
  private readonly keys = new Map<LocatedNode, string>();

  constructor(private readonly model: OpenApiModel) {}

  schema(node: LocatedNode, base: RefBase): unknown {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    if (node.kind !== 'mapping') return {};
    const ref = getValue(node, '$ref');
    let refOut: string | undefined;
    if (isStringScalar(ref)) {
      const resolution = this.model.resolver.resolve(String(ref.value), base);
      if (!resolution.ok) throw new Unsupported(resolution.message);
      refOut = `#/$defs/${this.keyFor(resolution.node, resolution.base)}`;
      // Before 3.1 a `$ref`'s siblings are ignored.
      if (!isJsonSchemaDialect(this.model.version)) return { $ref: refOut };
    }
    const out: Record<string, unknown> = refOut ? { $ref: refOut } : {};
    for (const pair of node.pairs) {
      const key = pair.key.text;
      const value = pair.value;
      if (MAPS.has(key) && value.kind === 'mapping') out[key] = Object.fromEntries(value.pairs.map((entry) => [entry.key.text, this.schema(entry.value, base)]));
      else if (ONE.has(key)) out[key] = this.schema(value, base);
      else if (LISTS.has(key) && value.kind === 'sequence') out[key] = value.items.map((item) => this.schema(item, base));
      else if (ASSERTIONS.has(key)) out[key] = toJson(value);
    }
    // A discriminator picks one alternative; plain oneOf would reject an example that fits several.
    if (getValue(node, 'discriminator') && Array.isArray(out['oneOf'])) {
      out['anyOf'] = out['oneOf'];
      delete out['oneOf'];
    }
    if (!isJsonSchemaDialect(this.model.version)) legacyDialect(out, node);
    return out;
  }

  private keyFor(node: LocatedNode, base: RefBase): string {
    let key = this.keys.get(node);
    if (!key) {
      key = `d${this.keys.size}`;
      this.keys.set(node, key);
      this.defs[key] = this.schema(node, base);
    }
    return key;
  }
}

/** 2.0/3.0 Schema Objects in draft-07 terms. */
function legacyDialect(out: Record<string, unknown>, node: LocatedNode): void {
  const nullable = getValue(node, 'nullable') ?? getValue(node, 'x-nullable');
  if (nullable?.kind === 'scalar' && nullable.value === true) {
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...(out['enum'] as unknown[]), null];
  }
  if (out['type'] === 'file') delete out['type'];
  numericExclusiveBounds(out);
}

// Formats are not checked (no ajv-formats; specs use many custom formats such as `int32`, `uuid`).
// Examples are small, so validation speed does not matter but compile time does: one function
// per `$defs` entry (no inlining) and no code optimization roughly halve it on big schemas.
// Patterns (`pattern`, `patternProperties`) are the author's: a linear-time engine, so an
// example never backtracks through `(a+)+b` (see userPattern.ts).
const OPTIONS = { ...AJV_OPTIONS, inlineRefs: false, code: { optimize: false, regExp: ajvUserRegExp } } as const;

/** A compiled example validator and the `$defs` of its bundle (to look up referenced properties). */
export interface Compiled {
  readonly validate: ValidateFunction;
  readonly defs: Readonly<Record<string, unknown>>;
}

/**
 * Compiled validators by dialect and bundle text. Compiling is the expensive part (a few ms
 * per schema) and the server re-lints on every keystroke, so identical bundles (the same
 * component schema, or `{type: string}` under a hundred properties) are compiled once per
 * process. Least recently used entries are evicted and removed from ajv, bounding memory.
 */
const MAX_COMPILED = 1000;
const compiledByText = new Map<string, { readonly schema: AnySchemaObject; readonly compiled: Compiled | undefined }>();
let ajvDraft7: Ajv | undefined;
let ajv2020: Ajv | undefined;

function compile(text: string, draft2020: boolean): Compiled | undefined {
  const key = (draft2020 ? '2020:' : '07:') + text;
  const hit = compiledByText.get(key);
  if (hit) {
    compiledByText.delete(key);
    compiledByText.set(key, hit);
    return hit.compiled;
  }
  const ajv = draft2020 ? (ajv2020 ??= new Ajv2020(OPTIONS)) : (ajvDraft7 ??= new Ajv(OPTIONS));
  const schema = JSON.parse(text) as AnySchemaObject;
  let compiled: Compiled | undefined;
  try {
    compiled = { validate: ajv.compile(schema), defs: (schema['$defs'] ?? {}) as Record<string, unknown> };
  } catch {
    // A pattern the linear-time engine cannot run, or a keyword value ajv rejects: not checkable here.
    compiled = undefined;
  }
  compiledByText.set(key, { schema, compiled });
  if (compiledByText.size > MAX_COMPILED) {
    const [oldestKey, oldest] = compiledByText.entries().next().value as [string, { schema: AnySchemaObject }];
    compiledByText.delete(oldestKey);
    (oldestKey.startsWith('2020:') ? ajv2020 : ajvDraft7)?.removeSchema(oldest.schema);
  }
  return compiled;
}

/**
 * The validator for the schema at `node` (written in `base`), or undefined when it cannot be
 * checked faithfully: unresolved or remote refs, or a pattern the linear-time engine cannot run.
 */
export function exampleValidator(model: OpenApiModel, node: LocatedNode, base: RefBase): Compiled | undefined {
  let bundles = model.memo.get('exampleBundles') as Map<LocatedNode, string | undefined> | undefined;
  if (!bundles) model.memo.set('exampleBundles', (bundles = new Map()));
  if (!bundles.has(node)) bundles.set(node, bundle(model, node, base));
  const text = bundles.get(node);
  return text === undefined ? undefined : compile(text, isJsonSchemaDialect(model.version));
}

/**
 * Bundles above this size (JSON text) are not compiled: ajv's compile time grows with the
 * schema (about 0.1-0.3 s for 30-60 KB), and a few giant unions (OpenAI's `Response`) would
 * otherwise dominate the lint time of the whole document and of every keystroke that edits
 * one of their parts. Their examples are left unchecked (documented in the rule page).
 */
export const MAX_BUNDLE_CHARS = 32_000;

function bundle(model: OpenApiModel, node: LocatedNode, base: RefBase): string | undefined {
  try {
    const bundler = new Bundler(model);
    const root = bundler.schema(node, base) as AnySchemaObject | boolean;
    const defs = Object.keys(bundler.defs).length > 0 ? { $defs: bundler.defs } : {};
    const text = JSON.stringify(typeof root === 'boolean' ? { allOf: [root], ...defs } : { ...root, ...defs });
    return text.length <= MAX_BUNDLE_CHARS ? text : undefined;
  } catch {
    return undefined;
  }
}
