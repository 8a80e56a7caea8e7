// Athena SQL from a Glue table: the DDL that recreates it (CREATE EXTERNAL TABLE with columns,
// partitioning, SerDe, formats, location and table properties; Iceberg as CREATE TABLE with
// `table_type`; Delta as Athena's location-only form; a view from its original SQL) and a
// `SELECT … LIMIT 10` that prunes to one partition. Names and values come from the catalog and are
// quoted, never pasted: DDL is Hive syntax (backticks, backslash-escaped strings), queries are
// Trino (double quotes, doubled single quotes).
import type { GlueColumn, GlueTable } from '../../aws/glueGateway';
import { projectionRanges, tableKind } from './tableKind';

/** Parameters Athena sets itself or rejects in TBLPROPERTIES. */
const MANAGED_PARAMETERS = new Set(['EXTERNAL', 'transient_lastDdlTime', 'presto_view', 'comment']);
/** Iceberg tables take only these of their parameters back in Athena's CREATE TABLE. */
const ICEBERG_PROPERTIES = new Set(['format', 'write_compression', 'optimize_rewrite_delete_file_threshold', 'optimize_rewrite_data_file_threshold', 'vacuum_min_snapshots_to_keep', 'vacuum_max_snapshot_age_seconds', 'vacuum_max_metadata_files_to_keep']);
/** Numeric Glue types: a partition value of these compares unquoted. */
const NUMERIC = /^(tinyint|smallint|int|integer|bigint|float|double|decimal(\(.*\))?)$/i;

/** A Hive identifier: backticks, a backtick doubled. */
export function hiveName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A Hive string literal: single quotes, backslash and quote escaped, line breaks as escapes. */
export function hiveString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A Trino identifier: double quotes, a quote doubled. */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A Trino string literal: single quotes, a quote doubled. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function columnList(columns: readonly GlueColumn[]): string {
  return columns.map((c) => `  ${hiveName(c.name)} ${c.type ?? 'string'}${c.comment ? ` COMMENT ${hiveString(c.comment)}` : ''}`).join(',\n');
}

function properties(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([key, value]) => `  ${hiveString(key)}=${hiveString(value)}`).join(',\n');
}

