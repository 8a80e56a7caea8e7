// Composition of the CloudWatch Logs features: the read-only documents (streams, search and
// Insights results), the commands, and the live tail. The tree nodes come from the stacks view
// (`stackLogGroupsNode` in src/views/logs/stackLogGroups.ts).
import * as vscode from 'vscode';
import { LogStreamNode, type OpenStreamArgs } from '../../../views/logs/logGroupNodes';
import type { AwsConnection } from '../awsConnection';
import { runInsightsQuery } from './insightsCommand';
import { LiveTailController } from './liveTailController';
import { LOGS_SCHEME, LogsDocuments } from './logsDocuments';
import { reportError } from './logsUi';
import { searchLogGroup } from './searchCommand';

export function registerLogs(_context: vscode.ExtensionContext, connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  const documents = new LogsDocuments(() => connection.services(), log);
  const tail = new LiveTailController(connection, log);
  return vscode.Disposable.from(
    documents,
    tail,
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, documents),
    vscode.languages.registerDocumentLinkProvider({ scheme: LOGS_SCHEME }, documents),
    vscode.commands.registerCommand('archlens.logs.openStream', (arg: unknown) => openStream(arg, documents, log)),
    vscode.commands.registerCommand('archlens.logs.search', (arg: unknown) => searchLogGroup(arg, connection, documents, log)),
    vscode.commands.registerCommand('archlens.logs.startTail', (arg: unknown) => tail.start(arg)),
    vscode.commands.registerCommand('archlens.logs.stopTail', () => tail.stop()),
    vscode.commands.registerCommand('archlens.logs.runInsightsQuery', (arg: unknown) => runInsightsQuery(arg, connection, documents, log)),
    // A live tail belongs to the profile and region it was started with.
    connection.onDidChange(() => tail.stop()),
  );
}

/** Opens page 1 of a stream; the argument is `{ group, stream }` (a stream node's command) or the node. */
async function openStream(arg: unknown, documents: LogsDocuments, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  try {
    const source: unknown = arg instanceof LogStreamNode ? { group: arg.group, stream: arg.stream.name } : arg;
    const { group, stream } = (source ?? {}) as Partial<OpenStreamArgs>;
    if (typeof group !== 'string' || typeof stream !== 'string') {
      void vscode.window.showInformationMessage('ArchLens: open a log stream from a log group in the CloudFormation Stacks view.');
      return undefined;
    }
    const uri = documents.streamUri(group, stream);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    return uri;
  } catch (error) {
    reportError(log, 'Opening the log stream', error);
    return undefined;
  }
}
