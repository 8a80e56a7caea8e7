// What ArchLens makes of a live Glue table, every table read through the real
// @aws-sdk/client-glue from the local account's data lake: the Athena DDL and sample SELECT per
// format, the read-only table document, ARNs and console links, partition health over 20,000
// partitions with parallel segments (and a table with gaps), and the Glue-specific error wording
// (KMS, a federated source, another account's catalog).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import type { GlueTable, GlueTableRef } from '../../../src/aws/glueGateway';
import { glueService } from '../../../src/aws/services/glue';
import { CatalogNode } from '../../../src/views/glue/catalogNodes';
import { GlueRoot } from '../../../src/views/glue/glueRoot';
import { glueTableArn, glueTableConsoleUrl } from '../../../src/views/glue/glueLinks';
import { explainGlueError } from '../../../src/views/glue/glueEnv';
import { comparePartitionValues, dayReader, partitionHealth, partitionHealthReport } from '../../../src/views/glue/partitionHealth';
import { athenaDdl, hiveString, sampleSelect, viewSql } from '../../../src/views/glue/tableDdl';
import { cell, tableDocument } from '../../../src/views/glue/tableDocument';
import { ErrorNode } from '../../../src/views/standardNodes';
import { useLocalAccountSession } from '../../support/localAccountSession';
import { byLabel, expand } from './stacksHarness';

const local = useLocalAccountSession();
const gateway = () => local.session.gateway(glueService);
const read = (databaseName: string, tableName: string, catalogId?: string): Promise<GlueTable> => gateway().table({ databaseName, tableName, ...(catalogId ? { catalogId } : {}) });
const calls = (operation: string): number => local.account.server.log.entries.filter((e) => e.operation === operation).length;

