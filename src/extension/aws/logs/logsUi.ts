// Shared UI plumbing of the logs commands: settings, and the log groups a command was invoked on
// (tree nodes, a plain `{ group }` argument, or nothing). Failures and the connection check are
// the command wrapper's (../awsCommand.ts).
import * as vscode from 'vscode';
import type { AwsServices } from '../../../views/awsServices';
import { errorSummary } from '../../../views/errorMessages';
import { LogGroupNode } from '../../../views/logs/logGroupNodes';
import { LogGroupFolderNode } from '../../../views/logs/stackLogGroups';
import type { AwsConnection } from '../awsConnection';
import { requireServices, type CommandInvocation } from '../awsCommand';
import { withAwsProgress } from '../awsProgress';
import { logsService } from '../../../aws/services/logs';

export interface LogsSettings {
  readonly tailBufferLines: number;
  readonly searchMaxEvents: number;
}

/** The `archlens.logs.*` settings, clamped to the ranges package.json declares. */
export function logsSettings(): LogsSettings {
  const config = vscode.workspace.getConfiguration('archlens.logs');
  const clamp = (value: unknown, min: number, max: number, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback);
  return {
    tailBufferLines: clamp(config.get('tailBufferLines'), 100, 200_000, 10_000),
    searchMaxEvents: clamp(config.get('searchMaxEvents'), 1, 1_000_000, 10_000),
  };
}

/** A log group a command acts on. `arn` is known when it came from the tree. */
export interface GroupTarget {
  readonly name: string;
  readonly arn?: string;
}

export interface CommandTargets {
  readonly services: AwsServices;
  readonly targets: readonly GroupTarget[];
}

export interface TargetLimits {
  /** Shown when none of the targets exists, e.g. `no existing log group to query here.` */
  readonly none: string;
  /** The API's limit on groups per call, with the warning shown when more were given. */
  readonly max?: { readonly count: number; readonly warning: (given: number) => string };
}

/**
 * The shared start of the logs commands: the connection's services and the existing groups the
 * command acts on (capped at `limits.max`), or undefined when there is nothing to do: no
 * connection, a dismissed pick, or no existing group (each already told to the user).
 */
export async function logGroupTargets(invocation: CommandInvocation, connection: AwsConnection, limits: TargetLimits): Promise<CommandTargets | undefined> {
  const services = await requireServices(connection);
  if (!services) return undefined;
  const listing = new AbortController();
  const targets = await targetGroups(invocation, services, connection, listing.signal).finally(() => listing.abort());
  if (!targets) return undefined;
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(`ArchLens: ${limits.none}`);
    return undefined;
  }
  const max = limits.max;
  if (max && targets.length > max.count) {
    void vscode.window.showWarningMessage(`ArchLens: ${max.warning(targets.length)}`);
    return { services, targets: targets.slice(0, max.count) };
  }
  return { services, targets };
}

/**
 * The groups a command was invoked on: LogGroupNodes and LogGroupFolderNodes (one or a tree
 * multi-selection; a folder stands for every existing group of its stack), `{ group }` /
 * `{ groups }` / a string (other commands, tests, keybindings), or nothing (the palette: ask).
 */
async function targetGroups(invocation: CommandInvocation, services: AwsServices, connection: AwsConnection, signal: AbortSignal): Promise<GroupTarget[] | undefined> {
  const nodes = invocation.of(LogGroupNode, LogGroupFolderNode);
  if (nodes.length > 0) {
    const groups = new Map<string, GroupTarget>();
    const add = (n: LogGroupNode): void => {
      if (n.exists && !groups.has(n.groupName)) groups.set(n.groupName, { name: n.groupName, ...(n.arn ? { arn: n.arn } : {}) });
    };
    for (const node of nodes) {
      if (node instanceof LogGroupNode) {
        add(node);
        continue;
      }
      // Derived from every resource of the stack (many pages in a big stack) unless the folder was
      // expanded already: show it, and let the user cancel.
      const what = `the log groups of ${node.source.stackName}`;
      const found = await withAwsProgress({ title: `Finding ${what}`, what: `the lookup of ${what}`, connection, services }, (_progress, lookup) => node.groupNodes(lookup));
      if (!found) return undefined;
      found.forEach(add);
    }
    return [...groups.values()];
  }
  const arg = invocation.arg;
  if (typeof arg === 'string' && arg !== '') return [{ name: arg }];
  if (arg && typeof arg === 'object') {
    const { group, groups } = arg as { group?: unknown; groups?: unknown };
    if (typeof group === 'string' && group !== '') return [{ name: group }];
    if (Array.isArray(groups)) return groups.filter((g): g is string => typeof g === 'string' && g !== '').map((name) => ({ name }));
  }
  return pickLogGroup(services, signal);
}

/** A quick pick over the account's log groups (first 500 by name), or a typed name. */
async function pickLogGroup(services: AwsServices, signal: AbortSignal): Promise<GroupTarget[] | undefined> {
  const typeName = 'Type a log group name…';
  const items = (async (): Promise<vscode.QuickPickItem[]> => {
    const names: vscode.QuickPickItem[] = [];
    try {
      for await (const page of services.gateway(logsService).logGroupPages(undefined, { signal })) {
        names.push(...page.items.map((g) => ({ label: g.name })));
        if (names.length >= 500) break;
      }
    } catch (error) {
      services.log.warn(`Listing log groups for the picker failed: ${errorSummary(error)}`);
    }
    return [...names, { label: typeName, alwaysShow: true }];
  })();
  const picked = await vscode.window.showQuickPick(items, { title: `Log group (${services.label})`, placeHolder: 'Pick a log group', matchOnDescription: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.label !== typeName) return [{ name: picked.label }];
  const typed = await vscode.window.showInputBox({ title: 'Log group name', prompt: 'The exact name, e.g. /aws/lambda/my-function', ignoreFocusOut: true, validateInput: (v) => (v.trim() === '' ? 'Enter a name' : undefined) });
  return typed ? [{ name: typed.trim() }] : undefined;
}
