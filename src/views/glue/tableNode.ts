// A table: listed cheaply (name and TABLE_TYPE), its details (GetTable) loaded on expand. The
// badge starts from TABLE_TYPE and becomes the real format (Iceberg, Delta, Hudi...) once the
// details are in. Children: what the format means, the location, columns, partition keys, and
// either the projection ranges (Athena ignores registered partitions then) or the partitions.
import { AwsError } from '../../aws/errors';
import type { GlueColumn, GlueTable, GlueTableRef } from '../../aws/glueGateway';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, RefreshableNode, ViewNode } from '../viewNode';
import { explainGlueError, glueGateway, idPart, type GlueEnv } from './glueEnv';
import { PartitionsFolderNode } from './partitionNodes';
import { listedKind, projectionRanges, tableKind, type TableKindInfo } from './tableKind';

export class TableNode implements RefreshableNode {
  readonly id: string;
  private details: GlueTable | undefined;
  private error: unknown;
  private inflight: Promise<void> | undefined;
  private partitions: PartitionsFolderNode | undefined;

  constructor(
    private readonly env: GlueEnv,
    readonly ref: GlueTableRef,
    private readonly listedType: string | undefined,
    parentId: string,
  ) {
    this.id = `${parentId}/${idPart(ref.tableName)}`;
  }

  /** The kind as known now: from TABLE_TYPE until GetTable answered. */
  kind(): TableKindInfo {
    return this.details ? tableKind(this.details) : { kind: listedKind(this.listedType) };
  }

  /** GetTable's answer once loaded (for commands). */
  get table(): GlueTable | undefined {
    return this.details;
  }

  /** GetTable's answer, read now when the node was never expanded (for commands run on it). */
  async loadTable(signal: AbortSignal): Promise<GlueTable> {
    if (!this.details) await this.load(signal);
    if (this.details) return this.details;
    throw this.error instanceof Error ? this.error : new AwsError(this.error === undefined ? 'Cancelled' : 'Unknown', 'Glue', 'GetTable', this.error === undefined ? 'Glue GetTable: cancelled' : 'Glue GetTable: failed');
  }

  item(): NodeItem {
    const kind = this.kind();
    const t = this.details;
    const lines = [`**${md(this.ref.databaseName)}.${md(this.ref.tableName)}** — ${kind.kind}`, kind.note ? md(kind.note) : undefined, t?.description ? md(t.description) : undefined, t?.storage.location ? `Location: \`${t.storage.location}\`` : undefined];
    return {
      label: this.ref.tableName,
      description: kind.kind,
      tooltip: lines.filter((line) => line !== undefined).join('\n\n'),
      icon: { id: kind.kind === 'VIEW' ? 'eye' : 'table' },
      contextValue: CONTEXT.glueTable,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    if (!this.details) await this.load(signal);
    if (signal.aborted) return [];
    if (!this.details) return [new ErrorNode(`${this.id}/error`, this.error, () => this.refresh(), 'Failed to read the table')];
    return this.detailNodes(this.details);
  }

  refresh(): void {
    this.details = undefined;
    this.error = undefined;
    this.partitions = undefined;
    this.env.sink.changed(this);
  }

  private load(signal: AbortSignal): Promise<void> {
    this.inflight ??= glueGateway(this.env)
      .table(this.ref, { signal })
      .then(
        (table) => {
          const before = this.kind().kind;
          this.details = table;
          this.error = undefined;
          // The badge changes (EXTERNAL -> Iceberg): re-render the node itself once.
          if (this.kind().kind !== before) this.env.sink.changed(this);
        },
        (error: unknown) => {
          if (!signal.aborted) this.error = explainGlueError(error, this.ref.catalogId);
        },
      )
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private detailNodes(table: GlueTable): ViewNode[] {
    const nodes: ViewNode[] = [];
    const note = this.kind().note;
    if (note) nodes.push(new MessageNode(`${this.id}/note`, note, undefined, 'info'));
    if (table.storage.location) nodes.push(new GlueFieldNode(`${this.id}/location`, 'Location', table.storage.location));
    if (table.storage.serializationLibrary) nodes.push(new GlueFieldNode(`${this.id}/serde`, 'SerDe', table.storage.serializationLibrary));
    if (this.kind().kind !== 'VIEW' || table.storage.columns.length > 0) nodes.push(new ColumnsFolderNode(`${this.id}/columns`, 'Columns', table.storage.columns));
    if (table.partitionKeys.length > 0) nodes.push(new ColumnsFolderNode(`${this.id}/keys`, 'Partition keys', table.partitionKeys));
    const projection = projectionRanges(table);
    if (projection) {
      nodes.push(new MessageNode(`${this.id}/projection-note`, 'Partition projection: Athena computes partitions from these ranges and ignores registered ones', undefined, 'info'));
      for (const range of projection) nodes.push(new GlueFieldNode(`${this.id}/projection/${idPart(range.key)}`, `${range.key} (${range.type})`, range.detail, 'symbol-ruler'));
    } else if (table.partitionKeys.length > 0 && this.kind().kind !== 'Iceberg') {
      this.partitions ??= new PartitionsFolderNode(this.env, this.ref, table.partitionKeys, this.id);
      nodes.push(this.partitions);
    }
    return nodes;
  }
}

/** A labelled value (location, SerDe, a projection range). */
export class GlueFieldNode implements ViewNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    readonly value: string,
    private readonly iconId = 'symbol-field',
  ) {}

  item(): NodeItem {
    return { label: this.label, description: this.value, tooltip: md(this.value), icon: { id: this.iconId }, contextValue: CONTEXT.glueColumn, collapsible: 'none' };
  }
}

class ColumnsFolderNode implements ViewNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly columns: readonly GlueColumn[],
  ) {}

  item(): NodeItem {
    return { label: this.label, description: String(this.columns.length), icon: { id: 'symbol-structure' }, contextValue: CONTEXT.glueFolder, collapsible: 'collapsed' };
  }

  children(): Promise<ViewNode[]> {
    if (this.columns.length === 0) return Promise.resolve([new MessageNode(`${this.id}/empty`, 'No columns')]);
    return Promise.resolve(this.columns.map((c, i) => new ColumnNode(`${this.id}/${i}`, c)));
  }
}

export class ColumnNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly column: GlueColumn,
  ) {}

  item(): NodeItem {
    const c = this.column;
    return {
      label: c.name,
      description: c.comment ? `${c.type ?? ''} — ${c.comment}` : c.type,
      tooltip: [`**${md(c.name)}**: \`${c.type ?? 'no type'}\``, c.comment ? md(c.comment) : undefined].filter((l) => l !== undefined).join('\n\n'),
      icon: { id: 'symbol-field' },
      contextValue: CONTEXT.glueColumn,
      collapsible: 'none',
    };
  }
}
