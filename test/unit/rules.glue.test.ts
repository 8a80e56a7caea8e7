// The AWS::Glue::Table rules on marked templates: each finding at its exact span, and the
// templates they must leave alone (intrinsics, non-S3 sources, complete projections).
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

/** A template with one Glue table whose TableInput body is `input` (indented 6 spaces). */
const table = (input: string, extra = ''): string =>
  `Resources:\n  Db:\n    Type: AWS::Glue::Database\n    Properties:\n      CatalogId: !Ref AWS::AccountId\n      DatabaseInput:\n        Name: lake\n  Events:\n    Type: AWS::Glue::Table\n    Properties:\n      CatalogId: !Ref AWS::AccountId\n      DatabaseName: !Ref Db\n${extra}      TableInput:\n${input}`;

const columnsCases: RuleCase[] = [
  {
    name: 'partition key repeated in the columns (case-insensitive)',
    doc: table('        Name: events\n        PartitionKeys:\n          - {Name: dt, Type: string}\n        StorageDescriptor:\n          Columns:\n            - {Name: id, Type: string}\n            - {Name: «DT», Type: string}\n'),
    messages: ["Column 'DT' of Events is also a partition key"],
  },
  { name: 'distinct columns and keys', doc: table('        Name: events\n        PartitionKeys:\n          - {Name: dt, Type: string}\n        StorageDescriptor:\n          Columns:\n            - {Name: id, Type: string}\n') },
];

const projectionCases: RuleCase[] = [
  {
    name: 'a key without a type, a date without range, an unknown type, a setting for a non-key',
    doc: table(
      "        Name: events\n        PartitionKeys:\n          - {Name: «region», Type: string}\n          - {Name: dt, Type: string}\n          - {Name: n, Type: int}\n        Parameters:\n          projection.enabled: 'true'\n          projection.dt.type: «date»\n          projection.dt.format: yyyy-MM-dd\n          projection.n.type: «number»\n          «projection.day.type»: date\n",
    ),
    messages: ["Partition key 'region' of Events has no 'projection.region.type'", "'projection.dt.range' is missing", "is 'number': Athena knows enum, integer, date and injected", "projects 'day', which is not a partition key of Events (region, dt, n)"],
  },
  {
    name: 'complete projection (enum, integer, date, injected)',
    doc: table(
      '        Name: events\n        PartitionKeys:\n          - {Name: a, Type: string}\n          - {Name: b, Type: int}\n          - {Name: c, Type: string}\n          - {Name: d, Type: string}\n        Parameters:\n          projection.enabled: true\n          projection.a.type: enum\n          projection.a.values: x,y\n          projection.b.type: integer\n          projection.b.range: 1,10\n          projection.c.type: date\n          projection.c.range: 2024-01-01,NOW\n          projection.c.format: yyyy-MM-dd\n          projection.d.type: injected\n',
    ),
  },
  { name: 'projection off: nothing checked', doc: table("        Name: events\n        PartitionKeys:\n          - {Name: dt, Type: string}\n        Parameters:\n          projection.enabled: 'false'\n") },
  { name: 'a type from an intrinsic is not judged', doc: table("        Name: events\n        PartitionKeys:\n          - {Name: dt, Type: string}\n        Parameters:\n          projection.enabled: 'true'\n          projection.dt.type: !Ref T\n") },
];

const icebergCases: RuleCase[] = [
  {
    name: 'ICEBERG declared as EXTERNAL_TABLE without OpenTableFormatInput',
    doc: table('        Name: orders\n        TableType: «EXTERNAL_TABLE»\n        Parameters:\n          table_type: ICEBERG\n'),
    messages: ['says table_type ICEBERG but is created as an EXTERNAL_TABLE without OpenTableFormatInput'],
  },
  {
    name: 'with OpenTableFormatInput',
    doc: table('        Name: orders\n        TableType: EXTERNAL_TABLE\n        Parameters:\n          table_type: ICEBERG\n', '      OpenTableFormatInput:\n        IcebergInput:\n          MetadataOperation: CREATE\n          Version: "2"\n'),
  },
  { name: 'a Hive table', doc: table('        Name: orders\n        TableType: EXTERNAL_TABLE\n        Parameters:\n          classification: parquet\n') },
];

const locationCases: RuleCase[] = [
  {
    name: 's3a, https and bare bucket locations',
    doc: `${table('        Name: a\n        StorageDescriptor:\n          Location: «s3a://lake/a/»\n')}  B:\n    Type: AWS::Glue::Table\n    Properties:\n      CatalogId: '1'\n      DatabaseName: lake\n      TableInput:\n        Name: b\n        StorageDescriptor:\n          Location: «https://lake.s3.us-east-1.amazonaws.com/b/»\n  C:\n    Type: AWS::Glue::Table\n    Properties:\n      CatalogId: '1'\n      DatabaseName: lake\n      TableInput:\n        Name: c\n        StorageDescriptor:\n          Location: «lake/c/»\n`,
    messages: ["Did you mean 's3://lake/a/'?", "Did you mean 's3://lake/b/'?", "Did you mean 's3://lake/c/'?"],
  },
  { name: 's3:// and !Sub locations', doc: table("        Name: a\n        StorageDescriptor:\n          Location: !Sub 's3://${B}/a/'\n") },
  { name: 'a JDBC source by connectionName', doc: table('        Name: a\n        Parameters:\n          connectionName: pg\n        StorageDescriptor:\n          Location: shop.public.orders\n') },
];

for (const [rule, cases] of [
  ['cfn-glue-partition-columns', columnsCases],
  ['cfn-glue-projection', projectionCases],
  ['cfn-glue-iceberg-input', icebergCases],
  ['cfn-glue-location', locationCases],
] as const) {
  void describe(rule, () => {
    for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
  });
}
