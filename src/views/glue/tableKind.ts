// What kind of table a Glue entry is, from its type and parameters (the badge on a table node),
// and the partition projection settings Athena uses instead of registered partitions. Parameters
// are user-written: read through the Map the gateway builds, never as object properties.
import type { GlueTable } from '../../aws/glueGateway';

export type TableKind = 'EXTERNAL' | 'MANAGED' | 'VIEW' | 'Iceberg' | 'Delta' | 'Hudi' | 'governed' | 'table';

export interface TableKindInfo {
  readonly kind: TableKind;
  /** What the user should know about this kind (shown in the tooltip and under the table). */
  readonly note?: string;
}

const lower = (value: string | undefined): string => (value ?? '').toLowerCase();

/** The kind from GetTables' cheap listing (only `TableType` is known): refined by `tableKind` on expand. */
export function listedKind(tableType: string | undefined): TableKind {
  switch (tableType) {
    case 'EXTERNAL_TABLE':
      return 'EXTERNAL';
    case 'MANAGED_TABLE':
      return 'MANAGED';
    case 'VIRTUAL_VIEW':
      return 'VIEW';
    case 'GOVERNED':
      return 'governed';
    default:
      return 'table';
  }
}

export function tableKind(table: Pick<GlueTable, 'tableType' | 'parameters' | 'storage'>): TableKindInfo {
  const p = table.parameters;
  if (table.tableType === 'VIRTUAL_VIEW') return { kind: 'VIEW', note: 'A view: its columns come from the query that defines it.' };
  if (lower(p.get('table_type')) === 'iceberg') {
    const metadata = p.get('metadata_location');
    return { kind: 'Iceberg', note: `An Apache Iceberg table: partitions and snapshots live in its metadata${metadata ? ` (${metadata})` : ''}, not in Glue partitions.` };
  }
  if (lower(p.get('spark.sql.sources.provider')) === 'delta' || lower(table.storage.location).includes('_delta_log')) {
    return { kind: 'Delta', note: "A Delta Lake table: Glue's columns are a placeholder; the real schema is in the Delta log." };
  }
  if (lower(table.storage.inputFormat).includes('hudi') || [...p.keys()].some((key) => key.startsWith('hoodie.'))) {
    return { kind: 'Hudi', note: 'An Apache Hudi table: read it through a Hudi-aware engine for the latest commits.' };
  }
  if (table.tableType === 'GOVERNED') return { kind: 'governed', note: 'A Lake Formation governed table: access and transactions go through Lake Formation.' };
  return { kind: listedKind(table.tableType) };
}

export interface ProjectionRange {
  readonly key: string;
  /** `date`, `integer`, `enum` or `injected`. */
  readonly type: string;
  /** Range, values or format, as Athena reads them: "2023/01/01,NOW (yyyy/MM/dd, every 1 DAYS)". */
  readonly detail: string;
}

/**
 * Partition projection (`projection.enabled=true`): Athena computes partitions from these settings
 * and ignores registered ones. One entry per partition key, with what is missing said plainly.
 */
export function projectionRanges(table: Pick<GlueTable, 'parameters' | 'partitionKeys'>): ProjectionRange[] | undefined {
  const p = table.parameters;
  if (lower(p.get('projection.enabled')) !== 'true') return undefined;
  return table.partitionKeys.map((key) => {
    const at = (name: string): string | undefined => p.get(`projection.${key.name}.${name}`);
    const type = at('type') ?? 'not set';
    let detail: string;
    if (type === 'date') {
      const interval = at('interval') ? `, every ${at('interval')} ${at('interval.unit') ?? ''}`.trimEnd() : '';
      detail = `${at('range') ?? 'range not set'} (${at('format') ?? 'format not set'}${interval})`;
    } else if (type === 'integer') detail = `${at('range') ?? 'range not set'}${at('interval') ? `, every ${at('interval')}` : ''}`;
    else if (type === 'enum') detail = at('values') ?? 'values not set';
    else if (type === 'injected') detail = 'the value comes from the query (a WHERE clause is required)';
    else detail = 'no projection type for this key: Athena cannot query the table';
    return { key: key.name, type, detail };
  });
}
