/**
 * The cost feature in the editor: "Show Cost Estimate", "Compare Cost with HEAD", the code lenses
 * and hovers on template resources, and the (single) cost panel.
 */
import * as vscode from 'vscode';
import { USAGE_FILE_NAME } from '../../node/costInputs';
import { CostPanel } from './costPanel';
import { CostHoverProvider, CostLensProvider, COST_LENS_SETTING, DocumentCosts, SHOW_COST_COMMAND } from './costLens';
import { estimateDocument } from './costViewModel';
import { SHIPPED_PRICES } from '../../engine/cost/priceTable';
import { priceStoreIn } from './priceStore';

export const COMPARE_COST_COMMAND = 'archlens.cost.compareWithHead';
export const REVEAL_COST_RESOURCE_COMMAND = 'archlens.cost.revealResource';

/** Templates the lenses and hovers apply to (the language client's selector). */
const TEMPLATE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'file', pattern: '**/*.template' },
];

async function targetDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

function isTemplate(document: vscode.TextDocument): boolean {
  return estimateDocument(document.fileName, document.getText(), { prices: SHIPPED_PRICES, region: 'us-east-1' }) !== undefined;
}

export function registerCost(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  let panel: CostPanel | undefined;
  const prices = priceStoreIn(context.globalStorageUri.fsPath);
  prices.table();
  for (const problem of prices.problems) log.warn(`cost: ${problem}`);
  const costs = new DocumentCosts(() => prices.table());
  const openPanel = async (uri: unknown): Promise<CostPanel | undefined> => {
    const document = await targetDocument(uri);
    if (!document || !isTemplate(document)) {
      void vscode.window.showInformationMessage('ArchLens: open a CloudFormation or SAM template first, then run "Show Cost Estimate".');
      return undefined;
    }
    if (panel) panel.show(document);
    else panel = CostPanel.open({ extensionUri: context.extensionUri, log, onUsageWritten: () => costs.invalidate(), prices: () => prices.table() }, document, () => (panel = undefined));
    return panel;
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/{${USAGE_FILE_NAME},.archlens.yml,.archlens.yaml}`);
  const refreshAll = (): void => costs.invalidate();
  return vscode.Disposable.from(
    costs,
    watcher,
    watcher.onDidChange(refreshAll),
    prices.onDidChange(() => {
      costs.invalidate();
      panel?.refresh();
    }),
    watcher.onDidCreate(refreshAll),
    watcher.onDidDelete(refreshAll),
    vscode.workspace.onDidCloseTextDocument((document) => costs.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(COST_LENS_SETTING)) costs.invalidate();
    }),
    vscode.languages.registerCodeLensProvider(TEMPLATE_SELECTOR, new CostLensProvider(costs)),
    vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, new CostHoverProvider(costs)),
    vscode.commands.registerCommand(SHOW_COST_COMMAND, async (uri?: unknown) => {
      await openPanel(uri);
    }),
    vscode.commands.registerCommand(COMPARE_COST_COMMAND, async (uri?: unknown) => {
      (await openPanel(uri))?.compareWith('HEAD');
    }),
    vscode.commands.registerCommand(REVEAL_COST_RESOURCE_COMMAND, async (uri: vscode.Uri, logicalId: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const resource = costs.estimateOf(document)?.resources.find((entry) => entry.logicalId === logicalId);
      if (!resource) return;
      const start = document.positionAt(resource.offset);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(start, start.translate(0, logicalId.length)) });
    }),
    { dispose: () => panel?.dispose() },
  );
}
