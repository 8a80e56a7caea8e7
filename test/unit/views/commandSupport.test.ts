// The pure halves of the command wrapper (src/extension/aws/awsCommand.ts) and of the connection
// UI: how a failure reads (the same words as a tree node's), what a command acts on from a
// multi-selection, one node or the palette, and the "no profile selected" and "Show AWS
// Connection" texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError, type AwsErrorCode } from '../../../src/aws/errors';
import { commandTargets, oneTarget, targetsOfKind } from '../../../src/views/commandTargets';
import { connectionRows, noProfileSelectedMessage, usesCustomEndpoint } from '../../../src/views/connectionText';
import { commandFailure, errorNextStep, errorSummary, UserFacingError } from '../../../src/views/errorMessages';
import { ErrorNode } from '../../../src/views/standardNodes';

const awsError = (code: string, message: string): AwsError => new AwsError(code as AwsErrorCode, 'CloudFormation', 'DescribeStacks', message);

describe('failure messages', () => {
  it('say what failed, why and what to do next, with a button to the fix', () => {
    const failure = commandFailure('Detecting drift', awsError('AccessDenied', 'CloudFormation DescribeStacks: not authorized'));
    assert.equal(failure.message, 'ArchLens: Detecting drift failed: CloudFormation DescribeStacks: not authorized Your credentials are not allowed to do this; ask for the permission or switch profile.');
    assert.deepEqual(failure.action, { title: 'Select Profile', command: 'archlens.aws.selectProfile' });
    const network = commandFailure('Opening the deployed template', awsError('Network', 'connect ECONNREFUSED 127.0.0.1:5999'));
    assert.match(network.message, /ECONNREFUSED 127\.0\.0\.1:5999 AWS could not be reached; check the network or the endpoint setting/);
    assert.equal(network.action?.command, 'archlens.aws.showConnection');
  });

  it('read the same in a tree node and in a notification', () => {
    const error = awsError('Throttling', 'Rate exceeded');
    const node = new ErrorNode('n/error', error, () => undefined).item();
    assert.equal(node.label, `Failed to load: ${errorSummary(error)}`);
    assert.equal(node.tooltip, `Rate exceeded\n\n${errorNextStep(error)}`);
    assert.ok(commandFailure('Listing stacks', error).message.endsWith(`Rate exceeded ${errorNextStep(error)}`));
  });

  it("use the AWS layer's next step for its newer codes, and its message for a code this build does not know", () => {
    const conflict = commandFailure('Detecting drift', awsError('Conflict', 'CloudFormation DetectStackDrift (HTTP 409): a detection is already running'));
    assert.equal(conflict.message, `ArchLens: Detecting drift failed: CloudFormation DetectStackDrift (HTTP 409): a detection is already running ${errorNextStep(awsError('Conflict', ''))}`);
    assert.match(errorNextStep(awsError('Conflict', '')), /refresh, then retry/);
    assert.equal(commandFailure('Listing stacks', awsError('BadResponse', 'HTML page')).action?.command, 'archlens.aws.showConnection');
    // An error object from a newer AWS layer (a code with no entry here) still reads well.
    const failure = commandFailure('Detecting drift', awsError('SomethingNew', 'CloudFormation DetectStackDrift (HTTP 418): the endpoint declined'));
    assert.equal(failure.message, 'ArchLens: Detecting drift failed: CloudFormation DetectStackDrift (HTTP 418): the endpoint declined See the log for details, then retry.');
    assert.equal(failure.action, undefined);
  });

  it('show an error that already says what to do as it is, and anything thrown as text', () => {
    const stage = new UserFacingError('The processed template of web-app is not available (available: Original).');
    assert.equal(commandFailure('Opening the processed template', stage).message, 'ArchLens: Opening the processed template failed: The processed template of web-app is not available (available: Original).');
    assert.equal(errorNextStep(stage), '');
    assert.equal(errorSummary('plain string'), 'plain string');
    assert.equal(errorSummary(new TypeError('x is undefined')), 'x is undefined');
    assert.equal(errorNextStep(new TypeError('x')), 'See the log for details, then retry.');
  });
});

