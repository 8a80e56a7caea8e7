/**
 * exampleInterpreter.ts must give exactly ajv's errors (same keywords, paths, params, messages,
 * parent schemas, in the same order) wherever it answers, since the example rule's message
 * names the first error and counts the rest. Checked over a grid of schemas and values in both
 * dialects, on the quirks of ajv's generated code one by one, and, when the shared corpus is
 * next to the repository, on every example of its readme OpenAPI examples.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { ExampleInterpreter, GiveUp } from '../../src/engine/openapi/exampleInterpreter';
import { EXAMPLE_AJV_OPTIONS, compiledExampleValidator, exampleValidator } from '../../src/engine/openapi/exampleSchemas';
import { parseDocument } from '../../src/engine/document/parseDocument';
import { cachedOpenApiModel } from '../../src/engine/openapi/model';
import { toJson } from '../../src/engine/openapi/plain';

const defs: Record<string, unknown> = {
  d0: { type: 'object', properties: { id: { type: 'integer' }, tag: { $ref: '#/$defs/d1' } }, required: ['id'] },
  d1: { type: ['string', 'null'], enum: ['a', 'b', null] },
  d2: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } }, required: ['id', 'name'] },
  d3: { type: 'array', items: { $ref: '#/$defs/d3' } },
  d4: { $ref: '#/$defs/d0', readOnly: true },
  d5: { $ref: '#/$defs/d1', type: 'string' },
};

const schemas: unknown[] = [
  { $ref: '#/$defs/d0' },
  { $ref: '#/$defs/d2' },
  { $ref: '#/$defs/d3' },
  { $ref: '#/$defs/d4' },
  { $ref: '#/$defs/d5' },
  { type: 'string', minLength: 2, maxLength: 3 },
  { type: 'string', enum: ['ab', 'x'], minLength: 2 },
  { type: 'string', enum: ['ab', 'x'] },
  { type: 'number', minimum: 1, exclusiveMaximum: 5 },
  { type: 'integer', maximum: 3, exclusiveMinimum: 0 },
  { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
  { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 1, maxProperties: 1 },
  { additionalProperties: false, properties: { a: {}, b: true, c: false } },
  { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  { oneOf: [{ type: 'number' }, { type: 'integer' }, { type: 'integer' }] },
  { oneOf: [{ type: 'number' }, {}, { type: 'integer' }, { minimum: 0 }] },
  { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'integer' }] },
  { anyOf: [{ type: 'string' }, { readOnly: true }] },
  { allOf: [{ $ref: '#/$defs/d0' }, { required: ['tag', 'other'] }] },
  { not: { type: 'null' } },
  { not: {} },
  { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 1, uniqueItems: true },
  { type: 'array', items: { type: ['string', 'integer'] }, uniqueItems: true },
  { uniqueItems: true },
  { const: { a: [1, 2] } },
  { const: 'x' },
  { enum: [1, 'one', { x: 1 }] },
  { type: 'string', pattern: '^[a-z]+$' },
  { type: ['object', 'array'], required: ['a'] },
  { type: ['integer', 'null'], minimum: 3 },
  { type: 'object', required: ['a'], properties: { a: { readOnly: true } } },
  { type: 'object', properties: { 'x/y~z': { type: 'string' } }, additionalProperties: { type: 'string' } },
  { items: false },
  true,
  false,
];

const values: unknown[] = [
  null, true, 0, 2, 3, 4.5, 7, -1, 'x', 'ab', 'abcd', 'xyz', 'Ab', [], ['a'], ['a', 'a'], [1, '1', 1], [[], [[]]], {}, { id: 1 }, { id: 1, tag: 'a' },
  { id: 1, tag: 'c' }, { id: 'x' }, { name: 'n' }, { a: 'x' }, { a: 1 }, { b: 2 }, { a: [1, 2] }, { x: 1 }, { c: 1, d: 2 }, { 'x/y~z': 1, 'p~q': 2 }, 'one', 1,
];

/** What the example rule reads of an error, with the parent schema compared by identity. */
function shape(errors: readonly ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map((error) => ({ keyword: error.keyword, instancePath: error.instancePath, params: error.params, message: error.message }));
}

function sameParents(a: readonly ErrorObject[] | null | undefined, b: readonly ErrorObject[] | null | undefined): boolean {
  return (a ?? []).every((error, i) => error.parentSchema === (b ?? [])[i]!.parentSchema);
}

