import type { ArchitectureGraph, EdgeKind, GraphEdge, GraphGroup, GraphNode } from './graphTypes';
import { categoryOf, serviceOf } from './categories';
import { flowEnds } from './edgeFlow';

/** Options shared by the graph exports (`toMermaid`, `toSvg`, `archlens diagram`). */
export interface GraphViewOptions {
  /** Include auxiliary nodes (IAM, permissions, log groups...) and reference-only edges. Default false. */
  readonly includeAuxiliary?: boolean;
  /** Expand every group collapsed by default (the CLI's `--all`). */
  readonly expandAll?: boolean;
  /** Ids of groups to expand (with their ancestors); the CLI's `--expand ID`. */
  readonly expand?: readonly string[];
}

/** Kinds in the order that decides a merged edge's kind (the most telling first). */
const KIND_PRIORITY: readonly EdgeKind[] = ['eventSource', 'getatt', 'ref', 'sub', 'iam', 'dependsOn'];

/**
 * The part of a graph an export shows, at its level of detail:
 *
 * - auxiliary nodes and reference-only edges dropped unless asked for;
 * - every group collapsed by default (`GraphGroup.collapsed`) and not expanded becomes one
 *   node (id = the group id, its type when the group has one, `details.resources` = how
 *   many resources it stands for), placed in the group's parent;
 * - edges in **flow order** (`from` = where the flow starts; `reverse` is resolved), between
 *   the shown ends, merged per pair (`count` when several merged; the kind is the most
 *   telling one);
 * - groups that still contain a shown node (directly or in a nested group), so no empty
 *   boxes are drawn.
 */
export function visibleGraph(graph: ArchitectureGraph, options: GraphViewOptions = {}): ArchitectureGraph {
  const groups = new Map(graph.groups.map((group) => [group.id, group]));
  const expanded = new Set<string>();
  for (const id of options.expand ?? []) {
    const seen = new Set<string>();
    for (let current: string | undefined = id; current !== undefined && groups.has(current) && !seen.has(current); current = groups.get(current)!.parent) {
      seen.add(current);
      expanded.add(current);
    }
  }
  const isCollapsed = (group: GraphGroup): boolean => group.collapsed === true && !options.expandAll && !expanded.has(group.id);
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  // The outermost collapsed group around a node, cycle-safe.
  const collapsedAround = (id: string | undefined): GraphGroup | undefined => {
    let found: GraphGroup | undefined;
    const seen = new Set<string>();
    for (let current = id; current !== undefined && groups.has(current) && !seen.has(current); current = groups.get(current)!.parent) {
      seen.add(current);
      if (isCollapsed(groups.get(current)!)) found = groups.get(current);
    }
    return found;
  };

  const representative = new Map<string, string>();
  const nodes: GraphNode[] = [];
  const collapsedNodes = new Map<string, { group: GraphGroup; id: string; first: GraphNode; count: number }>();
  for (const node of graph.nodes) {
    if (node.auxiliary && !options.includeAuxiliary) continue;
    const collapsed = collapsedAround(node.group);
    if (!collapsed) {
      representative.set(node.id, node.id);
      nodes.push(node);
      continue;
    }
    let entry = collapsedNodes.get(collapsed.id);
    if (!entry) {
      // A group's node id must not be a resource's (`repeated:X` could be spelt by a hostile template).
      let id = collapsed.id;
      for (let i = 2; nodeIds.has(id); i++) id = `${collapsed.id}#${i}`;
      nodeIds.add(id);
      collapsedNodes.set(collapsed.id, (entry = { group: collapsed, id, first: node, count: 0 }));
      nodes.push(node); // placeholder, replaced below to keep the first member's position
    }
    entry.count++;
    representative.set(node.id, entry.id);
  }
  const replaced = new Map([...collapsedNodes.values()].map((entry) => [entry.first, collapsedNode(entry.group, entry.id, entry.first, entry.count)]));
  const shownNodes = nodes.map((node) => replaced.get(node) ?? node);

  const merged = new Map<string, { from: string; to: string; kinds: EdgeKind[]; count: number }>();
  for (const edge of graph.edges) {
    if (edge.auxiliary && !options.includeAuxiliary) continue;
    const [source, target] = flowEnds(edge);
    const from = representative.get(source);
    const to = representative.get(target);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    const entry = merged.get(key);
    if (entry) {
      entry.count++;
      if (!entry.kinds.includes(edge.kind)) entry.kinds.push(edge.kind);
    } else merged.set(key, { from, to, kinds: [edge.kind], count: 1 });
  }
  const edges: GraphEdge[] = [...merged.values()].map(({ from, to, kinds, count }) => ({
    from,
    to,
    kind: KIND_PRIORITY.find((kind) => kinds.includes(kind)) ?? kinds[0]!,
    ...(count > 1 ? { count } : {}),
  }));

  const used = new Set<string>();
  for (const node of shownNodes) {
    for (let group = node.group; group !== undefined && !used.has(group); group = groups.get(group)?.parent) used.add(group);
  }
  const shownGroups = graph.groups.filter((group) => used.has(group.id) && !collapsedAround(group.id));
  return { nodes: shownNodes, edges, groups: shownGroups };
}

/** The node a collapsed group is drawn as. */
function collapsedNode(group: GraphGroup, id: string, first: GraphNode, count: number): GraphNode {
  const type = group.type ?? '';
  return {
    id,
    type: type || `${count} resources`,
    service: type ? serviceOf(type) : first.service,
    category: type ? categoryOf(type) : first.category,
    label: group.label,
    ...(group.parent !== undefined ? { group: group.parent } : {}),
    span: group.span ?? first.span,
    auxiliary: false,
    details: { resources: String(count), group: group.kind },
  };
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
