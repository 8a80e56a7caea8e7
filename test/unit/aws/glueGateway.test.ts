// The Glue gateway through the real @aws-sdk/client-glue against the local account's Glue:
// catalogs, paging of databases and tables, table details, 20,000 partitions one page of 1,000
// at a time, server-side partition expressions, a listing that fails mid-way and resumes, and
// Lake Formation denying one database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import type { Page } from '../../../src/aws/awsCall';
import type { GlueGateway, GluePartition } from '../../../src/aws/glueGateway';
import { glueService } from '../../../src/aws/services/glue';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { awsServicesFor } from '../../support/awsServicesFor';

let account: LocalAccount;
let session: ReturnType<typeof awsServicesFor>;
let glue: GlueGateway;
const clicks = { databaseName: 'raw', tableName: 'clickstream_events' };

before(async () => {
  account = await startLocalAccount();
  session = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
  glue = session.gateway(glueService);
});
after(async () => {
  session.dispose();
  await account.server.close();
});

async function all<T>(pages: AsyncIterable<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    count += 1;
    items.push(...page.items);
  }
  return { items, pages: count };
}

async function filtered(expression: string): Promise<GluePartition[]> {
  return (await all(glue.partitionPages(clicks, { expression }))).items;
}

void describe('Glue gateway against the local server', () => {
  void test('lists the default catalog and the S3 Tables catalog', async () => {
    const { items } = await all(glue.catalogPages());
    assert.deepEqual(
      items.map((c) => c.id),
      ['123456789012', '123456789012:s3tablescatalog/analytics'],
    );
    assert.equal(items[1]!.federatedConnection, 'aws:s3tables');
  });

  void test('pages databases and tables, tables by name and type only', async () => {
    const databases = await all(glue.databasePages(undefined, { pageSize: 1 }));
    assert.deepEqual(databases.items.map((d) => d.name), ['raw', 'curated']);
    assert.equal(databases.pages, 2);
    const tables = await all(glue.tablePages(undefined, 'curated', { pageSize: 3 }));
    assert.equal(tables.pages, 2);
    assert.deepEqual(
      tables.items.map((t) => `${t.name}:${t.tableType ?? ''}`),
      ['orders:EXTERNAL_TABLE', 'customers:EXTERNAL_TABLE', 'payments:GOVERNED', 'daily_revenue:VIRTUAL_VIEW'],
    );
    const sent = account.server.log.entries.filter((e) => e.operation === 'GetTables').map((e) => e.input.AttributesToGet);
    assert.deepEqual(sent[0], ['NAME', 'TABLE_TYPE']);
  });

  void test('reads a table in another catalog and keeps hostile parameter names as plain keys', async () => {
    account.glue.catalogs[1]!.databases[0]!.tables.push({ name: 'odd', columns: [], parameters: { __proto__x: '1', constructor: 'c' } });
    const table = await glue.table({ catalogId: '123456789012:s3tablescatalog/analytics', databaseName: 'sales', tableName: 'odd' });
    assert.equal(table.parameters.get('constructor'), 'c');
    assert.equal(table.parameters.get('toString'), undefined);
    const orders = await glue.table({ databaseName: 'curated', tableName: 'orders' });
    assert.equal(orders.parameters.get('table_type'), 'ICEBERG');
    assert.deepEqual(orders.storage.columns.map((c) => c.name), ['order_id', 'amount', 'ordered_at']);
  });

  void test('20,000 partitions arrive 1,000 per page without column schemas', async () => {
    const first = await glue.partitionPages(clicks)[Symbol.asyncIterator]().next();
    assert.equal(first.done, false);
    assert.equal(first.value!.items.length, 1000);
    assert.deepEqual(first.value!.items[0]!.values, ['2024', '01', '01', '00']);
    assert.ok(first.value!.nextToken);
    const { items, pages } = await all(glue.partitionPages(clicks));
    assert.equal(items.length, 20_000);
    assert.equal(pages, 20);
    const request = account.server.log.entries.find((e) => e.operation === 'GetPartitions')!;
    assert.equal(request.input.ExcludeColumnSchema, true);
    assert.equal(request.input.MaxResults, 1000);
  });

  void test('partition expressions are evaluated by the server', async () => {
    // February 1-3 2024, 24 hours each.
    assert.equal((await filtered("year = '2024' AND month = '02' AND day BETWEEN '01' AND '03'")).length, 72);
    // Two hours a day over the 31 days of January 2024.
    assert.equal((await filtered("year = '2024' AND month = '01' AND hour IN ('00', '12')")).length, 62);
    // Midnight of the 1st of January to September 2025.
    assert.equal((await filtered("year = '2025' AND month LIKE '0_' AND day = '01' AND hour = '00'")).length, 9);
    // Two whole days.
    const days = await filtered("(year = '2024' AND month = '01' AND day = '01') OR (year = '2025' AND month = '12' AND day = '31')");
    assert.equal(days.length, 48);
    assert.ok(days.every((p) => p.values.slice(0, 3).join('-') === '2024-01-01' || p.values.slice(0, 3).join('-') === '2025-12-31'));
    // The last partition is 2024-01-01T00 + 19,999 h = 2026-04-13T07 (366 + 365 + 102 days, 7 h): after it, nothing.
    assert.equal((await filtered("year > '2026'")).length, 0);
    assert.equal((await filtered("year = '2026' AND month = '04' AND day = '13'")).length, 8);
  });

  void test('a malformed expression is InvalidInputException, read as InvalidInput', async () => {
    await assert.rejects(filtered("year = '2024' AND"), (error: unknown) => {
      assert.ok(error instanceof AwsError);
      assert.equal(error.code, 'InvalidInput');
      assert.match(error.message, /column 18/);
      return true;
    });
    await assert.rejects(filtered("colour = 'red'"), /not a partition key \(the table's partition keys: year, month, day, hour\)/);
  });

  void test('a listing that fails on page 3 keeps pages 1-2 and resumes from the last good token', async () => {
    const fault = account.server.faults.inject({ service: 'glue', operation: 'GetPartitions', kind: 'serverError', page: 3, times: 1 });
    const seen: Page<GluePartition>[] = [];
    await assert.rejects(async () => {
      for await (const page of glue.partitionPages(clicks)) seen.push(page);
    }, (error: unknown) => error instanceof AwsError);
    assert.equal(seen.length, 2);
    assert.equal(fault.remaining, 0);
    const rest = await all(glue.partitionPages(clicks, {}, { startToken: seen[1]!.nextToken }));
    const values = [...seen.flatMap((p) => p.items), ...rest.items].map((p) => p.values.join('/'));
    assert.equal(values.length, 20_000);
    assert.equal(new Set(values).size, 20_000);
  });

  void test('Lake Formation denying one database fails that database only', async () => {
    account.glue.conditions.lakeFormationDenied.add('raw');
    try {
      await assert.rejects(all(glue.tablePages(undefined, 'raw')), (error: unknown) => {
        assert.ok(error instanceof AwsError);
        assert.equal(error.code, 'AccessDenied');
        assert.match(error.message, /Lake Formation/);
        return true;
      });
      assert.equal((await all(glue.tablePages(undefined, 'curated'))).items.length, 4);
      const search = await all(glue.searchTablePages('amount', undefined));
      assert.deepEqual(search.items.map((t) => `${t.databaseName}.${t.name}`), ['curated.orders', 'curated.payments']);
    } finally {
      account.glue.conditions.lakeFormationDenied.clear();
    }
  });

  void test('GetCatalogs refused: the error says so, databases still list', async () => {
    account.glue.conditions.getCatalogsAnswers = false;
    try {
      await assert.rejects(all(glue.catalogPages()), (error: unknown) => error instanceof AwsError && error.code === 'InvalidInput');
      assert.equal((await all(glue.databasePages(undefined))).items.length, 2);
    } finally {
      account.glue.conditions.getCatalogsAnswers = true;
    }
  });
});
