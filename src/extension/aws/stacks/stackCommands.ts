// View-level and copy/console commands of the stacks view: refresh, filters, copy ARN or value,
// open in the AWS console, refresh one folder.
import * as vscode from 'vscode';
import { isRefreshable } from '../../../views/stacks/stackFolder';
import { ResourceNode } from '../../../views/stacks/resourceNodes';
import { StackNode } from '../../../views/stacks/stackNode';
import type { StatusFilter } from '../../../views/stacks/stacksRoot';
import { STACK_STATUSES, type StackStatus, statusText } from '../../../views/stacks/stackStatus';
import { OutputNode, ParameterNode } from '../../../views/stacks/valueNodes';
import { registerStackCommand, targetNode } from './commandSupport';
import type { StacksView } from './stacksView';

async function pickStatusFilter(current: StatusFilter): Promise<StatusFilter | undefined> {
  type Choice = vscode.QuickPickItem & { filter?: StatusFilter };
  const choices: Choice[] = [
    { label: 'Active stacks', description: 'default: every status except DELETE_COMPLETE', filter: { kind: 'active' }, picked: current.kind === 'active' },
    { label: 'Include deleted stacks', description: 'deleted in the last 90 days too', filter: { kind: 'all' }, picked: current.kind === 'all' },
    { label: 'Specific statuses…', picked: current.kind === 'statuses' },
  ];
  const choice = await vscode.window.showQuickPick(choices, { title: 'Show CloudFormation stacks', placeHolder: 'Which stacks to list (filtered by AWS)' });
  if (!choice) return undefined;
  if (choice.filter) return choice.filter;
  const selected = new Set<string>(current.kind === 'statuses' ? current.statuses : []);
  const statuses = await vscode.window.showQuickPick(
    STACK_STATUSES.map((status) => ({ label: status, description: statusText(status), picked: selected.has(status) })),
    { title: 'Show stacks with these statuses', canPickMany: true },
  );
  if (!statuses) return undefined;
  return statuses.length === 0 ? { kind: 'active' } : { kind: 'statuses', statuses: statuses.map((s) => s.label as StackStatus) };
}

async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${what}`, 3000);
}

export function registerStackCommands(view: StacksView, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const root = () => view.current();
  return [
    registerStackCommand('archlens.stacks.refresh', log, () => view.refresh()),
    registerStackCommand('archlens.stacks.filterByName', log, async () => {
      const r = root();
      if (!r) return void vscode.window.showInformationMessage('Connect to AWS first: select a profile and a region.');
      const text = await vscode.window.showInputBox({
        title: 'Filter stacks by name',
        prompt: 'Show stacks whose name contains this text (case-insensitive). Leave empty to show all.',
        value: r.filters.name,
      });
      if (text === undefined) return;
      r.setNameFilter(text);
      view.filtersChanged();
    }),
    registerStackCommand('archlens.stacks.filterByStatus', log, async () => {
      const r = root();
      if (!r) return void vscode.window.showInformationMessage('Connect to AWS first: select a profile and a region.');
      const filter = await pickStatusFilter(r.filters.status);
      if (!filter) return;
      r.setStatusFilter(filter);
      view.filtersChanged();
    }),
    registerStackCommand('archlens.stacks.clearFilters', log, () => {
      root()?.clearFilters();
      view.filtersChanged();
    }),
    registerStackCommand('archlens.stacks.copyArn', log, async (node) => {
      const target = targetNode(view, node, StackNode, ResourceNode);
      if (target instanceof StackNode) return copy(target.arn, `the ARN of ${target.info.name}`);
      if (target instanceof ResourceNode) {
        if (!target.physicalId) return void vscode.window.showInformationMessage(`${target.logicalId} has no physical id yet.`);
        return copy(target.physicalId, `the id of ${target.logicalId}`);
      }
    }),
    registerStackCommand('archlens.stacks.openInConsole', log, async (node) => {
      const target = targetNode(view, node, StackNode, ResourceNode);
      if (target) await vscode.env.openExternal(vscode.Uri.parse(target.consoleUrl(), true));
    }),
    registerStackCommand('archlens.stacks.copyValue', log, async (node) => {
      const target = targetNode(view, node, OutputNode, ParameterNode);
      if (target) await copy(target.value, target.key);
    }),
    registerStackCommand('archlens.stacks.refreshNode', log, (node) => {
      const target = node ?? view.tree.selection[0];
      if (isRefreshable(target)) target.refresh();
    }),
  ];
}
