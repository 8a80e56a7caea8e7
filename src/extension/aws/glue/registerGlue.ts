// The Glue Data Catalog view (`archlens.glue`): a GlueRoot per connection on the generic
// connection-bound tree host, its Refresh, and the partition filter whose expression is checked
// as the user types (the input box shows what is wrong and where) before Glue sees it; the table,
// template and search commands live in the files beside this one.
import * as vscode from 'vscode';
import { GlueRoot } from '../../../views/glue/glueRoot';
import { PartitionsFolderNode } from '../../../views/glue/partitionNodes';
import { ConnectedTreeView } from '../../tree/connectedTreeView';
import { registerAwsCommand } from '../awsCommand';
import type { AwsConnection } from '../awsConnection';
import { GLUE_SCHEME, GlueDocuments } from './glueDocuments';
import { registerGlueSearchCommands } from './glueSearchCommands';
import { registerGlueTableCommands, type GlueCommandContext } from './glueTableCommands';
import { registerGlueTemplateCommands } from './glueTemplateCommands';

export const GLUE_VIEW_ID = 'archlens.glue';

export function registerGlue(connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  const view = new ConnectedTreeView<GlueRoot>({
    viewId: GLUE_VIEW_ID,
    connection,
    createRoot: (services, host) => new GlueRoot(services, host),
  });
  const selection = (): readonly unknown[] => view.selection();
  const documents = new GlueDocuments();
  const context: GlueCommandContext = { connection, documents, log, selection };
  return vscode.Disposable.from(
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(GLUE_SCHEME, documents),
    ...registerGlueTableCommands(context),
    ...registerGlueTemplateCommands(context),
    ...registerGlueSearchCommands(context),
    registerAwsCommand('archlens.glue.refresh', log, { what: 'Refreshing the Glue Data Catalog' }, () => view.refresh()),
    registerAwsCommand('archlens.glue.filterPartitions', log, { what: 'Filtering partitions', selection }, async (invocation) => {
      const folder = invocation.one(PartitionsFolderNode);
      if (!folder) {
        void vscode.window.showInformationMessage('Expand a partitioned table in the Glue Data Catalog view and use Filter Partitions on its Partitions folder.');
        return;
      }
      const keys = folder.keys.map((k) => k.name).join(', ');
      const text = await vscode.window.showInputBox({
        title: `Filter partitions of ${folder.ref.databaseName}.${folder.ref.tableName}`,
        prompt: `A Glue partition expression over ${keys} (=, <>, <, >, <=, >=, BETWEEN, IN, LIKE, AND, OR, NOT). Empty clears the filter.`,
        placeHolder: `${folder.keys[0]?.name ?? 'key'} = '…'`,
        value: folder.expression,
        validateInput: (value) => folder.validate(value),
      });
      if (text === undefined) return;
      folder.setFilter(text);
    }),
  );
}
