// The time range quick pick shared by search and Insights: presets, or a custom ISO range.
import * as vscode from 'vscode';
import { TIME_RANGE_PRESETS, parseIsoRange, presetRange, type TimeRange } from '../../../views/logs/logInputs';

export async function pickTimeRange(title: string): Promise<TimeRange | undefined> {
  const custom = 'Custom range (ISO 8601)…';
  const items: vscode.QuickPickItem[] = [...TIME_RANGE_PRESETS.map((p) => ({ label: p.label })), { label: custom }];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Time range', ignoreFocusOut: true });
  if (!picked) return undefined;
  const preset = TIME_RANGE_PRESETS.find((p) => p.label === picked.label);
  if (preset) return presetRange(preset, Date.now());
  const hour = 3_600_000;
  const now = Date.now();
  const example = `${new Date(now - hour).toISOString().slice(0, 16)}Z/${new Date(now).toISOString().slice(0, 16)}Z`;
  const text = await vscode.window.showInputBox({
    title,
    prompt: 'START/END as ISO 8601 date-times; a time without a zone is UTC',
    value: example,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseIsoRange(value);
      return typeof parsed === 'string' ? parsed : undefined;
    },
  });
  if (text === undefined) return undefined;
  const parsed = parseIsoRange(text);
  return typeof parsed === 'string' ? undefined : parsed;
}
