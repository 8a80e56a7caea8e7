// The `archlens.stacks` tree: one StacksRoot per connection (profile, region), rebuilt when the
// connection changes with the filters carried over; the welcome-view context keys; and the
// events refresh timers, which live only while an Events folder is showing: expanded, and its
// stack (and any parent stack or folder above) expanded too.
import * as vscode from 'vscode';
import type { AwsServices } from '../../../views/awsServices';
import { ExpandedNodes } from '../../../views/expandedNodes';
import { EventsFolderNode } from '../../../views/stacks/eventNodes';
import { StacksRoot } from '../../../views/stacks/stacksRoot';
import type { ViewNode } from '../../../views/viewNode';
import { ViewTreeProvider } from '../../tree/treeAdapter';
import type { AwsConnection } from '../awsConnection';
import { stacksSettings } from './stacksSettings';

/** How often an expanded Events folder asks whether it is due (the folder decides). */
const TICK_MS = 1000;

export class StacksView implements vscode.Disposable {
  readonly provider: ViewTreeProvider;
  readonly tree: vscode.TreeView<ViewNode>;
  private root: StacksRoot | undefined;
  private filters: StacksRoot['filters'] | undefined;
  private readonly timers = new Map<EventsFolderNode, ReturnType<typeof setInterval>>();
  private readonly expansion: ExpandedNodes;
  /** Events folders seen expanded since the last (re)listing: the candidates for a timer. */
  private readonly eventsFolders = new Set<EventsFolderNode>();
  private readonly context = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly connection: AwsConnection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.provider = new ViewTreeProvider((signal) => this.roots(signal));
    this.expansion = new ExpandedNodes((node) => this.provider.getParent(node));
    this.tree = vscode.window.createTreeView('archlens.stacks', { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.provider,
      connection.onDidChange(() => this.connectionChanged()),
      // Any node counts: collapsing a stack hides the Events folder under it, and expanding the
      // stack again shows it (still expanded) without an event for the folder itself.
      this.tree.onDidExpandElement((e) => {
        this.expansion.expand(e.element);
        if (e.element instanceof EventsFolderNode) this.eventsFolders.add(e.element);
        this.syncTimers();
      }),
      this.tree.onDidCollapseElement((e) => {
        this.expansion.collapse(e.element);
        this.syncTimers();
      }),
    );
    this.setContext('archlens.stacks.filtered', false);
    this.setContext('archlens.stacks.empty', false);
  }

  /** The root for the current connection, or undefined while it is not ready. */
  current(): StacksRoot | undefined {
    if (this.connection.state !== 'ready') return undefined;
    if (!this.root) {
      // Built on first use after each connection change (the services object may not be stable
      // between calls, so identity is not compared); filters carry over to the new region.
      const services = this.connection.services();
      if (services) this.root = this.createRoot(services, this.filters);
    }
    return this.root;
  }

  /** Lists again from the first page (and cancels loads in flight). */
  refresh(): void {
    this.stopTimers();
    this.root?.refresh();
    this.provider.refresh();
  }

  private connectionChanged(): void {
    this.filters = this.root?.filters ?? this.filters;
    this.root = undefined;
    this.stopTimers();
    this.provider.refresh();
  }

  /** Re-render after a filter change (the root re-lists itself when it must). */
  filtersChanged(): void {
    this.setContext('archlens.stacks.filtered', this.root?.filtered ?? false);
  }

  private createRoot(services: AwsServices, filters: StacksRoot['filters'] | undefined): StacksRoot {
    return new StacksRoot(services, this.provider, {
      pageSize: stacksSettings().pageSize,
      filters,
      onDidRender: ({ empty, filtered }) => {
        this.setContext('archlens.stacks.empty', empty);
        this.setContext('archlens.stacks.filtered', filtered);
      },
    });
  }

  private async roots(signal: AbortSignal): Promise<ViewNode[]> {
    // The view asks for its roots when it is shown: the first time, that connects.
    void this.connection.ensureStarted();
    const root = this.current();
    if (!root) {
      // The connection's own welcome content (no credentials, connecting, error) shows instead.
      this.setContext('archlens.stacks.empty', false);
      return [];
    }
    return root.children(signal);
  }

  /** One timer per Events folder that is showing; none for folders under a collapsed node. */
  private syncTimers(): void {
    for (const events of this.eventsFolders) {
      if (this.expansion.isOpen(events)) this.startTimer(events);
      else this.stopTimer(events);
    }
  }

  private startTimer(events: EventsFolderNode): void {
    if (this.timers.has(events)) return;
    const timer = setInterval(() => {
      try {
        // A hidden view (another container in front) does not poll AWS.
        if (!this.tree.visible) return;
        if (events.refreshDue(Date.now(), stacksSettings().eventsRefreshMs)) events.refresh();
      } catch (error) {
        this.log.error('Stacks: events refresh failed', error);
      }
    }, TICK_MS);
    this.timers.set(events, timer);
  }

  private stopTimer(events: EventsFolderNode): void {
    const timer = this.timers.get(events);
    if (timer !== undefined) clearInterval(timer);
    this.timers.delete(events);
  }

  /** The listing is rebuilt (new node objects): the folders expanded again start new timers. */
  private stopTimers(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
    this.eventsFolders.clear();
  }

  private setContext(key: string, value: boolean): void {
    if (this.context.get(key) === value) return;
    this.context.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    this.stopTimers();
    for (const d of this.disposables) d.dispose();
  }
}
