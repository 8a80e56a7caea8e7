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
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { newAjv } from './lazyModules';
import type { LocatedNode } from '../document/located';
import { getValue, isStringScalar } from '../document/located';
import type { OpenApiModel } from './model';
import type { RefBase } from './refs';
import { toJson } from './plain';
import { AJV_OPTIONS, numericExclusiveBounds } from './schemaSources';
import { ajvUserRegExp } from '../util/userPattern';
import { isJsonSchemaDialect } from './version';
import { certainlyValid } from './quickValidity';
import { ExampleInterpreter, GiveUp } from './exampleInterpreter';

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

/**
 * Translates the schema nodes of one document into `$defs` of a single JSON Schema. Each node
 * reached by `$ref` (or holding an example) becomes `$defs/dN` once, so a component used by a
 * thousand examples is translated, and compiled, once. A def that cannot be built faithfully
 * (an unresolved or remote ref) is marked unsupported, and so is every def that reaches it.
 */
class Bundler {
  readonly defs: Record<string, unknown> = {};
  private readonly keys = new Map<LocatedNode, string>();
  /** Defs each def refers to, to spread `unsupported` to the defs that reach an unsupported one. */
  private readonly uses = new Map<string, Set<string>>();
  private readonly unsupported = new Set<string>();
  /** Pure-ref nodes being followed, so a cycle of them ends in a def instead of looping. */
  private readonly aliasing = new Set<LocatedNode>();
  private current: string | undefined;

  constructor(private readonly model: OpenApiModel) {}

  /** The def key of a schema node (translated on first use). */
  keyFor(node: LocatedNode, base: RefBase): string {
    let key = this.keys.get(node);
    if (key) return key;
    // `{$ref: X}` (or, before 3.1, a `$ref` with ignored siblings) is X itself: most examples'
    // schemas are such wrappers, and a def per wrapper would be compiled for nothing.
    const target = this.aliasing.has(node) ? undefined : this.pureRefTarget(node, base);
    if (target) {
      this.aliasing.add(node);
      key = this.keyFor(target.node, target.base);
      this.aliasing.delete(node);
      // A cycle of pure refs (`A: {$ref: B}`, `B: {$ref: A}`) has made a def for this node meanwhile.
      if (!this.keys.has(node)) this.keys.set(node, key);
      return this.keys.get(node)!;
    }
    key = `d${this.keys.size}`;
    this.keys.set(node, key);
    const outer = this.current;
    this.current = key;
    try {
      this.defs[key] = this.schema(node, base);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.unsupported.add(key);
      this.defs[key] = {};
    } finally {
      this.current = outer;
    }
    return key;
  }

  private pureRefTarget(node: LocatedNode, base: RefBase): { node: LocatedNode; base: RefBase } | undefined {
    if (node.kind !== 'mapping') return undefined;
    const ref = getValue(node, '$ref');
    if (!isStringScalar(ref) || (isJsonSchemaDialect(this.model.version) && node.pairs.length > 1)) return undefined;
    const resolution = this.model.resolver.resolve(String(ref.value), base);
    // A ref to itself (`A: {$ref: '#/A'}`) is left to schema(), which makes it a def that refers to itself.
    return resolution.ok && resolution.node !== node ? { node: resolution.node, base: resolution.base } : undefined;
  }

  /** Keys whose def is unsupported or reaches one (computed once, after every key is made). */
  unsupportedKeys(): ReadonlySet<string> {
    const usedBy = new Map<string, string[]>();
    for (const [user, used] of this.uses) for (const key of used) usedBy.set(key, [...(usedBy.get(key) ?? []), user]);
    const out = new Set(this.unsupported);
    const queue = [...out];
    while (queue.length > 0) {
      for (const user of usedBy.get(queue.pop()!) ?? []) {
        if (out.has(user)) continue;
        out.add(user);
        queue.push(user);
      }
    }
    return out;
  }

