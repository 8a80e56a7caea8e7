/**
 * `documentJson` reads a JSON file's plain value with `JSON.parse` instead of walking the
 * located tree (`toJson`): oas-schema validates that value, so the two must be the same value,
 * down to key order, duplicate keys, `__proto__`, numbers and escapes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/engine/document/parseDocument';
import { documentJson, toJson } from '../../src/engine/openapi/plain';
import { getValue } from '../../src/engine/document/located';

const SAMPLES: readonly string[] = [
  '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}',
  // A byte order mark, which JSON.parse alone rejects.
  '\uFEFF{"openapi": "3.1.0", "info": {}}',
  // Duplicate keys: the last value, at the first key's place.
  '{"b": 1, "a": 2, "b": {"x": [1, 2]}, "c": null}',
  // Integer-like keys, which objects order first.
  '{"z": 1, "10": 2, "2": 3, "-1": 4, "01": 5}',
  // `__proto__` is an own key, never the prototype.
  '{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x"}',
  // Numbers at the edges of doubles, and negative zero.
  '{"n": [1e400, -1e400, -0, 0.1, 123456789012345678901234567890, 5e-324, 1.7976931348623157e308]}',
  // Escapes, including a lone surrogate and an escaped key.
  '{"s": "a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800", "\\u0024ref": "#/x"}',
  '[]',
  '"just a string"',
];

test('documentJson is toJson of the root for JSON files', () => {
  for (const text of SAMPLES) {
    const document = parseDocument('spec.json', text);
    assert.ok(document.root, text);
    const fromParse = documentJson(document, document.root);
    const fromTree = toJson(document.root);
    assert.deepEqual(fromParse, fromTree, text);
    // deepEqual ignores key order: compare it too (and -0 below).
    assert.equal(JSON.stringify(fromParse), JSON.stringify(fromTree), text);
  }
  const zero = parseDocument('spec.json', '{"z": -0}');
  assert.ok(Object.is((documentJson(zero, zero.root!) as { z: number }).z, -0));
  const proto = parseDocument('spec.json', '{"__proto__": {"polluted": true}}');
  const value = documentJson(proto, proto.root!) as Record<string, unknown>;
  assert.ok(Object.hasOwn(value, '__proto__'));
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});

test('documentJson walks the tree for YAML and for a node below the root', () => {
  const yaml = parseDocument('spec.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\n');
  assert.deepEqual(documentJson(yaml, yaml.root!), toJson(yaml.root!));
  const json = parseDocument('spec.json', '{"a": {"b": 1}}');
  const inner = getValue(json.root, 'a')!;
  assert.deepEqual(documentJson(json, inner), { b: 1 });
});
