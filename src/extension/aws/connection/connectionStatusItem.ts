// The status bar item of the AWS connection, e.g. `$(cloud) demo · us-east-1 · 123456789012`;
// a click opens the connection menu (profile, region, reconnect, log).
import * as vscode from 'vscode';
import { statusText } from '../../../aws/credentials/presentation';
import { NO_PROFILE_SELECTED_STATUS } from '../../../views/connectionText';
import type { ConnectionController } from './connectionController';

export function registerStatusItem(controller: ConnectionController): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('archlens.aws.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ArchLens AWS connection';
  item.command = 'archlens.aws.connectionMenu';
  const render = (): void => {
    // Shown once something needed AWS (the side bar, a command): before that nothing is known.
    if (!controller.started) return item.hide();
    const s = controller.snapshot;
    item.text =
      s.state === 'noProfileSelected'
        ? NO_PROFILE_SELECTED_STATUS
        : statusText({ state: s.state, source: s.source, region: s.region, account: s.identity?.account, customEndpoint: controller.customEndpoint });
    const tip =
      s.state === 'noCredentials'
        ? 'No AWS credentials found. Click to select a profile.'
        : s.state === 'noProfileSelected'
          ? `${s.lastError ?? 'No AWS profile is selected.'} Click to select a profile.`
          : s.state === 'error'
            ? `AWS: ${s.lastError ?? 'not connected'}`
            : `AWS ${s.state === 'ready' ? 'connected' : 'connecting'}${s.identity ? ` as ${s.identity.arn}` : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    tooltip.appendText(tip);
    item.tooltip = tooltip;
    // Without this, screen readers announce the text followed by the tooltip's Markdown source,
    // in which `appendText` encodes spaces as `&nbsp;`. The label is the text without icons.
    item.accessibilityInformation = { label: `${plainText(item.text)}. ${tip}`, role: 'button' };
    item.backgroundColor = s.state === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  render();
  return vscode.Disposable.from(item, controller.onDidChange(render));
}

/** Status bar text without `$(icon)` references. */
function plainText(text: string): string {
  return text.replace(/\$\([\w~-]+\)\s*/g, '').trim();
}