void describe('Athena DDL and SELECT from live tables', () => {
  void test('a partitioned Parquet table: CREATE EXTERNAL TABLE with partitioning, SerDe, formats, location, properties', async () => {
    const ddl = athenaDdl(await read('raw', 'clickstream_events'));
    assert.equal(
      ddl,
      [
        'CREATE EXTERNAL TABLE `raw`.`clickstream_events` (',
        '  `event_id` string,',
        "  `user_id` bigint COMMENT 'Pseudonymous user',",
        '  `url` string,',
        '  `ts` timestamp',
        ')',
        "COMMENT 'Web clicks, hourly Parquet'",
        'PARTITIONED BY (',
        '  `year` string,',
        '  `month` string,',
        '  `day` string,',
        "  `hour` string COMMENT 'UTC hour, 00-23'",
        ')',
        "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
        'WITH SERDEPROPERTIES (',
        "  'serialization.format'='1'",
        ')',
        "STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'",
        "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
        "LOCATION 's3://demo-lake-raw/clickstream/'",
        'TBLPROPERTIES (',
        "  'classification'='parquet'",
        ');',
        '',
      ].join('\n'),
      'EXTERNAL=TRUE is set by Athena itself and left out',
    );
  });

  void test('Iceberg as CREATE TABLE … table_type ICEBERG, Delta in its location-only form, a view from its SQL, projection kept', async () => {
    const iceberg = athenaDdl(await read('curated', 'orders'));
    assert.match(iceberg, /^CREATE TABLE `curated`\.`orders` \(/m);
    assert.match(iceberg, /TBLPROPERTIES \(\n {2}'table_type'='ICEBERG'\n\);/);
    assert.doesNotMatch(iceberg, /EXTERNAL|metadata_location/);
    const delta = athenaDdl(await read('curated', 'customers'));
    assert.match(delta, /CREATE EXTERNAL TABLE `curated`\.`customers`\nLOCATION 's3:\/\/demo-lake-curated\/customers'\nTBLPROPERTIES \('table_type'='DELTA'\);/);
    assert.doesNotMatch(delta, /array<string>/, 'the placeholder column is not carried over');
    const view = athenaDdl(await read('curated', 'daily_revenue'));
    assert.equal(view, 'CREATE OR REPLACE VIEW "curated"."daily_revenue" AS\nSELECT ...\n');
    const projected = athenaDdl(await read('raw', 'alb_logs'));
    assert.match(projected, /'projection\.day\.range'='2023\/01\/01,NOW'/);
    assert.match(projected, /'storage\.location\.template'='s3:\/\/demo-alb-logs\/AWSLogs\/123456789012\/elasticloadbalancing\/us-east-1\/\$\{day\}'/);
  });

  void test('hostile names and values are quoted, never pasted', async () => {
    local.account.glue.catalogs[0]!.databases[0]!.tables.push({
      name: 'odd`name',
      tableType: 'EXTERNAL_TABLE',
      description: "it's\nhere",
      location: "s3://b/it's/",
      parameters: { "x');DROP TABLE y;--": 'v' },
      columns: [{ Name: 'a`b', Type: 'string', Comment: "o'k \\ done" }],
      partitionKeys: [{ Name: 'dt"x', Type: 'string' }],
    });
    try {
      const table = await read('raw', 'odd`name');
      const ddl = athenaDdl(table);
      assert.match(ddl, /CREATE EXTERNAL TABLE `raw`\.`odd``name`/);
      assert.match(ddl, /`a``b` string COMMENT 'o\\'k \\\\ done'/);
      assert.match(ddl, /COMMENT 'it\\'s\\nhere'/);
      assert.match(ddl, /'x\\'\);DROP TABLE y;--'='v'/);
      const select = sampleSelect(table, ["2024-01-01' OR 1=1 --"]);
      assert.match(select, /FROM "raw"\."odd`name"\nWHERE "dt""x" = '2024-01-01'' OR 1=1 --'\nLIMIT 10;/);
      assert.equal(hiveString('a\\b'), "'a\\\\b'");
    } finally {
      local.account.glue.catalogs[0]!.databases[0]!.tables.pop();
    }
  });

  void test('SELECT … LIMIT 10 prunes to a partition: the values given, a placeholder otherwise, projection hints', async () => {
    const clicks = await read('raw', 'clickstream_events');
    assert.equal(
      sampleSelect(clicks, ['2026', '04', '13', '07']),
      `-- A registered partition; change the values to read another.\nSELECT *\nFROM "raw"."clickstream_events"\nWHERE "year" = '2026'\n  AND "month" = '04'\n  AND "day" = '13'\n  AND "hour" = '07'\nLIMIT 10;\n`,
    );
    assert.match(sampleSelect(clicks), /WHERE "year" = '…' -- a partition value/);
    assert.match(sampleSelect(await read('raw', 'alb_logs')), /"day" = '…' -- projected: 2023\/01\/01,NOW \(yyyy\/MM\/dd, every 1 DAYS\)/);
    assert.equal(sampleSelect(await read('curated', 'orders')), 'SELECT *\nFROM "curated"."orders"\nLIMIT 10;\n');
    assert.equal(viewSql('not a presto view'), undefined);
  });
});

void describe('The table document, ARN and console link', () => {
  void test('the document has formats, SerDe and table parameters, keys, projection, last update, versions, columns with comments', async () => {
    const ref: GlueTableRef = { databaseName: 'raw', tableName: 'alb_logs' };
    const table = await gateway().table(ref);
    const versions = await gateway().tableVersionCount(ref);
    assert.deepEqual(versions, { count: 3, more: false });
    const doc = tableDocument(table, { region: 'us-east-1', versions });
    for (const expected of [
      '# raw.alb_logs',
      '| ARN | `arn:aws:glue:us-east-1:123456789012:table/raw/alb_logs` |',
      '| Location | `s3://demo-alb-logs/AWSLogs/123456789012/elasticloadbalancing/us-east-1/` |',
      '| SerDe | `org.apache.hadoop.hive.serde2.RegexSerDe` |',
      '| Last updated | `2026-11-02T00:00:00.000Z` |',
      '| Versions | `3` |',
      '## Columns (3)',
      '| 3 | `elb_status_code` | `int` |  |',
      '## Partition projection',
      '| `day` | `date` | 2023/01/01,NOW (yyyy/MM/dd, every 1 DAYS) |',
      '| `serialization.format` | `1` |',
      '| `projection.enabled` | `true` |',
    ]) {
      assert.ok(doc.includes(expected), `missing ${expected}\n${doc}`);
    }
    assert.equal(cell('a|b\nc'), 'a\\|b c');
  });

  void test('versions are counted 100 per page and stop at the bound', async () => {
    const table = local.account.glue.catalogs[0]!.databases[1]!.tables[0]!;
    Object.assign(table, { versions: 250 });
    try {
      assert.deepEqual(await gateway().tableVersionCount({ databaseName: 'curated', tableName: 'orders' }), { count: 250, more: false });
      assert.equal(calls('GetTableVersions'), 3);
      assert.deepEqual(await gateway().tableVersionCount({ databaseName: 'curated', tableName: 'orders' }, { limit: 100 }), { count: 100, more: true });
    } finally {
      Object.assign(table, { versions: undefined });
    }
  });

  void test('ARNs per partition and catalog, console links', () => {
    assert.equal(glueTableArn('us-east-1', '123456789012:s3tablescatalog/analytics', 'sales', 'daily_totals'), 'arn:aws:glue:us-east-1:123456789012:table/s3tablescatalog/analytics/sales/daily_totals');
    assert.equal(glueTableArn('cn-north-1', '123456789012', 'd', 't'), 'arn:aws-cn:glue:cn-north-1:123456789012:table/d/t');
    assert.equal(glueTableArn('us-east-1', undefined, 'd', 't'), undefined);
    assert.equal(glueTableConsoleUrl('eu-west-1', '123456789012', 'raw', 'a b'), 'https://eu-west-1.console.aws.amazon.com/glue/home?region=eu-west-1#/v2/data-catalog/tables/view/a%20b?database=raw&catalogId=123456789012');
    assert.match(glueTableConsoleUrl('us-gov-west-1', undefined, 'raw', 't'), /^https:\/\/console\.amazonaws-us-gov\.com\/glue\//);
  });
});

void describe('Partition health', () => {
  void test('20,000 partitions counted with 10 parallel segments: oldest, newest, no gaps, days behind', async () => {
    const ref = { databaseName: 'raw', tableName: 'clickstream_events' };
    const table = await gateway().table(ref);
    const progress: number[] = [];
    const health = await partitionHealth(gateway(), ref, table.partitionKeys, { now: new Date(Date.UTC(2026, 3, 20)), onProgress: (n) => progress.push(n) });
    assert.equal(health.count, 20_000);
    assert.equal(health.truncated, false);
    assert.deepEqual(health.oldest, ['2024', '01', '01', '00']);
    assert.deepEqual(health.newest, ['2026', '04', '13', '07']);
    assert.deepEqual(health.dates, { keys: 'year/month/day', newestDay: '2026-04-13', daysBehind: 7, windowDays: 30, missing: [] });
    const segments = local.account.server.log.entries.filter((e) => e.operation === 'GetPartitions').map((e) => (e.input.Segment as { SegmentNumber: number; TotalSegments: number } | undefined)?.SegmentNumber);
    assert.deepEqual([...new Set(segments)].sort((a, b) => a! - b!), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 2,000 partitions per segment: 2 full pages each, plus at most one empty last page (a
    // segment's token may point past its last partition, as Glue's can).
    assert.ok(segments.length >= 20 && segments.length <= 30, `${segments.length} pages`);
    assert.equal(progress.at(-1), 20_000);
    assert.match(partitionHealthReport('raw.clickstream_events', table.partitionKeys, health), /Registered partitions: \*\*20,000\*\*[\s\S]*Newest: `year=2026\/month=04\/day=13\/hour=07`[\s\S]*No gaps/);
  });

  void test('gaps in a daily dt key, a bound that stops the scan, integer keys compare as numbers', async () => {
    // Daily partitions from 2026-01-01, every 7th day missing (position i -> day i + floor(i / 6)).
    const start = Date.UTC(2026, 0, 1);
    local.account.glue.catalogs[0]!.databases[0]!.tables.push({
      name: 'daily',
      tableType: 'EXTERNAL_TABLE',
      columns: [{ Name: 'v', Type: 'string' }],
      partitionKeys: [{ Name: 'dt', Type: 'string' }],
      partitions: { count: 60, values: (i) => [new Date(start + (i + Math.floor(i / 6)) * 86_400_000).toISOString().slice(0, 10)] },
    });
    try {
      const ref = { databaseName: 'raw', tableName: 'daily' };
      const keys = [{ name: 'dt', type: 'string' }];
      const health = await partitionHealth(gateway(), ref, keys, { gapDays: 14, segments: 3, now: new Date(Date.UTC(2026, 2, 10)) });
      assert.equal(health.count, 60);
      // Position 59 -> day 59 + 9 = 68 -> 2026-03-10.
      assert.equal(health.dates?.newestDay, '2026-03-10');
      assert.equal(health.dates?.daysBehind, 0);
      // Missing: days 6, 13, ... (every 7th); the window is days 55-68: 55 (Feb 25) and 62 (Mar 4).
      assert.deepEqual(health.dates?.missing, ['2026-02-25', '2026-03-04']);
      const bounded = await partitionHealth(gateway(), ref, keys, { segments: 1, maxPartitions: 10 });
      assert.ok(bounded.count >= 10 && bounded.truncated);
      assert.match(partitionHealthReport('raw.daily', keys, health), /\*\*2 of the 14 days\*\* up to 2026-03-10 have no partition: 2026-02-25, 2026-03-04/);
    } finally {
      local.account.glue.catalogs[0]!.databases[0]!.tables.pop();
    }
    assert.ok(comparePartitionValues([{ name: 'n', type: 'int' }], ['9'], ['10']) < 0);
    assert.ok(comparePartitionValues([{ name: 'n', type: 'string' }], ['9'], ['10']) > 0);
    assert.equal(dayReader([{ name: 'region', type: 'string' }]), undefined);
    assert.equal(dayReader([{ name: 'dt', type: 'string' }])?.(['20240229']), '2024-02-29');
    assert.equal(dayReader([{ name: 'dt', type: 'string' }])?.(['2023-02-29']), undefined, 'not a real day');
  });

  void test('a segment failing stops the scan with the error; cancelling stops it too', async () => {
    const ref = { databaseName: 'raw', tableName: 'clickstream_events' };
    const keys = (await gateway().table(ref)).partitionKeys;
    local.account.server.faults.inject({ service: 'glue', operation: 'GetPartitions', kind: 'serverError', calls: [5], times: 1 });
    await assert.rejects(partitionHealth(gateway(), ref, keys), (error: unknown) => error instanceof AwsError && error.code === 'Unknown');
    const controller = new AbortController();
    const scan = partitionHealth(gateway(), ref, keys, { signal: controller.signal, segments: 2, onProgress: () => controller.abort() });
    await assert.rejects(scan, (error: unknown) => error instanceof AwsError && error.code === 'Cancelled');
  });
});

void describe('Glue errors say which system refused', () => {
  void test('KMS: GlueEncryptionException is AccessDenied and names the key permissions', async () => {
    local.account.glue.conditions.kmsDenied.add('curated');
    try {
      const error = await gateway().table({ databaseName: 'curated', tableName: 'orders' }).catch((e: unknown) => explainGlueError(e));
      assert.ok(error instanceof AwsError);
      assert.equal(error.code, 'AccessDenied');
      assert.equal(error.awsCode, 'GlueEncryptionException');
      assert.match(error.message, /encrypted with a KMS key this role cannot use: it needs kms:Decrypt/);
    } finally {
      local.account.glue.conditions.kmsDenied.clear();
    }
  });

  void test("another account's catalog: the owner's resource policy is named, on the catalog node", async () => {
    // A catalog id typed for another account (what a cross-account catalog looks like).
    const foreign = new CatalogNode({ services: local.session, sink: { changed: () => undefined } }, { catalog: { id: '999988887777', name: 'shared' } });
    const nodes = await expand(foreign);
    assert.ok(nodes[0] instanceof ErrorNode);
    assert.match(nodes[0].item().label, /This catalog belongs to account 999988887777, not to 123456789012: its owner must allow you in the catalog's resource policy/);
  });

  void test('a federated source failing is said to be the source, not Glue', async () => {
    local.account.glue.conditions.federationFailing.add('123456789012:s3tablescatalog/analytics');
    try {
      const catalogs = await new GlueRoot(local.session, { changed: () => undefined, setState: () => undefined }).children(new AbortController().signal);
      const nodes = await expand(byLabel(catalogs, 's3tablescatalog/analytics'));
      assert.ok(nodes[0] instanceof ErrorNode);
      assert.match(nodes[0].item().label, /The source behind this federated catalog \(123456789012:s3tablescatalog\/analytics\) failed, not Glue/);
    } finally {
      local.account.glue.conditions.federationFailing.clear();
    }
  });
  void test('throttling: the node says to retry, and its retry lists the tables', async () => {
    local.account.server.faults.inject({ service: 'glue', operation: 'GetTables', kind: 'throttle', times: 1 });
    const catalogs = await new GlueRoot(local.session, { changed: () => undefined, setState: () => undefined }).children(new AbortController().signal);
    const raw = byLabel(await expand(byLabel(catalogs, 'default')), 'raw');
    const failed = await expand(raw);
    assert.ok(failed[0] instanceof ErrorNode);
    assert.match(String(failed[0].item().tooltip ?? failed[0].item().label), /throttling requests; retry/);
    failed[0].retry();
    assert.deepEqual((await expand(raw)).map((n) => n.item().label), ['clickstream_events', 'alb_logs', 'sensor_readings_hudi']);
  });
});
