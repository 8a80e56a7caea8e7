/**
 * The Glue Data Catalog view for `npm run bench`, against the local Glue server (real
 * @aws-sdk/client-glue over HTTP on 127.0.0.1): a table with 100,000 partitions and a database with
 * 5,000 tables. Each timed row is interleaved pairs (bench/pairs.ts) against the bare SDK call the
 * view cannot do without, from a new node each sample (empty cache); the requests the local server
 * logs in the timed window are the row's round trips (goal: the first page after one).
 *
 * - 100,000 partitions: expanding the Partitions folder until its first 1,000 nodes exist, vs one
 *   bare GetPartitions of 1,000 (ExcludeColumnSchema). Then 20 pages through "Load more": heap per
 *   partition node after GC (nodes rendered). Then a partition health count of all 100,000 with 10
 *   parallel segments, against one segment.
 * - 5,000 tables: expanding the database until its first 100 nodes exist, vs one bare GetTables of
 *   100 (NAME, TABLE_TYPE); then all 50 pages: heap per table node.
 */
import { GetPartitionsCommand, GetTablesCommand, GlueClient } from '@aws-sdk/client-glue';
import type { GlueColumn } from '../src/aws/glueGateway';
import { glueService } from '../src/aws/services/glue';
import { DatabaseNode } from '../src/views/glue/catalogNodes';
import type { GlueEnv } from '../src/views/glue/glueEnv';
import { partitionHealth } from '../src/views/glue/partitionHealth';
import { PartitionsFolderNode } from '../src/views/glue/partitionNodes';
import { LoadMoreNode } from '../src/views/standardNodes';
import type { ViewNode } from '../src/views/viewNode';
import { hourlyPartitions, type FixtureCatalog } from '../test/support/aws/glueFixtures';
import { startLocalAccount } from '../test/support/aws/localAccount';
import { awsServicesFor } from '../test/support/awsServicesFor';
import { heapAfterGc, roundTripText, type AwsBenchRow } from './aws';
import type { GoalRow } from './goals';
import { verdict } from './goals';
import { formatMs, formatPairDetail, formatRatio, interleavedPairs, spread, timeInProcess } from './pairs';

const REGION = 'us-east-1';
const PARTITIONS = 100_000;
const TABLES = 5_000;
const KEYS: GlueColumn[] = ['year', 'month', 'day', 'hour'].map((name) => ({ name, type: 'string' }));

function benchCatalog(): FixtureCatalog[] {
  return [
    {
      suffix: '',
      name: 'default',
      databases: [
        {
          name: 'bench',
          tables: [
            {
              name: 'events',
              tableType: 'EXTERNAL_TABLE',
              location: 's3://bench/events/',
              columns: [{ Name: 'id', Type: 'string' }],
              partitionKeys: KEYS.map((k) => ({ Name: k.name, Type: 'string' })),
              partitions: hourlyPartitions(PARTITIONS),
            },
          ],
        },
        { name: 'wide', tables: Array.from({ length: TABLES }, (_, i) => ({ name: `table_${String(i).padStart(5, '0')}`, tableType: 'EXTERNAL_TABLE', columns: [{ Name: 'c', Type: 'string' }] })) },
      ],
    },
  ];
}

async function loadPages(first: () => Promise<ViewNode[]>, pages: number): Promise<ViewNode[]> {
  let nodes = await first();
  for (let page = 1; page < pages; page += 1) {
    const more = nodes.find((n) => n instanceof LoadMoreNode);
    if (!more) break;
    more.loadMore();
    nodes = await first();
  }
  return nodes;
}

export interface GlueBench {
  readonly rows: AwsBenchRow[];
  readonly goals: GoalRow[];
}

