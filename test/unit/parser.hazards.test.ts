import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../src/engine/document/yamlParser';
import { parseJson } from '../../src/engine/document/jsonParser';
import { parseDocument } from '../../src/engine/document/parseDocument';
import { LineIndex } from '../../src/engine/document/lineIndex';
import { toPlain, getValue } from '../../src/engine/document/located';
import type { ParsedDocument } from '../../src/engine/document/located';
import { resolveTemplateTag } from '../../src/engine/cfn/shortForms';
import { realAnalyzer } from '../support/lintHelpers';

const yaml = (text: string): ParsedDocument => parseYaml(text, { resolveTag: resolveTemplateTag });
const at = (doc: ParsedDocument, i = 0) => new LineIndex(doc.text).positionAt(doc.problems[i]!.span.start);
const codes = (doc: ParsedDocument) => doc.problems.map((p) => p.code);

void describe('files being edited (bad-inputs.md)', () => {
  void test('empty and whitespace-only files parse to nothing, without problems', () => {
    for (const text of ['', '   \n\t\n', '\n\n']) {
      assert.equal(yaml(text).root, undefined);
      assert.deepEqual(yaml(text).problems, []);
      assert.deepEqual(parseJson(text).problems, []);
    }
  });

  void test('an empty template file gets a clear finding, not a crash', () => {
    const result = realAnalyzer().lint('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n');
    assert.equal(result.kind, 'cloudformation');
    assert.deepEqual(result.findings.map((f) => f.rule), ['cfn-resources-required']);
  });

  void test('truncated YAML (unclosed quote) gives one syntax problem at the right line', () => {
    const doc = yaml('Resources:\n  A:\n    Type: "AWS::S3::Bucket\n');
    assert.deepEqual(codes(doc), ['syntax']);
    assert.equal(at(doc).line >= 2, true);
  });

  void test('truncated flow collection (unclosed bracket) gives one syntax problem', () => {
    const doc = yaml('Resources:\n  A:\n    DependsOn: [B, C\n');
    assert.deepEqual(codes(doc), ['syntax']);
  });

  void test('truncated JSON gives one syntax problem at the end', () => {
    const doc = parseJson('{"Resources": {"A": {"Type": "AWS::S3::Bucket"}');
    assert.deepEqual(codes(doc), ['syntax']);
    assert.match(doc.problems[0]!.message, /expected ',' or '}'/);
  });

  void test('tabs in indentation are a syntax error at the tab', () => {
    const doc = yaml('Resources:\n\tA: 1\n');
    assert.deepEqual(codes(doc), ['syntax']);
    assert.deepEqual(at(doc), { line: 1, character: 0 });
    assert.match(doc.problems[0]!.message, /tab/);
  });

  void test('bad escapes in double-quoted YAML are reported at the escape', () => {
    const doc = yaml('A: "bad \\q escape"\n');
    assert.deepEqual(codes(doc), ['syntax']);
    assert.equal(at(doc).line, 0);
  });

  void test('a BOM keeps offsets exact in YAML and JSON', () => {
    const y = yaml('\uFEFFA: !Ref X\n');
    const key = y.root?.kind === 'mapping' ? y.root.pairs[0]!.key : undefined;
    assert.deepEqual(key?.span, { start: 1, end: 2 });
    const j = parseJson('\uFEFF{"A": 1}');
    assert.deepEqual(j.problems, []);
    assert.deepEqual(toPlain(j.root), Object.assign(Object.create(null), { A: 1 }));
  });

  void test('CRLF line endings give the same lines and columns as LF', () => {
    const text = 'Resources:\r\n  A:\r\n    Type: AWS::S3::Buckt\r\n';
    const finding = realAnalyzer().lint('t.yaml', text).findings.find((f) => f.rule === 'cfn-unknown-resource-type');
    assert.deepEqual(finding?.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 24 } });
  });

  void test('invalid UTF-8 (replacement characters) does not crash', () => {
    const text = Buffer.from([0x41, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).toString('utf8');
    const doc = yaml(text);
    assert.equal(doc.root?.kind, 'mapping');
  });

  void test('duplicate keys: an error on every occurrence, YAML and JSON', () => {
    const y = yaml('A: 1\nB: 2\nA: 3\n');
    assert.deepEqual(codes(y), ['duplicate-key', 'duplicate-key']);
    assert.deepEqual(y.problems.map((p) => p.span.start), [0, 10]);
    const j = parseJson('{"A": 1, "A": 2, "A": 3}');
    assert.deepEqual(codes(j), ['duplicate-key', 'duplicate-key', 'duplicate-key']);
  });

  void test('a key overridden through a merge key is not a duplicate', () => {
    const doc = yaml('base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(toPlain(getValue(doc.root, 'm')), Object.assign(Object.create(null), { y: 2, x: 3 }));
  });

  void test('alias bomb ("billion laughs") is refused quickly with one clear message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const doc = yaml(levels.join('\n') + '\n');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    const alias = doc.problems.filter((p) => p.code === 'alias-limit');
    assert.equal(alias.length, 1);
    assert.match(alias[0]!.message, /alias bomb/);
  });

  void test('a self-referencing alias is an error, not an infinite structure', () => {
    const doc = yaml('a: &x [1, *x]\n');
    assert.deepEqual(codes(doc), ['alias-limit']);
    assert.match(doc.problems[0]!.message, /contains it/);
  });

  void test('an alias without anchor is an error', () => {
    assert.deepEqual(codes(yaml('a: *nothing\n')), ['alias-limit']);
  });

  void test('10,000-deep nesting is refused without a stack overflow (YAML and JSON)', () => {
    const deepYaml = '['.repeat(10_000) + ']'.repeat(10_000);
    assert.deepEqual(codes(yaml(deepYaml)), ['depth-limit']);
    const deepJson = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    assert.deepEqual(codes(parseJson(deepJson)), ['depth-limit']);
  });

  void test('documents over the size limit get a size problem, fast', () => {
    const big = 'A: ' + 'x'.repeat(5_100_000) + '\n';
    const started = performance.now();
    const doc = yaml(big);
    assert.deepEqual(codes(doc), ['size-limit']);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(codes(parseJson('"' + 'x'.repeat(5_100_000) + '"')), ['size-limit']);
  });

  void test('a single 3 MB line parses in bounded time', () => {
    const line = `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Metadata": {"x": "${'y'.repeat(3_000_000)}"}}}}`;
    const started = performance.now();
    const result = realAnalyzer().lint('t.json', line);
    assert.equal(result.kind, 'cloudformation');
    assert.ok(performance.now() - started < 3000);
  });

  void test('every short form maps to its long form, positions kept', () => {
    const text = [
      'A: !GetAtt B.Arn',
      'B: !GetAtt [B, Arn]',
      'C: !Sub "${X}"',
      'D: !Sub ["${Y}", {Y: 1}]',
      'E: !If [Cond, !Ref AWS::NoValue, !If [C2, a, b]]',
      'F: !Base64 {"Fn::Sub": "x${AWS::Region}"}',
      'G: !Condition Cond',
      'H: !Select [0, !GetAZs ""]',
      'I: !ImportValue Name',
      'J: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}',
      'K: !Equals [a, b]',
      'L: !Not [!Equals [a, b]]',
      'M: !And [!Condition A, !Or [!Condition B, !Condition C]]',
      'N: !FindInMap [M, a, b]',
      'O: !Split [",", "a,b"]',
      'P: !Join ["", [a, b]]',
      'Q: !Cidr ["10.0.0.0/16", 4, 8]',
      'R: !ForEach [X, [a], {}]',
      '',
    ].join('\n');
    const doc = yaml(text);
    assert.deepEqual(doc.problems, []);
    const plain = toPlain(doc.root) as Record<string, Record<string, unknown>>;
    const keys = Object.values(plain).map((v) => Object.keys(v)[0]);
    assert.deepEqual(keys, ['Fn::GetAtt', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Sub', 'Fn::If', 'Fn::Base64', 'Condition', 'Fn::Select', 'Fn::ImportValue', 'Fn::Transform', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::FindInMap', 'Fn::Split', 'Fn::Join', 'Fn::Cidr', 'Fn::ForEach']);
    const a = getValue(doc.root, 'A');
    assert.equal(a?.kind === 'mapping' && a.fromShortForm, true);
    assert.deepEqual(a?.kind === 'mapping' && a.pairs[0]!.key.span, { start: 3, end: 10 });
  });

  void test('two short forms in a row (`!Base64 !Sub`) get an explanation of the long-form fix', () => {
    const doc = yaml('A: !Base64 !Sub "x${AWS::Region}"\n');
    assert.deepEqual(codes(doc), ['syntax']);
    assert.match(doc.problems[0]!.message, /Fn::Base64: !Sub/);
  });

  void test('unknown tags are errors and never constructed', () => {
    const doc = yaml('A: !Foo x\nB: !!python/object:os.system ["rm -rf /"]\nC: !!binary aGk=\n');
    assert.deepEqual(codes(doc), ['unknown-tag', 'unknown-tag', 'unknown-tag']);
    const plain = toPlain(doc.root) as Record<string, unknown>;
    assert.equal(plain.A, 'x');
  });

  void test('malformed intrinsics, null keys, complex keys and multi-document YAML', () => {
    const malformed = realAnalyzer().lint('t.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !GetAtt {a: b}\n');
    assert.equal(malformed.kind, 'cloudformation');
    assert.ok(!malformed.findings.some((f) => f.rule === 'archlens-internal'));
    assert.equal(yaml('~: x\n').root?.kind, 'mapping');
    assert.deepEqual(codes(yaml('? [a, b]\n: c\n')), ['complex-key']);
    assert.deepEqual(codes(yaml('A: 1\n---\nB: 2\n')), ['multi-document']);
  });

  void test('__proto__ and constructor are ordinary keys (no prototype pollution)', () => {
    const doc = yaml('__proto__: {polluted: true}\nconstructor: 2\n');
    const plain = toPlain(doc.root) as Record<string, unknown>;
    assert.deepEqual(Object.keys(plain), ['__proto__', 'constructor']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const json = toPlain(parseJson('{"__proto__": {"polluted": true}}').root) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  void test('large numbers, 1e400 and yes/no keep their source text', () => {
    const doc = yaml('a: 123456789012345678901234567890\nb: 1e400\nc: yes\nd: off\ne: 0o17\n');
    const node = (k: string) => getValue(doc.root, k);
    assert.equal(node('b')?.kind === 'scalar' && node('b')!.kind === 'scalar' ? (node('b') as { text: string }).text : '', '1e400');
    assert.equal((node('c') as { value: unknown }).value, 'yes');
    assert.equal((node('d') as { value: unknown }).value, 'off');
    assert.equal((node('e') as { value: unknown }).value, 15);
    assert.equal((node('a') as { text: string }).text, '123456789012345678901234567890');
  });

  void test('strict JSON: trailing commas, comments, single quotes are errors with positions', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,}', 8, /trailing commas/],
      ['[1, 2,]', 6, /trailing comma/],
      ['{"a": 1} // note', 9, /comment/],
      ['{/* c */ "a": 1}', 1, /double quotes/],
      ["{'a': 1}", 1, /double quotes/],
      ['{"a": 01}', 7, /expected ','/],
      ['{"a": "x\ny"}', 8, /control character/],
    ];
    for (const [text, offset, message] of cases) {
      const doc = parseJson(text);
      assert.equal(doc.problems.length, 1, text);
      assert.equal(doc.problems[0]!.span.start, offset, text);
      assert.match(doc.problems[0]!.message, message, text);
    }
  });

  void test('JSON detection: .json strict, .template by first character', () => {
    assert.equal(parseDocument('x.template', '  {"a": 1}').format, 'json');
    assert.equal(parseDocument('x.template', 'a: 1').format, 'yaml');
    assert.equal(parseDocument('x.json', 'a: 1').format, 'json');
  });
});