function sortedParameters(table: GlueTable, keep: (key: string) => boolean): [string, string][] {
  return [...table.parameters.entries()].filter(([key]) => keep(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `/* Presto View: <base64 JSON> *\/`: the original SQL of an Athena view, when it decodes. */
export function viewSql(viewOriginalText: string | undefined): string | undefined {
  const encoded = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(viewOriginalText?.trim() ?? '')?.[1];
  if (encoded === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown;
    const sql = typeof decoded === 'object' && decoded !== null ? (decoded as { originalSql?: unknown }).originalSql : undefined;
    return typeof sql === 'string' && sql.trim() !== '' ? sql : undefined;
  } catch {
    return undefined;
  }
}

/** The Athena DDL that recreates `table` (a comment first says what cannot be carried over). */
export function athenaDdl(table: GlueTable): string {
  const kind = tableKind(table).kind;
  const name = `${hiveName(table.databaseName)}.${hiveName(table.name)}`;
  const location = table.storage.location;
  if (kind === 'VIEW') {
    const sql = viewSql(table.viewOriginalText);
    if (sql === undefined) return `-- ${table.databaseName}.${table.name} is a view whose SQL is not an Athena view's (ViewOriginalText is not readable here).\n-- Recreate it from the engine that created it.\n`;
    return `CREATE OR REPLACE VIEW ${sqlName(table.databaseName)}.${sqlName(table.name)} AS\n${sql.trim()}\n`;
  }
  if (kind === 'Delta') {
    // Athena reads the schema and partitions from the Delta log; Glue's columns are a placeholder.
    return `-- A Delta Lake table: Athena reads columns and partitions from the Delta log.\nCREATE EXTERNAL TABLE ${name}\nLOCATION ${hiveString(location ?? 's3://…')}\nTBLPROPERTIES ('table_type'='DELTA');\n`;
  }
  const lines: string[] = [];
  if (kind === 'Iceberg') {
    lines.push('-- An Iceberg table: its partitioning and snapshots live in the Iceberg metadata, not in Glue; add PARTITIONED BY transforms if you need them.');
    lines.push(`CREATE TABLE ${name} (`, columnList(table.storage.columns), ')');
    if (table.description) lines.push(`COMMENT ${hiveString(table.description)}`);
    lines.push(`LOCATION ${hiveString(location ?? 's3://…')}`);
    const extra = sortedParameters(table, (key) => ICEBERG_PROPERTIES.has(key));
    lines.push('TBLPROPERTIES (', properties([['table_type', 'ICEBERG'], ...extra]), ');');
    return `${lines.join('\n')}\n`;
  }
  if (kind === 'governed') lines.push('-- A Lake Formation governed table: create it through Lake Formation; this DDL gives its shape as an external table.');
  lines.push(`CREATE EXTERNAL TABLE ${name} (`, columnList(table.storage.columns), ')');
  if (table.description) lines.push(`COMMENT ${hiveString(table.description)}`);
  if (table.partitionKeys.length > 0) lines.push('PARTITIONED BY (', columnList(table.partitionKeys), ')');
  const storage = table.storage;
  if (storage.serializationLibrary) {
    lines.push(`ROW FORMAT SERDE ${hiveString(storage.serializationLibrary)}`);
    const serde = [...storage.serdeParameters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (serde.length > 0) lines.push('WITH SERDEPROPERTIES (', properties(serde), ')');
  }
  if (storage.inputFormat || storage.outputFormat) {
    lines.push(`STORED AS INPUTFORMAT ${hiveString(storage.inputFormat ?? 'org.apache.hadoop.mapred.TextInputFormat')}`);
    lines.push(`OUTPUTFORMAT ${hiveString(storage.outputFormat ?? 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat')}`);
  }
  if (location) lines.push(`LOCATION ${hiveString(location)}`);
  const tableProperties = sortedParameters(table, (key) => !MANAGED_PARAMETERS.has(key));
  if (tableProperties.length > 0) lines.push('TBLPROPERTIES (', properties(tableProperties), ')');
  lines[lines.length - 1] += ';';
  return `${lines.join('\n')}\n`;
}

/**
 * `SELECT * … LIMIT 10`, pruned to one partition when the table is partitioned: `values` (in key
 * order, e.g. the newest registered partition) when known, else a placeholder to fill in, which a
 * projected table needs anyway (Athena refuses an unbounded scan of an injected key).
 */
export function sampleSelect(table: GlueTable, values?: readonly string[]): string {
  const from = `${sqlName(table.databaseName)}.${sqlName(table.name)}`;
  const keys = tableKind(table).kind === 'Iceberg' || tableKind(table).kind === 'Delta' ? [] : table.partitionKeys;
  if (keys.length === 0) return `SELECT *\nFROM ${from}\nLIMIT 10;\n`;
  const projection = projectionRanges(table);
  const predicates = keys.map((key, index) => {
    const value = values?.[index];
    const literal = value === undefined ? undefined : NUMERIC.test(key.type ?? '') && /^-?\d+(\.\d+)?$/.test(value) ? value : sqlString(value);
    if (literal !== undefined) return `${sqlName(key.name)} = ${literal}`;
    const hint = projection?.find((range) => range.key === key.name)?.detail;
    return `${sqlName(key.name)} = '…' -- ${hint ? `projected: ${hint}` : 'a partition value'}`;
  });
  const note = values === undefined ? '-- Fill in the partition values: a partition predicate keeps the scan (and its cost) to one partition.\n' : '-- A registered partition; change the values to read another.\n';
  return `${note}SELECT *\nFROM ${from}\nWHERE ${predicates.join('\n  AND ')}\nLIMIT 10;\n`;
}
