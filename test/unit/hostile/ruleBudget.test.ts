// Every rule runs under a time budget (issue 18): a runaway rule is stopped and reported once
// as an `archlens-internal` warning naming it, and the other rules' findings still publish.
// The clocks here are counters the test controls, so no result depends on machine speed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAnalyzer } from '../../../src/engine/analyzer';
import { ALL_RULES } from '../../../src/engine/rules/registry';
import type { Rule } from '../../../src/engine/rules/rule';
import { spendBudget } from '../../../src/engine/util/workBudget';
import { generateTemplate } from '../../../bench/generateTemplate';
import { realAnalyzer } from '../../support/lintHelpers';

const TEMPLATE = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';

/** A clock that advances one "millisecond" each time it is read. */
function tickingClock(): () => number {
  let time = 0;
  return () => time++;
}

/** A rule that reports one finding: proof that it ran. */
const steadyRule: Rule = {
  id: 'test-steady',
  description: 'reports once',
  defaultSeverity: 'error',
  appliesTo: ['cloudformation'],
  check: (context) => context.report({ start: 0, end: 9 }, 'steady ran'),
};

void describe('rule time budget', () => {
  test('a rule that spends past its budget is stopped, reported once by id, and the others still report', () => {
    let steps = 0;
    const runaway: Rule = {
      id: 'test-runaway',
      description: 'never finishes on its own',
      defaultSeverity: 'error',
      appliesTo: ['cloudformation'],
      check: () => {
        for (; steps < 50_000_000; steps++) spendBudget();
      },
    };
    const analyzer = createAnalyzer({ catalog: realAnalyzer().catalog, now: tickingClock() }, [runaway, steadyRule]);
    const { findings } = analyzer.lint('t.yaml', TEMPLATE, { ruleBudgetMs: 100 });
    assert.ok(steps < 100 * 300, `stopped after ${steps} steps`);
    const internal = findings.filter((f) => f.rule === 'archlens-internal');
    assert.equal(internal.length, 1);
    assert.equal(internal[0]!.severity, 'warning');
    assert.match(internal[0]!.message, /^Rule test-runaway was stopped after \d+ ms \(its budget is 100 ms\): .*may be incomplete/);
    assert.ok(findings.some((f) => f.rule === 'test-steady'));
  });

  test('a rule that overran without budget checks is reported as slow after it finishes', () => {
    let time = 0;
    const sleeper: Rule = {
      id: 'test-sleeper',
      description: 'takes long in one step',
      defaultSeverity: 'error',
      appliesTo: ['cloudformation'],
      check: (context) => {
        time += 5_000;
        context.report({ start: 0, end: 9 }, 'sleeper finished');
      },
    };
    const analyzer = createAnalyzer({ catalog: realAnalyzer().catalog, now: () => time }, [sleeper, steadyRule]);
    const { findings } = analyzer.lint('t.yaml', TEMPLATE, { ruleBudgetMs: 1_000 });
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['archlens-internal', 'test-sleeper', 'test-steady'],
    );
    assert.match(findings[0]!.message, /^Rule test-sleeper took 5000 ms, over its 1000 ms budget/);
  });

  test('within the budget nothing is reported', () => {
    const { findings } = createAnalyzer({ catalog: realAnalyzer().catalog, now: tickingClock() }, [steadyRule]).lint('t.yaml', TEMPLATE, { ruleBudgetMs: 1_000 });
    assert.deepEqual(findings.map((f) => f.rule), ['test-steady']);
  });

  test('the real rules that walk the whole template are stopped by their budget on a big one', () => {
    const text = generateTemplate({ services: 20 });
    // A budget of 2 ticks of a clock read every 256 steps: about 500 steps per rule.
    const analyzer = createAnalyzer({ catalog: realAnalyzer().catalog, now: tickingClock() }, ALL_RULES);
    const stopped = analyzer
      .lint('big.yaml', text, { ruleBudgetMs: 2 })
      .findings.filter((f) => f.rule === 'archlens-internal')
      .map((f) => /^Rule (\S+) was stopped/.exec(f.message)?.[1]);
    for (const id of ['cfn-unknown-property', 'cfn-ref-target', 'cfn-intrinsic-shape', 'cfn-unused-parameter']) assert.ok(stopped.includes(id), `${id} not stopped; stopped: ${stopped.join(', ')}`);
    // With the default budget the same template lints without any internal warning.
    assert.deepEqual(realAnalyzer().lint('big.yaml', text).findings.filter((f) => f.rule === 'archlens-internal'), []);
  });
});
