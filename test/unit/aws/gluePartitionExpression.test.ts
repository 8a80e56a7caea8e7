// The partition filter language on its own: what parses, what each operator selects (text and
// numeric keys), the messages for mistakes, and the bounds on hostile input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesPartition, parsePartitionExpression, PartitionExpressionError } from '../../../src/aws/glue/partitionExpression';

const KEYS = new Map([
  ['dt', 'string'],
  ['shard', 'int'],
]);

function selects(expression: string, rows: [string, string][]): string[] {
  const predicate = parsePartitionExpression(expression, KEYS);
  return rows.filter((values) => matchesPartition(predicate, KEYS, values)).map((v) => v.join('#'));
}

const ROWS: [string, string][] = [
  ['2024-01-09', '9'],
  ['2024-01-10', '10'],
  ['2024-02-01', '2'],
  ["it's", '100'],
];

void describe('Glue partition expressions', () => {
  void test('operators on text and numeric keys', () => {
    // Numeric key: 9 < 10 as numbers (as text "9" > "10").
    assert.deepEqual(selects('shard < 10', ROWS), ['2024-01-09#9', '2024-02-01#2']);
    assert.deepEqual(selects("dt < '2024-01-10'", ROWS), ['2024-01-09#9']);
    assert.deepEqual(selects("dt >= '2024-01-10' AND dt <= '2024-02-01'", ROWS), ['2024-01-10#10', '2024-02-01#2']);
    assert.deepEqual(selects("dt <> '2024-01-09' and shard != 100", ROWS), ['2024-01-10#10', '2024-02-01#2']);
    assert.deepEqual(selects('shard BETWEEN 2 AND 9', ROWS), ['2024-01-09#9', '2024-02-01#2']);
    assert.deepEqual(selects('shard NOT BETWEEN 2 AND 9', ROWS), ['2024-01-10#10', "it's#100"]);
    assert.deepEqual(selects("dt IN ('2024-01-10', 'it''s')", ROWS), ['2024-01-10#10', "it's#100"]);
    assert.deepEqual(selects("dt LIKE '2024-01-%'", ROWS), ['2024-01-09#9', '2024-01-10#10']);
    assert.deepEqual(selects("dt NOT LIKE '2024-01-1_'", ROWS), ['2024-01-09#9', '2024-02-01#2', "it's#100"]);
    assert.deepEqual(selects("NOT (shard = 9 OR `dt` = '2024-02-01')", ROWS), ['2024-01-10#10', "it's#100"]);
    // AND binds tighter than OR.
    assert.deepEqual(selects("shard = 100 OR dt LIKE '2024%' AND shard > 9", ROWS), ['2024-01-10#10', "it's#100"]);
  });

  void test('LIKE patterns are literal apart from % and _', () => {
    const keys = new Map([['p', 'string']]);
    const predicate = parsePartitionExpression("p LIKE 'a.b(c)%'", keys);
    assert.equal(matchesPartition(predicate, keys, ['a.b(c)-x']), true);
    assert.equal(matchesPartition(predicate, keys, ['axb(c)']), false);
  });

  void test('mistakes are explained with the column', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ["region = 'eu'", /"region" is not a partition key \(the table's partition keys: dt, shard\) at column 1\./],
      ['dt =', /ends where a value was expected at column 5/],
      ["dt = '2024' shard = 1", /Expected AND, OR or the end of the filter, found "shard" at column 13/],
      ["dt IN ('a', 'b'", /Expected "\)" at column 16/],
      ['dt LIKE 5', /LIKE needs a quoted pattern/],
      ["dt = 'open", /missing its closing quote/],
      ["dt ~ 'x'", /Unexpected "~ 'x'" at column 4/],
      ['(dt', /Expected =, <>, <, >, <=, >=, BETWEEN, IN or LIKE after "dt"/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parsePartitionExpression(text, KEYS), (error: unknown) => error instanceof PartitionExpressionError && message.test(error.message), text);
    }
    assert.throws(() => parsePartitionExpression("x = '1'", new Map()), /the table has no partition keys/);
  });

  void test('hostile input is bounded: length, comparison count, prototype names', () => {
    assert.throws(() => parsePartitionExpression(`dt = '${'a'.repeat(2100)}'`, KEYS), /at most 2048/);
    const one = new Map([['s', 'int']]);
    const comparisons = (n: number): string => Array.from({ length: n }, (_, i) => `s=${i % 10}`).join(' OR ');
    assert.ok(comparisons(201).length <= 2048);
    assert.ok(parsePartitionExpression(comparisons(200), one));
    assert.throws(() => parsePartitionExpression(comparisons(201), one), /More than 200 comparisons/);
    // Names are looked up in the Map of keys, never on an object.
    assert.throws(() => parsePartitionExpression("constructor = 'x'", KEYS), /"constructor" is not a partition key/);
    assert.throws(() => parsePartitionExpression("__proto__ = 'x'", KEYS), /"__proto__" is not a partition key/);
  });
});
