// Schema drift between a template's AWS::Glue::Table and the live table: columns and partition
// keys added (live only), removed (template only) or with another type, like the stack drift
// diff: a summary list plus the two sides as documents for VS Code's diff editor. Names compare
// case-insensitively (Glue lower-cases them), types without case and blanks (`DECIMAL(10, 2)` is
// `decimal(10,2)`).
import type { GlueColumn, GlueTable } from '../../aws/glueGateway';
import { tableKind } from './tableKind';
import type { TemplateGlueTable } from './templateTables';

export interface SchemaDifference {
  readonly change: 'added' | 'removed' | 'typeChanged' | 'moved';
  readonly part: 'column' | 'partition key';
  readonly name: string;
  readonly templateType?: string;
  readonly liveType?: string;
}

export interface SchemaDrift {
  readonly differences: readonly SchemaDifference[];
  /** Why the comparison means less than it says (Delta tables' placeholder columns). */
  readonly caveat?: string;
}

const normalType = (type: string | undefined): string => (type ?? '').toLowerCase().replace(/\s+/g, '');

function compare(part: SchemaDifference['part'], template: readonly GlueColumn[], live: readonly GlueColumn[]): SchemaDifference[] {
  const liveByName = new Map(live.map((c, i) => [c.name.toLowerCase(), { column: c, index: i }]));
  const templateNames = new Set(template.map((c) => c.name.toLowerCase()));
  const out: SchemaDifference[] = [];
  template.forEach((column, index) => {
    const found = liveByName.get(column.name.toLowerCase());
    if (found === undefined) {
      out.push({ change: 'removed', part, name: column.name, ...(column.type !== undefined ? { templateType: column.type } : {}) });
      return;
    }
    const [t, l] = [column.type, found.column.type];
    if (normalType(t) !== normalType(l)) out.push({ change: 'typeChanged', part, name: column.name, ...(t !== undefined ? { templateType: t } : {}), ...(l !== undefined ? { liveType: l } : {}) });
    // Partition key order is part of the partition layout (values are positional).
    else if (part === 'partition key' && found.index !== index) out.push({ change: 'moved', part, name: column.name });
  });
  for (const column of live) {
    if (!templateNames.has(column.name.toLowerCase())) out.push({ change: 'added', part, name: column.name, ...(column.type !== undefined ? { liveType: column.type } : {}) });
  }
  return out;
}

export function schemaDrift(template: TemplateGlueTable, live: GlueTable): SchemaDrift {
  const differences = [...compare('column', template.columns, live.storage.columns), ...compare('partition key', template.partitionKeys, live.partitionKeys)];
  const kind = tableKind(live).kind;
  const caveat =
    kind === 'Delta'
      ? "The live table is a Delta table: Glue's columns are a placeholder, so column differences say little; the real schema is in the Delta log."
      : kind === 'Iceberg'
        ? 'The live table is an Iceberg table: its current schema is in the Iceberg metadata; Glue mirrors it when the table is committed.'
        : undefined;
  return { differences, ...(caveat ? { caveat } : {}) };
}

/** One line per difference, e.g. `column user_id: type bigint in AWS, string in the template`. */
export function describeDifference(d: SchemaDifference): string {
  switch (d.change) {
    case 'added':
      return `${d.part} ${d.name} (${d.liveType ?? 'no type'}) exists in AWS but not in the template`;
    case 'removed':
      return `${d.part} ${d.name} (${d.templateType ?? 'no type'}) is in the template but not in AWS`;
    case 'typeChanged':
      return `${d.part} ${d.name}: ${d.liveType ?? 'no type'} in AWS, ${d.templateType ?? 'no type'} in the template`;
    case 'moved':
      return `${d.part} ${d.name} is at another position in AWS than in the template (partition values are positional)`;
  }
}

/** The summary sentence of a comparison. */
export function driftSummary(table: string, file: string, drift: SchemaDrift): string {
  const n = drift.differences.length;
  const base = n === 0 ? `${table} matches its definition in ${file}: same columns and partition keys.` : `${table} differs from ${file} in ${n} place${n === 1 ? '' : 's'}: ${drift.differences.map(describeDifference).join('; ')}.`;
  return drift.caveat ? `${base} ${drift.caveat}` : base;
}

/** One side of the diff editor: the schema as JSON, column by column, so the diff lines up. */
export function schemaSide(columns: readonly GlueColumn[], partitionKeys: readonly GlueColumn[]): string {
  const plain = (list: readonly GlueColumn[]): Array<Record<string, string>> => list.map((c) => ({ Name: c.name, Type: c.type ?? '', ...(c.comment ? { Comment: c.comment } : {}) }));
  return `${JSON.stringify({ Columns: plain(columns), PartitionKeys: plain(partitionKeys) }, null, 2)}\n`;
}
