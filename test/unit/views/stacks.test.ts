// The stacks view's top level through the real SDK: status and name filters, nested stacks,
// icons, load more, and the network and API faults of bad-inputs.md.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { type AwsError } from '../../../src/aws/errors';
import { CONTEXT } from '../../../src/views/contextValues';
import { ErrorNode, LoadMoreNode } from '../../../src/views/standardNodes';
import { StackNode } from '../../../src/views/stacks/stackNode';
import { ACTIVE_STACK_STATUSES } from '../../../src/views/stacks/stackStatus';
import type { ViewNode } from '../../../src/views/viewNode';
import { manyStacks, viewsFixture } from '../../support/aws/fixtures';
import { byLabel, expand, type Harness, items, labels, signal, startHarness } from './stacksHarness';

const ACTIVE_TOP = ['web-app', 'big-stack', 'broken-stack', 'deploying', 'in-review', 'checked', 'huge'];

function sentStatuses(params: Record<string, string>): string[] {
  return Object.keys(params)
    .filter((k) => k.startsWith('StackStatusFilter.member.'))
    .map((k) => params[k]!);
}

describe('stacks view: top level', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ stacks: viewsFixture() });
  });
  afterEach(() => h.server.reset());
  after(() => h.close());

  it('lists active top-level stacks with status icons, filtering on the server', async () => {
    const renders: { empty: boolean; filtered: boolean }[] = [];
    const root = h.root({ onDidRender: (state) => renders.push(state) });
    const nodes = await root.children(signal());
    assert.deepEqual(labels(nodes), ACTIVE_TOP);
    const sent = sentStatuses(h.server.requestsFor('ListStacks')[0]!.params);
    assert.equal(sent.length, ACTIVE_STACK_STATUSES.length);
    assert.ok(!sent.includes('DELETE_COMPLETE'));
    const [web, , broken, deploying, review] = items(nodes);
    assert.deepEqual([web!.description, web!.icon, web!.contextValue], ['update complete', { id: 'pass', color: 'testing.iconPassed' }, CONTEXT.stackLive]);
    assert.deepEqual(broken!.icon, { id: 'error', color: 'testing.iconFailed' });
    assert.match(broken!.tooltip!, /failed to create: \\\[Topic\\\]/);
    assert.deepEqual(deploying!.icon, { id: 'sync~spin', color: 'charts.blue' });
    assert.equal(review!.icon!.id, 'eye');
    assert.equal(web!.collapsible, 'collapsed');
    assert.deepEqual(renders, [{ empty: false, filtered: false }]);
  });

  it('includes deleted stacks on demand, without a status filter', async () => {
    const root = h.root();
    root.setStatusFilter({ kind: 'all' });
    const nodes = await root.children(signal());
    assert.ok(labels(nodes).includes('old-stack'));
    assert.deepEqual(sentStatuses(h.server.requestsFor('ListStacks')[0]!.params), []);
    const old = byLabel(nodes, 'old-stack').item();
    assert.deepEqual([old.icon, old.contextValue], [{ id: 'trash', color: 'disabledForeground' }, CONTEXT.stack]);
    assert.equal(root.filtered, true);
    // A deleted stack offers only what AWS still answers for it (by stack ID).
    assert.deepEqual(labels(await expand(byLabel(nodes, 'old-stack'))), ['Resources', 'Events', 'Outputs', 'Parameters']);
  });

  it('filters by specific statuses on the server', async () => {
    const root = h.root();
    root.setStatusFilter({ kind: 'statuses', statuses: ['ROLLBACK_COMPLETE'] });
    assert.deepEqual(labels(await root.children(signal())), ['broken-stack']);
    assert.deepEqual(sentStatuses(h.server.requestsFor('ListStacks')[0]!.params), ['ROLLBACK_COMPLETE']);
  });

  it('filters by name (case-insensitive substring) without asking AWS again, nested stacks included', async () => {
    const renders: boolean[] = [];
    const root = h.root({ onDidRender: (state) => renders.push(state.filtered) });
    await root.children(signal());
    root.setNameFilter('  NETWORK ');
    const nodes = await root.children(signal());
    assert.deepEqual(labels(nodes), ['web-app-NetworkStack-1ABCDEF']);
    assert.equal(nodes[0]!.item().description, 'create complete · nested');
    assert.equal(h.server.requestsFor('ListStacks').length, 1, 'the loaded page is filtered in place');
    root.clearFilters();
    assert.deepEqual(labels(await root.children(signal())), ACTIVE_TOP);
    assert.deepEqual(renders, [false, true, false]);
  });

  it('shows nothing (the welcome view) when no stack matches', async () => {
    const renders: { empty: boolean; filtered: boolean }[] = [];
    const root = h.root({ onDidRender: (state) => renders.push(state) });
    root.setNameFilter('no-such-name');
    assert.deepEqual(await root.children(signal()), []);
    assert.deepEqual(renders.at(-1), { empty: true, filtered: true });
  });

  it('shows nested stacks under their parent only', async () => {
    const root = h.root();
    const nodes = await root.children(signal());
    const web = byLabel(nodes, 'web-app');
    const folders = await expand(web);
    assert.deepEqual(labels(folders).slice(0, 6), ['Nested stacks', 'Resources', 'Events', 'Outputs', 'Parameters', 'Drift']);
    assert.ok(folders.every((f) => [CONTEXT.stackFolder, CONTEXT.driftFolder].includes(f.item().contextValue as never) || f.id.includes('/logs')));
    const nested = await expand(byLabel(folders, 'Nested stacks'));
    assert.deepEqual(labels(nested), ['web-app-NetworkStack-1ABCDEF']);
    assert.ok(nested[0] instanceof StackNode);
    assert.equal(nested[0].item().description, 'create complete');
    assert.ok(nested[0].id.startsWith(`${web.id}/nested/`), 'ids stay unique when the same stack also shows at the top level');
    assert.ok(!labels(await expand(byLabel(nodes, 'big-stack'))).includes('Nested stacks'));
  });

  it('opens a stack the listing cannot vouch for with one request before its folders show', async () => {
    // A status filter can hide children, so the listing cannot tell whether big-stack (250
    // resources, three pages, no nested stack) has any: its first resources page decides.
    const root = h.root();
    root.setStatusFilter({ kind: 'statuses', statuses: ['CREATE_COMPLETE'] });
    const big = byLabel(await root.children(signal()), 'big-stack');
    const folders = await expand(big);
    assert.equal(h.server.requestsFor('ListStackResources').length, 1, 'one round trip before the folders show');
    // More pages follow, so a nested stack may be on one of them: the folder stays, and says so when opened.
    assert.deepEqual(labels(folders).slice(0, 2), ['Nested stacks', 'Resources']);
    assert.deepEqual(labels(await expand(byLabel(folders, 'Nested stacks'))), ['No nested stacks']);
    assert.equal(h.server.requestsFor('ListStackResources').length, 3, 'the kept first page is not asked again');
    assert.equal((await expand(byLabel(folders, 'Resources'))).length, 101, 'first page and Load more');
    assert.equal(h.server.requestsFor('ListStackResources').length, 3, 'Resources reuses the kept pages');
  });
});

