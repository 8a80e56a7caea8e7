import type { ArchitectureGraph, GraphGroup, GraphNode } from './graphTypes';
import { groupTree } from './graphView';

/** Geometry of the static SVG export (pixels). */
export const SVG_METRICS = {
  margin: 24,
  nodeWidth: 190,
  nodeHeight: 44,
  rowGap: 14,
  /** Space between a group's box and the boxes or nodes inside it, per nesting level. */
  groupPad: 10,
  /** Height of a group's label line. */
  groupHeader: 20,
  minColumnGap: 90,
} as const;

/** A placed node (top-left corner). */
export interface PlacedNode {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
}

/** A placed group box. */
export interface PlacedGroup {
  readonly group: GraphGroup;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Nesting depth, 0 for top-level boxes. */
  readonly depth: number;
}

/** The result of {@link layoutGraph}. */
export interface GraphLayout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  /** Outer boxes first, so inner ones are drawn on top. */
  readonly groups: readonly PlacedGroup[];
  readonly width: number;
  readonly height: number;
}

/**
 * A deterministic layered layout, good enough for a static picture:
 *
 * - **columns** by longest path over the edges (a referencing resource left of what it
 *   references); cycles are broken by ignoring DFS back edges, taken in node order;
 * - **rows** in bands, one per group in tree order (ungrouped nodes first): a group's box
 *   spans exactly its own band and its child groups' bands, so no box ever covers a node
 *   outside the group; horizontally it spans its members' columns, inset one `groupPad`
 *   per level of boxes it contains, and the column gap leaves room for the deepest nesting.
 */
export function layoutGraph(graph: ArchitectureGraph): GraphLayout {
  const m = SVG_METRICS;
  const columns = longestPathColumns(graph);
  const { children, members } = groupTree(graph);

  // Levels of boxes inside each group (1 for a group without child groups), for the insets.
  const levels = new Map<string, number>();
  const levelOf = (group: GraphGroup, path: Set<string>): number => {
    const known = levels.get(group.id);
    if (known !== undefined) return known;
    path.add(group.id);
    let level = 1;
    for (const child of children.get(group.id) ?? []) if (!path.has(child.id)) level = Math.max(level, 1 + levelOf(child, path));
    path.delete(group.id);
    levels.set(group.id, level);
    return level;
  };
  let maxLevel = 0;
  for (const group of children.get('') ?? []) maxLevel = Math.max(maxLevel, levelOf(group, new Set()));
  const columnGap = Math.max(m.minColumnGap, 2 * maxLevel * m.groupPad + 40);
  const left = m.margin + maxLevel * m.groupPad;
  const columnX = (column: number): number => left + column * (m.nodeWidth + columnGap);

  const placed = new Map<string, PlacedNode>();
  // Outer boxes are reserved before their subtree is placed, so they precede inner ones.
  const boxes: (PlacedGroup | undefined)[] = [];
  let y = m.margin;
  let maxColumn = 0;

  /** Places a band of nodes and returns the columns used. */
  const band = (nodes: readonly GraphNode[]): number[] => {
    if (nodes.length === 0) return [];
    const rows = new Map<number, number>();
    for (const node of nodes) {
      const column = columns.get(node.id) ?? 0;
      const row = rows.get(column) ?? 0;
      rows.set(column, row + 1);
      placed.set(node.id, { node, x: columnX(column), y: y + row * (m.nodeHeight + m.rowGap) });
      maxColumn = Math.max(maxColumn, column);
    }
    const height = Math.max(...rows.values());
    y += height * (m.nodeHeight + m.rowGap);
    return [...rows.keys()];
  };

  const visited = new Set<string>();
  /** Lays out a group's subtree; returns the columns its nodes use. */
  const place = (group: GraphGroup, depth: number): number[] => {
    visited.add(group.id);
    const top = y;
    y += m.groupHeader + m.groupPad;
    const index = boxes.length;
    boxes.push(undefined);
    const used = band(members.get(group.id) ?? []);
    for (const child of children.get(group.id) ?? []) if (!visited.has(child.id)) used.push(...place(child, depth + 1));
    y += m.groupPad;
    const inset = (levels.get(group.id) ?? 1) * m.groupPad;
    const first = used.length > 0 ? Math.min(...used) : 0;
    const last = used.length > 0 ? Math.max(...used) : 0;
    const x = columnX(first) - inset;
    boxes[index] = { group, x, y: top, width: columnX(last) + m.nodeWidth + inset - x, height: y - top, depth };
    y += m.rowGap;
    return used;
  };

  band(members.get('') ?? []);
  for (const group of children.get('') ?? []) place(group, 0);

  const width = columnX(maxColumn) + m.nodeWidth + maxLevel * m.groupPad + m.margin;
  return { nodes: placed, groups: boxes.filter((box): box is PlacedGroup => box !== undefined), width, height: Math.max(y, m.margin) + m.margin };
}

/** Column of each node: longest path from a node nothing points at, ignoring back edges. */
export function longestPathColumns(graph: ArchitectureGraph): Map<string, number> {
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.id, i));
  const out: number[][] = graph.nodes.map(() => []);
  for (const edge of graph.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from !== undefined && to !== undefined && from !== to) out[from]!.push(to);
  }

  // Iterative DFS (templates with thousands of resources would overflow a recursive one).
  const state = new Uint8Array(graph.nodes.length); // 0 new, 1 on stack, 2 done
  const order: number[] = [];
  const forward: number[][] = graph.nodes.map(() => []);
  for (let root = 0; root < graph.nodes.length; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      if (next < out[node]!.length) {
        top[1]++;
        const target = out[node]![next]!;
        if (state[target] === 1) continue; // back edge: ignored to break the cycle
        forward[node]!.push(target);
        if (state[target] === 0) {
          state[target] = 1;
          stack.push([target, 0]);
        }
      } else {
        state[node] = 2;
        order.push(node);
        stack.pop();
      }
    }
  }

  const column = new Array<number>(graph.nodes.length).fill(0);
  // Reverse post-order is a topological order of the graph without back edges.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    for (const target of forward[node]!) column[target] = Math.max(column[target]!, column[node]! + 1);
  }
  const result = new Map<string, number>();
  graph.nodes.forEach((node, i) => result.set(node.id, column[i]!));
  return result;
}
