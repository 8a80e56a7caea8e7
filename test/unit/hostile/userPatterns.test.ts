// Regular expressions written by the document's author run on a linear-time engine with length
// caps (issue 18): `(a+)+b` against a 40-character value takes 40 s on V8's backtracking engine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileUserPattern, MAX_PATTERN_CHARS } from '../../../src/engine/util/userPattern';
import { bestTime } from '../../support/timing';
import { assertRuleCase, findingsOf } from '../../support/lintHelpers';

const param = (pattern: string, value: string): string =>
  `Parameters:\n  P:\n    Type: String\n    Default: ${JSON.stringify(value)}\n    AllowedPattern: ${JSON.stringify(pattern)}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n`;

const timed = (run: () => void): number => bestTime(run, 1);

void describe('document-supplied patterns', () => {
  test('AllowedPattern (a+)+b against a 40-character Default answers fast and right', () => {
    let findings: ReturnType<typeof findingsOf> = [];
    // V8 needs ~40 s for this; a linear engine a few milliseconds. 2 s is far from both.
    const ms = timed(() => (findings = findingsOf('cfn-parameter-default', param('(a+)+b', 'a'.repeat(40)))));
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /does not match its AllowedPattern '\(a\+\)\+b'/);
    assert.deepEqual(findingsOf('cfn-parameter-default', param('(a+)+b', `${'a'.repeat(40)}b`)), []);
  });

  test('a 1 MB AllowedPattern is a warning that does not quote the pattern', () => {
    const pattern = `(${'a'.repeat(1_000_000)})`;
    const findings = findingsOf('cfn-parameter-default', param(pattern, 'a'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(findings[0]!.message, /too long to check \(1,000,002 characters; ArchLens checks patterns up to 4,096\)/);
    assert.ok(findings[0]!.message.length < 300, 'the message is short');
  });

  test('Java inline flags, whole-value matching and invalid patterns keep their meaning', () => {
    assert.deepEqual(findingsOf('cfn-parameter-default', param('(?i)[a-z]+', 'ABC')), []);
    assert.equal(findingsOf('cfn-parameter-default', param('[a-z]+', 'abc1')).length, 1);
    const invalid = findingsOf('cfn-parameter-default', param('[a-z', 'a'));
    assert.equal(invalid.length, 1);
    assert.match(invalid[0]!.message, /not a valid regular expression: Unterminated character class\.$/);
  });

  test('backreferences and lookaround are not judged (they need backtracking)', () => {
    assert.deepEqual(findingsOf('cfn-parameter-default', param('(a)\\1', 'xx')), []);
    assert.deepEqual(findingsOf('cfn-parameter-default', param('(?=a)a', 'b')), []);
    assert.deepEqual(compileUserPattern('(a)\\1'), { kind: 'unsupported' });
  });

  test('JavaScript spellings RE2 lacks: \\u escapes, named groups', () => {
    const check = (pattern: string, text: string): boolean | undefined => {
      const compiled = compileUserPattern(pattern);
      assert.equal(compiled.kind, 'regexp', pattern);
      return compiled.kind === 'regexp' ? compiled.test(text) : undefined;
    };
    assert.equal(check('^[\\u0020-\\u007E]*$', 'plain ASCII'), true);
    assert.equal(check('^[\\u0020-\\u007E]*$', 'caf\u00e9'), false);
    assert.equal(check('\\u{1F600}', 'smile \u{1F600}'), true);
    assert.equal(check('^\\\\u0041$', '\\u0041'), true, 'an escaped backslash before u stays literal');
    assert.equal(check('^(?<year>\\d{4})-\\d{2}$', '2024-05'), true);
    assert.deepEqual(findingsOf('cfn-parameter-default', param('[\\u0041-\\u005A]+', 'ABC')), []);
  });

  test('the length caps', () => {
    assert.equal(compileUserPattern('a'.repeat(MAX_PATTERN_CHARS + 1)).kind, 'tooLong');
    const compiled = compileUserPattern('b');
    assert.equal(compiled.kind, 'regexp');
    if (compiled.kind === 'regexp') {
      assert.equal(compiled.test('abc'), true, 'JSON Schema patterns match anywhere');
      assert.equal(compiled.test('x'.repeat(20_000)), undefined, 'over-long texts are not matched');
    }
  });

  test('OpenAPI: pattern (a+)+b against an example answers fast and right', () => {
    const spec = (example: string): string =>
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      pattern: '^(a+)+b$'\n      example: ${example}\n`;
    let findings: ReturnType<typeof findingsOf> = [];
    const ms = timed(() => (findings = findingsOf('oas-example-matches-schema', spec('a'.repeat(40)), 'api.yaml')));
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /must match pattern/);
    assert.deepEqual(findingsOf('oas-example-matches-schema', spec(`${'a'.repeat(40)}b`), 'api.yaml'), []);
  });

  test('OpenAPI: each pattern of a spec is its own (ajv keys them by their text)', () => {
    const spec = `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        digits: {type: string, pattern: '^[0-9]+$'}\n        name: {type: string, pattern: '^[a-z-]+$'}\n      example: {digits: '42', name: «my-template»}\n    B: {type: string, pattern: '^[A-Z]+$', example: «lower»}\n`;
    assertRuleCase('oas-example-matches-schema', { name: 'two patterns', file: 'api.yaml', doc: spec.replace('«my-template»', 'my-template') });
    const bad = spec.replace('«my-template»', '«My Template»');
    assertRuleCase('oas-example-matches-schema', { name: 'wrong values', file: 'api.yaml', doc: bad });
  });

  test('OpenAPI: patternProperties keys run on the same engine', () => {
    const spec = `openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A:\n      type: object\n      patternProperties: {'^(a+)+b$': {type: integer}}\n      example: {${'a'.repeat(40)}b: x}\n`;
    let findings: ReturnType<typeof findingsOf> = [];
    const ms = timed(() => (findings = findingsOf('oas-example-matches-schema', spec, 'api.yaml')));
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.equal(findings.length, 1);
  });
});
