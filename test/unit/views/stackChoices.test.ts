// The stack pick of palette commands ("Detect Drift", "Open Deployed Template") through the real
// SDK: one ListStacks page per request, deleted stacks left out, a failed page kept as a retry
// that resumes, and a picked stack mapped to the tree's own node. Also the tree's generic
// Refresh (`archlens.tree.refreshNode`) on every node kind that offers it.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { LogGroupNode } from '../../../src/views/logs/logGroupNodes';
import { LogGroupFolderNode } from '../../../src/views/logs/stackLogGroups';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../../src/views/standardNodes';
import { initialChoice, StackChoiceNode, stackChoices } from '../../../src/views/stacks/stackChoices';
import { StackNode } from '../../../src/views/stacks/stackNode';
import { isRefreshable } from '../../../src/views/viewNode';
import { manyStacks, viewsFixture } from '../../support/aws/fixtures';
import { byLabel, expand, type Harness, labels, RecordingSink, signal, startHarness } from './stacksHarness';

describe('stack pick for palette commands', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ stacks: manyStacks(150) });
  });
  afterEach(() => h.server.reset());
  after(() => h.close());

  it('reads one page, then the next on "load more"; a failed page keeps the first and resumes', async () => {
    const sink = new RecordingSink();
    const choices = stackChoices(h.services, sink);
    const first = await choices.children(signal());
    assert.equal(first.filter((n) => n instanceof StackChoiceNode).length, 100);
    assert.equal(h.server.requestsFor('ListStacks').length, 1, 'one round trip before the user asks for more');
    const more = first.at(-1);
    assert.ok(more instanceof LoadMoreNode);

    h.server.injectFault({ operation: 'ListStacks', kind: 'AccessDenied', page: 2, times: 1 });
    more.loadMore();
    assert.equal(sink.changes.length, 1, 'the pick is told to render again');
    const failed = await choices.children(signal());
    assert.equal(failed.filter((n) => n instanceof StackChoiceNode).length, 100, 'the first page stays');
    const error = failed.at(-1);
    assert.ok(error instanceof ErrorNode);
    error.retry();
    const all = await choices.children(signal());
    const stacks = all.filter((n): n is StackChoiceNode => n instanceof StackChoiceNode);
    assert.equal(stacks.length, 150);
    assert.equal(new Set(stacks.map((s) => s.info.id)).size, 150, 'no stack twice');
    assert.deepEqual(stacks[0]!.item(), { label: 'stack-00001', description: 'create complete', collapsible: 'none' });
    const pages = h.server.requestsFor('ListStacks').map((r) => r.page);
    assert.deepEqual(pages, [1, 2, 2], 'the retry resumed at page 2');
  });

  it('starts on the stack selected in the tree, else the first stack, never on "Load more"', async () => {
    const nodes = await stackChoices(h.services, new RecordingSink()).children(signal());
    assert.ok(nodes.at(-1) instanceof LoadMoreNode);
    const stacks = nodes.filter((n): n is StackChoiceNode => n instanceof StackChoiceNode);
    assert.equal(initialChoice(nodes, undefined), stacks[0]);
    assert.equal(initialChoice(nodes, stacks[41]!.info.id), stacks[41]);
    assert.equal(initialChoice(nodes, 'arn:aws:cloudformation:us-east-1:1:stack/not-listed/x'), stacks[0]);
    assert.equal(initialChoice([nodes.at(-1)!], undefined), undefined);
  });
});

describe('stack pick: deleted stacks, empty region, the tree node of a picked stack', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ stacks: viewsFixture() });
  });
  afterEach(() => h.server.reset());
  after(() => h.close());

  it('leaves deleted stacks out (AWS filters them) and marks nested ones', async () => {
    const nodes = await stackChoices(h.services, new RecordingSink()).children(signal());
    const names = labels(nodes);
    assert.ok(!names.includes('old-stack'), 'a deleted stack has no template or drift to show');
    assert.ok(!h.server.requestsFor('ListStacks')[0]!.params['StackStatusFilter.member.1']?.includes('DELETE_COMPLETE'));
    assert.match(byLabel(nodes, 'web-app-NetworkStack-1ABCDEF').item().description ?? '', /· nested$/);
  });

  it('maps a picked stack to the node the tree shows, so a drift result shows there', async () => {
    const root = h.root();
    const shown = await root.children(signal());
    const web = byLabel(shown, 'web-app');
    assert.ok(web instanceof StackNode);
    const picked = (await stackChoices(h.services, new RecordingSink()).children(signal())).find((n): n is StackChoiceNode => n instanceof StackChoiceNode && n.info.name === 'web-app');
    assert.ok(picked);
    assert.equal(root.stackNode(picked.info), web);
    // A stack the tree has not reached (a nested one) gets a node of its own, kept for later.
    const nested = (await stackChoices(h.services, new RecordingSink()).children(signal())).find((n): n is StackChoiceNode => n instanceof StackChoiceNode && n.info.name.includes('Network'));
    assert.ok(nested);
    const node = root.stackNode(nested.info);
    assert.equal(node.info.id, nested.info.id);
    assert.equal(root.stackNode(nested.info), node);
  });

  it('an empty region says so', async () => {
    const empty = await startHarness({ stacks: [] });
    try {
      const nodes = await stackChoices(empty.services, new RecordingSink()).children(signal());
      assert.equal(nodes.length, 1);
      assert.ok(nodes[0] instanceof MessageNode);
      assert.equal(nodes[0].item().label, 'No CloudFormation stacks in us-east-1');
    } finally {
      await empty.close();
    }
  });
});

describe('Refresh on a node (archlens.tree.refreshNode)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ stacks: viewsFixture() });
  });
  after(() => h.close());

  it('stack folders, log group folders and log groups forget what they loaded and re-render', async () => {
    const root = h.root();
    const web = byLabel(await root.children(signal()), 'web-app');
    const folders = await expand(web);
    const resources = byLabel(folders, 'Resources');
    const logs = folders.find((f) => f instanceof LogGroupFolderNode);
    assert.ok(logs instanceof LogGroupFolderNode);
    const group = new LogGroupNode('g', h.services, '/aws/lambda/x', { name: '/aws/lambda/x', arn: 'arn:aws:logs:us-east-1:1:log-group:/aws/lambda/x' }, h.sink);
    for (const node of [resources, logs, group]) {
      assert.ok(isRefreshable(node), `${node.id} offers Refresh`);
      const before = h.sink.changes.length;
      node.refresh();
      assert.equal(h.sink.changes.length, before + 1, `${node.id} re-renders`);
      assert.equal(h.sink.changes.at(-1), node);
    }
    assert.ok(isRefreshable(resources));
    await expand(resources);
    const listed = h.server.requestsFor('ListStackResources').length;
    resources.refresh();
    await expand(resources);
    assert.equal(h.server.requestsFor('ListStackResources').length, listed + 1, 'the next expand asks AWS again');
    assert.equal(isRefreshable(new MessageNode('m', 'x')), false);
  });
});
