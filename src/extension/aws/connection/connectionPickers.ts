// Quick picks: profile (with kind and file:line problems), region, the status bar menu, and the
// connection details. Rows come from src/aws/credentials/presentation.ts.
import * as vscode from 'vscode';
import { orphanProblems, profilePicks } from '../../../aws/credentials/presentation';
import { formatLocation } from '../../../aws/credentials/profiles';
import { AWS_REGIONS, isRegionId } from '../../../aws/regions';
import type { ConnectionController } from './connectionController';
import { connectionRows } from '../../../views/connectionText';
import { saveConnectionSetting } from './connectionSettings';

interface ValueItem extends vscode.QuickPickItem {
  readonly value?: string;
}

export async function pickProfile(controller: ConnectionController): Promise<void> {
  const catalog = await controller.readProfiles();
  const rows = profilePicks(catalog, process.env, controller.snapshot.source);
  const items: ValueItem[] = rows.map((row) => ({
    label: `${row.current ? '$(check) ' : ''}${row.problems.length > 0 ? '$(warning) ' : ''}${row.label}`,
    description: row.description,
    detail: row.detail,
    value: row.value,
  }));
  const orphans = orphanProblems(catalog).filter((p) => !rows.some((r) => r.problems.includes(p)));
  if (orphans.length > 0) {
    items.push({ label: 'Problems in the AWS files', kind: vscode.QuickPickItemKind.Separator });
    for (const p of orphans) items.push({ label: `$(warning) ${formatLocation(p)}`, description: p.message });
  }
  if (rows.length === 0) {
    items.unshift({ label: 'No profiles found', description: `${catalog.configFile}, ${catalog.credentialsFile}`, detail: 'Run `aws configure` or `aws configure sso` in a terminal, then reconnect.' });
  }
  const choice = await vscode.window.showQuickPick(items, { title: 'Select AWS Profile', placeHolder: 'Profiles from the AWS config and credentials files', matchOnDescription: true });
  if (choice?.value === undefined) return;
  await saveConnectionSetting('profile', choice.value);
}

export async function pickRegion(controller: ConnectionController): Promise<void> {
  const current = controller.snapshot.region;
  const quickPick = vscode.window.createQuickPick<ValueItem>();
  const base: ValueItem[] = AWS_REGIONS.map((r) => ({ label: `${r.id === current ? '$(check) ' : ''}${r.id}`, description: r.name + (r.optIn ? ' · opt-in' : ''), value: r.id }));
  quickPick.title = 'Select AWS Region';
  quickPick.placeholder = 'Pick a region or type a region id';
  quickPick.items = base;
  quickPick.matchOnDescription = true;
  // A region missing from the static list can be typed in.
  const onValue = quickPick.onDidChangeValue((value) => {
    const typed = value.trim();
    quickPick.items = isRegionId(typed) && !AWS_REGIONS.some((r) => r.id === typed) ? [{ label: typed, description: 'use this region id', value: typed }, ...base] : base;
  });
  const chosen = await new Promise<string | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.value));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  onValue.dispose();
  quickPick.dispose();
  if (chosen !== undefined) await saveConnectionSetting('region', chosen);
}

/**
 * Writes the connection details to the log and lists them in a quick pick (a notification's
 * `detail` is not shown unless the notification is modal); picking a row copies it.
 */
export async function showConnection(controller: ConnectionController, log: vscode.LogOutputChannel): Promise<void> {
  const s = controller.snapshot;
  const rows = connectionRows({
    state: s.state,
    lastError: s.lastError,
    credentials: s.source?.kind === 'profile' ? `profile ${s.source.profile}` : s.source ? 'environment credentials' : 'no credentials',
    credentialKind: s.opened?.kind,
    region: s.region,
    regionOrigin: s.regionOrigin,
    account: s.identity?.account,
    arn: s.identity?.arn,
    endpoints: s.opened ? Object.entries(s.opened.endpoints).map(([service, e]) => ({ service, url: e.url, origin: e.origin })) : [],
    files: s.catalog ? { config: s.catalog.configFile, configFound: s.catalog.found.config, credentials: s.catalog.credentialsFile, credentialsFound: s.catalog.found.credentials } : undefined,
  });
  for (const row of rows) log.info(`AWS connection: ${row.label}: ${row.value}`);
  type Row = vscode.QuickPickItem & { run?: () => Thenable<unknown> | void };
  const items: Row[] = rows.map((row) => ({ label: row.label, description: row.value, run: () => copy(`${row.label}: ${row.value}`) }));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(copy) Copy All', run: () => copy(rows.map((r) => `${r.label}: ${r.value}`).join('\n')) },
    { label: '$(output) Show Log', run: () => log.show() },
  );
  const choice = await vscode.window.showQuickPick(items, { title: 'AWS Connection', placeHolder: 'Pick a row to copy it', matchOnDescription: true });
  await choice?.run?.();
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage('Copied the AWS connection details', 3000);
}

/** The status bar item's menu. */
export async function connectionMenu(): Promise<void> {
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(account) Select Profile…', command: 'archlens.aws.selectProfile' },
    { label: '$(globe) Select Region…', command: 'archlens.aws.selectRegion' },
    { label: '$(refresh) Reconnect', description: 're-read credentials', command: 'archlens.aws.reconnect' },
    { label: '$(info) Show Connection', command: 'archlens.aws.showConnection' },
    { label: '$(output) Show Log', command: 'archlens.log.show' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: 'AWS Connection' });
  if (choice) await vscode.commands.executeCommand(choice.command);
}
