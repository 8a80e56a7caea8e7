// Typed access to the `archlens.stacks.*` settings (package.json is the source of truth for
// their defaults and bounds; the clamps here only guard hand-edited settings.json values).
import * as vscode from 'vscode';

export interface StacksSettings {
  /** Matching stacks a "Load more" looks for while a name filter is set. */
  readonly pageSize: number;
  /** Events refresh interval while a stack operation is in progress. */
  readonly eventsRefreshMs: number;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function stacksSettings(): StacksSettings {
  const config = vscode.workspace.getConfiguration('archlens.stacks');
  return {
    pageSize: Math.round(clamp(config.get('pageSize'), 1, 100, 100)),
    eventsRefreshMs: clamp(config.get('eventsRefreshSeconds'), 2, 120, 5) * 1000,
  };
}
