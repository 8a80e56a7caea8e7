// AWS Glue Data Catalog gateway: catalogs, databases, tables, partitions and table search as
// resumable pages (`tokenPages`), every `send` cancellable and mapped to the one AwsError type.
// Listings stay cheap on big catalogs: tables are listed with `AttributesToGet: [NAME,
// TABLE_TYPE]` (details come from GetTable on expand), partitions without their column schema.
import {
  GetCatalogsCommand,
  GetDatabasesCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTableVersionsCommand,
  SearchTablesCommand,
  type Column,
  type GlueClient,
  type Table,
} from '@aws-sdk/client-glue';
import { awsCall, tokenPages, type CallOptions, type Page, type PageOptions, type ServiceTarget } from './awsCall';
import type { GlueCatalog, GlueColumn, GlueDatabase, GluePartition, GlueTable, GlueTableRef, GlueTableSummary, PartitionQuery } from './glue/glueTypes';

export type * from './glue/glueTypes';

/** Glue's page limits (API reference): 100 databases or tables, 1,000 partitions or search hits. */
export const GLUE_LIMITS = { databases: 100, tables: 100, partitions: 1000, search: 1000 } as const;

export class GlueGateway {
  constructor(
    private readonly client: GlueClient,
    private readonly target: ServiceTarget = { service: 'Glue' },
  ) {}

  /**
   * Catalogs below the root (federated, S3 Tables), the root included. Accounts and regions
   * without multi-catalog support reject GetCatalogs; the caller then shows the default catalog.
   */
  catalogPages(options: PageOptions = {}): AsyncIterable<Page<GlueCatalog>> {
    return tokenPages(this.target, 'GetCatalogs', options, async (token) => {
      const out = await this.client.send(new GetCatalogsCommand({ IncludeRoot: true, Recursive: true, ...(token ? { NextToken: token } : {}) }), { abortSignal: options.signal });
      const items = (out.CatalogList ?? []).flatMap((c): GlueCatalog[] =>
        c.CatalogId === undefined
          ? []
          : [{ id: c.CatalogId, name: c.Name ?? c.CatalogId, ...opt('description', c.Description), ...opt('federatedConnection', c.FederatedCatalog?.ConnectionName) }],
      );
      return { items, nextToken: out.NextToken };
    });
  }

  databasePages(catalogId: string | undefined, options: PageOptions & { pageSize?: number } = {}): AsyncIterable<Page<GlueDatabase>> {
    return tokenPages(this.target, 'GetDatabases', options, async (token) => {
      const out = await this.client.send(
        new GetDatabasesCommand({ ...opt('CatalogId', catalogId), MaxResults: options.pageSize ?? GLUE_LIMITS.databases, ...opt('NextToken', token) }),
        { abortSignal: options.signal },
      );
      const items = (out.DatabaseList ?? []).map(
        (d): GlueDatabase => ({
          name: d.Name ?? '',
          ...opt('catalogId', d.CatalogId),
          ...opt('description', d.Description),
          ...opt('locationUri', d.LocationUri),
          ...opt('targetDatabase', d.TargetDatabase?.DatabaseName === undefined ? undefined : `${d.TargetDatabase.CatalogId ?? ''}:${d.TargetDatabase.DatabaseName}`),
        }),
      );
      return { items, nextToken: out.NextToken };
    });
  }

  /** Table names and types only (one cheap page of at most 100); details through `table`. */
  tablePages(catalogId: string | undefined, databaseName: string, options: PageOptions & { pageSize?: number } = {}): AsyncIterable<Page<GlueTableSummary>> {
    return tokenPages(this.target, 'GetTables', options, async (token) => {
      const out = await this.client.send(
        new GetTablesCommand({
          ...opt('CatalogId', catalogId),
          DatabaseName: databaseName,
          AttributesToGet: ['NAME', 'TABLE_TYPE'],
          MaxResults: options.pageSize ?? GLUE_LIMITS.tables,
          ...opt('NextToken', token),
        }),
        { abortSignal: options.signal },
      );
      return { items: (out.TableList ?? []).map((t): GlueTableSummary => ({ name: t.Name ?? '', ...opt('tableType', t.TableType) })), nextToken: out.NextToken };
    });
  }

  async table(ref: GlueTableRef, options: CallOptions = {}): Promise<GlueTable> {
    const out = await awsCall(this.target, 'GetTable', options.signal, () =>
      this.client.send(new GetTableCommand({ ...opt('CatalogId', ref.catalogId), DatabaseName: ref.databaseName, Name: ref.tableName }), { abortSignal: options.signal }),
    );
    return toTable(out.Table, ref);
  }

