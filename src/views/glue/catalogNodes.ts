// Catalogs and databases: each a folder whose children come one page (100) per expand or
// "Load more" through PagedChildren, errors on the node that failed.
import type { GlueCatalog, GlueDatabase, GlueTableSummary } from '../../aws/glueGateway';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import type { NodeItem, RefreshableNode, ViewNode } from '../viewNode';
import { explained, glueGateway, idPart, type GlueEnv } from './glueEnv';
import { TableNode } from './tableNode';

/** A catalog as the tree shows it; `id` undefined: the caller's default catalog (GetCatalogs refused). */
export interface CatalogEntry {
  readonly catalog: GlueCatalog | undefined;
  /** Why only the default catalog is shown, when GetCatalogs did not answer. */
  readonly note?: string;
}

/** A folder whose children AWS pages: one page per expand or "Load more", Refresh starts over. */
abstract class PagedFolderNode<T> implements RefreshableNode {
  protected abstract readonly paged: PagedChildren<T>;

  constructor(
    readonly id: string,
    protected readonly env: GlueEnv,
  ) {}

  abstract item(): NodeItem;

  children(signal: AbortSignal): Promise<ViewNode[]> {
    return this.paged.children(signal);
  }

  refresh(): void {
    this.paged.reset();
    this.env.sink.changed(this);
  }
}

export class CatalogNode extends PagedFolderNode<GlueDatabase> {
  protected readonly paged: PagedChildren<GlueDatabase>;

  constructor(
    env: GlueEnv,
    readonly entry: CatalogEntry,
  ) {
    super(`glue/${idPart(entry.catalog?.id ?? 'default')}`, env);
    const catalogId = entry.catalog?.id;
    this.paged = new PagedChildren<GlueDatabase>({
      idPrefix: this.id,
      fetch: (startToken, signal) => explained(glueGateway(env).databasePages(catalogId, { startToken, signal })),
      key: (d) => d.name,
      toNode: (d) => new DatabaseNode(env, catalogId, d, this.id),
      emptyMessage: 'No databases in this catalog',
      sink: env.sink,
      parent: () => this,
    });
  }

  item(): NodeItem {
    const catalog = this.entry.catalog;
    const federated = catalog?.federatedConnection;
    const tooltip = [catalog ? `**${md(catalog.name)}**\n\nCatalog id: \`${catalog.id}\`` : '**Default catalog** of the account', catalog?.description ? md(catalog.description) : undefined, federated ? `Federated through ${md(federated)}` : undefined, this.entry.note ? md(this.entry.note) : undefined]
      .filter((line) => line !== undefined)
      .join('\n\n');
    return {
      label: catalog?.name ?? 'Default catalog',
      description: federated ? `federated: ${federated}` : catalog?.id,
      tooltip,
      icon: { id: federated ? 'link' : 'library' },
      contextValue: CONTEXT.glueCatalog,
      collapsible: 'collapsed',
    };
  }
}

export class DatabaseNode extends PagedFolderNode<GlueTableSummary> {
  protected readonly paged: PagedChildren<GlueTableSummary>;

  constructor(
    env: GlueEnv,
    readonly catalogId: string | undefined,
    readonly database: GlueDatabase,
    parentId: string,
  ) {
    super(`${parentId}/${idPart(database.name)}`, env);
    this.paged = new PagedChildren<GlueTableSummary>({
      idPrefix: this.id,
      fetch: (startToken, signal) => explained(glueGateway(env).tablePages(catalogId, database.name, { startToken, signal })),
      key: (t) => t.name,
      toNode: (t) => new TableNode(env, { catalogId, databaseName: database.name, tableName: t.name }, t.tableType, this.id),
      emptyMessage: 'No tables in this database',
      sink: env.sink,
      parent: () => this,
    });
  }

  item(): NodeItem {
    const d = this.database;
    const lines = [`**${md(d.name)}**`, d.description ? md(d.description) : undefined, d.locationUri ? `Location: \`${d.locationUri}\`` : undefined, d.targetDatabase ? `Resource link to \`${d.targetDatabase}\`` : undefined];
    return {
      label: d.name,
      description: d.targetDatabase ? `link → ${d.targetDatabase}` : d.description,
      tooltip: lines.filter((line) => line !== undefined).join('\n\n'),
      icon: { id: 'database' },
      contextValue: CONTEXT.glueDatabase,
      collapsible: 'collapsed',
    };
  }
}
