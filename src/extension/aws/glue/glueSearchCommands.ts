// Finding tables: Search Tables… (Glue's SearchTables across every database of a catalog, on
// names, descriptions and column names; 100 hits per page with "Load more" in the pick; a hit
// opens its table document) and Filter by Name… on a catalog or database folder.
import * as vscode from 'vscode';
import type { Page } from '../../../aws/awsCall';
import type { GlueTableSummary } from '../../../aws/glueGateway';
import { glueService } from '../../../aws/services/glue';
import { CatalogNode, DatabaseNode } from '../../../views/glue/catalogNodes';
import { explainGlueError } from '../../../views/glue/glueEnv';
import { commandFailure } from '../../../views/errorMessages';
import { registerAwsCommand, requireServices } from '../awsCommand';
import type { GlueCommandContext } from './glueTableCommands';

type Hit = GlueTableSummary & { databaseName: string; catalogId?: string };
type HitItem = vscode.QuickPickItem & { hit?: Hit; more?: true };

const SEARCH_PAGE = 100;

/** Shows hits page by page; resolves the picked hit, or undefined when the pick was closed. */
function pickHit(text: string, pages: AsyncIterator<Page<Hit>>, catalogLabel: string): Promise<Hit | undefined> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = `Tables matching "${text}" in ${catalogLabel}`;
  pick.placeholder = 'Type to narrow the hits; Enter opens the table document';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const hits: Hit[] = [];
  let done = false;
  const render = (): void => {
    const items: HitItem[] = hits.map((hit) => ({ label: hit.name, description: hit.databaseName, detail: hit.tableType ?? undefined, hit }));
    if (!done) items.push({ label: '$(ellipsis) Load more…', description: `${hits.length} shown`, alwaysShow: true, more: true });
    if (done && hits.length === 0) items.push({ label: `No table's name, description or columns contain "${text}"`, alwaysShow: true });
    pick.items = items;
  };
  const loadPage = async (): Promise<void> => {
    pick.busy = true;
    try {
      const next = await pages.next();
      if (next.done) done = true;
      else {
        hits.push(...next.value.items);
        done = next.value.nextToken === undefined;
      }
    } catch (error) {
      done = true;
      pick.title = commandFailure('Searching tables', explainGlueError(error)).message;
    } finally {
      pick.busy = false;
      render();
    }
  };
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (chosen?.more) return void loadPage();
      if (!chosen?.hit) return;
      resolve(chosen.hit);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    void loadPage();
  });
}

export function registerGlueSearchCommands(context: GlueCommandContext): vscode.Disposable[] {
  const register = (id: string, what: string, handler: Parameters<typeof registerAwsCommand>[3]): vscode.Disposable => registerAwsCommand(id, context.log, { what, selection: context.selection }, handler);
  return [
    register('archlens.glue.searchTables', 'Searching tables', async (invocation) => {
      const services = await requireServices(context.connection);
      if (!services) return undefined;
      const catalog = invocation.one(CatalogNode);
      const catalogId = catalog?.catalogId;
      const text = typeof invocation.args[1] === 'string' ? invocation.args[1] : await vscode.window.showInputBox({
        title: `Search tables${catalog ? ` in ${catalog.item().label}` : ''}`,
        prompt: 'Glue SearchTables: words in table names, descriptions and column names, across all databases',
        placeHolder: 'e.g. amount',
        validateInput: (value) => (value.length > 1024 ? 'At most 1,024 characters (Glue’s limit).' : undefined),
      });
      if (text === undefined || text.trim() === '') return undefined;
      const pages = services.gateway(glueService).searchTablePages(text.trim(), catalogId, { pageSize: SEARCH_PAGE })[Symbol.asyncIterator]();
      const hit = await pickHit(text.trim(), pages, catalog ? String(catalog.item().label) : 'the default catalog');
      if (!hit) return undefined;
      return vscode.commands.executeCommand('archlens.glue.openTable', { databaseName: hit.databaseName, tableName: hit.name, ...(hit.catalogId ?? catalogId ? { catalogId: hit.catalogId ?? catalogId } : {}) });
    }),
    register('archlens.glue.filterNames', 'Filtering by name', async (invocation) => {
      const folder = invocation.one(CatalogNode, DatabaseNode);
      if (!folder) {
        void vscode.window.showInformationMessage('ArchLens: use Filter by Name… on a catalog (filters its databases) or a database (filters its tables) in the Glue Data Catalog view.');
        return;
      }
      const what = folder instanceof CatalogNode ? 'databases' : 'tables';
      const text = await vscode.window.showInputBox({
        title: `Filter the ${what} of ${String(folder.item().label)}`,
        prompt: `Shows only ${what} whose name contains this text (any case). Empty clears the filter.`,
        value: folder.nameFilter,
      });
      if (text !== undefined) folder.setNameFilter(text);
    }),
  ];
}
