import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig } from '../../src/engine/config';

describe('parseProjectConfig', () => {
  it('reads ignore, severity and regions', () => {
    const { options, problems } = parseProjectConfig(
      ['ignore: [cfn-unused-parameter]', 'severity:', '  cfn-unused-condition: off', '  cfn-deprecated-runtime: error', 'regions:', '  - us-east-1', '  - eu-west-1', ''].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(options, {
      ignoreRules: ['cfn-unused-parameter'],
      severityOverrides: { 'cfn-unused-condition': 'off', 'cfn-deprecated-runtime': 'error' },
      regions: ['us-east-1', 'eu-west-1'],
    });
  });

  it('treats an empty or comment-only file as an empty config', () => {
    for (const text of ['', '   \n', '# nothing here yet\n', '---\n']) {
      assert.deepEqual(parseProjectConfig(text), { options: {}, problems: [] }, JSON.stringify(text));
    }
  });

  it('accepts a single string where a list is expected', () => {
    const { options, problems } = parseProjectConfig('ignore: cfn-unused-parameter\nregions: us-west-2\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(options, { ignoreRules: ['cfn-unused-parameter'], regions: ['us-west-2'] });
  });

  it('reports unknown keys and keeps the valid ones', () => {
    const { options, problems } = parseProjectConfig('ignore: [a-rule]\nignores: [b-rule]\n');
    assert.deepEqual(options, { ignoreRules: ['a-rule'] });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /unknown key 'ignores' \(expected ignore, severity, regions\)/);
  });

  it('reports bad severities with the rule and the allowed values', () => {
    const { options, problems } = parseProjectConfig('severity:\n  cfn-a: fatal\n  cfn-b: 3\n  cfn-c: warning\n');
    assert.deepEqual(options, { severityOverrides: { 'cfn-c': 'warning' } });
    assert.deepEqual(problems, [
      "severity: 'cfn-a' must be one of error, warning, info, off; found 'fatal'",
      "severity: 'cfn-b' must be one of error, warning, info, off; found number 3",
    ]);
  });

  it('reports wrong shapes', () => {
    assert.match(parseProjectConfig('- ignore\n').problems[0]!, /expected a mapping .*found a list/);
    assert.match(parseProjectConfig('just text\n').problems[0]!, /expected a mapping/);
    assert.match(parseProjectConfig('ignore: {a: b}\n').problems[0]!, /ignore: expected a list of strings; found a mapping/);
    assert.match(parseProjectConfig('severity: [a]\n').problems[0]!, /severity: expected a mapping/);
    assert.match(parseProjectConfig('regions: [us-east-1, 42]\n').problems[0]!, /regions\[1\]: expected a string; found number 42/);
  });

  it('rejects malformed rule ids and region names', () => {
    const { options, problems } = parseProjectConfig('ignore: [Cfn_Bad, cfn-good]\nregions: [us-east-1, "US East", eu-central-2]\n');
    assert.deepEqual(options, { ignoreRules: ['cfn-good'], regions: ['us-east-1', 'eu-central-2'] });
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /'Cfn_Bad' is not a rule id/);
    assert.match(problems[1]!, /'US East' is not a region name/);
  });

  it('reports YAML syntax errors with a one-based position', () => {
    const { problems } = parseProjectConfig('ignore: [cfn-a\nregions: x\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^invalid YAML: .*\(line \d+, column \d+\)$/);
  });

  it('reports duplicate keys instead of silently keeping the last one', () => {
    const { problems } = parseProjectConfig('ignore: [cfn-a]\nignore: [cfn-b]\n');
    assert.match(problems[0]!, /invalid YAML: duplicated mapping key \(line 2, column 1\)/);
  });

  it('rejects several documents and custom tags', () => {
    assert.match(parseProjectConfig('ignore: [a]\n---\nignore: [b]\n').problems[0]!, /single YAML document/);
    assert.match(parseProjectConfig('ignore: !!python/object:os.system [a]\n').problems[0]!, /invalid YAML/);
  });

  it('does not let __proto__ keys pollute prototypes', () => {
    const { options, problems } = parseProjectConfig('__proto__: {polluted: true}\nseverity: {__proto__: error}\n');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.ok(problems.some((problem) => problem.includes("unknown key '__proto__'")), problems.join('; '));
    assert.equal(Object.getPrototypeOf(options.severityOverrides ?? {}), Object.prototype);
  });
});
