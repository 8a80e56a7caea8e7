// The Glue Data Catalog tree through the real @aws-sdk/client-glue against the local account:
// catalogs > databases > tables (kind badges, refined on expand) > columns, partition keys and
// partitions (1,000 per page, Load more, a server-side filter checked before it is sent), the
// projection ranges of a projected table, a partition page failing mid-way and resuming, Lake
// Formation denying one database, and GetCatalogs refused.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { CatalogNode, DatabaseNode } from '../../../src/views/glue/catalogNodes';
import { GlueRoot } from '../../../src/views/glue/glueRoot';
import { PartitionsFolderNode } from '../../../src/views/glue/partitionNodes';
import { TableNode } from '../../../src/views/glue/tableNode';
import { ErrorNode, LoadMoreNode } from '../../../src/views/standardNodes';
import type { ViewNode } from '../../../src/views/viewNode';
import type { ViewRootHost } from '../../../src/views/viewRoot';
import { useLocalAccountSession } from '../../support/localAccountSession';
import { byLabel, expand, labels } from './stacksHarness';

class Host implements ViewRootHost {
  readonly changes: (ViewNode | undefined)[] = [];
  changed(node: ViewNode | undefined): void {
    this.changes.push(node);
  }
  setState(): void {}
}

const local = useLocalAccountSession();
let host: Host;

beforeEach(() => {
  host = new Host();
});

const calls = (operation: string): number => local.account.server.log.entries.filter((e) => e.operation === operation).length;

async function database(name: string, catalog = 'default'): Promise<ViewNode> {
  const catalogs = await new GlueRoot(local.session, host).children(new AbortController().signal);
  return byLabel(await expand(byLabel(catalogs, catalog)), name);
}

async function table(databaseName: string, name: string): Promise<TableNode> {
  const node = byLabel(await expand(await database(databaseName)), name);
  assert.ok(node instanceof TableNode);
  return node;
}

async function partitions(name = 'clickstream_events'): Promise<PartitionsFolderNode> {
  const folder = (await expand(await table('raw', name))).find((n) => n instanceof PartitionsFolderNode);
  assert.ok(folder instanceof PartitionsFolderNode);
  return folder;
}

