import type { ArchitectureGraph, GraphGroup, GraphNode } from './graphTypes';

/** Options shared by the graph exports (`toMermaid`, `toSvg`, `archlens diagram`). */
export interface GraphViewOptions {
  /** Include auxiliary nodes (IAM, permissions, log groups...) and their edges. Default false. */
  readonly includeAuxiliary?: boolean;
}

/**
 * The part of a graph an export shows: auxiliary nodes dropped unless asked for, edges
 * whose ends are both shown, and groups that still contain a shown node (directly or in
 * a nested group), so no empty boxes are drawn.
 */
export function visibleGraph(graph: ArchitectureGraph, options: GraphViewOptions = {}): ArchitectureGraph {
  const nodes = options.includeAuxiliary ? graph.nodes : graph.nodes.filter((node) => !node.auxiliary);
  const ids = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const parents = new Map(graph.groups.map((group) => [group.id, group.parent]));
  const used = new Set<string>();
  for (const node of nodes) {
    for (let group = node.group; group !== undefined && !used.has(group); group = parents.get(group)) used.add(group);
  }
  const groups = graph.groups.filter((group) => used.has(group.id));
  return { nodes, edges, groups };
}

/** Groups in tree order: each group followed by its subtree; children and nodes keep input order. */
export interface GroupTree {
  /** Child groups by parent id (`''` for top-level groups). */
  readonly children: ReadonlyMap<string, readonly GraphGroup[]>;
  /** Nodes directly in each group (`''` for ungrouped nodes). */
  readonly members: ReadonlyMap<string, readonly GraphNode[]>;
}

/** Indexes groups and nodes by parent; a group or node whose parent is unknown counts as top-level. */
export function groupTree(graph: ArchitectureGraph): GroupTree {
  const known = new Set(graph.groups.map((group) => group.id));
  const children = new Map<string, GraphGroup[]>();
  const members = new Map<string, GraphNode[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const group of graph.groups) push(children, group.parent !== undefined && known.has(group.parent) && group.parent !== group.id ? group.parent : '', group);
  for (const node of graph.nodes) push(members, node.group !== undefined && known.has(node.group) ? node.group : '', node);
  return { children, members };
}
