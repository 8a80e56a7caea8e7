// View-level and copy/console commands of the stacks view: refresh, filters, copy ARNs or values
// (of a multi-selection too), open in the AWS console (not through a custom endpoint).
import * as vscode from 'vscode';
import { ResourceNode } from '../../../views/stacks/resourceNodes';
import { StackNode } from '../../../views/stacks/stackNode';
import type { StatusFilter } from '../../../views/stacks/stacksRoot';
import { STACK_STATUSES, type StackStatus, statusText } from '../../../views/stacks/stackStatus';
import { OutputNode, ParameterNode } from '../../../views/stacks/valueNodes';
import { stackCommandRegistrar } from './commandSupport';
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
  const register = stackCommandRegistrar(view, log);
  const root = () => view.current();
  const filtersChanged = (): void => view.setContext('filtered', root()?.filtered ?? false);
  return [
    register('archlens.stacks.refresh', 'Refreshing the stacks', () => view.refresh()),
    register('archlens.stacks.filterByName', 'Filtering the stacks', async () => {
      const r = root();
      if (!r) return void vscode.window.showInformationMessage('Connect to AWS first: select a profile and a region.');
      const text = await vscode.window.showInputBox({
        title: 'Filter stacks by name',
        prompt: 'Show stacks whose name contains this text (case-insensitive). Leave empty to show all.',
        value: r.filters.name,
      });
      if (text === undefined) return;
      r.setNameFilter(text);
      filtersChanged();
    }),
    register('archlens.stacks.filterByStatus', 'Filtering the stacks', async () => {
      const r = root();
      if (!r) return void vscode.window.showInformationMessage('Connect to AWS first: select a profile and a region.');
      const filter = await pickStatusFilter(r.filters.status);
      if (!filter) return;
      r.setStatusFilter(filter);
      filtersChanged();
    }),
    register('archlens.stacks.clearFilters', 'Clearing the stack filters', () => {
      root()?.clearFilters();
      filtersChanged();
    }),
    register('archlens.stacks.copyArn', 'Copying the ARN', async (invocation) => {
      // One line per selected stack or resource (a resource without a physical id is skipped).
      const targets = invocation.of(StackNode, ResourceNode);
      const lines = targets.map((t) => (t instanceof StackNode ? t.arn : t.physicalId)).filter((v): v is string => v !== undefined);
      if (lines.length === 0) {
        const resource = targets.find((t): t is ResourceNode => t instanceof ResourceNode);
        if (resource) void vscode.window.showInformationMessage(`${resource.logicalId} has no physical id yet.`);
        return;
      }
      const only = targets.length === 1 ? targets[0] : undefined;
      const what = only instanceof StackNode ? `the ARN of ${only.info.name}` : only instanceof ResourceNode ? `the id of ${only.logicalId}` : `${lines.length} ARNs and ids`;
      await copy(lines.join('\n'), what);
    }),
    register('archlens.stacks.openInConsole', 'Opening the AWS console', async (invocation) => {
      const target = invocation.one(StackNode, ResourceNode);
      if (!target) return;
      // The menu entry is hidden then (`archlens.aws.customEndpoint`); this covers keybindings.
      if (view.connection.customEndpoint) {
        void vscode.window.showInformationMessage(
          'ArchLens: Open in AWS Console is not available while ArchLens talks to a custom endpoint (archlens.aws.endpointUrl, AWS_ENDPOINT_URL or a profile\'s endpoint_url): the AWS console would not show this stack.',
        );
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(target.consoleUrl(), true));
    }),
    register('archlens.stacks.copyValue', 'Copying the value', async (invocation) => {
      const targets = invocation.of(OutputNode, ParameterNode);
      if (targets.length === 0) return;
      // Several values copy as `key=value` lines, like a .env file.
      const text = targets.length === 1 ? targets[0]!.value : targets.map((t) => `${t.key}=${t.value}`).join('\n');
      await copy(text, targets.length === 1 ? targets[0]!.key : `${targets.length} values`);
    }),
  ];
}
