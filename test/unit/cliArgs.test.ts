import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError, parseArgs } from '../../src/cli/args';
import { mergeOptions } from '../../src/cli/projectConfig';

describe('parseArgs', () => {
  it('parses lint with every option, in both --flag value and --flag=value forms', () => {
    assert.deepEqual(parseArgs(['lint', '--format=sarif', '-r', 'us-east-1,eu-west-1', '--region', 'ap-south-1', '-i', 'cfn-a', '--ignore=cfn-b,cfn-c', '-c', 'cfg.yml', 'a.yaml', 'dir']), {
      command: 'lint',
      format: 'sarif',
      regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
      ignore: ['cfn-a', 'cfn-b', 'cfn-c'],
      config: 'cfg.yml',
      paths: ['a.yaml', 'dir'],
    });
  });

  it('treats everything after -- as paths', () => {
    const command = parseArgs(['lint', '--', '-odd-name.yaml', '--format']);
    assert.equal(command.command, 'lint');
    assert.deepEqual(command.command === 'lint' && command.paths, ['-odd-name.yaml', '--format']);
  });

  it('recognises help and version anywhere sensible', () => {
    assert.deepEqual(parseArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['lint', 'x.yaml', '-h']), { command: 'help' });
    assert.deepEqual(parseArgs(['-v']), { command: 'version' });
    assert.deepEqual(parseArgs(['--version']), { command: 'version' });
  });

  it('throws UsageError with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [[], /missing command/],
      [['lnt'], /unknown command 'lnt'/],
      [['--verbose'], /unknown option '--verbose'/],
      [['lint', '--format', 'html', 'x'], /unknown format 'html'/],
      [['lint', '--format=', 'x'], /unknown format ''/],
      [['lint', '--region'], /option '--region' needs a value/],
      [['lint', '-x', 'a'], /unknown option '-x'/],
      [['lint', '--format', 'json'], /missing PATH/],
      [['--version', 'extra'], /unexpected argument 'extra'/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});

describe('mergeOptions', () => {
  it('adds --ignore to the config, replaces regions only when given, keeps severities', () => {
    const config = { ignoreRules: ['cfn-a'], regions: ['eu-west-1'], severityOverrides: { 'cfn-b': 'off' as const } };
    assert.deepEqual(mergeOptions(config, { ignore: ['cfn-c', 'cfn-a'], regions: [] }), {
      ignoreRules: ['cfn-a', 'cfn-c'],
      regions: ['eu-west-1'],
      severityOverrides: { 'cfn-b': 'off' },
    });
    assert.deepEqual(mergeOptions(config, { ignore: [], regions: ['us-east-1'] }).regions, ['us-east-1']);
    assert.deepEqual(mergeOptions({}, { ignore: [], regions: [] }), {});
  });
});