describe('stacks view: nested stacks across ListStacks pages', () => {
  let h: Harness;
  before(async () => {
    // stack-00101 (page 2) is nested in stack-00100 (page 1).
    h = await startHarness({ stacks: manyStacks(150, { nestedEvery: 101 }) });
  });
  afterEach(() => h.server.reset());
  after(() => h.close());

  it('a parent on page 1 shows its child from page 2 before "Load more", from its own resources', async () => {
    const root = h.root();
    const first = await root.children(signal());
    assert.ok(first.at(-1) instanceof LoadMoreNode);
    assert.ok(!labels(first).includes('stack-00101'));
    const parent = byLabel(first, 'stack-00100') as StackNode;
    const nested = await expand(byLabel(await expand(parent), 'Nested stacks'));
    assert.deepEqual(labels(nested), ['stack-00101']);
    const child = nested[0];
    assert.ok(child instanceof StackNode);
    // Built from the parent's resource: the name from its ARN, the status from the resource.
    assert.equal(child.item().description, 'create complete');
    assert.equal(child.info.parentId, parent.arn);
    assert.match(child.arn, /:stack\/stack-00101\//);
    assert.equal(h.server.requestsFor('ListStacks').length, 1, 'still one round trip for the list');
    assert.deepEqual(
      h.server.requestsFor('ListStackResources').map((r) => r.params.StackName),
      [parent.arn],
      'only the expanded stack is asked for its resources',
    );
    // Until every page is read the listing cannot tell: a stack without children finds out from
    // its own resources when expanded, and shows no empty folder.
    const lonely = byLabel(first, 'stack-00099');
    const before = h.server.requestsFor('ListStackResources').length;
    assert.ok(!labels(await expand(lonely)).includes('Nested stacks'));
    assert.equal(h.server.requestsFor('ListStackResources').length, before + 1, 'one resources page answered it');
    assert.equal(h.server.requestsFor('ListStacks').length, 1);
  });

  it('keeps the child out of the top level, and hides empty folders once every page is read', async () => {
    const root = h.root();
    const first = await root.children(signal());
    (first.at(-1) as LoadMoreNode).loadMore();
    const all = await root.children(signal());
    assert.equal(all.length, 149);
    assert.ok(!labels(all).includes('stack-00101'));
    assert.ok(!labels(await expand(byLabel(all, 'stack-00099'))).includes('Nested stacks'));
    const nested = await expand(byLabel(await expand(byLabel(all, 'stack-00100')), 'Nested stacks'));
    assert.deepEqual(labels(nested), ['stack-00101']);
    // Listed by now: the node reuses the child's own summary (the resource has no creation time).
    assert.ok((nested[0] as StackNode).info.created instanceof Date);
  });

  it('a status filter can hide children, so with every page read the stack still asks its resources', async () => {
    const root = h.root();
    root.setStatusFilter({ kind: 'statuses', statuses: ['CREATE_COMPLETE'] });
    const first = await root.children(signal());
    (first.at(-1) as LoadMoreNode).loadMore();
    const all = await root.children(signal());
    const before = h.server.requestsFor('ListStackResources').length;
    assert.ok(!labels(await expand(byLabel(all, 'stack-00099'))).includes('Nested stacks'));
    assert.ok(labels(await expand(byLabel(all, 'stack-00100'))).includes('Nested stacks'));
    // stack-00099 asked its resources; stack-00100's child is CREATE_COMPLETE, listed with its ParentId.
    assert.equal(h.server.requestsFor('ListStackResources').length, before + 1);
  });
});

describe('stacks view: network and API faults', () => {
  let h: Harness;
  afterEach(() => h.close());

  type Parent = { children(s: AbortSignal): Promise<ViewNode[]> };

  /** Presses the "Load more" that ends `nodes` and returns the parent's re-rendered children. */
  async function loadMore(parent: Parent, nodes: readonly ViewNode[]): Promise<ViewNode[]> {
    const more = nodes.at(-1);
    assert.ok(more instanceof LoadMoreNode, `expected "Load more", got ${more?.item().label}`);
    more.loadMore();
    return parent.children(signal());
  }

  async function pages(parent: Parent, clicks: number): Promise<ViewNode[]> {
    let nodes = await parent.children(signal());
    for (let i = 0; i < clicks; i++) nodes = await loadMore(parent, nodes);
    return nodes;
  }

  /** The ListStacks pages requested since the last reset, with the fault each met: `['1', '2:Throttling']`. */
  const listStacksPages = (): string[] => h.server.requestsFor('ListStacks').map((r) => `${r.page}${r.fault ? `:${r.fault}` : ''}`);

  /** The names of the stack nodes among `nodes`; none may be shown twice. */
  function shownStackNames(nodes: readonly ViewNode[]): string[] {
    const names = labels(nodes.filter((n) => n instanceof StackNode));
    assert.equal(new Set(names).size, names.length, 'a stack is shown twice');
    return names;
  }

  it('5,000 stacks: the first page is one round trip, the rest on demand', async () => {
    h = await startHarness({ stacks: manyStacks(5000) });
    const root = h.root();
    const first = await root.children(signal());
    assert.equal(h.server.requestsFor('ListStacks').length, 1);
    assert.equal(first.length, 101);
    assert.deepEqual(first.at(-1)!.item().label, 'Load more…');
    assert.equal(first.at(-1)!.item().description, '100 shown');
    const second = await pages(root, 1);
    assert.equal(second.length, 201);
    assert.equal(h.server.requestsFor('ListStacks').length, 2);
    // A rare name: each request reads at most 10 pages, then offers "Load more".
    root.setNameFilter('stack-04321');
    const filtered = await root.children(signal());
    assert.equal(h.server.requestsFor('ListStacks').length, 12);
    assert.deepEqual(labels(filtered), ['Load more…']);
    const found = await pages(root, 4);
    assert.deepEqual(labels(found), ['stack-04321']);
    assert.equal(h.server.requestsFor('ListStacks').length, 50);
  });

  it('throttling: the first page is kept, the failed page becomes a retry that resumes', async () => {
    h = await startHarness({ stacks: manyStacks(250) });
    const root = h.root();
    h.server.injectFault({ operation: 'ListStacks', kind: 'Throttling', page: 2 });
    const failed = await loadMore(root, await root.children(signal()));
    assert.equal(failed.length, 101);
    const error = failed.at(-1)!;
    assert.ok(error instanceof ErrorNode);
    assert.match(error.item().label, /^Failed to load: CloudFormation ListStacks: Rate exceeded/);
    assert.match(error.item().tooltip!, /throttling/);
    // The SDK retried with backoff before giving up (3 attempts on page 2).
    assert.deepEqual(listStacksPages(), ['1', '2:Throttling', '2:Throttling', '2:Throttling']);
    h.server.reset();
    error.retry();
    const resumed = await root.children(signal());
    assert.equal(resumed.length, 201);
    assert.deepEqual(listStacksPages(), ['2']);
  });

  it('a connection drop on page 7 of 20 keeps pages 1-6 and resumes from the last token without duplicates', async () => {
    h = await startHarness({ stacks: manyStacks(2000) });
    const root = h.root();
    const shown = await pages(root, 5);
    assert.equal(shown.length, 601);
    h.server.injectFault({ operation: 'ListStacks', kind: 'Drop', page: 7 });
    const failed = await loadMore(root, shown);
    assert.equal(failed.length, 601);
    const error = failed.at(-1)!;
    assert.ok(error instanceof ErrorNode);
    assert.equal((error.error as AwsError).code, 'Network');
    h.server.reset();
    error.retry();
    const names = shownStackNames(await root.children(signal()));
    assert.equal(names.length, 700);
    assert.equal(names[699], 'stack-00700');
    assert.deepEqual(listStacksPages(), ['7']);
  });

  it('an expired pagination token restarts the listing and de-duplicates', async () => {
    h = await startHarness({ stacks: manyStacks(500) });
    const root = h.root();
    const shown = await pages(root, 2);
    assert.equal(shown.length, 301);
    h.server.injectFault({ operation: 'ListStacks', kind: 'InvalidNextToken', times: 1 });
    const nodes = await loadMore(root, shown);
    assert.equal(shownStackNames(nodes).length, 400);
    assert.ok(nodes.at(-1) instanceof LoadMoreNode);
    // Rejected token, then pages 1-3 again (all already shown) and page 4 (new).
    assert.deepEqual(listStacksPages().slice(3), ['4:InvalidNextToken', '1', '2', '3', '4']);
  });

  it('AccessDenied on one folder: an error on that node only, the rest works', async () => {
    h = await startHarness({ stacks: viewsFixture() });
    const root = h.root();
    const web = byLabel(await root.children(signal()), 'web-app');
    const folders = await expand(web);
    h.server.injectFault({ operation: 'ListStackResources', kind: 'AccessDenied' });
    const resources = await expand(byLabel(folders, 'Resources'));
    assert.equal(resources.length, 1);
    const denied = resources[0]!.item();
    assert.equal(denied.contextValue, CONTEXT.error);
    assert.match(denied.label, /not authorized/);
    assert.match(denied.tooltip!, /ask for the permission or switch profile/);
    assert.equal(labels(await expand(byLabel(folders, 'Outputs')))[0], 'ApiUrl');
    assert.equal((await expand(byLabel(folders, 'Events'))).length, 101);
    assert.equal(labels(await root.children(signal()))[0], 'web-app');
  });

  it('a stack deleted between list and describe: an error on its folder, gone after refresh', async () => {
    h = await startHarness({ stacks: viewsFixture() });
    const root = h.root();
    const broken = byLabel(await root.children(signal()), 'broken-stack');
    h.server.removeStack('broken-stack');
    const outputs = await expand(byLabel(await expand(broken), 'Outputs'));
    assert.ok(outputs[0] instanceof ErrorNode);
    assert.equal((outputs[0].error as AwsError).code, 'NotFound');
    assert.match(outputs[0].item().tooltip!, /no longer exists/);
    root.refresh();
    assert.ok(!labels(await root.children(signal())).includes('broken-stack'));

    // Deleted the AWS way (still answerable by ID): no crash, and no longer among active stacks.
    const big = byLabel(await root.children(signal()), 'big-stack');
    h.server.deleteStack('big-stack');
    assert.deepEqual(labels(await expand(byLabel(await expand(big), 'Outputs'))), ['No outputs']);
    root.refresh();
    assert.ok(!labels(await root.children(signal())).includes('big-stack'));
  });

  it('cancel reaches the SDK: an aborted load ends the request and the next render loads again', async () => {
    h = await startHarness({ stacks: viewsFixture() });
    const root = h.root();
    const controller = new AbortController();
    h.server.injectFault({ operation: 'ListStacks', kind: 'Stall', times: 1 });
    h.server.onRequest = (r) => {
      if (r.fault === 'Stall') setImmediate(() => controller.abort());
    };
    const aborted = await root.children(controller.signal);
    assert.deepEqual(aborted, []);
    assert.equal(h.server.requestsFor('ListStacks').length, 1, 'no retry after a cancel');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(h.server.requestsFor('ListStacks')[0]!.clientClosed, true, 'the abort closed the HTTP request');
    const nodes = await root.children(signal());
    assert.deepEqual(labels(nodes), ACTIVE_TOP);
  });
});
