// One CloudFormation stack: its folders are built once and kept, so a re-render (a status change
// seen in the events, a drift result, "load more" below) never loses what was loaded or expanded.
import { CONTEXT } from '../contextValues';
import { stackLogGroupsNode } from '../logs/stackLogGroups';
import type { NodeItem, ViewNode } from '../viewNode';
import { stackConsoleUrl } from './consoleUrls';
import { DriftFolderNode } from './driftNodes';
import { EventsFolderNode, type EventsOwner } from './eventNodes';
import { NestedStacksFolderNode, type NestedStackFactory, ResourcesFolderNode, StackResourcePages } from './resourceNodes';
import { formatTime, isDeleted, type StackEnv, type StackInfo } from './stackInfo';
import { md } from '../markdown';
import { statusIcon, statusText } from './stackStatus';
import { DetailsFolderNode, OUTPUTS_FOLDER, PARAMETERS_FOLDER, StackDetails } from './valueNodes';

interface Folders {
  readonly nested: NestedStacksFolderNode;
  readonly resources: ResourcesFolderNode;
  readonly events: EventsFolderNode;
  readonly outputs: DetailsFolderNode;
  readonly parameters: DetailsFolderNode;
  readonly drift: DriftFolderNode;
  readonly logs: ViewNode | undefined;
}

export class StackNode implements ViewNode, EventsOwner {
  private folders: Folders | undefined;

  constructor(
    readonly id: string,
    private current: StackInfo,
    private readonly env: StackEnv,
    private readonly nestedNode: NestedStackFactory,
    /** Shown at the top level although it has a parent (a name filter matched it). */
    private readonly detached = false,
  ) {}

  get info(): StackInfo {
    return this.current;
  }

  get arn(): string {
    return this.current.id;
  }

  get deleted(): boolean {
    return isDeleted(this.current);
  }

  consoleUrl(): string {
    return stackConsoleUrl(this.env.services.region, this.current.id);
  }

  statusChanged(status: string, reason: string | undefined): void {
    this.current = { ...this.current, status, statusReason: reason };
    this.env.sink.changed(this);
  }

  item(): NodeItem {
    const s = this.current;
    const lines = [`**${md(s.name)}**`, `Status: ${md(statusText(s.status))}${s.statusReason ? ` — ${md(s.statusReason)}` : ''}`];
    if (s.description) lines.push(md(s.description));
    if (s.created) lines.push(`Created: ${formatTime(s.created)}`);
    if (s.updated) lines.push(`Updated: ${formatTime(s.updated)}`);
    if (s.deleted) lines.push(`Deleted: ${formatTime(s.deleted)}`);
    if (s.parentId) lines.push(`Nested in: ${md(s.parentId)}`);
    lines.push(`ARN: ${md(s.id)}`);
    const description = this.detached && s.parentId ? `${statusText(s.status)} · nested` : statusText(s.status);
    return {
      label: s.name,
      description,
      tooltip: lines.join('\n\n'),
      icon: statusIcon(s.status),
      contextValue: this.deleted ? CONTEXT.stack : CONTEXT.stackLive,
      collapsible: 'collapsed',
    };
  }

  /** The events folder (for the extension's refresh timer). */
  get events(): EventsFolderNode {
    return this.build().events;
  }

  /** The drift folder (for `archlens.stacks.detectDrift` on the stack). */
  get drift(): DriftFolderNode {
    return this.build().drift;
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const f = this.build();
    if (this.deleted) return [f.resources, f.events, f.outputs, f.parameters];
    const nodes: ViewNode[] = [];
    if (await this.showNestedFolder(f.nested, signal)) nodes.push(f.nested);
    nodes.push(f.resources, f.events, f.outputs, f.parameters, f.drift);
    if (f.logs) nodes.push(f.logs);
    return nodes;
  }

  /**
   * The folder lists the stack's own AWS::CloudFormation::Stack resources, so it does not depend
   * on where the children fall in ListStacks. When the listing cannot tell (a child may be on a
   * page not read yet), the first page of the stack's resources decides (one request, kept for
   * the folders that read it; see `NestedStacksFolderNode.mayHaveContent`).
   */
  private async showNestedFolder(folder: NestedStacksFolderNode, signal: AbortSignal): Promise<boolean> {
    const known = this.env.directory.nestedStacks(this.current.id);
    if (known !== 'unknown') return known === 'yes';
    return folder.mayHaveContent(signal);
  }

  private build(): Folders {
    if (this.folders) return this.folders;
    const { env, id } = this;
    const stack = (): StackInfo => this.current;
    const details = new StackDetails(env, stack);
    const resourcePages = new StackResourcePages(env, this.current.id);
    let logsAsked = false;
    this.folders = {
      nested: new NestedStacksFolderNode(`${id}/nested`, env, this.current, resourcePages, this.nestedNode),
      resources: new ResourcesFolderNode(`${id}/resources`, env, this.current, resourcePages),
      events: new EventsFolderNode(`${id}/events`, env, this),
      outputs: new DetailsFolderNode(`${id}/outputs`, env, OUTPUTS_FOLDER, details),
      parameters: new DetailsFolderNode(`${id}/parameters`, env, PARAMETERS_FOLDER, details),
      drift: new DriftFolderNode(`${id}/drift`, env, stack),
      logs: stackLogGroupsNode(
        env.services,
        {
          stackName: this.current.name,
          idPrefix: `${id}/logs`,
          resources: (signal) => {
            // The folder asks once, then again only on refresh or retry: that asks AWS again.
            if (logsAsked) resourcePages.clear();
            logsAsked = true;
            return resourcePages.all(signal);
          },
        },
        env.sink,
      ),
    };
    return this.folders;
  }
}
