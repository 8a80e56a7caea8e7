// The cheap classifier (src/engine/quickDetect.ts): it may call a file "other" without parsing
// only when the full detection (parse, then detectKind) says "other" too. Each case is checked
// against the full detection itself, so no expected kind is written by hand twice.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { resolveTemplateTag } from '../../src/engine/cfn/shortForms';
import { detectKind } from '../../src/engine/detect';
import { parseDocument } from '../../src/engine/document/parseDocument';
import { isSurelyOther, jsonTopLevelKeys, yamlTopLevelKeys } from '../../src/engine/quickDetect';
import { bestTime } from '../support/timing';

/** What the full path decides: parse, then detect. */
function fullKind(file: string, text: string): string {
  return detectKind(parseDocument(file, text, { resolveTag: resolveTemplateTag }).root, text);
}

const BUCKET = 'AWS::S3::Bucket';

/** [name, file, text, decided without a parse?] */
const cases: Array<[string, string, string, boolean]> = [
  // Not templates, decided from the text alone.
  ['package.json', 'package.json', '{"name": "x", "version": "1.0.0", "scripts": {"build": "tsc"}}', true],
  ['CDK manifest.json', 'manifest.json', '{"version":"36.0.0","artifacts":{"Stack.assets":{"type":"cdk:asset-manifest","properties":{"file":"Stack.assets.json"}},"Stack":{"type":"aws:cloudformation:stack","environment":"aws://unknown-account/unknown-region"}}}', true],
  ['CDK tree.json mentioning Resources and types inside', 'tree.json', `{"version":"tree-0.1","tree":{"id":"App","children":{"Resource":{"id":"Resource","path":"Stack/Resources/Resource","attributes":{"aws:cdk:cloudformation:type":"${BUCKET}"}}}}}`, true],
  // A nested `"Resources":` near the top of a JSON file is what `detectFromText` takes for a broken
  // template: only the parse can say whether the file is broken, so it is parsed.
  ['JSON with a nested "Resources" key near the top', 'event.json', `{"ResourceProperties": {"Resources": {"B": {"Type": "${BUCKET}"}}}}`, false],
  ['Kubernetes manifest', 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  resources:\n    limits: {cpu: 1}\n', true],
  ['YAML mentioning Resources below the root', 'c.yaml', `config:\n  Resources:\n    B:\n      Type: ${BUCKET}\n# Resources: in a comment\n`, true],
  ['GitHub workflow', 'ci.yml', 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n', true],
  ['Windows paths (backslashes) without a decisive word', 'paths.json', '{"p": "C:\\\\Users\\\\x", "q": "a\\"b"}', true],
  ['pretty JSON with "openapi" as a key only below the root, after the first 20,000 characters', 'event.json', `{\n  "pad": "${'x'.repeat(20_000)}",\n  "Records": [\n    {\n      "openapi": "3.0.0"\n    }\n  ],\n  "id": "1"\n}\n`, true],
  // Templates and OpenAPI: never decided without a parse.
  ['CloudFormation YAML', 't.yaml', `Resources:\n  B:\n    Type: ${BUCKET}\n`, false],
  ['CloudFormation JSON', 't.json', `{"Resources": {"B": {"Type": "${BUCKET}"}}}`, false],
  ['OpenAPI', 'api.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n', false],
  // Pretty-printed, with the decisive key after a large first value (Stripe's spec): found by its indentation.
  ['pretty OpenAPI JSON whose openapi key comes after the components', 'spec.json', `{\n  "components": {\n    "x-pad": "${'x'.repeat(20_000)}",\n    "schemas": {\n      "openapi": {"type": "string"}\n    }\n  },\n  "info": {"title": "t", "version": "1"},\n  "openapi": "3.0.0",\n  "paths": {}\n}\n`, false],
  ['template with a BOM', 't.yaml', `\uFEFFResources:\n  B:\n    Type: ${BUCKET}\n`, false],
  // Hostile spellings: the words are hidden from a plain text search, the parser still finds them.
  ['a JSON key spelled with \\u escapes', 't.json', `{"Resour\\u0063es": {"B": {"Type": "${BUCKET}"}}}`, false],
  ['a YAML key spelled with \\x escapes', 't.yaml', `"Resour\\x63es":\n  B:\n    Type: ${BUCKET}\n`, false],
  ['an indented root mapping', 't.yaml', `  Resources:\n    B:\n      Type: ${BUCKET}\n`, false],
  ['a flow root mapping in YAML', 't.yaml', `{Resources: {B: {Type: ${BUCKET}}}}\n`, false],
  ['a merge key bringing Resources', 't.yaml', `base: &b\n  Resources:\n    B:\n      Type: ${BUCKET}\n<<: *b\n`, false],
  ['an explicit key', 't.yaml', `? Resources\n: B:\n    Type: ${BUCKET}\n`, false],
  ['a quoted key', 't.yaml', `'Resources':\n  B:\n    Type: ${BUCKET}\n`, false],
  ['a key with spaces before the colon', 't.yaml', `Resources   :\n  B:\n    Type: ${BUCKET}\n`, false],
  ['a second document', 't.yaml', `a: 1\n---\nResources:\n  B:\n    Type: ${BUCKET}\n`, false],
];

void describe('quick classification', () => {
  for (const [name, file, text, quick] of cases) {
    void test(name, () => {
      assert.equal(isSurelyOther(text), quick);
      if (quick) assert.equal(fullKind(file, text), 'other', 'decided without a parse only when the parse agrees');
      // Whichever path it takes, the analysis detects what the full path detects.
      assert.equal(analyzeDocument(file, text).kind, fullKind(file, text));
    });
  }

  void test('an "other" decided without a parse has no tree and no problems, and a line index on demand', () => {
    const analyzed = analyzeDocument('tree.json', '{"a":\n1}');
    assert.equal(analyzed.kind, 'other');
    assert.equal(analyzed.document.root, undefined);
    assert.deepEqual(analyzed.document.problems, []);
    assert.deepEqual(analyzed.lineIndex.positionAt(6), { line: 1, character: 0 });
  });

  void test('JSON top-level keys skip nested values, strings with brackets and escaped quotes', () => {
    assert.deepEqual(jsonTopLevelKeys('{"a": {"Resources": [1, {"b": "}"}]}, "c": "x\\"}", "d": 1}'), ['a', 'c', 'd']);
    assert.deepEqual(jsonTopLevelKeys(' {} '), []);
    // Not strict JSON: the parser decides.
    assert.equal(jsonTopLevelKeys('{"a": 1,}x'), undefined);
    assert.equal(jsonTopLevelKeys('{"a": 1} trailing'), undefined);
    assert.equal(jsonTopLevelKeys('{"a": "unclosed}'), undefined);
    assert.equal(jsonTopLevelKeys('{a: 1}'), undefined);
  });

  void test('YAML top-level keys are the column-0 keys; anything that could hide one gives up', () => {
    assert.deepEqual(yamlTopLevelKeys('# c\n%YAML 1.2\n---\na: 1\nb:\n  Resources: 2\n"c": 3\nd:e: 4\n- item\n'), ['a', 'b', 'c', 'd:e']);
    for (const text of ['!Tag a: 1\n', '&x a: 1\n', '*x : 1\n', '[a]: 1\n', '"a\\"b": 1\n', 'a: 1\n--- b\n']) assert.equal(yamlTopLevelKeys(text), undefined, text);
  });

  void test('crafted text costs linear time (bad-inputs.md: bounded work)', () => {
    const crafted: Array<[string, (n: number) => string]> = [
      ['backslash runs before quotes', (n) => `{"Resources"   x, "a": "${'\\\\\\"'.repeat(n)}"}`],
      ['decisive words without a colon', (n) => `{"a": [${'"Resources"      ,'.repeat(n)} 1]}`],
      ['column-0 lines', (n) => `a: 1\n${'Resourcesx: 1\n'.repeat(n)}`],
      ['a long key line', (n) => `${'a'.repeat(n * 10)}: Resources\n`],
    ];
    for (const [label, make] of crafted) {
      // Large enough that a busy machine's pauses are small beside the work; texts built once.
      const n = 50_000;
      const [smallText, largeText] = [make(n), make(4 * n)];
      isSurelyOther(smallText); // warm up
      const small = bestTime(() => void isSurelyOther(smallText), 5);
      const large = bestTime(() => void isSurelyOther(largeText), 5);
      assert.ok(large < 8 * small + 25, `${label}: ${small.toFixed(1)} ms at n, ${large.toFixed(1)} ms at 4n`);
    }
  });
});