  /**
   * How many versions the table has, counted 100 per page up to `limit` (default 1,000): `more`
   * when the count stopped there (a table rewritten hourly can have tens of thousands).
   */
  async tableVersionCount(ref: GlueTableRef, options: CallOptions & { limit?: number } = {}): Promise<{ count: number; more: boolean }> {
    const limit = options.limit ?? 1000;
    let count = 0;
    const pages = tokenPages(this.target, 'GetTableVersions', options, async (token) => {
      const out = await this.client.send(
        new GetTableVersionsCommand({ ...opt('CatalogId', ref.catalogId), DatabaseName: ref.databaseName, TableName: ref.tableName, MaxResults: 100, ...opt('NextToken', token) }),
        { abortSignal: options.signal },
      );
      return { items: out.TableVersions ?? [], nextToken: out.NextToken };
    });
    for await (const page of pages) {
      count += page.items.length;
      if (count >= limit && page.nextToken !== undefined) return { count, more: true };
    }
    return { count, more: false };
  }

  /** Partitions (values and location only), at most 1,000 per page, filtered by AWS when `expression` is set. */
  partitionPages(ref: GlueTableRef, query: PartitionQuery = {}, options: PageOptions = {}): AsyncIterable<Page<GluePartition>> {
    return tokenPages(this.target, 'GetPartitions', options, async (token) => {
      const out = await this.client.send(
        new GetPartitionsCommand({
          ...opt('CatalogId', ref.catalogId),
          DatabaseName: ref.databaseName,
          TableName: ref.tableName,
          ExcludeColumnSchema: true,
          MaxResults: query.pageSize ?? GLUE_LIMITS.partitions,
          ...opt('Expression', query.expression),
          ...(query.segment ? { Segment: { SegmentNumber: query.segment.number, TotalSegments: query.segment.total } } : {}),
          ...opt('NextToken', token),
        }),
        { abortSignal: options.signal },
      );
      const items = (out.Partitions ?? []).map((p): GluePartition => ({ values: p.Values ?? [], ...opt('location', p.StorageDescriptor?.Location), ...opt('creationTime', p.CreationTime) }));
      return { items, nextToken: out.NextToken };
    });
  }

  /** Tables across databases whose name, description or column names contain `text`. */
  searchTablePages(text: string, catalogId: string | undefined, options: PageOptions & { pageSize?: number } = {}): AsyncIterable<Page<GlueTableSummary & { databaseName: string; catalogId?: string }>> {
    return tokenPages(this.target, 'SearchTables', options, async (token) => {
      const out = await this.client.send(
        new SearchTablesCommand({ ...opt('CatalogId', catalogId), SearchText: text, MaxResults: options.pageSize ?? GLUE_LIMITS.search, ...opt('NextToken', token) }),
        { abortSignal: options.signal },
      );
      const items = (out.TableList ?? []).map((t) => ({ name: t.Name ?? '', databaseName: t.DatabaseName ?? '', ...opt('catalogId', t.CatalogId), ...opt('tableType', t.TableType) }));
      return { items, nextToken: out.NextToken };
    });
  }
}

/** `{ [key]: value }` when the value is present, else `{}` (optional members stay absent). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function toColumns(columns: readonly Column[] | undefined): GlueColumn[] {
  return (columns ?? []).map((c) => ({ name: c.Name ?? '', ...opt('type', c.Type), ...opt('comment', c.Comment) }));
}

/** Catalog-supplied keys into a Map: no prototype lookups on names like `__proto__`. */
function toMap(record: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const key of Object.keys(record ?? {})) {
    const value = Object.getOwnPropertyDescriptor(record, key)?.value as unknown;
    if (typeof value === 'string') map.set(key, value);
  }
  return map;
}

function toTable(table: Table | undefined, ref: GlueTableRef): GlueTable {
  const sd = table?.StorageDescriptor;
  return {
    name: table?.Name ?? ref.tableName,
    databaseName: table?.DatabaseName ?? ref.databaseName,
    ...opt('catalogId', table?.CatalogId ?? ref.catalogId),
    ...opt('tableType', table?.TableType),
    ...opt('description', table?.Description),
    parameters: toMap(table?.Parameters),
    storage: {
      ...opt('location', sd?.Location),
      ...opt('inputFormat', sd?.InputFormat),
      ...opt('outputFormat', sd?.OutputFormat),
      ...opt('serializationLibrary', sd?.SerdeInfo?.SerializationLibrary),
      serdeParameters: toMap(sd?.SerdeInfo?.Parameters),
      columns: toColumns(sd?.Columns),
    },
    partitionKeys: toColumns(table?.PartitionKeys),
    ...opt('viewOriginalText', table?.ViewOriginalText),
    ...opt('updateTime', table?.UpdateTime),
    ...opt('versionId', table?.VersionId),
    ...opt('isRegisteredWithLakeFormation', table?.IsRegisteredWithLakeFormation),
  };
}
