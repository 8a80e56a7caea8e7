// PLACEHOLDER (owned by the logs work): the "Log groups" folder under a stack.
import type { AwsServices } from '../awsServices';
import type { TreeChangeSink, ViewNode } from '../viewNode';

/** What the logs folder needs to know about a stack. */
export interface StackLogSource {
  readonly stackName: string;
  /** Stable id prefix for the folder's nodes (unique per stack). */
  readonly idPrefix: string;
  /** The stack's resources (logical id, physical id, type); the folder derives log groups from them. */
  readonly resources: (signal: AbortSignal) => Promise<readonly { logicalId: string; physicalId?: string; type: string }[]>;
}

export function stackLogGroupsNode(_services: AwsServices, _source: StackLogSource, _sink: TreeChangeSink): ViewNode | undefined {
  return undefined;
}
