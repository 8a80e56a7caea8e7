// A small data lake for the local Glue server and the `npm start` demo: a raw and a curated
// database in the default catalog (a partitioned Parquet table with 20,000 hourly partitions,
// generated on demand; an Iceberg, a Delta, a Hudi, a governed and a projected table; a view),
// and an S3 Tables catalog that GetCatalogs lists.

export interface FixtureColumn {
  readonly Name: string;
  readonly Type: string;
  readonly Comment?: string;
}

/** Partitions by position: `values(i)` for 0 <= i < count, so 20,000 cost nothing until read. */
export interface FixturePartitions {
  readonly count: number;
  values(index: number): string[];
}

export interface FixtureTable {
  readonly name: string;
  readonly tableType?: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly location?: string;
  readonly inputFormat?: string;
  readonly outputFormat?: string;
  readonly serde?: string;
  readonly columns: readonly FixtureColumn[];
  readonly partitionKeys?: readonly FixtureColumn[];
  readonly viewOriginalText?: string;
  readonly partitions?: FixturePartitions;
  /** How many versions GetTableVersions lists (default 3). */
  readonly versions?: number;
}

export interface FixtureDatabase {
  readonly name: string;
  readonly description?: string;
  readonly locationUri?: string;
  readonly tables: FixtureTable[];
}

export interface FixtureCatalog {
  /** Empty for the account's default catalog (its id is the account id). */
  readonly suffix: string;
  readonly name: string;
  readonly federatedConnection?: string;
  readonly databases: FixtureDatabase[];
}

const PARQUET = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serde: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
} as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Hourly partitions from 2024-01-01T00 on: year, month, day, hour. */
export function hourlyPartitions(count: number, start = Date.UTC(2024, 0, 1)): FixturePartitions {
  return {
    count,
    values(index) {
      const d = new Date(start + index * 3_600_000);
      return [String(d.getUTCFullYear()), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours())];
    },
  };
}

const HOURLY_KEYS: FixtureColumn[] = [
  { Name: 'year', Type: 'string' },
  { Name: 'month', Type: 'string' },
  { Name: 'day', Type: 'string' },
  { Name: 'hour', Type: 'string', Comment: 'UTC hour, 00-23' },
];

export function createGlueFixture(partitionCount = 20_000): FixtureCatalog[] {
  return [
    {
      suffix: '',
      name: 'default',
      databases: [
        {
          name: 'raw',
          description: 'Landing zone: data as delivered',
          locationUri: 's3://demo-lake-raw/',
          tables: [
            {
              name: 'clickstream_events',
              tableType: 'EXTERNAL_TABLE',
              description: 'Web clicks, hourly Parquet',
              parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
              location: 's3://demo-lake-raw/clickstream/',
              ...PARQUET,
              columns: [
                { Name: 'event_id', Type: 'string' },
                { Name: 'user_id', Type: 'bigint', Comment: 'Pseudonymous user' },
                { Name: 'url', Type: 'string' },
                { Name: 'ts', Type: 'timestamp' },
              ],
              partitionKeys: HOURLY_KEYS,
              partitions: hourlyPartitions(partitionCount),
            },
            {
              name: 'alb_logs',
              tableType: 'EXTERNAL_TABLE',
              description: 'ALB access logs, partition projection (no registered partitions)',
              parameters: {
                'projection.enabled': 'true',
                'projection.day.type': 'date',
                'projection.day.range': '2023/01/01,NOW',
                'projection.day.format': 'yyyy/MM/dd',
                'projection.day.interval': '1',
                'projection.day.interval.unit': 'DAYS',
                'storage.location.template': 's3://demo-alb-logs/AWSLogs/123456789012/elasticloadbalancing/us-east-1/${day}',
              },
              location: 's3://demo-alb-logs/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
              inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
              outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
              serde: 'org.apache.hadoop.hive.serde2.RegexSerDe',
              columns: [
                { Name: 'type', Type: 'string' },
                { Name: 'time', Type: 'string' },
                { Name: 'elb_status_code', Type: 'int' },
              ],
              partitionKeys: [{ Name: 'day', Type: 'string' }],
            },
            {
              name: 'sensor_readings_hudi',
              tableType: 'EXTERNAL_TABLE',
              parameters: { 'hoodie.table.type': 'COPY_ON_WRITE' },
              location: 's3://demo-lake-raw/sensors/',
              inputFormat: 'org.apache.hudi.hadoop.HoodieParquetInputFormat',
              outputFormat: PARQUET.outputFormat,
              serde: PARQUET.serde,
              columns: [
                { Name: 'sensor_id', Type: 'string' },
                { Name: 'reading', Type: 'double' },
              ],
            },
          ],
        },
        {
          name: 'curated',
          description: 'Cleaned, modelled data for analysts',
          locationUri: 's3://demo-lake-curated/',
          tables: [
            {
              name: 'orders',
              tableType: 'EXTERNAL_TABLE',
              parameters: { table_type: 'ICEBERG', metadata_location: 's3://demo-lake-curated/orders/metadata/00042-5c1e.metadata.json' },
              location: 's3://demo-lake-curated/orders',
              columns: [
                { Name: 'order_id', Type: 'string' },
                { Name: 'amount', Type: 'decimal(12,2)' },
                { Name: 'ordered_at', Type: 'timestamp' },
              ],
            },
            {
              name: 'customers',
              tableType: 'EXTERNAL_TABLE',
              parameters: { 'spark.sql.sources.provider': 'delta', 'spark.sql.partitionProvider': 'catalog' },
              location: 's3://demo-lake-curated/customers',
              inputFormat: 'org.apache.hadoop.mapred.SequenceFileInputFormat',
              columns: [{ Name: 'col', Type: 'array<string>', Comment: 'from deserializer' }],
            },
            {
              name: 'payments',
              tableType: 'GOVERNED',
              location: 's3://demo-lake-curated/payments/',
              ...PARQUET,
              columns: [
                { Name: 'payment_id', Type: 'string' },
                { Name: 'amount', Type: 'decimal(12,2)' },
              ],
            },
            {
              name: 'daily_revenue',
              tableType: 'VIRTUAL_VIEW',
              parameters: { presto_view: 'true' },
              viewOriginalText: '/* Presto View: eyJvcmlnaW5hbFNxbCI6IlNFTEVDVCAuLi4ifQ== */',
              columns: [
                { Name: 'day', Type: 'date' },
                { Name: 'revenue', Type: 'decimal(18,2)' },
              ],
            },
          ],
        },
      ],
    },
    {
      suffix: ':s3tablescatalog/analytics',
      name: 's3tablescatalog/analytics',
      federatedConnection: 'aws:s3tables',
      databases: [
        {
          name: 'sales',
          tables: [
            {
              name: 'daily_totals',
              tableType: 'EXTERNAL_TABLE',
              parameters: { table_type: 'ICEBERG', metadata_location: 's3://f1e2d3-table-bucket--table-s3/metadata/00001.metadata.json' },
              columns: [
                { Name: 'day', Type: 'date' },
                { Name: 'total', Type: 'decimal(18,2)' },
              ],
            },
          ],
        },
      ],
    },
  ];
}
