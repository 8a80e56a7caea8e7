// The "Log groups" folder under a stack. CloudFormation does not list log groups a resource
// writes to, so they are derived from the stack's resources:
//  - AWS::Lambda::Function (and AWS::Serverless::Function, whose physical id is the function
//    name) -> `/aws/lambda/<name>`, created by Lambda on the first invocation ("not created yet"
//    until then);
//  - AWS::Logs::LogGroup -> its physical id (explicit groups, e.g. API Gateway access logs);
//  - AWS::ApiGateway::RestApi x AWS::ApiGateway::Stage -> `API-Gateway-Execution-Logs_<apiId>/<stage>`,
//    shown only when it exists: execution logging is opt-in, and the resource list does not say
//    which stage belongs to which API, so every pair is a candidate.
// Existence is checked with one cheap exact-name lookup per group; one failed lookup marks
// only its own node.
import type { AwsServices } from '../awsServices';
import { CONTEXT } from '../contextValues';
import { errorSummary } from '../errorMessages';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, RefreshableNode, TreeChangeSink, ViewNode } from '../viewNode';
import { LogGroupNode } from './logGroupNodes';
import { logsService } from '../../aws/services/logs';

/** What the logs folder needs to know about a stack. */
export interface StackLogSource {
  readonly stackName: string;
  /** Stable id prefix for the folder's nodes (unique per stack). */
  readonly idPrefix: string;
  /** The stack's resources (logical id, physical id, type); the folder derives log groups from them. */
  readonly resources: (signal: AbortSignal) => Promise<readonly { logicalId: string; physicalId?: string; type: string }[]>;
}

/** A log group a stack's resources imply. */
export interface DerivedLogGroup {
  readonly name: string;
  readonly logicalId: string;
  readonly resourceType: string;
  /** Shown only when it exists (API Gateway execution logs are opt-in). */
  readonly optional: boolean;
}

/** Derives the candidate log groups from a stack's resources (see the file header); sorted, unique. */
export function deriveLogGroups(resources: readonly { logicalId: string; physicalId?: string; type: string }[]): DerivedLogGroup[] {
  const byName = new Map<string, DerivedLogGroup>();
  const add = (group: DerivedLogGroup): void => {
    const existing = byName.get(group.name);
    // A group both implied (optional) and declared keeps the declared, non-optional entry.
    if (!existing || (existing.optional && !group.optional)) byName.set(group.name, group);
  };
  const apis: string[] = [];
  const stages: { name: string; logicalId: string }[] = [];
  for (const r of resources) {
    const id = r.physicalId?.trim();
    if (!id) continue; // not created (yet), or deleted: nothing to look up
    switch (r.type) {
      case 'AWS::Lambda::Function':
      case 'AWS::Serverless::Function':
        add({ name: `/aws/lambda/${id}`, logicalId: r.logicalId, resourceType: r.type, optional: false });
        break;
      case 'AWS::Logs::LogGroup':
        add({ name: id, logicalId: r.logicalId, resourceType: r.type, optional: false });
        break;
      case 'AWS::ApiGateway::RestApi':
        apis.push(id);
        break;
      case 'AWS::ApiGateway::Stage':
        stages.push({ name: id, logicalId: r.logicalId });
        break;
    }
  }
  for (const api of apis) for (const stage of stages) add({ name: `API-Gateway-Execution-Logs_${api}/${stage.name}`, logicalId: stage.logicalId, resourceType: 'AWS::ApiGateway::Stage', optional: true });
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class LogGroupFolderNode implements RefreshableNode {
  readonly id: string;
  private loaded: LogGroupNode[] | undefined;

  constructor(
    private readonly services: AwsServices,
    readonly source: StackLogSource,
    private readonly sink: TreeChangeSink,
  ) {
    this.id = `${source.idPrefix}/logGroups`;
  }

  item(): NodeItem {
    const existing = this.loaded?.filter((g) => g.exists).length;
    return {
      label: 'Log groups',
      ...(existing !== undefined ? { description: `${existing}` } : {}),
      tooltip: `Log groups of ${this.source.stackName}'s Lambda functions, log group resources and API Gateway stages`,
      icon: { id: 'output' },
      contextValue: CONTEXT.logGroupFolder,
      collapsible: 'collapsed',
    };
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    let groups: LogGroupNode[];
    try {
      groups = await this.groupNodes(signal);
    } catch (error) {
      if (signal.aborted) throw error;
      this.services.log.error(`Log groups of stack ${this.source.stackName} failed to load`, error);
      return [new ErrorNode(`${this.id}/error`, error, () => this.retry())];
    }
    if (groups.length === 0) return [new MessageNode(`${this.id}/empty`, 'No log groups for this stack', 'No Lambda functions, log groups or API Gateway execution logs in this stack.')];
    return groups;
  }

  /** The group nodes (loaded once; `refresh()` forgets them). Used by the tail and Insights commands. */
  async groupNodes(signal: AbortSignal): Promise<LogGroupNode[]> {
    if (this.loaded) return this.loaded;
    const derived = deriveLogGroups(await this.source.resources(signal));
    const lookups = await this.services.gateway(logsService).describeLogGroups(
      derived.map((d) => d.name),
      { signal },
    );
    const nodes: LogGroupNode[] = [];
    derived.forEach((d, i) => {
      const lookup = lookups[i]!;
      if (d.optional && lookup.group === undefined && lookup.error === undefined) return;
      if (lookup.error !== undefined) this.services.log.warn(`Could not check log group ${d.name}: ${errorSummary(lookup.error)}`);
      nodes.push(new LogGroupNode(`${this.id}/${d.name}`, this.services, d.name, lookup.group, this.sink, { logicalId: d.logicalId, resourceType: d.resourceType }, lookup.error, () => this.retry()));
    });
    this.loaded = nodes;
    this.services.log.info(`Stack ${this.source.stackName}: ${nodes.filter((n) => n.exists).length} of ${derived.length} derived log groups exist`);
    return nodes;
  }

  /** Forget the derived groups and re-render; the next expand derives and checks them again. */
  refresh(): void {
    this.loaded = undefined;
    this.sink.changed(this);
  }

  private retry(): void {
    this.refresh();
  }
}

/** The "Log groups" folder for a stack (the stacks view adds it under each stack). */
export function stackLogGroupsNode(services: AwsServices, source: StackLogSource, sink: TreeChangeSink): ViewNode | undefined {
  return new LogGroupFolderNode(services, source, sink);
}