describe('exampleInterpreter agrees with ajv', () => {
  for (const [dialect, make, draft2020] of [['draft-07', () => new Ajv(EXAMPLE_AJV_OPTIONS), false], ['2020-12', () => new Ajv2020(EXAMPLE_AJV_OPTIONS), true]] as const) {
    test(`${dialect}: the same errors, in the same order, for every schema and value of the grid`, () => {
      const all: Record<string, unknown> = { ...defs };
      schemas.forEach((schema, i) => (all[`s${i}`] = schema));
      const ajv = make();
      ajv.addSchema({ $id: 'doc', $defs: all }, 'doc');
      const interpreter = new ExampleInterpreter(all, draft2020);
      let invalid = 0;
      schemas.forEach((schema, i) => {
        const mine = interpreter.validator(`s${i}`);
        assert.ok(mine, `${JSON.stringify(schema)} should be interpretable`);
        const theirs = ajv.getSchema(`doc#/$defs/s${i}`)!;
        for (const value of values) {
          const valid = theirs(value);
          if (!valid) invalid++;
          assert.equal(mine(value), valid, `${JSON.stringify(schema)} vs ${JSON.stringify(value)}`);
          assert.deepEqual(shape(mine.errors), shape(theirs.errors), `${JSON.stringify(schema)} vs ${JSON.stringify(value)}`);
          assert.ok(sameParents(mine.errors, theirs.errors), `${JSON.stringify(schema)} vs ${JSON.stringify(value)}: parent schemas`);
        }
      });
      // The grid is not mostly valid pairs: errors and their order are what is compared.
      assert.ok(invalid > 400, `only ${invalid} invalid pairs`);
    });
  }

  test('ajv quirks it reproduces', () => {
    const quirks: Record<string, unknown> = {
      // One type with rules of its group: the type error comes after the untyped keywords (enum).
      grouped: { type: 'string', enum: ['ab'], minLength: 2 },
      // Without rules of its group: first.
      upFront: { type: 'string', enum: ['ab'] },
      // A second passing oneOf alternative ends the walk: the third's errors are never made.
      twice: { oneOf: [{ type: 'number' }, { minimum: 0 }, { type: 'string', minLength: 9 }] },
    };
    const interpreter = new ExampleInterpreter(quirks, true);
    const grouped = interpreter.validator('grouped')!;
    grouped(5);
    assert.deepEqual(grouped.errors!.map((error) => error.keyword), ['enum', 'type']);
    const upFront = interpreter.validator('upFront')!;
    upFront(5);
    assert.deepEqual(upFront.errors!.map((error) => error.keyword), ['type', 'enum']);
    const twice = interpreter.validator('twice')!;
    twice(1);
    assert.deepEqual(shape(twice.errors), [{ keyword: 'oneOf', instancePath: '', params: { passingSchemas: [0, 1] }, message: 'must match exactly one schema in oneOf' }]);
  });

  test('what it leaves to ajv', () => {
    const hard: Record<string, unknown> = {
      patternProperties: { patternProperties: { '^x': { type: 'string' } } },
      condition: { if: { type: 'string' }, then: { minLength: 1 } },
      multiple: { multipleOf: 2 },
      tuple: { items: [{ type: 'string' }] },
      // A property named like an Object.prototype member: ajv reads it through the prototype.
      prototypeName: { required: ['constructor'] },
      backtracking: { pattern: '(?=a)b' },
      reachesHard: { properties: { a: { $ref: '#/$defs/multiple' } } },
      dangling: { $ref: '#/$defs/nowhere' },
      plain: { type: 'string' },
    };
    const interpreter = new ExampleInterpreter(hard, true);
    for (const key of Object.keys(hard)) assert.equal(interpreter.validator(key) === undefined, key !== 'plain', key);
    // 2020-12 keywords ajv's draft-07 class does not know are ignored there, as ajv does.
    const legacy = new ExampleInterpreter({ ignored: { type: 'object', unevaluatedProperties: false } }, false);
    assert.equal(legacy.validator('ignored')!({ a: 1 }), true);
    // A schema that refers to itself without consuming data: the walk gives up instead of overflowing.
    const loop = new ExampleInterpreter({ self: { allOf: [{ $ref: '#/$defs/self' }] } }, true).validator('self')!;
    assert.throws(() => loop(1), GiveUp);
  });
});

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'oas-examples-readme');

function* specFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* specFiles(full);
    else if (/\.(json|ya?ml)$/i.test(entry.name)) yield full;
  }
}

// Registered only where the shared corpus is (next to the repository), like the other corpus tests.
if (fs.existsSync(CORPUS)) {
  test('exampleInterpreter agrees with ajv on every example of the readme OpenAPI corpus', () => {
    let compared = 0;
    let failing = 0;
    for (const file of specFiles(CORPUS)) {
      const model = cachedOpenApiModel(parseDocument(file, fs.readFileSync(file, 'utf8')), file, { readFile: () => undefined });
      if (!model) continue;
      for (const site of model.index.examples) {
        if (!site.schema) continue;
        const mine = exampleValidator(model, site.schema, model.resolver.main);
        const theirs = compiledExampleValidator(model, site.schema, model.resolver.main);
        assert.equal(mine === undefined, theirs === undefined, `${file}: checkable by one only`);
        if (!mine || !theirs) continue;
        const value = toJson(site.value);
        const valid = theirs.validate(value);
        assert.equal(mine.validate(value), valid, file);
        assert.deepEqual(shape(mine.validate.errors), shape(theirs.validate.errors), file);
        compared++;
        if (!valid) failing++;
      }
    }
    assert.ok(compared > 400 && failing > 20, `compared ${compared} examples, ${failing} failing`);
  });
}
