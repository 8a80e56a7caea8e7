// Composition of the CloudWatch Logs features: the read-only documents (streams, search and
// Insights results), the commands, and the live tail. The tree nodes come from the stacks view
// (`stackLogGroupsNode` in src/views/logs/stackLogGroups.ts).
import * as vscode from 'vscode';
import { LogStreamNode, type OpenStreamArgs } from '../../../views/logs/logGroupNodes';
import type { AwsConnection } from '../awsConnection';
import { registerAwsCommand } from '../awsCommand';
import { runInsightsQuery } from './insightsCommand';
import { LiveTailController } from './liveTailController';
import { LOGS_SCHEME, LogsDocuments } from './logsDocuments';
import { searchLogGroup } from './searchCommand';

export function registerLogs(_context: vscode.ExtensionContext, connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  const documents = new LogsDocuments(() => connection.services(), log);
  const tail = new LiveTailController(connection, log);
  return vscode.Disposable.from(
    documents,
    tail,
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, documents),
    vscode.languages.registerDocumentLinkProvider({ scheme: LOGS_SCHEME }, documents),
    registerAwsCommand('archlens.logs.openStream', log, { what: 'Opening the log stream' }, ({ arg }) => openStream(arg, documents)),
    registerAwsCommand('archlens.logs.search', log, { what: 'The log search' }, (invocation) => searchLogGroup(invocation, connection, documents, log)),
    registerAwsCommand('archlens.logs.startTail', log, { what: 'Starting the live tail' }, (invocation) => tail.start(invocation)),
    registerAwsCommand('archlens.logs.stopTail', log, { what: 'Stopping the live tail' }, () => tail.stop()),
    registerAwsCommand('archlens.logs.runInsightsQuery', log, { what: 'The Logs Insights query' }, (invocation) => runInsightsQuery(invocation, connection, documents, log)),
    // A live tail belongs to the profile and region it was started with.
    connection.onDidChange(() => tail.stop()),
  );
}

/** Opens page 1 of a stream; the argument is `{ group, stream }` (a stream node's command) or the node. */
async function openStream(arg: unknown, documents: LogsDocuments): Promise<vscode.Uri | undefined> {
  const source: unknown = arg instanceof LogStreamNode ? { group: arg.group, stream: arg.stream.name } : arg;
  const { group, stream } = (source ?? {}) as Partial<OpenStreamArgs>;
  if (typeof group !== 'string' || typeof stream !== 'string') {
    void vscode.window.showInformationMessage('ArchLens: open a log stream from a log group in the CloudFormation Stacks view.');
    return undefined;
  }
  const uri = documents.streamUri(group, stream);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  return uri;
}
