// Deployed templates: open (original or processed) as a read-only document (from the palette
// too, with a stack pick), compare with a local file, and reveal a resource's logical id in a
// local template.
import * as vscode from 'vscode';
import type { TemplateStage } from '../../../aws/cloudFormationGateway';
import { ResourceNode } from '../../../views/stacks/resourceNodes';
import type { StackInfo } from '../../../views/stacks/stackInfo';
import { StackNode } from '../../../views/stacks/stackNode';
import { findLogicalIdSpan, templateLogicalIds, templateOverlap } from '../../../views/stacks/templateLocator';
import { withAwsProgress } from '../awsProgress';
import { stackCommandRegistrar, stackOrPick } from './commandSupport';
import { candidateFiles, readLocal } from './localTemplates';
import type { DeployedTemplates } from './stackDocuments';
import type { StacksView } from './stacksView';

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The deployed template's document, or undefined when the fetch was cancelled or the connection changed. */
function loadTemplate(view: StacksView, templates: DeployedTemplates, stack: StackInfo, stage: TemplateStage): Promise<vscode.Uri | undefined> {
  const what = `the ${stage.toLowerCase()} template of ${stack.name}`;
  return withAwsProgress({ title: `Fetching ${what}…`, what: `the fetch of ${what}`, connection: view.connection, location: vscode.ProgressLocation.Window }, (_progress, signal) =>
    templates.load(stack, stage, signal),
  );
}

async function openTemplate(view: StacksView, templates: DeployedTemplates, stack: StackInfo, stage: TemplateStage): Promise<void> {
  const uri = await loadTemplate(view, templates, stack, stage);
  if (!uri) return;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
}

/** Local files ranked by how many of the deployed template's logical ids they declare. */
async function pickLocalTemplate(deployedText: string, deployedName: string, stackName: string): Promise<vscode.Uri | undefined> {
  const ids = templateLogicalIds(deployedName, deployedText);
  const active = vscode.window.activeTextEditor?.document.uri;
  const ranked: { uri: vscode.Uri; overlap: number }[] = [];
  for (const uri of await candidateFiles()) {
    const file = await readLocal(uri);
    if (!file) continue;
    const overlap = templateOverlap(ids, uri.path, file.text);
    if (overlap > 0 || uri.toString() === active?.toString()) ranked.push({ uri, overlap });
  }
  ranked.sort((a, b) => b.overlap - a.overlap || Number(basename(b.uri).includes(stackName)) - Number(basename(a.uri).includes(stackName)));
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: Item[] = ranked.map(({ uri, overlap }) => ({
    label: basename(uri),
    description: vscode.workspace.asRelativePath(uri),
    detail: `${overlap} of ${ids.length} deployed resources declared${uri.toString() === active?.toString() ? ' · active editor' : ''}`,
    uri,
  }));
  items.push({ label: 'Browse…', description: 'choose any file' });
  const choice = await vscode.window.showQuickPick(items, { title: `Compare ${stackName} (deployed) with…`, matchOnDescription: true });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare', filters: { Templates: ['yaml', 'yml', 'json', 'template'] } });
  return picked?.[0];
}

async function revealLogicalId(resource: ResourceNode): Promise<void> {
  const matches: { uri: vscode.Uri; start: number; end: number }[] = [];
  for (const uri of await candidateFiles()) {
    const file = await readLocal(uri);
    const span = file && findLogicalIdSpan(uri.path, file.text, resource.logicalId);
    if (span) matches.push({ uri, ...span });
  }
  if (matches.length === 0) {
    return void vscode.window.showInformationMessage(`No local template in this workspace declares ${resource.logicalId} under Resources (generated resources such as a SAM function's role exist only in the processed template).`);
  }
  let target = matches[0]!;
  if (matches.length > 1) {
    const choice = await vscode.window.showQuickPick(
      matches.map((m) => ({ label: basename(m.uri), description: vscode.workspace.asRelativePath(m.uri), match: m })),
      { title: `${resource.logicalId} is declared in ${matches.length} templates` },
    );
    if (!choice) return;
    target = choice.match;
  }
  const document = await vscode.workspace.openTextDocument(target.uri);
  const selection = new vscode.Selection(document.positionAt(target.start), document.positionAt(target.end));
  await vscode.window.showTextDocument(document, { selection });
}

export function registerTemplateCommands(view: StacksView, templates: DeployedTemplates, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const register = stackCommandRegistrar(view, log);
  return [
    register('archlens.stacks.openTemplate', 'Opening the deployed template', async (invocation) => {
      const stack = await stackOrPick(view, invocation, 'Open the deployed template of which stack?');
      if (stack) await openTemplate(view, templates, stack, 'Original');
    }),
    register('archlens.stacks.openProcessedTemplate', 'Opening the processed template', async (invocation) => {
      const stack = invocation.one(StackNode);
      if (stack) await openTemplate(view, templates, stack.info, 'Processed');
    }),
    register('archlens.stacks.diffWithLocal', 'Comparing with the local template', async (invocation) => {
      const stack = invocation.one(StackNode);
      if (!stack) return;
      const deployed = await loadTemplate(view, templates, stack.info, 'Original');
      if (!deployed) return;
      const text = (await vscode.workspace.openTextDocument(deployed)).getText();
      const local = await pickLocalTemplate(text, deployed.path, stack.info.name);
      if (!local) return;
      await vscode.commands.executeCommand('vscode.diff', deployed, local, `${stack.info.name} (deployed) ↔ ${basename(local)}`);
    }),
    register('archlens.stacks.revealInTemplate', 'Revealing the resource in its local template', async (invocation) => {
      const resource = invocation.one(ResourceNode);
      if (resource) await revealLogicalId(resource);
    }),
  ];
}
