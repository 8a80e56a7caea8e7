// The CloudFormation stacks view: the tree (src/views/stacks nodes on the connection-bound tree
// host), its commands, and the read-only documents for deployed templates and drift diffs.
import * as vscode from 'vscode';
import type { AwsConnection } from '../awsConnection';
import { registerDriftCommands } from './driftCommands';
import { registerStackCommands } from './stackCommands';
import { DeployedTemplates, DRIFT_SCHEME, DriftDocuments, TEMPLATE_SCHEME } from './stackDocuments';
import { createStacksView } from './stacksView';
import { registerTemplateCommands } from './templateCommands';
import { registerStackDiagram } from '../../diagram/stackDiagram';

export function registerStacks(_context: vscode.ExtensionContext, connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  const { view, disposable } = createStacksView(connection, log);
  const templates = new DeployedTemplates(() => (connection.state === 'ready' ? connection.services() : undefined));
  const drift = new DriftDocuments();
  return vscode.Disposable.from(
    disposable,
    templates,
    drift,
    vscode.workspace.registerTextDocumentContentProvider(TEMPLATE_SCHEME, templates),
    vscode.workspace.registerTextDocumentContentProvider(DRIFT_SCHEME, drift),
    ...registerStackCommands(view, log),
    ...registerTemplateCommands(view, templates, log),
    ...registerDriftCommands(view, drift, log),
    ...registerStackDiagram(view, templates, log),
  );
}
