// Catalogs and databases: each a folder whose children come one page (100) per expand or
// "Load more" through PagedChildren, errors on the node that failed.
import type { GlueCatalog, GlueDatabase, GlueTableSummary } from '../../aws/glueGateway';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren, type PagedChildrenOptions } from '../pagedChildren';
import type { NodeItem, RefreshableNode, ViewNode } from '../viewNode';
import { explained, glueGateway, idPart, type GlueEnv } from './glueEnv';
import { TableNode } from './tableNode';

/** A catalog as the tree shows it; `id` undefined: the caller's default catalog (GetCatalogs refused). */
export interface CatalogEntry {
  readonly catalog: GlueCatalog | undefined;
  /** Why only the default catalog is shown, when GetCatalogs did not answer. */
  readonly note?: string;
}

/** How many matching entries one expand or "Load more" shows at least while a name filter is set. */
const FILTER_FILL = 25;

/**
 * A folder whose children AWS pages: one page per expand or "Load more", Refresh starts over. A
 * name filter (case-insensitive substring) keeps only matching children; while it is set a request
 * reads further pages (at most 10) until enough match, so a filter on 5,000 tables does not show
 * empty pages.
 */
abstract class PagedFolderNode<T extends { readonly name: string }> implements RefreshableNode {
  private paged: PagedChildren<T> | undefined;
  private filter = '';

  constructor(
    readonly id: string,
    protected readonly env: GlueEnv,
  ) {}

  abstract item(): NodeItem;
  protected abstract pagedOptions(): Omit<PagedChildrenOptions<T>, 'filter' | 'fill' | 'idPrefix' | 'sink' | 'parent'>;

  get nameFilter(): string {
    return this.filter;
  }

  /** Sets (or with '' clears) the name filter and lists again from the first page. */
  setNameFilter(text: string): void {
    this.filter = text.trim();
    this.refresh();
  }

  children(signal: AbortSignal): Promise<ViewNode[]> {
    this.paged ??= this.createPaged();
    return this.paged.children(signal);
  }

  refresh(): void {
    this.paged = undefined;
    this.env.sink.changed(this);
  }

  /** The description suffix that says a filter is on. */
  protected filterNote(): string | undefined {
    return this.filter ? `filter: ${this.filter}` : undefined;
  }

  private createPaged(): PagedChildren<T> {
    const needle = this.filter.toLowerCase();
    const options = this.pagedOptions();
    return new PagedChildren<T>({
      ...options,
      idPrefix: `${this.id}/${encodeURIComponent(this.filter)}`,
      sink: this.env.sink,
      parent: () => this,
      ...(needle ? { filter: (item: T) => item.name.toLowerCase().includes(needle), fill: FILTER_FILL, emptyMessage: `No names contain "${this.filter}"` } : {}),
    });
  }
}

export class CatalogNode extends PagedFolderNode<GlueDatabase> {
  constructor(
    env: GlueEnv,
    readonly entry: CatalogEntry,
  ) {
    super(`glue/${idPart(entry.catalog?.id ?? 'default')}`, env);
  }

  /** What `CatalogId` takes (undefined: the caller's default catalog). */
  get catalogId(): string | undefined {
    return this.entry.catalog?.id;
  }

  protected pagedOptions(): Omit<PagedChildrenOptions<GlueDatabase>, 'filter' | 'fill' | 'idPrefix' | 'sink' | 'parent'> {
    const catalogId = this.catalogId;
    return {
      fetch: (startToken, signal) => explained(glueGateway(this.env).databasePages(catalogId, { startToken, signal }), catalogId),
      key: (d) => d.name,
      toNode: (d) => new DatabaseNode(this.env, catalogId, d, this.id),
      emptyMessage: 'No databases in this catalog',
    };
  }

  item(): NodeItem {
    const catalog = this.entry.catalog;
    const federated = catalog?.federatedConnection;
    const tooltip = [catalog ? `**${md(catalog.name)}**\n\nCatalog id: \`${catalog.id}\`` : '**Default catalog** of the account', catalog?.description ? md(catalog.description) : undefined, federated ? `Federated through ${md(federated)}` : undefined, this.entry.note ? md(this.entry.note) : undefined]
      .filter((line) => line !== undefined)
      .join('\n\n');
    return {
      label: catalog?.name ?? 'Default catalog',
      description: this.filterNote() ?? (federated ? `federated: ${federated}` : catalog?.id),
      tooltip,
      icon: { id: federated ? 'link' : 'library' },
      contextValue: CONTEXT.glueCatalog,
      collapsible: 'collapsed',
    };
  }
}

export class DatabaseNode extends PagedFolderNode<GlueTableSummary> {
  constructor(
    env: GlueEnv,
    readonly catalogId: string | undefined,
    readonly database: GlueDatabase,
    parentId: string,
  ) {
    super(`${parentId}/${idPart(database.name)}`, env);
  }

  protected pagedOptions(): Omit<PagedChildrenOptions<GlueTableSummary>, 'filter' | 'fill' | 'idPrefix' | 'sink' | 'parent'> {
    const { catalogId, database } = this;
    return {
      fetch: (startToken, signal) => explained(glueGateway(this.env).tablePages(catalogId, database.name, { startToken, signal }), catalogId),
      key: (t) => t.name,
      toNode: (t) => new TableNode(this.env, { catalogId, databaseName: database.name, tableName: t.name }, t.tableType, this.id),
      emptyMessage: 'No tables in this database',
    };
  }

  item(): NodeItem {
    const d = this.database;
    const lines = [`**${md(d.name)}**`, d.description ? md(d.description) : undefined, d.locationUri ? `Location: \`${d.locationUri}\`` : undefined, d.targetDatabase ? `Resource link to \`${d.targetDatabase}\`` : undefined];
    return {
      label: d.name,
      description: this.filterNote() ?? (d.targetDatabase ? `link → ${d.targetDatabase}` : d.description),
      tooltip: lines.filter((line) => line !== undefined).join('\n\n'),
      icon: { id: 'database' },
      contextValue: CONTEXT.glueDatabase,
      collapsible: 'collapsed',
    };
  }
}
