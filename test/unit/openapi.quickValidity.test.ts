/**
 * quickValidity.ts may only skip work: whenever it says "certainly valid", ajv (draft-07 and
 * 2020-12, the options the example rule uses) must agree. Checked over a grid of schemas and
 * values, plus the cases it must settle itself (that is where the speed comes from).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { certainlyValid } from '../../src/engine/openapi/quickValidity';

type Json = Parameters<typeof certainlyValid>[1];

const defs: Record<string, unknown> = {
  d0: { type: 'object', properties: { id: { type: 'integer' }, tag: { $ref: '#/$defs/d1' } }, required: ['id'] },
  d1: { type: ['string', 'null'], enum: ['a', 'b', null] },
  d2: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } }, required: ['id', 'name'] },
  d3: { type: 'array', items: { $ref: '#/$defs/d3' } },
};

const schemas: unknown[] = [
  { $ref: '#/$defs/d0' },
  { $ref: '#/$defs/d2' },
  { $ref: '#/$defs/d3' },
  { type: 'string', minLength: 2, maxLength: 3 },
  { type: 'number', minimum: 1, exclusiveMaximum: 5 },
  { type: 'integer', multipleOf: 2 },
  { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
  { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 1 },
  { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  { oneOf: [{ type: 'number' }, { type: 'integer' }] },
  { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'integer' }] },
  { allOf: [{ $ref: '#/$defs/d0' }, { required: ['tag'] }] },
  { not: { type: 'null' } },
  { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
  { const: { a: [1, 2] } },
  { enum: [1, 'one', { x: 1 }] },
  { type: 'string', pattern: '^[a-z]+$' },
  { type: 'object', required: ['a'], properties: { a: { readOnly: true } } },
  { anyOf: [{ type: 'object', required: ['a'], properties: { a: { readOnly: true } } }] },
  true,
  false,
];

const values: Json[] = [null, true, 0, 2, 3, 4.5, 7, 'x', 'ab', 'abcd', 'xyz', [], ['a'], ['a', 'a'], [[], [[]]], {}, { id: 1 }, { id: 1, tag: 'a' }, { id: 1, tag: 'c' }, { id: 'x' }, { name: 'n' }, { a: 'x' }, { a: 1 }, { b: 2 }, { a: [1, 2] }, { x: 1 }, 'one', 1];

/**
 * The example rule's one exemption from ajv (openapiSchemaRules.ts `isReadOrWriteOnly`): a
 * top-level `required` error for a readOnly / writeOnly property is not a mismatch.
 */
function exemptRequired(error: ErrorObject): boolean {
  if (error.keyword !== 'required' || error.instancePath !== '') return false;
  const properties = error.parentSchema?.['properties'] as Record<string, Record<string, unknown>> | undefined;
  let property = properties?.[String(error.params['missingProperty'])];
  const ref = property?.['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) property = defs[ref.slice(8)] as Record<string, unknown> | undefined;
  return property?.['readOnly'] === true || property?.['writeOnly'] === true;
}

describe('quickValidity agrees with ajv', () => {
  for (const [dialect, make] of [['draft-07', () => new Ajv({ strict: false, allErrors: true, verbose: true })], ['2020-12', () => new Ajv2020({ strict: false, allErrors: true, verbose: true })]] as const) {
    test(`${dialect}: "certainly valid" is never wrong`, () => {
      const ajv = make();
      ajv.addSchema({ $id: 'doc', $defs: defs });
      let settled = 0;
      for (const schema of schemas) {
        const validate = ajv.compile(typeof schema === 'boolean' ? { allOf: [schema], $defs: defs } : { ...(schema as object), $defs: defs });
        for (const value of values) {
          if (certainlyValid(schema as boolean | Record<string, unknown>, value, defs) !== true) continue;
          settled++;
          const errors = validate(value) ? [] : (validate.errors ?? []).filter((error) => !exemptRequired(error));
          assert.deepEqual(errors, [], `${JSON.stringify(schema)} vs ${JSON.stringify(value)}: quick said valid, ajv disagrees`);
        }
      }
      // Most of the grid's valid pairs are settled without ajv.
      assert.ok(settled > 60, `only ${settled} pairs settled`);
    });
  }

  test('what it settles and what it leaves to ajv', () => {
    assert.equal(certainlyValid({ $ref: '#/$defs/d0' }, { id: 1, tag: null }, defs), true);
    assert.equal(certainlyValid({ $ref: '#/$defs/d3' }, [[], [[]]], defs), true);
    // A missing required readOnly property at the top: the rule lets it pass, so may this.
    assert.equal(certainlyValid({ $ref: '#/$defs/d2' }, { name: 'n' }, defs), true);
    // ...but not inside a combinator, where the alternative still fails.
    assert.equal(certainlyValid({ anyOf: [{ $ref: '#/$defs/d2' }] }, { name: 'n' }, defs), undefined);
    // Invalid, or not modelled (pattern, uniqueItems, multipleOf): ask ajv.
    assert.equal(certainlyValid({ $ref: '#/$defs/d0' }, { id: 'x' }, defs), undefined);
    assert.equal(certainlyValid({ type: 'string', pattern: '^x' }, 'xa', defs), undefined);
    assert.equal(certainlyValid({ type: 'array', uniqueItems: true }, [1], defs), undefined);
    // A runaway recursive walk stops (bounded steps) and defers to ajv.
    let deep: Json = [];
    for (let i = 0; i < 30_000; i++) deep = [deep];
    assert.equal(certainlyValid({ $ref: '#/$defs/d3' }, deep, defs), undefined);
  });
});
