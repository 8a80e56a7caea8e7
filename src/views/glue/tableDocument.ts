// The read-only table document (Markdown): where the data lives, formats, SerDe and its
// parameters, table parameters, partition keys, projection settings, when it last changed and how
// many versions it has, and the columns with their comments. Everything in it is catalog text:
// table cells are escaped so a `|` or a line break in a comment cannot break the layout.
import type { GlueColumn, GlueTable } from '../../aws/glueGateway';
import { glueTableArn } from './glueLinks';
import { projectionRanges, tableKind } from './tableKind';

/** A Markdown table cell: pipes escaped, line breaks flattened, code spans kept closed. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

function code(text: string): string {
  // A code span that contains backticks needs a longer fence (CommonMark).
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${cell(text)}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function columnsTable(columns: readonly GlueColumn[]): string[] {
  if (columns.length === 0) return ['_None._'];
  return ['| # | Name | Type | Comment |', '|---:|---|---|---|', ...columns.map((c, i) => `| ${i + 1} | ${code(c.name)} | ${code(c.type ?? '')} | ${cell(c.comment ?? '')} |`)];
}

function mapTable(map: ReadonlyMap<string, string>): string[] {
  if (map.size === 0) return ['_None._'];
  const sorted = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ['| Key | Value |', '|---|---|', ...sorted.map(([k, v]) => `| ${code(k)} | ${code(v)} |`)];
}

export interface TableDocumentContext {
  readonly region: string;
  /** How many versions GetTableVersions listed (`more` when the count stopped at its bound). */
  readonly versions?: { readonly count: number; readonly more: boolean };
}

export function tableDocument(table: GlueTable, context: TableDocumentContext): string {
  const kind = tableKind(table);
  const s = table.storage;
  const arn = glueTableArn(context.region, table.catalogId, table.databaseName, table.name);
  const field = (label: string, value: string | undefined): string[] => (value === undefined || value === '' ? [] : [`| ${label} | ${code(value)} |`]);
  const versions = context.versions ? `${context.versions.count}${context.versions.more ? '+' : ''}` : undefined;
  const lines = [
    `# ${cell(table.databaseName)}.${cell(table.name)}`,
    '',
    `**${kind.kind}**${table.description ? ` — ${cell(table.description)}` : ''}`,
    ...(kind.note ? ['', `> ${cell(kind.note)}`] : []),
    '',
    '| | |',
    '|---|---|',
    ...field('Catalog', table.catalogId),
    ...field('ARN', arn),
    ...field('Table type', table.tableType),
    ...field('Location', s.location),
    ...field('Input format', s.inputFormat),
    ...field('Output format', s.outputFormat),
    ...field('SerDe', s.serializationLibrary),
    ...field('Last updated', table.updateTime?.toISOString()),
    ...field('Version', table.versionId),
    ...field('Versions', versions),
    ...field('Lake Formation', table.isRegisteredWithLakeFormation === undefined ? undefined : table.isRegisteredWithLakeFormation ? 'registered' : 'not registered'),
    '',
    `## Columns (${s.columns.length})`,
    '',
    ...columnsTable(s.columns),
    '',
    `## Partition keys (${table.partitionKeys.length})`,
    '',
    ...columnsTable(table.partitionKeys),
  ];
  const projection = projectionRanges(table);
  if (projection) {
    lines.push('', '## Partition projection', '', 'Athena computes partitions from these settings and ignores registered partitions.', '', '| Key | Type | Range / values |', '|---|---|---|');
    for (const range of projection) lines.push(`| ${code(range.key)} | ${code(range.type)} | ${cell(range.detail)} |`);
  }
  lines.push('', '## SerDe parameters', '', ...mapTable(s.serdeParameters), '', '## Table parameters', '', ...mapTable(table.parameters), '');
  return lines.join('\n');
}
