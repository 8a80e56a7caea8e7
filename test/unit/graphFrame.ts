/**
 * Test helper: a graph without its AWS Cloud / Region frame (`awsFrame.ts`), for the tests
 * about something else (placement, flow, level of detail) written before the frame existed.
 * The frame itself is tested in `graphContainers.test.ts`.
 */
import type { ArchitectureGraph } from '../../src/engine/graph/graphTypes';

export function withoutFrame(graph: ArchitectureGraph): ArchitectureGraph {
  const frame = new Set(graph.groups.filter((group) => group.kind === 'cloud' || group.kind === 'region').map((group) => group.id));
  return {
    nodes: graph.nodes.map(({ group, ...node }) => (group !== undefined && !frame.has(group) ? { ...node, group } : node)),
    edges: graph.edges,
    groups: graph.groups.filter((group) => !frame.has(group.id)).map(({ parent, ...group }) => (parent !== undefined && !frame.has(parent) ? { ...group, parent } : group)),
  };
}
