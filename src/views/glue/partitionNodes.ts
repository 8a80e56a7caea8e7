// A table's registered partitions, 1,000 per page with "Load more", optionally filtered on the
// server by a Glue partition expression that is checked here first (a typo never costs a round
// trip, and the message names the column and the table's partition keys).
import type { GlueColumn, GluePartition, GlueTableRef } from '../../aws/glueGateway';
import { parsePartitionExpression } from '../../aws/glue/partitionExpression';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import type { NodeItem, RefreshableNode, ViewNode } from '../viewNode';
import { explained, glueGateway, type GlueEnv } from './glueEnv';

export class PartitionsFolderNode implements RefreshableNode {
  readonly id: string;
  private filter = '';
  private paged: PagedChildren<GluePartition>;

  constructor(
    private readonly env: GlueEnv,
    readonly ref: GlueTableRef,
    readonly keys: readonly GlueColumn[],
    parentId: string,
  ) {
    this.id = `${parentId}/partitions`;
    this.paged = this.createPaged();
  }

  /** Partition key name -> Glue type, in key order (what expressions are checked against). */
  keyTypes(): Map<string, string> {
    return new Map(this.keys.map((k) => [k.name, k.type ?? 'string']));
  }

  get expression(): string {
    return this.filter;
  }

  /** Why `text` cannot be sent, or undefined when it can (an empty text clears the filter). */
  validate(text: string): string | undefined {
    if (text.trim() === '') return undefined;
    try {
      parsePartitionExpression(text, this.keyTypes());
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Sets (or with '' clears) the server-side filter; throws the validation message for a bad one. */
  setFilter(text: string): void {
    const problem = this.validate(text);
    if (problem !== undefined) throw new Error(problem);
    this.filter = text.trim();
    this.refresh();
  }

  item(): NodeItem {
    const keys = this.keys.map((k) => k.name).join(', ');
    return {
      label: 'Partitions',
      description: this.filter ? `filter: ${this.filter}` : `by ${keys}`,
      tooltip: this.filter ? `Filtered by \`${md(this.filter)}\` (evaluated by Glue)` : `Registered partitions, 1,000 per page. Filter them with a Glue expression such as \`${this.keys[0]?.name ?? 'key'} = '…'\`.`,
      icon: { id: this.filter ? 'filter-filled' : 'list-tree' },
      contextValue: CONTEXT.gluePartitions,
      collapsible: 'collapsed',
    };
  }

  children(signal: AbortSignal): Promise<ViewNode[]> {
    return this.paged.children(signal);
  }

  refresh(): void {
    this.paged = this.createPaged();
    this.env.sink.changed(this);
  }

  private createPaged(): PagedChildren<GluePartition> {
    const expression = this.filter || undefined;
    return new PagedChildren<GluePartition>({
      idPrefix: `${this.id}/${encodeURIComponent(this.filter)}`,
      fetch: (startToken, signal) => explained(glueGateway(this.env).partitionPages(this.ref, { ...(expression ? { expression } : {}) }, { startToken, signal }), this.ref.catalogId),
      key: (p) => p.values.join('\u0000'),
      toNode: (p) => new PartitionNode(`${this.id}/${encodeURIComponent(p.values.join('/'))}`, this.keys, p),
      emptyMessage: this.filter ? 'No partitions match the filter' : 'No registered partitions',
      sink: this.env.sink,
      parent: () => this,
    });
  }
}

export class PartitionNode implements ViewNode {
  constructor(
    readonly id: string,
    private readonly keys: readonly GlueColumn[],
    readonly partition: GluePartition,
  ) {}

  item(): NodeItem {
    const label = this.partition.values.map((v, i) => `${this.keys[i]?.name ?? `#${i + 1}`}=${v}`).join('/');
    return {
      label,
      tooltip: this.partition.location ? `Location: \`${this.partition.location}\`` : undefined,
      icon: { id: 'folder' },
      contextValue: CONTEXT.gluePartition,
      collapsible: 'none',
    };
  }
}