  private schema(node: LocatedNode, base: RefBase): unknown {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    if (node.kind !== 'mapping') return {};
    const ref = getValue(node, '$ref');
    let refOut: string | undefined;
    if (isStringScalar(ref)) {
      const resolution = this.model.resolver.resolve(String(ref.value), base);
      if (!resolution.ok) throw new Unsupported(resolution.message);
      const target = this.keyFor(resolution.node, resolution.base);
      if (this.current !== undefined) {
        const used = this.uses.get(this.current) ?? new Set<string>();
        used.add(target);
        this.uses.set(this.current, used);
      }
      refOut = `#/$defs/${target}`;
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
// per `$defs` entry (no inlining, so a component is compiled once however many examples use it)
// and no code optimization.
// Patterns (`pattern`, `patternProperties`) are the author's: a linear-time engine, so an
// example never backtracks through `(a+)+b` (see userPattern.ts).
export const EXAMPLE_AJV_OPTIONS = { ...AJV_OPTIONS, inlineRefs: false, code: { optimize: false, regExp: ajvUserRegExp } } as const;

/** A compiled example validator and the `$defs` of its bundle (to look up referenced properties). */
export interface Compiled {
  readonly validate: ValidateFunction;
  readonly defs: Readonly<Record<string, unknown>>;
}

/**
 * The example schemas of one document as one JSON Schema, compiled lazily by ajv: each def's
 * function is compiled on the first example that needs it and shared by the rest. On GitHub's
 * 13 MB description this takes the rule from 18 s (a bundle and a compile per example) to
 * under a second.
 */
interface DocumentBundle {
  readonly ajv: Ajv;
  readonly id: string;
  readonly bundler: Bundler;
  readonly keys: Map<LocatedNode, string>;
  readonly unsupported: ReadonlySet<string>;
  readonly validators: Map<string, Compiled | undefined>;
  /** Checks examples as ajv would without compiling (exampleInterpreter.ts), where it can. */
  readonly interpreter: ExampleInterpreter;
}

function documentBundle(model: OpenApiModel, base: RefBase): DocumentBundle {
  const cached = model.memo.get('exampleBundle') as DocumentBundle | undefined;
  if (cached) return cached;
  const bundler = new Bundler(model);
  const keys = new Map<LocatedNode, string>();
  // Every schema an example is checked against, first: the bundle is complete before ajv sees it.
  for (const site of model.index.examples) if (site.schema && !keys.has(site.schema)) keys.set(site.schema, bundler.keyFor(site.schema, base));
  const ajv = newAjv(isJsonSchemaDialect(model.version), EXAMPLE_AJV_OPTIONS);
  const id = 'archlens:examples';
  let unsupported = bundler.unsupportedKeys();
  try {
    ajv.addSchema({ $id: id, $defs: bundler.defs }, id);
  } catch {
    // A keyword value ajv rejects at load time: no example of this document is checked.
    unsupported = new Set(Object.keys(bundler.defs));
  }
  const interpreter = new ExampleInterpreter(bundler.defs, isJsonSchemaDialect(model.version));
  const bundle: DocumentBundle = { ajv, id, bundler, keys, unsupported, validators: new Map(), interpreter };
  model.memo.set('exampleBundle', bundle);
  return bundle;
}

/**
 * The validator for the schema at `node` (written in `base`), or undefined when it cannot be
 * checked faithfully: unresolved or remote refs, or a pattern the linear-time engine cannot run.
 */
export function exampleValidator(model: OpenApiModel, node: LocatedNode, base: RefBase): Compiled | undefined {
  const bundle = documentBundle(model, base);
  const key = bundle.keys.get(node);
  if (key === undefined || bundle.unsupported.has(key)) return undefined;
  if (!bundle.validators.has(key)) {
    const interpreted = bundle.interpreter.validator(key);
    bundle.validators.set(key, interpreted ? { validate: withAjvFallback(interpreted, () => compiledValidator(bundle, key)), defs: bundle.bundler.defs } : compiledValidator(bundle, key));
  }
  return bundle.validators.get(key);
}

/** ajv's validator for the schema at `node`, never the interpreter: what it must agree with (tests). */
export function compiledExampleValidator(model: OpenApiModel, node: LocatedNode, base: RefBase): Compiled | undefined {
  const bundle = documentBundle(model, base);
  const key = bundle.keys.get(node);
  return key === undefined || bundle.unsupported.has(key) ? undefined : compiledValidator(bundle, key);
}

/** ajv's validator for a def, compiled once (undefined when ajv cannot compile it). */
function compiledValidator(bundle: DocumentBundle, key: string): Compiled | undefined {
  const cacheKey = `ajv:${key}`;
  if (!bundle.validators.has(cacheKey)) {
    let compiled: Compiled | undefined;
    try {
      const validate = bundle.ajv.getSchema(`${bundle.id}#/$defs/${key}`);
      compiled = validate ? { validate, defs: bundle.bundler.defs } : undefined;
    } catch {
      // A pattern the linear-time engine cannot run, or a keyword value ajv rejects: not checkable here.
      compiled = undefined;
    }
    bundle.validators.set(cacheKey, compiled);
  }
  return bundle.validators.get(cacheKey);
}

/**
 * The interpreter as an ajv validate function; where it gives up (a schema nested beyond its
 * depth limit) ajv's compiled validator answers, and an uncompilable one says valid, as the
 * rule skips an example without a validator.
 */
function withAjvFallback(interpreted: ValidateFunction | ((data: unknown) => boolean) & { errors: ValidateFunction['errors'] }, compile: () => Compiled | undefined): ValidateFunction {
  const validate = ((data: unknown): boolean => {
    try {
      const valid = interpreted(data);
      validate.errors = interpreted.errors;
      return valid;
    } catch (error) {
      if (!(error instanceof GiveUp)) throw error;
      const compiled = compile();
      const valid = compiled ? compiled.validate(data) : true;
      validate.errors = compiled && !valid ? compiled.validate.errors : null;
      return valid;
    }
  }) as ValidateFunction;
  validate.errors = null;
  return validate;
}

/**
 * True when the example is certainly valid against the schema at `node` (see quickValidity.ts):
 * the rule then skips compiling an ajv validator for it. False when unsure or unsupported, and
 * when the interpreter checks the schema: it is exact and cheaper than this first look.
 */
export function exampleCertainlyValid(model: OpenApiModel, node: LocatedNode, base: RefBase, value: unknown): boolean {
  const bundle = documentBundle(model, base);
  const key = bundle.keys.get(node);
  if (key === undefined || bundle.unsupported.has(key) || bundle.interpreter.interpretable(key)) return false;
  return certainlyValid(bundle.bundler.defs[key] as boolean | Record<string, unknown>, value as Parameters<typeof certainlyValid>[1], bundle.bundler.defs) === true;
}