class Stack {
  constructor(readonly name: string) {}
}
class Folder {
  constructor(readonly name: string) {}
}

describe('command targets', () => {
  const a = new Stack('a');
  const b = new Stack('b');
  const f = new Folder('f');

  it('a multi-selection that contains the clicked node: every selected node, in order, once', () => {
    assert.deepEqual(commandTargets([b, [a, b, f, a]]), [a, b, f]);
  });

  it('one node (an inline button, or a click outside the selection): that node only', () => {
    assert.deepEqual(commandTargets([b]), [b]);
    // VS Code passes the selection only when the clicked node is part of it.
    assert.deepEqual(commandTargets([f, [a, b]]), [f]);
    // `{ group }`-style arguments from keybindings and other commands are targets too.
    assert.deepEqual(commandTargets([{ group: '/aws/lambda/x' }]), [{ group: '/aws/lambda/x' }]);
  });

  it('nothing (the palette, a keybinding): the view selection, or nothing', () => {
    assert.deepEqual(commandTargets([], () => [a]), [a]);
    assert.deepEqual(commandTargets([undefined, undefined]), []);
  });

  it('filters by kind; a single-target command takes the clicked node over the first selected', () => {
    const targets = commandTargets([b, [a, f, b]]);
    assert.deepEqual(targetsOfKind(targets, Folder), [f]);
    assert.deepEqual(targetsOfKind(targets, Stack, Folder), [a, f, b]);
    assert.equal(oneTarget([b, [a, f, b]], targets, Stack), b);
    assert.equal(oneTarget([f, [a, f]], commandTargets([f, [a, f]]), Stack), a);
    assert.equal(oneTarget([], [], Stack), undefined);
  });
});

describe('connection texts', () => {
  it('no profile selected: says so and lists the profiles, bounded', () => {
    assert.equal(noProfileSelectedMessage(['prod', 'dev']), 'No AWS profile is selected and none is named "default". Your AWS files have 2 profiles (dev, prod): select one.');
    const many = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const text = noProfileSelectedMessage(many);
    assert.match(text, /30 profiles \(p00, p01, p02, p03, p04, p05, p06, p07 and 22 more\)/);
  });

  it('Show AWS Connection: one row per fact, endpoints included', () => {
    const rows = connectionRows({
      state: 'ready',
      credentials: 'profile demo',
      credentialKind: 'keys',
      region: 'us-east-1',
      regionOrigin: 'profile region',
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/demo',
      endpoints: [
        { service: 'cloudformation', url: 'http://127.0.0.1:4566', origin: 'profile endpoint_url' },
        { service: 'sts', origin: 'AWS default' },
      ],
      files: { config: '/home/u/.aws/config', configFound: true, credentials: '/home/u/.aws/credentials', credentialsFound: false },
    });
    assert.deepEqual(
      rows.map((r) => `${r.label}: ${r.value}`),
      [
        'State: ready',
        'Credentials: profile demo (keys)',
        'Region: us-east-1 (from profile region)',
        'Account: 123456789012 (arn:aws:iam::123456789012:user/demo)',
        'Endpoint cloudformation: http://127.0.0.1:4566 (profile endpoint_url)',
        'Endpoint sts: AWS (AWS default)',
        'Files: /home/u/.aws/config, /home/u/.aws/credentials (missing)',
      ],
    );
    assert.deepEqual(connectionRows({ state: 'noCredentials', credentials: 'no credentials', endpoints: [] }).map((r) => r.value), ['noCredentials', 'no credentials', '-', 'unknown']);
  });

  it('a custom endpoint is any endpoint not AWS’s own', () => {
    assert.equal(usesCustomEndpoint([{ url: undefined }, { url: 'http://localhost:4566' }]), true);
    assert.equal(usesCustomEndpoint([{ url: undefined }, {}]), false);
    assert.equal(usesCustomEndpoint([]), false);
  });
});
