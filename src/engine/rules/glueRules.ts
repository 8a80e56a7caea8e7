// `AWS::Glue::Table` checks that need no AWS call: what Glue or Athena will refuse or misread once
// the stack is deployed. Partition keys repeated in the columns (Athena: "duplicate column"),
// partition projection settings that do not fit the partition keys (Athena then fails every query
// or silently returns nothing), an Iceberg table declared as a plain Hive table, and a storage
// location that is not an `s3://` URI. Only literal values are judged; intrinsics are skipped.
import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, ScalarNode } from '../document/located';
import { getPair, getValue, isStringScalar } from '../document/located';

/** A Glue table resource's `TableInput` parts the rules read. */
interface GlueTableInput {
  readonly logicalId: string;
  readonly input: LocatedNode;
  readonly storage: LocatedNode | undefined;
  readonly parameters: LocatedNode | undefined;
}

function glueTables(context: RuleContext): GlueTableInput[] {
  const out: GlueTableInput[] = [];
  for (const resource of context.template?.resources.values() ?? []) {
    if (resource.type !== 'AWS::Glue::Table') continue;
    const input = getValue(resource.properties, 'TableInput');
    if (input?.kind !== 'mapping') continue;
    out.push({ logicalId: resource.name, input, storage: getValue(input, 'StorageDescriptor'), parameters: getValue(input, 'Parameters') });
  }
  return out;
}

/** The literal names of a `Columns` / `PartitionKeys` list, with their nodes. */
function columnNames(list: LocatedNode | undefined): ScalarNode[] {
  if (list?.kind !== 'sequence') return [];
  return list.items.map((item) => getValue(item, 'Name')).filter(isStringScalar);
}

/** A literal scalar's text (`true` and numbers included), or undefined for intrinsics. */
function literal(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node.text : undefined;
}

export const glueColumnsRule: Rule = {
  id: 'cfn-glue-partition-columns',
  description: 'An AWS::Glue::Table partition key must not also be listed in StorageDescriptor.Columns: Athena refuses the table ("duplicate column") and Glue crawlers and Spark read it twice.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const table of glueTables(context)) {
      const columns = new Map(columnNames(getValue(table.storage, 'Columns')).map((n) => [(n.value as string).toLowerCase(), n]));
      for (const key of columnNames(getValue(table.input, 'PartitionKeys'))) {
        const name = (key.value as string).toLowerCase();
        const column = columns.get(name);
        if (column === undefined) continue;
        context.report(column.span, `Column '${column.value as string}' of ${table.logicalId} is also a partition key: remove it from StorageDescriptor.Columns (partition keys are columns of the table already; Athena refuses duplicates).`);
      }
    }
  },
};

const PROJECTION_TYPES = new Set(['enum', 'integer', 'date', 'injected']);

export const glueProjectionRule: Rule = {
  id: 'cfn-glue-projection',
  description:
    'With partition projection on (projection.enabled = true), every partition key of an AWS::Glue::Table needs a known projection.<key>.type (enum, integer, date, injected) and the settings that type needs (a date needs range and format, an integer a range, an enum values); settings for a key that is not a partition key are ignored by Athena.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const table of glueTables(context)) {
      const params = table.parameters;
      if (params?.kind !== 'mapping') continue;
      const enabled = getPair(params, 'projection.enabled');
      if (enabled === undefined || literal(enabled.value)?.toLowerCase() !== 'true') continue;
      const keys = columnNames(getValue(table.input, 'PartitionKeys'));
      const keyNames = new Set(keys.map((k) => k.value as string));
      const setting = (key: string, name: string): LocatedNode | undefined => getValue(params, `projection.${key}.${name}`);
      if (keys.length === 0) context.report(enabled.key.span, `${table.logicalId} enables partition projection but has no PartitionKeys: there is nothing to project.`, undefined, 'warning');
      for (const key of keys) {
        const name = key.value as string;
        const typeNode = setting(name, 'type');
        const type = literal(typeNode);
        if (typeNode === undefined) {
          context.report(key.span, `Partition key '${name}' of ${table.logicalId} has no 'projection.${name}.type': with projection enabled Athena fails every query. Set it to enum, integer, date or injected.`);
          continue;
        }
        if (type === undefined) continue;
        if (!PROJECTION_TYPES.has(type)) {
          context.report(typeNode.span, `'projection.${name}.type' is '${type}': Athena knows enum, integer, date and injected.`);
          continue;
        }
        const needs = type === 'date' ? ['range', 'format'] : type === 'integer' ? ['range'] : type === 'enum' ? ['values'] : [];
        for (const need of needs) {
          if (setting(name, need) === undefined) context.report(typeNode.span, `Partition key '${name}' of ${table.logicalId} is projected as ${type} but 'projection.${name}.${need}' is missing: Athena cannot compute its partitions.`);
        }
      }
      // Settings for a name that is not a partition key (a typo, or a key renamed since).
      for (const pair of params.pairs) {
        const m = /^projection\.(.+)\.type$/.exec(pair.key.text);
        if (m && !keyNames.has(m[1]!)) {
          context.report(pair.key.span, `'${pair.key.text}' projects '${m[1]!}', which is not a partition key of ${table.logicalId} (${[...keyNames].join(', ') || 'none'}): Athena ignores it.`, undefined, 'warning');
        }
      }
    }
  },
};

