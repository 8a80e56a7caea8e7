/**
 * Live-AWS views for `npm run bench`, against the local CloudFormation protocol server (real SDK
 * over HTTP on 127.0.0.1, so the numbers include XML parsing but no internet latency):
 *
 * - 5,000 stacks: time until the stacks view has its first page of nodes, against a bare
 *   `ListStacks` call with the same client (baseline in the same process), and the number of
 *   requests it took (goal: 1 round trip). Then "Load more" through all 50 pages: heap growth per
 *   stack after GC, compared with the heap the SDK's own parsed summaries take (goal: the view
 *   keeps no more than a small multiple of what it shows, and nothing per page beyond that).
 * - A 2,000-resource stack: the Resources folder's first page (one ListStackResources call)
 *   against a bare call; all 20 pages and their heap.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ListStackResourcesCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { AwsClientFactory } from '../src/aws/clientFactory';
import { LoadMoreNode } from '../src/views/standardNodes';
import { StacksRoot } from '../src/views/stacks/stacksRoot';
import type { ViewNode } from '../src/views/viewNode';
import { AwsProtocolServer } from '../test/support/aws/awsProtocolServer';
import { bigResourceStack, manyStacks } from '../test/support/aws/fixtures';
import { awsServicesFor } from '../test/support/awsServicesFor';

const REGION = 'us-east-1';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const signal = new AbortController().signal;
const noSink = { changed: () => undefined };

/** Follows "Load more" under `parent` (or the root) until the listing ends; returns the nodes. */
async function loadAll(load: () => Promise<ViewNode[]>): Promise<ViewNode[]> {
  for (;;) {
    const nodes = await load();
    const more = nodes.find((n) => n instanceof LoadMoreNode);
    if (!more) return nodes;
    more.loadMore();
  }
}

export interface AwsBenchRow {
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

export async function benchAws(runs = 7): Promise<AwsBenchRow[]> {
  const server = await AwsProtocolServer.start({ stacks: [...manyStacks(5000), bigResourceStack('bench-big', 2000)] });
  const factory = new AwsClientFactory({ endpoint: server.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' }, maxAttempts: 1 });
  const services = awsServicesFor({ endpoint: server.endpoint, region: REGION, profile: 'bench', maxAttempts: 1 });
  const client = factory.cloudFormation(REGION);
  const rows: AwsBenchRow[] = [];
  try {
    // Warm-up: connection, SDK middleware, JIT.
    for (let i = 0; i < 3; i++) {
      await client.send(new ListStacksCommand({}));
      await new StacksRoot(services, noSink).children(signal);
    }

    const bare: number[] = [];
    const view: number[] = [];
    let requests = 0;
    for (let i = 0; i < runs; i++) {
      bare.push((await timed(() => client.send(new ListStacksCommand({})))).ms);
      const before = server.requestsFor('ListStacks').length;
      view.push((await timed(() => new StacksRoot(services, noSink).children(signal))).ms);
      requests = server.requestsFor('ListStacks').length - before;
    }
    rows.push({ label: '5,000 stacks: first page shown', value: `${median(view).toFixed(1)} ms`, note: `${(median(view) / median(bare)).toFixed(2)}x a bare ListStacks (${median(bare).toFixed(1)} ms); ${requests} request(s) (goal 1)` });

    // Memory: all 5,000 through "Load more", vs the SDK's parsed summaries alone.
    const base = heapAfterGc();
    const summaries: unknown[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new ListStacksCommand({ NextToken: token }));
      summaries.push(...(out.StackSummaries ?? []));
      token = out.NextToken;
    } while (token);
    const rawBytes = heapAfterGc() - base;
    summaries.length = 0;
    const base2 = heapAfterGc();
    const root = new StacksRoot(services, noSink);
    const all = await loadAll(() => root.children(signal));
    for (const node of all) node.item(); // what the tree renders
    const viewBytes = heapAfterGc() - base2;
    rows.push({
      label: '5,000 stacks: all 50 pages loaded',
      value: `${(viewBytes / 1024 / 1024).toFixed(1)} MB`,
      note: `${Math.round(viewBytes / all.length)} B per shown stack; SDK summaries alone ${(rawBytes / 1024 / 1024).toFixed(1)} MB (${(viewBytes / Math.max(1, rawBytes)).toFixed(2)}x)`,
    });
    void root;

    // The 2,000-resource stack.
    const bigFilter = { filters: { name: 'bench-big', status: { kind: 'active' as const } } };
    const bigRoot = new StacksRoot(services, noSink, bigFilter);
    const stackNode = (await loadAll(() => bigRoot.children(signal))).find((n) => n.item().label === 'bench-big');
    if (!stackNode?.children) throw new Error('bench-big not found');
    const bareRes: number[] = [];
    const firstRes: number[] = [];
    for (let i = 0; i < runs; i++) {
      bareRes.push((await timed(() => client.send(new ListStackResourcesCommand({ StackName: 'bench-big' })))).ms);
      // A fresh stack node each run (its Resources folder caches what it loaded).
      const fresh = (await loadAll(() => bigRoot.children(signal))).find((n) => n.item().label === 'bench-big')!;
      bigRoot.refresh();
      const folders = await fresh.children!(signal);
      const resources = folders.find((n) => n.item().label === 'Resources')!;
      firstRes.push((await timed(() => resources.children!(signal))).ms);
    }
    rows.push({ label: '2,000-resource stack: first page', value: `${median(firstRes).toFixed(1)} ms`, note: `${(median(firstRes) / median(bareRes)).toFixed(2)}x a bare ListStackResources (${median(bareRes).toFixed(1)} ms)` });
    const base3 = heapAfterGc();
    const folders = await stackNode.children(signal);
    const resources = folders.find((n) => n.item().label === 'Resources')!;
    const allResources = await loadAll(() => resources.children!(signal));
    const resBytes = heapAfterGc() - base3;
    rows.push({ label: '2,000-resource stack: all pages', value: `${(resBytes / 1024 / 1024).toFixed(1)} MB`, note: `${allResources.length} nodes, ${Math.round(resBytes / Math.max(1, allResources.length))} B per resource` });
  } finally {
    services.dispose();
    factory.dispose();
    await server.close();
  }
  return rows;
}
