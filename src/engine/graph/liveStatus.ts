import type { ArchitectureGraph, GraphNode, NodeStatus, StatusTone } from './graphTypes';

/** A deployed resource's state as the stack reports it (DescribeStackResources / ListStackResources, drift). */
export interface LiveResource extends NodeStatus {
  readonly logicalId: string;
}

/**
 * The graph of a deployed stack's (processed) template with each resource's live status on
 * its node, for the badges of "Show Diagram" on a stack. Resources the stack does not report
 * (not created yet, or skipped by a condition) keep no status. Lookups by logical id go
 * through a Map: ids come from the stack, not from us.
 */
export function withLiveStatus(graph: ArchitectureGraph, resources: readonly LiveResource[]): ArchitectureGraph {
  const byId = new Map<string, NodeStatus>();
  for (const { logicalId, state, drift, reason } of resources) {
    const status: NodeStatus = { state, ...(drift !== undefined ? { drift } : {}), ...(reason !== undefined && reason !== '' ? { reason } : {}) };
    byId.set(logicalId, { ...status, tone: statusTone(status) });
  }
  const nodes = graph.nodes.map((node): GraphNode => {
    const status = byId.get(node.id);
    return status ? { ...node, status } : node;
  });
  return { ...graph, nodes };
}

/** How a status reads on a badge: `failed`, `drifted`, `in progress`, `deleted`, or `ok`. */
export function statusTone(status: NodeStatus): StatusTone {
  if (status.state.endsWith('_FAILED')) return 'failed';
  if (status.drift === 'MODIFIED' || status.drift === 'DELETED') return 'drifted';
  if (status.state.endsWith('_IN_PROGRESS')) return 'progress';
  if (status.state.startsWith('DELETE_')) return 'deleted';
  return 'ok';
}
