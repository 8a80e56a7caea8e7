// Live Events folders: while a stack operation runs, an Events folder that is showing (expanded,
// and its stack and every folder above it expanded too) re-lists its events every few seconds
// (`archlens.stacks.eventsRefreshSeconds`). One timer per showing folder; none for folders under
// a collapsed node, and none while the view is hidden behind another container.
import type * as vscode from 'vscode';
import { EventsFolderNode } from '../../../views/stacks/eventNodes';
import type { ViewRoot } from '../../../views/viewRoot';
import type { ConnectedTreeView } from '../../tree/connectedTreeView';
import { stacksSettings } from './stacksSettings';

/** How often a showing Events folder is asked whether it is due (the folder decides). */
const TICK_MS = 1000;

export class EventsRefresher implements vscode.Disposable {
  private readonly timers = new Map<EventsFolderNode, ReturnType<typeof setInterval>>();
  /** Events folders seen expanded since the last (re)listing: the candidates for a timer. */
  private readonly eventsFolders = new Set<EventsFolderNode>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: Pick<ConnectedTreeView<ViewRoot>, 'tree' | 'isOpen' | 'onDidChangeExpansion' | 'onDidReset'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      view.onDidChangeExpansion(({ node, expanded }) => {
        if (expanded && node instanceof EventsFolderNode) this.eventsFolders.add(node);
        this.sync();
      }),
      // The listing is rebuilt (new node objects): the folders expanded again start new timers.
      view.onDidReset(() => this.stopAll()),
    ];
  }

  private sync(): void {
    for (const events of this.eventsFolders) {
      if (this.view.isOpen(events)) this.start(events);
      else this.stop(events);
    }
  }

  private start(events: EventsFolderNode): void {
    if (this.timers.has(events)) return;
    const timer = setInterval(() => {
      try {
        // A hidden view (another container in front) does not poll AWS.
        if (!this.view.tree.visible) return;
        if (events.refreshDue(Date.now(), stacksSettings().eventsRefreshMs)) events.refresh();
      } catch (error) {
        this.log.error('Stacks: events refresh failed', error);
      }
    }, TICK_MS);
    this.timers.set(events, timer);
  }

  private stop(events: EventsFolderNode): void {
    const timer = this.timers.get(events);
    if (timer !== undefined) clearInterval(timer);
    this.timers.delete(events);
  }

  private stopAll(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
    this.eventsFolders.clear();
  }

  dispose(): void {
    this.stopAll();
    for (const s of this.subscriptions) s.dispose();
  }
}
