// Our own patterns and scanners over document text stay (near) linear on crafted input
// (issue 18). Each case is timed at n and 4n: linear code grows ~4x, the quadratic or cubic
// code it replaces grew 16-64x (and took seconds at these sizes). The 8x bound leaves room for
// a loaded machine; an absolute cap catches a slow constant.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { completionsAt } from '../../../src/engine/language/completion';
import { scanKeyLine, yamlPathAt } from '../../../src/engine/language/yamlContext';
import { openApiCompletionsAt } from '../../../src/engine/openapi/language/completion';
import { literalParts, matchesParts, placeholders } from '../../../src/engine/util/placeholders';
import { bestTime } from '../../support/timing';
import { findingsOf, realAnalyzer } from '../../support/lintHelpers';

const timed = (run: () => void): number => bestTime(run, 3);

/** Asserts `make(4n)` costs less than 8x `make(n)` (plus 25 ms of noise) and stays under `capMs`. */
function assertLinear(label: string, n: number, run: (n: number) => void, capMs = 2000): void {
  run(n); // warm up (JIT, caches)
  const small = timed(() => run(n));
  const large = timed(() => run(4 * n));
  assert.ok(large < 8 * small + 25, `${label}: ${small.toFixed(1)} ms at n=${n}, ${large.toFixed(1)} ms at 4n`);
  assert.ok(large < capMs, `${label}: ${large.toFixed(1)} ms at 4n`);
}

const lint = (text: string, file = 't.yaml'): void => void realAnalyzer().lint(file, text);
const oasHead = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n";
const oasCompletion = (text: string): void => void openApiCompletionsAt(analyzeDocument('api.yaml', text), text.length);
const cfnCompletion = (text: string): void => void completionsAt(analyzeDocument('t.yaml', text), realAnalyzer().catalog, text.length);

void describe('our patterns on crafted document text', () => {
  test('80 KB of ${ in a Sub string (unused-parameter scan, Sub variables) lints fast', () => {
    const template = (n: number): string => `Parameters:\n  P: {Type: String}\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "${'${'.repeat(n)}"\n`;
    // The issue's case: 80 KB took 7.5 s.
    const start = performance.now();
    lint(template(40_000));
    assert.ok(performance.now() - start < 2000, `80 KB took ${performance.now() - start} ms`);
    assertLinear('${ run', 10_000, (n) => lint(template(n)));
  });

  test('a Ref with k ${x} placeholders against a long parameter name', () => {
    const template = (k: number): string =>
      `Parameters:\n  ${'P'.repeat(2000)}:\n    Type: String\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: {Ref: "${'${x}'.repeat(k)}Q"}\n`;
    // k=8 took 35 s, k=10 over 120 s.
    const start = performance.now();
    lint(template(10));
    lint(template(40));
    assert.ok(performance.now() - start < 2000, `took ${performance.now() - start} ms`);
  });

  test('templated names still match like the patterns they replace', () => {
    const parts = literalParts('Topic${Name}&{Suffix}x', '$&');
    assert.deepEqual(parts, ['Topic', '', 'x']);
    assert.equal(matchesParts(parts, 'TopicAx'), true);
    assert.equal(matchesParts(parts, 'Topicx'), true);
    assert.equal(matchesParts(parts, 'TopicA'), false);
    assert.equal(matchesParts(literalParts('a${x}b${y}c'), 'abc'), true);
    assert.equal(matchesParts(literalParts('a${x}b${y}c'), 'ac'), false);
    assert.equal(matchesParts(literalParts('a${x}bb'), 'abb'), true);
    assert.equal(matchesParts(literalParts('ab${x}ba'), 'aba'), false, 'the parts may not overlap');
    assert.deepEqual(placeholders('x${a${b}y${c'), [{ start: 1, end: 8, inner: 'a${b' }]);
  });

  test('unused-parameter rule: a ForEach-style templated Ref still counts as a use', () => {
    const template = 'Parameters:\n  TopicBlue: {Type: String}\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: {Ref: "Topic${Colour}"}\n';
    assert.deepEqual(findingsOf('cfn-unused-parameter', template), []);
  });

  test('OpenAPI completion on a line of spaces (was cubic: 4,000 spaces took 81 s)', () => {
    assertLinear('spaces', 1000, (n) => oasCompletion(oasHead + ' '.repeat(n)));
    assertLinear('key and spaces', 1000, (n) => oasCompletion(`${oasHead}  /a:${' '.repeat(n)}x`));
    assertLinear('dash and spaces', 1000, (n) => oasCompletion(`${oasHead}  - ${' '.repeat(n)}#`));
    assertLinear('spaces and [', 1000, (n) => oasCompletion(`${oasHead}  x${' '.repeat(n)}: [`));
  });

  test('OpenAPI completion on a long line followed by [ (was 10.5 s at 25,000 characters)', () => {
    assertLinear('long line [', 25_000, (n) => oasCompletion(`${oasHead}  x: ${'a '.repeat(n / 2)}[`));
    assertLinear('$ref run', 25_000, (n) => oasCompletion(`${oasHead}  x: ${'$ref:'.repeat(n / 5)}#`));
  });

  test('CloudFormation completion on crafted lines', () => {
    assertLinear('key:key:...#', 25_000, (n) => cfnCompletion(`Resources:\n  A:\n    ${'a:'.repeat(n / 2)}#`));
    assertLinear('Ref:Ref:...', 25_000, (n) => cfnCompletion(`Resources:\n  A:\n    x: ${'Ref:'.repeat(n / 4)}#`));
    assertLinear('DependsOn blanks', 25_000, (n) => cfnCompletion(`Resources:\n  A:\n    "DependsOn":${' '.repeat(n)}#`));
  });

  test('a document starting with many blank lines is detected fast', () => {
    assertLinear('blank lines', 5_000, (n) => lint(`${'\n'.repeat(n)}openapi: 3.0.3\n`, 'api.yaml'));
  });

  test('key lines are still split as before', () => {
    assert.deepEqual(scanKeyLine('  - "a b" : x', ''), { indent: 2, dash: '- ', keyColumn: 4, quote: '"', key: 'a b', end: 11 });
    assert.equal(scanKeyLine('  arn:aws:x: y', '')?.key, 'arn:aws:x');
    assert.equal(scanKeyLine('  a:b', ''), undefined);
    assert.equal(scanKeyLine('  {a}: b', '#:{}[],'), undefined);
    assert.equal(scanKeyLine('  - a: b', '', false)?.key, '- a');
    const text = 'a:\n  - "b x" : 1\n    arn:aws:c:\n      ';
    assert.deepEqual(yamlPathAt(text, text.length), ['a', 0, 'arn:aws:c']);
  });
});
