// What the stack nodes know about a stack, from a ListStacks summary or, for a nested stack not
// loaded yet, from its parent's `AWS::CloudFormation::Stack` resource. Every call uses the stack
// ID (ARN), never the name: names are reused after a delete, and deleted stacks answer by ID only.
import type { StackResourceSummary, StackSummary } from '../../aws/cloudFormationGateway';
import type { AwsServices } from '../awsServices';
import type { TreeChangeSink } from '../viewNode';
import { shortTime } from '../logs/logFormat';

export interface StackInfo {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly description?: string;
  readonly created?: Date;
  readonly updated?: Date;
  readonly deleted?: Date;
  readonly parentId?: string;
  readonly rootId?: string;
  /** The stack's drift status from its last detection (`NOT_CHECKED` when never detected). */
  readonly driftStatus?: string;
  readonly driftChecked?: Date;
}

export function stackInfoFromSummary(s: StackSummary): StackInfo {
  return {
    id: s.StackId ?? s.StackName ?? '',
    name: s.StackName ?? '',
    status: s.StackStatus ?? 'UNKNOWN',
    statusReason: s.StackStatusReason,
    description: s.TemplateDescription,
    created: s.CreationTime,
    updated: s.LastUpdatedTime,
    deleted: s.DeletionTime,
    parentId: s.ParentId,
    rootId: s.RootId,
    driftStatus: s.DriftInformation?.StackDriftStatus,
    driftChecked: s.DriftInformation?.LastCheckTimestamp,
  };
}

/** `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>` -> `<name>`. */
export function stackNameFromArn(arn: string): string {
  const match = /:stack\/([^/]+)\//.exec(arn);
  return match?.[1] ?? arn;
}

/** A nested stack seen only as its parent's resource: the resource status mirrors the stack's. */
export function stackInfoFromNestedResource(resource: StackResourceSummary, parent: StackInfo): StackInfo {
  const id = resource.PhysicalResourceId ?? '';
  return {
    id,
    name: id ? stackNameFromArn(id) : (resource.LogicalResourceId ?? ''),
    status: resource.ResourceStatus ?? 'UNKNOWN',
    statusReason: resource.ResourceStatusReason,
    updated: resource.LastUpdatedTimestamp,
    parentId: parent.id,
    rootId: parent.rootId ?? parent.id,
  };
}

export function isDeleted(info: StackInfo): boolean {
  return info.status === 'DELETE_COMPLETE';
}

/** `2026-02-01T01:59:00.000Z` -> `2026-02-01 01:59:00 UTC` (stable across machines for tests). */
export function formatTime(date: Date | undefined): string {
  return date ? shortTime(date.getTime()).replace(/Z$/, ' UTC') : '';
}

/** What every node under a stack needs: the services, the tree to re-render, and the root. */
export interface StackEnv {
  readonly services: AwsServices;
  readonly sink: TreeChangeSink;
  readonly directory: StackDirectory;
  /** Delay between drift status polls (2 s in the product, 1 ms in tests). */
  readonly driftPollIntervalMs: number;
  readonly now: () => number;
}

/** The stacks the root has listed, so nested stacks reuse their summaries. */
/** See `StackDirectory.nestedStacks`. */
export type NestedStacksKnowledge = 'yes' | 'no' | 'unknown';

export interface StackDirectory {
  known(stackId: string): StackInfo | undefined;
  /**
   * What the listing tells about a stack's nested stacks: `yes` when a listed stack names it as
   * parent, `no` when every page was read with no status hidden and none does, `unknown` until
   * then (a child may be on a page not read yet: the stack then asks its own resources).
   */
  nestedStacks(stackId: string): NestedStacksKnowledge;
}
