// The CodeArtifact view: domains > repositories > packages (src/views/codeArtifact) on the
// connection-bound tree host, with multi-selection for "Set Origin Controls…", bulk plans, the
// runs picker and the workspace's dependency-confusion check.
import * as vscode from 'vscode';
import { CodeArtifactRoot } from '../../../views/codeArtifact/codeArtifactRoot';
import { ConnectedTreeView } from '../../tree/connectedTreeView';
import { createOperationJournalStore } from '../../operations/operationJournals';
import { registerAwsCommand } from '../awsCommand';
import type { AwsConnection } from '../awsConnection';
import { registerBulkOriginCommands } from './bulkOriginCommands';
import { registerDependencyCheck } from './dependencyCheck';
import { registerOriginCommands } from './originCommands';
import { createOriginRunner } from './originRunner';
import { registerPlanDocuments } from './planDocuments';

export const CODEARTIFACT_VIEW = 'archlens.codeArtifact';

export type CodeArtifactView = ConnectedTreeView<CodeArtifactRoot>;

export function registerCodeArtifact(context: vscode.ExtensionContext, connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  const view: CodeArtifactView = new ConnectedTreeView<CodeArtifactRoot>({
    viewId: CODEARTIFACT_VIEW,
    connection,
    canSelectMany: true,
    createRoot: (services, host) => new CodeArtifactRoot(services, host),
  });
  const runner = createOriginRunner(view, createOperationJournalStore(context), log);
  const { documents, disposable: planDocuments } = registerPlanDocuments();
  return vscode.Disposable.from(
    view,
    planDocuments,
    registerAwsCommand('archlens.codeArtifact.refresh', log, { what: 'Refreshing CodeArtifact' }, () => view.refresh()),
    ...registerOriginCommands(view, runner, log),
    ...registerBulkOriginCommands(view, runner, documents, log),
    ...registerDependencyCheck(context, view, runner, log),
  );
}
