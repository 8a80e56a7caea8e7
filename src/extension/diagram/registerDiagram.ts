/** The diagram feature: the `archlens.diagram.open` command and the (single) panel it opens. */
import * as vscode from 'vscode';
import { DiagramPanel, showSecurityGroups } from './diagramPanel';
import { computeDiagramGraph } from './diagramGraph';
import { liveArgument, liveRegionArgument } from './liveResources';
import { diagramRegion } from './diagramRegion';
import { DiagramLayoutService } from '../../node/diagramLayoutService';

/** Command id of "ArchLens: Open Architecture Diagram". */
export const OPEN_DIAGRAM_COMMAND = 'archlens.diagram.open';

/** What the feature needs from the composition root. */
export interface DiagramServices {
  readonly log: vscode.LogOutputChannel;
}

/** The document to show: the one the command was invoked on (editor title, explorer), else the active editor's. */
async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** Registers the command; disposing closes the panel. */
export function registerDiagram(context: vscode.ExtensionContext, services: DiagramServices): vscode.Disposable {
  let panel: DiagramPanel | undefined;
  // One warm layout worker per window: started when a panel first opens, kept for the next panels.
  const layouts = new DiagramLayoutService(context.asAbsolutePath('dist/diagramLayoutWorker.js'));
  const panelServices = { extensionUri: context.extensionUri, log: services.log, state: context.workspaceState, layouts };
  // `live`: from "Show Diagram" on a stack (`stackDiagram.ts`), the resources' live statuses.
  const command = vscode.commands.registerCommand(OPEN_DIAGRAM_COMMAND, async (uri?: unknown, options?: unknown) => {
    // Boot the layout worker while the graph is built and the panel's page loads.
    void layouts.warm();
    const document = await targetDocument(uri);
    const live = liveArgument(options);
    const liveRegion = live ? liveRegionArgument(options) : undefined;
    if (!document) {
      void vscode.window.showInformationMessage('ArchLens: open a CloudFormation or SAM template first, then run "Open Architecture Diagram".');
      return;
    }
    const result = computeDiagramGraph(document.fileName, document.getText(), { region: diagramRegion(document.uri, liveRegion), securityGroups: showSecurityGroups(context.workspaceState) });
    if (result.kind === 'notTemplate') {
      void vscode.window.showWarningMessage(`ArchLens: ${vscode.workspace.asRelativePath(document.uri)} is not a CloudFormation or SAM template.`);
      return;
    }
    if (live) {
      panel ??= DiagramPanel.open(panelServices, document, result, () => (panel = undefined));
      panel.showLive(document, live, liveRegion);
    } else if (panel) panel.show(document, result);
    else panel = DiagramPanel.open(panelServices, document, result, () => (panel = undefined));
  });
  return vscode.Disposable.from(command, { dispose: () => panel?.dispose() }, { dispose: () => layouts.dispose() });
}
