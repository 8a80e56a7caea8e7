// A stack's events, newest first (DescribeStackEvents' own order, kept across pages). While an
// operation is in progress the extension polls `refreshDue` and calls `refresh`: timers live in
// src/extension, this only says when the list is stale. The newest stack-level event also
// carries the stack's current status, so the stack's icon follows the operation without a
// re-list of every stack.
import type { StackEvent } from '../../aws/cloudFormationGateway';
import { CONTEXT } from '../contextValues';
import { PagedChildren } from '../pagedChildren';
import type { NodeItem, ViewNode } from '../viewNode';
import { StackFolderNode } from './stackFolder';
import { formatTime, type StackEnv, type StackInfo } from './stackInfo';
import { md } from '../markdown';
import { isInProgress, statusIcon, statusText } from './stackStatus';
import { cloudFormationService } from '../../aws/services/cloudFormation';

export class EventNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly event: StackEvent,
  ) {}

  item(): NodeItem {
    const e = this.event;
    const lines = [
      `**${md(e.LogicalResourceId ?? '')}** (${md(e.ResourceType ?? '')})`,
      `${md(statusText(e.ResourceStatus))} at ${formatTime(e.Timestamp)}`,
    ];
    if (e.ResourceStatusReason) lines.push(md(e.ResourceStatusReason));
    if (e.PhysicalResourceId) lines.push(`Physical id: ${md(e.PhysicalResourceId)}`);
    const when = formatTime(e.Timestamp);
    return {
      label: e.LogicalResourceId ?? '',
      description: [statusText(e.ResourceStatus), when, e.ResourceStatusReason].filter(Boolean).join(' · '),
      tooltip: lines.join('\n\n'),
      icon: statusIcon(e.ResourceStatus),
      contextValue: CONTEXT.stackEvent,
      collapsible: 'none',
    };
  }
}

/** What the events folder needs from its stack node. */
export interface EventsOwner {
  readonly info: StackInfo;
  /** Called when the newest stack-level event shows a different status than the listing. */
  statusChanged(status: string, reason: string | undefined): void;
}

export class EventsFolderNode extends StackFolderNode {
  private readonly paged: PagedChildren<StackEvent>;
  private loadedAt: number | undefined;

  constructor(
    id: string,
    env: StackEnv,
    private readonly owner: EventsOwner,
  ) {
    super(id, env, 'Events', 'history');
    this.paged = new PagedChildren({
      idPrefix: id,
      fetch: (startToken, signal) => env.services.gateway(cloudFormationService).stackEvents(owner.info.id, { startToken, signal }),
      key: (e) => e.EventId ?? '',
      toNode: (e) => new EventNode(`${id}/${e.EventId ?? ''}`, e),
      emptyMessage: 'No events',
      sink: env.sink,
      parent: () => this,
    });
  }

  protected override description(): string | undefined {
    return this.live ? 'live' : undefined;
  }

  /** An operation is running on the stack, so new events keep arriving. */
  get live(): boolean {
    return isInProgress(this.owner.info.status);
  }

  /** Whether the extension's timer should call `refresh` now (loaded, live, and older than the interval). */
  refreshDue(now: number, intervalMs: number): boolean {
    return this.live && this.loadedAt !== undefined && now - this.loadedAt >= intervalMs;
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const nodes = await this.paged.children(signal);
    this.loadedAt = this.env.now();
    const stackId = this.owner.info.id;
    const latest = this.paged.loaded.find((e) => e.ResourceType === 'AWS::CloudFormation::Stack' && e.PhysicalResourceId === stackId);
    if (latest?.ResourceStatus && latest.ResourceStatus !== this.owner.info.status) this.owner.statusChanged(latest.ResourceStatus, latest.ResourceStatusReason);
    return nodes;
  }

  protected clear(): void {
    this.paged.reset();
  }
}
