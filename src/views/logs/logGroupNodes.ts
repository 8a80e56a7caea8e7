// Tree nodes for one log group and its streams. A group that does not exist yet (a Lambda
// function's group appears on its first invocation) is shown, not hidden, and has no children.
// Streams are listed newest first in pages (DescribeLogStreams ordered by LastEventTime), so a
// group with thousands of streams costs one request until the user asks for more.
import type { LogGroupSummary, LogStreamSummary } from '../../aws/logsGateway';
import type { AwsServices } from '../awsServices';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import { errorNextStep, errorSummary } from '../errorMessages';
import { ErrorNode } from '../standardNodes';
import type { NodeItem, RefreshableNode, TreeChangeSink, ViewNode } from '../viewNode';
import { formatBytes, formatRetention, shortTime } from './logFormat';
import { logsService } from '../../aws/services/logs';

/** Streams per DescribeLogStreams page (the service maximum). */
export const STREAM_PAGE_SIZE = 50;

/** Where a group shown under a stack comes from. */
export interface LogGroupOrigin {
  readonly logicalId: string;
  readonly resourceType: string;
}

/** The argument of `archlens.logs.openStream`. */
export interface OpenStreamArgs {
  readonly group: string;
  readonly stream: string;
}

export class LogStreamNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly group: string,
    readonly stream: LogStreamSummary,
  ) {}

  item(): NodeItem {
    const last = this.stream.lastEventTime;
    const args: OpenStreamArgs = { group: this.group, stream: this.stream.name };
    return {
      label: this.stream.name,
      description: last !== undefined ? shortTime(last) : 'no events',
      tooltip: [`**${md(this.stream.name)}**`, last !== undefined ? `Last event: ${shortTime(last)}` : 'No events yet', this.stream.creationTime !== undefined ? `Created: ${shortTime(this.stream.creationTime)}` : ''].filter(Boolean).join('\n\n'),
      icon: { id: 'list-flat' },
      contextValue: CONTEXT.logStream,
      collapsible: 'none',
      command: { command: 'archlens.logs.openStream', title: 'Open Log Stream', arguments: [args] },
    };
  }
}

export class LogGroupNode implements RefreshableNode {
  private readonly streams: PagedChildren<LogStreamSummary>;

  constructor(
    readonly id: string,
    services: AwsServices,
    readonly groupName: string,
    /** The group as DescribeLogGroups returned it; undefined when it does not exist (yet). */
    readonly summary: LogGroupSummary | undefined,
    private readonly sink: TreeChangeSink,
    readonly origin?: LogGroupOrigin,
    /** Why the existence check failed (e.g. AccessDenied); the node then shows the error. */
    readonly lookupError?: unknown,
    /** Re-runs the existence check (the folder's lookup), for the lookup error's retry. */
    private readonly retryLookup?: () => void,
  ) {
    this.streams = new PagedChildren<LogStreamSummary>({
      idPrefix: `${id}/streams`,
      fetch: (startToken, signal) => services.gateway(logsService).logStreamPages(groupName, { startToken, signal, limit: STREAM_PAGE_SIZE }),
      key: (s) => s.name,
      toNode: (s) => new LogStreamNode(`${id}/stream/${s.name}`, groupName, s),
      emptyMessage: 'No log streams yet',
      sink,
      parent: () => this,
    });
  }

  /** True when the group exists (live tail, search and Insights need an existing group). */
  get exists(): boolean {
    return this.summary !== undefined;
  }

  /** The ARN StartLiveTail takes (no trailing `:*`). */
  get arn(): string | undefined {
    return this.summary?.arn;
  }

  item(): NodeItem {
    const s = this.summary;
    const from = this.origin ? `From \`${this.origin.logicalId}\` (${this.origin.resourceType})` : '';
    if (this.lookupError !== undefined) {
      return {
        label: this.groupName,
        description: 'could not check',
        tooltip: `${errorSummary(this.lookupError)}\n\n${errorNextStep(this.lookupError)}`,
        icon: { id: 'warning', color: 'problemsWarningIcon.foreground' },
        contextValue: CONTEXT.logGroup,
        collapsible: 'collapsed',
      };
    }
    if (s === undefined) {
      return {
        label: this.groupName,
        description: 'not created yet',
        tooltip: `${from}\n\nThis log group does not exist yet. Lambda creates its group on the first invocation.`,
        icon: { id: 'circle-slash' },
        contextValue: CONTEXT.message,
        collapsible: 'none',
      };
    }
    const parts = [formatRetention(s.retentionInDays), s.storedBytes !== undefined ? formatBytes(s.storedBytes) : undefined].filter(Boolean);
    return {
      label: this.groupName,
      description: parts.join(' · '),
      tooltip: [`**${md(this.groupName)}**`, from, `Retention: ${formatRetention(s.retentionInDays)}`, s.storedBytes !== undefined ? `Stored: ${formatBytes(s.storedBytes)}` : ''].filter(Boolean).join('\n\n'),
      icon: { id: 'output' },
      contextValue: CONTEXT.logGroup,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    if (this.lookupError !== undefined) return [new ErrorNode(`${this.id}/lookup-error`, this.lookupError, () => this.retryLookup?.())];
    if (!this.exists) return [];
    return this.streams.children(signal);
  }

  /** Forget the loaded streams and re-render; the next expand lists them again. */
  refresh(): void {
    this.streams.reset();
    this.sink.changed(this);
  }
}
