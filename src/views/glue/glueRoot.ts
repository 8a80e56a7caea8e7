// The top of the Glue Data Catalog view: the catalogs GetCatalogs lists (the default one,
// federated ones, S3 Tables), or only the default catalog where GetCatalogs is refused (accounts
// without multi-catalog support, a role without glue:GetCatalogs): databases still list then.
import { AwsError } from '../../aws/errors';
import type { GlueCatalog } from '../../aws/glueGateway';
import type { AwsServices } from '../awsServices';
import { PagedChildren, type ListingPage } from '../pagedChildren';
import type { ViewNode } from '../viewNode';
import type { ViewRoot, ViewRootHost } from '../viewRoot';
import { CatalogNode, type CatalogEntry } from './catalogNodes';
import { glueGateway, type GlueEnv } from './glueEnv';

/** Errors after which the default catalog alone is shown instead of an error. */
const FALL_BACK_ON = new Set(['InvalidInput', 'AccessDenied', 'NotFound', 'Unknown']);

export class GlueRoot implements ViewRoot {
  private readonly env: GlueEnv;
  private paged: PagedChildren<CatalogEntry>;

  constructor(
    services: AwsServices,
    private readonly host: ViewRootHost,
  ) {
    this.env = { services, sink: host };
    this.paged = this.createPaged();
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const nodes = await this.paged.children(signal);
    // No catalog at all: [] lets the host show the welcome content (`archlens.glue.empty`).
    return this.paged.complete && this.paged.loaded.length === 0 ? [] : nodes;
  }

  refresh(): void {
    this.paged = this.createPaged();
  }

  private createPaged(): PagedChildren<CatalogEntry> {
    return new PagedChildren<CatalogEntry>({
      idPrefix: 'glue',
      fetch: (startToken, signal) => this.catalogs(startToken, signal),
      key: (entry) => entry.catalog?.id ?? 'default',
      toNode: (entry) => new CatalogNode(this.env, entry),
      emptyMessage: 'No catalogs',
      sink: this.host,
      parent: () => undefined,
    });
  }

  private async *catalogs(startToken: string | undefined, signal: AbortSignal): AsyncIterable<ListingPage<CatalogEntry>> {
    const toEntry = (catalog: GlueCatalog): CatalogEntry => ({ catalog });
    try {
      for await (const page of glueGateway(this.env).catalogPages({ startToken, signal })) yield { items: page.items.map(toEntry), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    } catch (error) {
      if (startToken !== undefined || !(error instanceof AwsError) || !FALL_BACK_ON.has(error.code)) throw error;
      this.env.services.log.info(`Glue GetCatalogs failed (${error.code}); showing the default catalog only.`);
      yield { items: [{ catalog: undefined, note: `GetCatalogs did not answer (${error.message}); only the default catalog is shown.` }] };
    }
  }
}