void describe('Glue Data Catalog tree', () => {
  void test('catalogs, databases, and table kinds: listed from TABLE_TYPE, refined on expand', async () => {
    const catalogs = await new GlueRoot(local.session, host).children(new AbortController().signal);
    assert.deepEqual(labels(catalogs), ['default', 's3tablescatalog/analytics']);
    assert.equal(catalogs[1]!.item().description, 'federated: aws:s3tables');
    const curated = await expand(byLabel(await expand(catalogs[0]!), 'curated'));
    assert.deepEqual(
      curated.map((n) => `${n.item().label}:${n.item().description ?? ''}`),
      ['orders:EXTERNAL', 'customers:EXTERNAL', 'payments:governed', 'daily_revenue:VIEW'],
    );
    assert.equal(calls('GetTable'), 0, 'listing tables reads no table details');
    for (const node of curated) await expand(node);
    assert.deepEqual(
      curated.map((n) => n.item().description),
      ['Iceberg', 'Delta', 'governed', 'VIEW'],
    );
    const delta = await expand(curated[1]!);
    assert.match(delta[0]!.item().label, /columns are a placeholder/);
    assert.ok(host.changes.includes(curated[0]), 'the Iceberg badge re-rendered its node');
    const hudi = await table('raw', 'sensor_readings_hudi');
    await expand(hudi);
    assert.equal(hudi.item().description, 'Hudi');
  });

  void test('columns and partition keys with types and comments; 1,000 partitions per expand, Load more for the next', async () => {
    const children = await expand(await table('raw', 'clickstream_events'));
    assert.deepEqual(labels(children), ['Location', 'SerDe', 'Columns', 'Partition keys', 'Partitions']);
    const keys = await expand(byLabel(children, 'Partition keys'));
    assert.deepEqual(keys.map((k) => `${k.item().label} ${k.item().description ?? ''}`), ['year string', 'month string', 'day string', 'hour string — UTC hour, 00-23']);
    const folder = children[4] as PartitionsFolderNode;
    const first = await expand(folder);
    assert.equal(first.length, 1001);
    assert.equal(first[0]!.item().label, 'year=2024/month=01/day=01/hour=00');
    assert.ok(first[1000] instanceof LoadMoreNode);
    assert.equal(calls('GetPartitions'), 1);
    first[1000].loadMore();
    const second = await expand(folder);
    assert.equal(second.length, 2001);
    assert.equal(calls('GetPartitions'), 2);
  });

  void test('a projected table shows its projection ranges, not partitions, and sends no GetPartitions', async () => {
    const children = await expand(await table('raw', 'alb_logs'));
    assert.ok(!children.some((n) => n instanceof PartitionsFolderNode));
    assert.match(labels(children).join('|'), /Partition projection: Athena computes partitions/);
    const range = byLabel(children, 'day (date)');
    assert.equal(range.item().description, '2023/01/01,NOW (yyyy/MM/dd, every 1 DAYS)');
    assert.equal(calls('GetPartitions'), 0);
  });

  void test('a partition filter is checked before it is sent, then evaluated by Glue', async () => {
    const folder = await partitions();
    assert.match(folder.validate("yeer = '2024'") ?? '', /"yeer" is not a partition key \(the table's partition keys: year, month, day, hour\) at column 1/);
    assert.match(folder.validate("year = '2024' AND") ?? '', /ends where a partition key was expected at column 18/);
    assert.match(folder.validate("month BETWEEN '01' '03'") ?? '', /BETWEEN needs "AND"/);
    assert.match(folder.validate("day = '01") ?? '', /missing its closing quote/);
    assert.throws(() => folder.setFilter('year ='), /ends where a value was expected/);
    assert.equal(calls('GetPartitions'), 0, 'nothing invalid was sent');
    folder.setFilter("year = '2024' AND month = '02' AND day BETWEEN '01' AND '03'");
    const filtered = await expand(folder);
    assert.equal(filtered.length, 72);
    assert.ok(!filtered.some((n) => n instanceof LoadMoreNode));
    assert.match(folder.item().description ?? '', /^filter: year = '2024'/);
    folder.setFilter('');
    assert.equal((await expand(folder)).length, 1001);
  });

  void test('a partition page that fails keeps the pages shown; retry resumes from the last good token', async () => {
    const folder = await partitions();
    const first = await expand(folder);
    local.account.server.faults.inject({ service: 'glue', operation: 'GetPartitions', kind: 'serverError', page: 2, times: 1 });
    (first[1000] as LoadMoreNode).loadMore();
    const failed = await expand(folder);
    assert.equal(failed.length, 1001);
    const error = failed[1000];
    assert.ok(error instanceof ErrorNode);
    error.retry();
    const resumed = await expand(folder);
    assert.equal(resumed.length, 2001);
    // Partition 1,000 is 2024-01-01T00 + 1,000 h = 41 days 16 h later: 2024-02-11T16.
    assert.equal(resumed[1000]!.item().label, 'year=2024/month=02/day=11/hour=16');
    const tokens = local.account.server.log.entries.filter((e) => e.operation === 'GetPartitions').map((e) => e.input.NextToken);
    assert.deepEqual(tokens.slice(-2).map((t) => typeof t), ['string', 'string'], 'the retry sent the failed page token again');
    assert.equal(tokens.at(-1), tokens.at(-2));
  });

  void test('Lake Formation denying one database: an error on that node, which says Lake Formation, the rest works', async () => {
    local.account.glue.conditions.lakeFormationDenied.add('raw');
    try {
      const raw = await expand(await database('raw'));
      assert.equal(raw.length, 1);
      assert.ok(raw[0] instanceof ErrorNode);
      assert.match(raw[0].item().label, /Insufficient Lake Formation permission\(s\) on raw/);
      assert.match(raw[0].item().label, /Lake Formation, not IAM, refused/);
      assert.equal((await expand(await database('curated'))).length, 4);
    } finally {
      local.account.glue.conditions.lakeFormationDenied.clear();
    }
  });

  void test('GetCatalogs refused: the default catalog alone, with the reason, and its databases', async () => {
    local.account.glue.conditions.getCatalogsAnswers = false;
    try {
      const catalogs = await new GlueRoot(local.session, host).children(new AbortController().signal);
      assert.deepEqual(labels(catalogs), ['Default catalog']);
      assert.match(catalogs[0]!.item().tooltip ?? '', /only the default catalog is shown/);
      assert.deepEqual(labels(await expand(catalogs[0]!)), ['raw', 'curated']);
    } finally {
      local.account.glue.conditions.getCatalogsAnswers = true;
    }
  });
  void test('a name filter on a database keeps matching tables, reading further pages until enough match', async () => {
    const tables = local.account.glue.catalogs[0]!.databases[1]!.tables;
    const added = Array.from({ length: 450 }, (_, i) => ({ name: `t${String(i).padStart(3, '0')}${i % 100 === 7 ? '_orders' : ''}`, tableType: 'EXTERNAL_TABLE', columns: [] }));
    tables.push(...added);
    try {
      const curated = await database('curated');
      assert.ok(curated instanceof DatabaseNode);
      curated.setNameFilter('ORDERS');
      const shown = await expand(curated);
      // 'orders' itself, then t007_orders ... t407_orders: fewer than the 25 a request fills, so all 5 pages of 100 are read in one.
      assert.deepEqual(labels(shown), ['orders', 't007_orders', 't107_orders', 't207_orders', 't307_orders', 't407_orders']);
      assert.equal(calls('GetTables'), 5);
      assert.equal(curated.item().description, 'filter: ORDERS');
      curated.setNameFilter('nothing-like-this');
      assert.deepEqual(labels(await expand(curated)), ['No names contain "nothing-like-this"']);
      curated.setNameFilter('');
      assert.equal((await expand(curated)).length, 101, 'one page of 100 and Load more');
    } finally {
      tables.splice(tables.length - added.length, added.length);
    }
  });

  void test('a name filter on a catalog filters its databases', async () => {
    const catalogs = await new GlueRoot(local.session, host).children(new AbortController().signal);
    const catalog = byLabel(catalogs, 'default');
    assert.ok(catalog instanceof CatalogNode);
    catalog.setNameFilter('cur');
    assert.deepEqual(labels(await expand(catalog)), ['curated']);
  });
});