export const glueIcebergRule: Rule = {
  id: 'cfn-glue-iceberg-input',
  description:
    "An AWS::Glue::Table meant to be Iceberg (Parameters table_type = ICEBERG) declared with TableType EXTERNAL_TABLE and no OpenTableFormatInput is created as a plain Hive table: Athena then does not read it as Iceberg. Declare it with OpenTableFormatInput.IcebergInput.",
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const resource of context.template?.resources.values() ?? []) {
      if (resource.type !== 'AWS::Glue::Table') continue;
      const input = getValue(resource.properties, 'TableInput');
      const tableType = getValue(getValue(input, 'Parameters'), 'table_type');
      if (literal(tableType)?.toUpperCase() !== 'ICEBERG') continue;
      if (getValue(resource.properties, 'OpenTableFormatInput') !== undefined) continue;
      const declared = getValue(input, 'TableType');
      if (declared !== undefined && literal(declared) !== 'EXTERNAL_TABLE') continue;
      context.report(
        (declared ?? tableType)!.span,
        `${resource.name} says table_type ICEBERG but is created as ${declared ? 'an EXTERNAL_TABLE' : 'a table'} without OpenTableFormatInput: Glue makes it a Hive table with no Iceberg metadata. Add OpenTableFormatInput: { IcebergInput: { MetadataOperation: CREATE, Version: '2' } }.`,
      );
    }
  },
};

/** Tables whose Location is not S3 by design (a JDBC, DynamoDB or Kafka source). */
function nonS3Source(params: LocatedNode | undefined): boolean {
  if (getValue(params, 'connectionName') !== undefined) return true;
  const classification = literal(getValue(params, 'classification'))?.toLowerCase();
  return classification !== undefined && ['dynamodb', 'jdbc', 'kafka', 'kinesis', 'mongodb', 'documentdb'].includes(classification);
}

/** The s3:// URI a near miss meant: `s3a://b/k`, `https://b.s3.amazonaws.com/k`, `b/k`. */
function s3Uri(value: string): string | undefined {
  const hadoop = /^s3[an]:\/\/(.+)$/.exec(value);
  if (hadoop) return `s3://${hadoop[1]!}`;
  const virtualHost = /^https?:\/\/([a-z0-9.-]+?)\.s3[.-][a-z0-9.-]*amazonaws\.com(\/.*)?$/.exec(value);
  if (virtualHost) return `s3://${virtualHost[1]!}${virtualHost[2] ?? '/'}`;
  if (/^[a-z0-9][a-z0-9.-]{2,62}(\/.*)?$/.test(value)) return `s3://${value}`;
  return undefined;
}

export const glueLocationRule: Rule = {
  id: 'cfn-glue-location',
  description: 'The StorageDescriptor.Location of an AWS::Glue::Table over S3 must be an s3:// URI (not s3a://, an https:// URL or a bare bucket name): Athena and Glue read nothing from other schemes.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    for (const table of glueTables(context)) {
      const location = getValue(table.storage, 'Location');
      if (!isStringScalar(location) || nonS3Source(table.parameters)) continue;
      const value = location.value as string;
      if (value.startsWith('s3://') || value.startsWith('arn:')) continue;
      const fix = s3Uri(value);
      const hint = fix ? ` Did you mean '${fix}'?` : '';
      context.report(location.span, `Location '${value}' of ${table.logicalId} is not an s3:// URI.${hint}`);
    }
  },
};
