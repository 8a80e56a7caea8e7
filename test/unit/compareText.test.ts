// Locale-free ordering and digit grouping (src/engine/util/compareText.ts): the lint path uses
// them instead of `localeCompare` and `toLocaleString`, which load ICU data on first use. They
// must give exactly what those gave where the output depends on it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareCodeUnits, groupDigits } from '../../src/engine/util/compareText';
import { ALL_RULES } from '../../src/engine/rules/registry';
import { INTERNAL_RULE_ID } from '../../src/engine/findings';
import { createAnalyzer } from '../../src/engine/analyzer';
import { defaultCatalogDir, loadCatalogFromDir } from '../../src/node/catalogLoader';

describe('compareCodeUnits', () => {
  test('sorts every rule id exactly as localeCompare did (rule order and finding ties stay the same)', () => {
    const ids = [...ALL_RULES.map((rule) => rule.id), INTERNAL_RULE_ID];
    const byLocale = [...ids].sort((a, b) => a.localeCompare(b));
    assert.deepEqual([...ids].sort(compareCodeUnits), byLocale);
    // Why they agree: ids are lowercase words joined by hyphens (a new id of another shape would need this test's attention).
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('is a total order: equal, before and after', () => {
    assert.equal(compareCodeUnits('a', 'a'), 0);
    assert.equal(compareCodeUnits('a-b', 'ab'), -1);
    assert.equal(compareCodeUnits('B', 'a'), -1);
    assert.equal(compareCodeUnits('ab', 'a'), 1);
  });
});

describe('groupDigits', () => {
  test('matches en-US toLocaleString for the counts and sizes messages show', () => {
    for (const value of [0, 7, 999, 1000, 16384, 65536, 1234567, 10_000_000, -4321, 1.5, 1234.25]) {
      assert.equal(groupDigits(value), value.toLocaleString('en-US', { maximumFractionDigits: 20 }), String(value));
    }
  });

  test('non-finite numbers print as JavaScript prints them', () => {
    assert.equal(groupDigits(Number.POSITIVE_INFINITY), 'Infinity');
    assert.equal(groupDigits(Number.NaN), 'NaN');
  });
});

describe('a lint never loads ICU', () => {
  test('analyzer creation and a lint with findings, suggestions and ties call no locale-aware API', () => {
    const calls: string[] = [];
    const spies: [object, string][] = [
      [String.prototype, 'localeCompare'],
      [Number.prototype, 'toLocaleString'],
      [Intl, 'Collator'],
      [Intl, 'NumberFormat'],
    ];
    const originals = spies.map(([owner, name]) => (owner as Record<string, unknown>)[name]);
    spies.forEach(([owner, name], index) => {
      const original = originals[index] as (...args: unknown[]) => unknown;
      (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        calls.push(name);
        return (new.target ? Reflect.construct(original, args) : original.apply(this, args)) as unknown;
      };
    });
    try {
      // A fresh analyzer: creating one sorts the rules.
      const analyzer = createAnalyzer({ catalog: loadCatalogFromDir(defaultCatalogDir()) });
      const template = [
        'Resources:',
        '  Disk:',
        '    Type: AWS::EC2::Volume',
        '    Properties:',
        '      AvailabilityZone: us-east-1a',
        '      VolumeType: io2',
        '      Size: 100000',
        '      Iops: 100',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      BucketNam: x',
        '      Tags: !Ref Missing',
      ].join('\n');
      const findings = analyzer.lint('t.yaml', template).findings;
      assert.ok(findings.some((finding) => finding.message.includes('BucketName')), 'the typo gets a suggestion');
      assert.ok(findings.some((finding) => finding.message.includes('100,000')), 'a grouped number is in a message');
    } finally {
      spies.forEach(([owner, name], index) => ((owner as Record<string, unknown>)[name] = originals[index]));
    }
    assert.deepEqual(calls, []);
  });
});
