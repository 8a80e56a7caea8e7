import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig } from '../../src/engine/config';

const EXPECTED_OPTIONS = {
  ignoreRules: ['cfn-unused-parameter'],
  severityOverrides: { 'cfn-unused-condition': 'off', 'cfn-deprecated-runtime': 'error' },
  regions: ['us-east-1', 'eu-west-1'],
};

describe('parseProjectConfig', () => {
  it('reads ignore, severity and regions from the lint section', () => {
    const { options, problems, notes, sections } = parseProjectConfig(
      ['lint:', '  ignore: [cfn-unused-parameter]', '  severity:', '    cfn-unused-condition: off', '    cfn-deprecated-runtime: error', '  regions:', '    - us-east-1', '    - eu-west-1', ''].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(notes, []);
    assert.deepEqual(options, EXPECTED_OPTIONS);
    assert.equal(sections.size, 0);
  });

  it('still reads the deprecated top-level keys, with a note saying where they go', () => {
    const { options, problems, notes } = parseProjectConfig(
      ['ignore: [cfn-unused-parameter]', 'severity:', '  cfn-unused-condition: off', '  cfn-deprecated-runtime: error', 'regions:', '  - us-east-1', '  - eu-west-1', ''].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(options, EXPECTED_OPTIONS);
    assert.deepEqual(notes, ["top-level ignore, severity, regions are deprecated (still applied): move them under a 'lint:' section, e.g. 'lint: { ignore: ... }'"]);
  });

  it('passes the other features\' sections through as data, unvalidated', () => {
    const { options, problems, sections } = parseProjectConfig('lint: {ignore: [cfn-a]}\ncost:\n  currency: EUR\n  hoursPerMonth: 730\ncdk: {app: cdk.out}\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(options, { ignoreRules: ['cfn-a'] });
    assert.deepEqual([...sections], [['cost', { currency: 'EUR', hoursPerMonth: 730 }], ['cdk', { app: 'cdk.out' }]]);
  });

  it('treats an empty or comment-only file, or an empty lint section, as an empty config', () => {
    for (const text of ['', '   \n', '# nothing here yet\n', '---\n', 'lint:\n']) {
      const { options, problems, notes, sections } = parseProjectConfig(text);
      assert.deepEqual({ options, problems, notes, sections: [...sections] }, { options: {}, problems: [], notes: [], sections: [] }, JSON.stringify(text));
    }
  });

  it('warns about rule ids no rule has, with "did you mean", and still applies the file', () => {
    const { options, problems, warnings } = parseProjectConfig('lint:\n  ignore: [cfn-unknwn-property, cfn-unused-parameter]\n  severity: {cfn-unused-condtion: error, archlens-internal: off}\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(options.ignoreRules, ['cfn-unknwn-property', 'cfn-unused-parameter']);
    assert.deepEqual(warnings, [
      "lint.ignore: no rule has the id 'cfn-unknwn-property'; it has no effect. Did you mean 'cfn-unknown-property'?",
      "lint.severity: no rule has the id 'cfn-unused-condtion'; it has no effect. Did you mean 'cfn-unused-condition'?",
    ]);
  });

  it('checks rule ids against the list it is given (none: no check)', () => {
    assert.deepEqual(parseProjectConfig('lint: {ignore: [my-rule, other]}\n', ['my-rule']).warnings, ["lint.ignore: no rule has the id 'other'; it has no effect."]);
    assert.deepEqual(parseProjectConfig('lint: {ignore: [anything]}\n', []).warnings, []);
  });

  it('accepts a single string where a list is expected', () => {
    const { options, problems } = parseProjectConfig('lint:\n  ignore: cfn-unused-parameter\n  regions: us-west-2\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(options, { ignoreRules: ['cfn-unused-parameter'], regions: ['us-west-2'] });
  });

  it('reports unknown sections and keys with "did you mean", and keeps the valid ones', () => {
    const { options, problems } = parseProjectConfig('lint:\n  ignore: [a-rule]\n  severty: {b-rule: off}\nlnt: {}\nignores: [b-rule]\ncosts: {}\n');
    assert.deepEqual(options, { ignoreRules: ['a-rule'] });
    assert.deepEqual(problems, [
      "unknown key 'lnt' (expected a section: lint, cost, cdk). Did you mean 'lint'?",
      "unknown key 'ignores' (expected a section: lint, cost, cdk). Did you mean 'ignore'?",
      "unknown key 'costs' (expected a section: lint, cost, cdk). Did you mean 'cost'?",
      "lint: unknown key 'severty' (expected ignore, severity, regions). Did you mean 'severity'?",
    ]);
  });

  it('reports a key set both under lint: and at the top level; lint: wins', () => {
    const { options, problems } = parseProjectConfig('ignore: [cfn-old]\nlint:\n  ignore: [cfn-new]\n');
    assert.deepEqual(options, { ignoreRules: ['cfn-new'] });
    assert.deepEqual(problems, ["'ignore' is set both under lint: and at the top level; keep the one under lint:"]);
  });

  it('names the section in value problems and rejects a lint section that is not a mapping', () => {
    assert.deepEqual(parseProjectConfig('lint:\n  regions: [us-east-1, 42]\n').problems, ['lint.regions[1]: expected a string; found number 42']);
    assert.deepEqual(parseProjectConfig('lint: [a]\n').problems, ['lint: expected a mapping with keys ignore, severity, regions; found a list']);
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
    const nested = parseProjectConfig('lint:\n  __proto__: {polluted: true}\n  severity: {__proto__: error}\n');
    assert.ok(nested.problems.some((problem) => problem.includes("lint: unknown key '__proto__'")), nested.problems.join('; '));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(options.severityOverrides ?? {}), Object.prototype);
  });
});
