/**
 * Live-AWS views for `npm run bench`, against the local CloudFormation protocol server (real SDK
 * over HTTP on 127.0.0.1, so the numbers include XML parsing but no internet latency):
 *
 * Every timed row is interleaved pairs (bench/pairs.ts) against a bare SDK call with the same
 * client, and starts from an EMPTY cache (a new root, a new stack node); the requests the local
 * server logs during the timed window are the row's round trips.
 *
 * - 5,000 stacks: time until the stacks view has its first page of nodes vs a bare `ListStacks`
 *   (goal: 1 round trip). Then "Load more" through all 50 pages: heap growth per stack after GC,
 *   compared with the heap the SDK's own parsed summaries take.
 * - A 2,000-resource stack: opening it (expand -> its folders) vs one `ListStackResources`
 *   (goal <= 1.5 round trips before the folders show); opening it plus the Resources folder's
 *   first page; all 20 pages and their heap.
 */
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
import { formatPairDetail, formatRatio, interleavedPairs, spread, timeInProcess, type PairResult, type Spread } from './pairs';

const REGION = 'us-east-1';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
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

/** What the goals table needs: opening the 2,000-resource stack from an empty cache. */
export interface OpenStackResult {
  /** Opening time / one bare ListStackResources call, per interleaved pair. */
  readonly pairs: PairResult;
  /** Requests the server saw from the expand to the folders, per opening. */
  readonly roundTrips: Spread;
}

export interface AwsBench {
  readonly rows: AwsBenchRow[];
  readonly openStack: OpenStackResult;
}

/** `pairs`: interleaved pairs per timed row. Every timed view starts from a new root (empty cache). */
export async function benchAws(pairs = 9): Promise<AwsBench> {
  const server = await AwsProtocolServer.start({ stacks: [bigResourceStack('bench-big', 2000), ...manyStacks(5000)] });
  const factory = new AwsClientFactory({ endpoint: server.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' }, maxAttempts: 1 });
  const services = awsServicesFor({ endpoint: server.endpoint, region: REGION, profile: 'bench', maxAttempts: 1 });
  const client = factory.cloudFormation(REGION);
  const rows: AwsBenchRow[] = [];
  /** Runs `fn` and records how many requests the local server saw meanwhile. */
  const counted = (log: number[], fn: () => Promise<unknown>) => async () => {
    const before = server.requests.length;
    const sample = await timeInProcess(fn);
    log.push(server.requests.length - before);
    return sample;
  };
  const bareListStacks = () => timeInProcess(() => client.send(new ListStacksCommand({})));
  const bareListResources = () => timeInProcess(() => client.send(new ListStackResourcesCommand({ StackName: 'bench-big' })));
  /**
   * The big stack's node on the first page of a new root: nothing of it is cached, and with
   * 4,900 stacks not listed yet the view cannot tell whether it has nested stacks (the hard
   * case of opening a stack). The listing itself is untimed.
   */
  const freshBigStack = async (): Promise<ViewNode> => {
    const root = new StacksRoot(services, noSink);
    const node = (await root.children(signal)).find((n) => n.item().label === 'bench-big');
    if (!node?.children) throw new Error('bench-big is not on the first page of the stacks view');
    return node;
  };
  try {
    // 5,000 stacks: the root's first page, a new root each time.
    const listRequests: number[] = [];
    const firstPage = await interleavedPairs(counted(listRequests, () => new StacksRoot(services, noSink).children(signal)), bareListStacks, pairs, 2);
    rows.push({ label: '5,000 stacks: first page shown', value: formatRatio(firstPage.ratio), note: `vs a bare ListStacks; ${roundTripText(spread(listRequests.slice(-pairs)))} (goal 1); ${formatPairDetail(firstPage, 'view', 'bare')}` });

    // Opening the 2,000-resource stack: expand -> folders, from an empty cache.
    const openRequests: number[] = [];
    const openPairs = await interleavedPairs(
      async () => {
        const node = await freshBigStack();
        return counted(openRequests, () => node.children!(signal))();
      },
      bareListResources,
      pairs,
      1,
    );
    const openStack: OpenStackResult = { pairs: openPairs, roundTrips: spread(openRequests.slice(-pairs)) };
    rows.push({ label: '2,000-resource stack: open (folders shown)', value: formatRatio(openPairs.ratio), note: `vs one ListStackResources; ${roundTripText(openStack.roundTrips)}; ${formatPairDetail(openPairs, 'open', 'bare')}` });

    // Open + the Resources folder's first page, all from an empty cache.
    const resourceRequests: number[] = [];
    const resourcesPage = await interleavedPairs(
      async () => {
        const node = await freshBigStack();
        return counted(resourceRequests, async () => {
          const resources = (await node.children!(signal)).find((n) => n.item().label === 'Resources');
          if (!resources?.children) throw new Error('no Resources folder');
          return resources.children(signal);
        })();
      },
      bareListResources,
      pairs,
      1,
    );
    rows.push({ label: '2,000-resource stack: open + Resources first page', value: formatRatio(resourcesPage.ratio), note: `vs one ListStackResources; ${roundTripText(spread(resourceRequests.slice(-pairs)))}; ${formatPairDetail(resourcesPage, 'view', 'bare')}` });

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

    const bigStack = await freshBigStack();
    const base3 = heapAfterGc();
    const folders = await bigStack.children!(signal);
    const resources = folders.find((n) => n.item().label === 'Resources')!;
    const allResources = await loadAll(() => resources.children!(signal));
    const resBytes = heapAfterGc() - base3;
    rows.push({ label: '2,000-resource stack: all pages', value: `${(resBytes / 1024 / 1024).toFixed(1)} MB`, note: `${allResources.length} nodes, ${Math.round(resBytes / Math.max(1, allResources.length))} B per resource` });
    return { rows, openStack };
  } finally {
    services.dispose();
    factory.dispose();
    await server.close();
  }
}

/** "1 round trip" or "median 20 round trips (1-20)". */
export function roundTripText(trips: Spread): string {
  if (trips.min === trips.max) return `${trips.min} round trip${trips.min === 1 ? '' : 's'}`;
  return `median ${trips.median} round trips (${trips.min}-${trips.max})`;
}
