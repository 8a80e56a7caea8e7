// PagedChildren edge cases the stacks view relies on, over an in-memory listing with the same
// page/token shape as the gateways (the SDK paths are covered in stacks.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import { isExpiredPageToken, type ListingPage, PagedChildren } from '../../../src/views/pagedChildren';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../../src/views/standardNodes';
import type { TreeChangeSink, ViewNode } from '../../../src/views/viewNode';

class Leaf implements ViewNode {
  constructor(readonly id: string) {}
  item() {
    return { label: this.id, collapsible: 'none' as const };
  }
}

/** 10 items per page over `total` numbers; `fail(token)` may throw instead of answering. */
function listing(total: number, calls: (string | undefined)[], fail?: (token: string | undefined) => Error | undefined) {
  return async function* (startToken: string | undefined, signal: AbortSignal): AsyncGenerator<ListingPage<number>> {
    let offset = startToken === undefined ? 0 : Number(startToken);
    for (;;) {
      const token = offset === 0 ? undefined : String(offset);
      calls.push(token);
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new AwsError('Cancelled', 'Test', 'List', 'cancelled');
      const error = fail?.(token);
      if (error) throw error;
      const items = Array.from({ length: Math.min(10, total - offset) }, (_, i) => offset + i);
      offset += items.length;
      yield { items, nextToken: offset < total ? String(offset) : undefined };
      if (offset >= total) return;
    }
  };
}

function paged(fetch: ReturnType<typeof listing>, extra: Partial<ConstructorParameters<typeof PagedChildren<number>>[0]> = {}) {
  const sink: TreeChangeSink & { count: number } = {
    count: 0,
    changed() {
      this.count += 1;
    },
  };
  const children = new PagedChildren<number>({
    idPrefix: 'p',
    fetch,
    key: (n) => String(n),
    toNode: (n) => new Leaf(String(n)),
    emptyMessage: 'Nothing',
    sink,
    parent: () => undefined,
    ...extra,
  });
  return { children, sink };
}

const signal = (): AbortSignal => new AbortController().signal;

describe('PagedChildren', () => {
  it('reads one page per request by default, and shows the empty message for an empty listing', async () => {
    const calls: (string | undefined)[] = [];
    const { children, sink } = paged(listing(25, calls));
    let nodes = await children.children(signal());
    assert.equal(nodes.length, 11);
    assert.ok(nodes.at(-1) instanceof LoadMoreNode);
    (nodes.at(-1) as LoadMoreNode).loadMore();
    assert.equal(sink.count, 1);
    nodes = await children.children(signal());
    assert.equal(nodes.length, 21);
    assert.deepEqual(calls, [undefined, '10']);
    const empty = paged(listing(0, []));
    const none = await empty.children.children(signal());
    assert.ok(none[0] instanceof MessageNode);
    assert.equal(none[0].item().label, 'Nothing');
  });

  it('with a filter and `fill`, keeps reading until enough items pass, bounded per request', async () => {
    const calls: (string | undefined)[] = [];
    const { children } = paged(listing(200, calls), { filter: (n) => n % 50 === 7, fill: 2, maxPagesPerRequest: 10 });
    const nodes = await children.children(signal());
    assert.deepEqual(nodes.map((n) => n.item().label), ['7', '57', 'Load more…']);
    assert.equal(calls.length, 6, 'stops as soon as two items passed (page 6 holds 57)');

    const bounded: (string | undefined)[] = [];
    const few = paged(listing(200, bounded), { filter: (n) => n % 50 === 7, fill: 2, maxPagesPerRequest: 3 });
    let shown = await few.children.children(signal());
    assert.deepEqual(shown.map((n) => n.item().label), ['7', 'Load more…']);
    assert.equal(bounded.length, 3, 'stops at maxPagesPerRequest');
    (shown.at(-1) as LoadMoreNode).loadMore();
    shown = await few.children.children(signal());
    assert.deepEqual(shown.map((n) => n.item().label), ['7', '57', 'Load more…']);
    assert.equal(bounded.length, 6);
  });

  it('restarts after an expired token, skipping pages already shown', async () => {
    const calls: (string | undefined)[] = [];
    let expire = false;
    const { children } = paged(
      listing(40, calls, (token) => (expire && token === '20' ? ((expire = false), new AwsError('InvalidInput', 'CloudFormation', 'ListStacks', 'CloudFormation ListStacks: abc is not a valid NextToken')) : undefined)),
    );
    let nodes = await children.children(signal());
    (nodes.at(-1) as LoadMoreNode).loadMore();
    nodes = await children.children(signal());
    expire = true;
    (nodes.at(-1) as LoadMoreNode).loadMore();
    nodes = await children.children(signal());
    assert.equal(nodes.length, 31);
    assert.deepEqual(calls, [undefined, '10', '20', undefined, '10', '20']);
    assert.equal(new Set(nodes.map((n) => n.id)).size, 31);
  });

  it('keeps loaded pages on failure and resumes from the last good token; other errors never restart', async () => {
    const calls: (string | undefined)[] = [];
    let failing = true;
    const { children } = paged(listing(30, calls, (token) => (failing && token === '10' ? new AwsError('AccessDenied', 'S', 'L', 'S L: denied') : undefined)));
    let nodes = await children.children(signal());
    (nodes.at(-1) as LoadMoreNode).loadMore();
    nodes = await children.children(signal());
    assert.equal(nodes.length, 11);
    assert.ok(nodes.at(-1) instanceof ErrorNode);
    failing = false;
    (nodes.at(-1) as ErrorNode).retry();
    nodes = await children.children(signal());
    assert.equal(nodes.length, 21);
    assert.deepEqual(calls, [undefined, '10', '10']);
    assert.equal(isExpiredPageToken(new AwsError('AccessDenied', 'S', 'L', 'NextToken denied')), false);
  });

  it('a cancelled load is not an error: it renders nothing and the next call loads again', async () => {
    const calls: (string | undefined)[] = [];
    const { children } = paged(listing(15, calls));
    const controller = new AbortController();
    const pending = children.children(controller.signal);
    controller.abort();
    assert.deepEqual(await pending, []);
    const nodes = await children.children(signal());
    assert.equal(nodes.length, 11);
    assert.ok(!nodes.some((n) => n instanceof ErrorNode));
  });

  it('two renders while a page is on its way share one request', async () => {
    const calls: (string | undefined)[] = [];
    const { children } = paged(listing(15, calls));
    const [a, b] = await Promise.all([children.children(signal()), children.children(signal())]);
    assert.equal(calls.length, 1);
    assert.equal(a.length, 11);
    assert.equal(b.length, 11);
  });
});