export async function benchGlue(pairs = 9): Promise<GlueBench> {
  const account = await startLocalAccount({ glueCatalogs: benchCatalog() });
  const services = awsServicesFor({ endpoint: account.server.endpoint, region: REGION, profile: 'bench', maxAttempts: 1 });
  const client = new GlueClient({ region: REGION, endpoint: account.server.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' }, maxAttempts: 1 });
  const env: GlueEnv = { services, sink: { changed: () => undefined } };
  const signal = new AbortController().signal;
  const ref = { databaseName: 'bench', tableName: 'events' };
  const requests = (): number => account.server.log.entries.length;
  const rows: AwsBenchRow[] = [];
  const goals: GoalRow[] = [];
  const counted = (log: number[], fn: () => Promise<unknown>) => async () => {
    const before = requests();
    const sample = await timeInProcess(fn);
    log.push(requests() - before);
    return sample;
  };
  try {
    // 100,000 partitions: the folder's first page, a new folder each sample.
    const partitionTrips: number[] = [];
    const partitionPairs = await interleavedPairs(
      counted(partitionTrips, () => new PartitionsFolderNode(env, ref, KEYS, 'bench').children(signal)),
      () => timeInProcess(() => client.send(new GetPartitionsCommand({ DatabaseName: ref.databaseName, TableName: ref.tableName, MaxResults: 1000, ExcludeColumnSchema: true }))),
      pairs,
    );
    const partitionSpread = spread(partitionTrips.slice(-pairs));
    rows.push({ label: '100,000 partitions: first page (1,000) shown', value: formatRatio(partitionPairs.ratio), note: `vs a bare GetPartitions; ${roundTripText(partitionSpread)}; ${formatPairDetail(partitionPairs, 'view', 'bare')}` });
    goals.push({ work: 'Glue: a table with 100,000 partitions, first page shown', floor: 'one `GetPartitions` of 1,000', goal: '1 round trip', measured: `${roundTripText(partitionSpread)}; time ${formatRatio(partitionPairs.ratio)}`, verdict: verdict(partitionSpread, 1) });

    account.server.log.clear();
    const base = heapAfterGc();
    const folder = new PartitionsFolderNode(env, ref, KEYS, 'bench-memory');
    const partitionNodes = (await loadPages(() => folder.children(signal), 20)).filter((n) => !(n instanceof LoadMoreNode));
    for (const node of partitionNodes) node.item();
    const partitionBytes = heapAfterGc() - base;
    rows.push({ label: '100,000 partitions: 20 pages loaded', value: `${(partitionBytes / 1024 / 1024).toFixed(1)} MB`, note: `${partitionNodes.length} nodes, ${Math.round(partitionBytes / Math.max(1, partitionNodes.length))} B per partition node (items rendered)` });
    goals.push({ work: 'Glue: memory per partition node', floor: '—', goal: 'reported', measured: `${Math.round(partitionBytes / Math.max(1, partitionNodes.length))} B (${partitionNodes.length} nodes)`, verdict: '-' });
    void folder;

    // Partition health over all 100,000: 10 segments vs 1.
    const gateway = services.gateway(glueService);
    const ten = await timeInProcess(() => partitionHealth(gateway, ref, KEYS, { segments: 10 }));
    const one = await timeInProcess(() => partitionHealth(gateway, ref, KEYS, { segments: 1 }));
    rows.push({ label: '100,000 partitions: health count', value: formatMs(ten.wallMs), note: `10 segments in parallel; 1 segment ${formatMs(one.wallMs)} (${(one.wallMs / Math.max(1, ten.wallMs)).toFixed(2)}x)` });

    // 5,000 tables: the database's first page, a new node each sample.
    const tableTrips: number[] = [];
    const tablePairs = await interleavedPairs(
      counted(tableTrips, () => new DatabaseNode(env, undefined, { name: 'wide' }, 'bench').children(signal)),
      () => timeInProcess(() => client.send(new GetTablesCommand({ DatabaseName: 'wide', AttributesToGet: ['NAME', 'TABLE_TYPE'], MaxResults: 100 }))),
      pairs,
    );
    const tableSpread = spread(tableTrips.slice(-pairs));
    rows.push({ label: '5,000 tables: first page (100) shown', value: formatRatio(tablePairs.ratio), note: `vs a bare GetTables; ${roundTripText(tableSpread)}; ${formatPairDetail(tablePairs, 'view', 'bare')}` });
    goals.push({ work: 'Glue: a database with 5,000 tables, first page shown', floor: 'one `GetTables` of 100 (names and types)', goal: '1 round trip', measured: `${roundTripText(tableSpread)}; time ${formatRatio(tablePairs.ratio)}`, verdict: verdict(tableSpread, 1) });

    const base2 = heapAfterGc();
    const database = new DatabaseNode(env, undefined, { name: 'wide' }, 'bench-memory');
    const tableNodes = (await loadPages(() => database.children(signal), 50)).filter((n) => !(n instanceof LoadMoreNode));
    for (const node of tableNodes) node.item();
    const tableBytes = heapAfterGc() - base2;
    rows.push({ label: '5,000 tables: all 50 pages loaded', value: `${(tableBytes / 1024 / 1024).toFixed(1)} MB`, note: `${tableNodes.length} nodes, ${Math.round(tableBytes / Math.max(1, tableNodes.length))} B per table node` });
    void database;
    return { rows, goals };
  } finally {
    client.destroy();
    services.dispose();
    await account.server.close();
  }
}

/** `node --import tsx bench/glue.ts [pairs]`: this section alone. */
if (process.argv[1]?.endsWith('glue.ts')) {
  benchGlue(Number(process.argv[2] ?? 5)).then(
    ({ rows, goals }) => {
      for (const row of rows) console.log(`  ${row.label}  ${row.value}  ${row.note}`);
      for (const goal of goals) console.log(`  goal: ${goal.work} | ${goal.goal} | ${goal.measured} | ${goal.verdict}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
