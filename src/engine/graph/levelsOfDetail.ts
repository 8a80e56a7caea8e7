import type { ArchitectureGraph, GraphGroup, GraphNode } from './graphTypes';

/** About how many boxes a diagram shows at first: more and labels stop being legible at the default zoom. */
export const DEFAULT_BOX_BUDGET = 60;
/** The diagram's outer frame (`awsFrame.ts`): never collapsed. */
const FRAME_KINDS: ReadonlySet<GraphGroup['kind']> = new Set(['cloud', 'region']);
/** Rounds of colour refinement: enough to tell a function's queue from its dead-letter queue. */
const REFINEMENT_ROUNDS = 3;

/**
 * The default level of detail: when the default view (auxiliary resources hidden) would
 * show more than `budget` boxes, groups are added and marked `collapsed`, in this order,
 * until it fits:
 *
 * 1. **repeated structures**: resources of the same shape (same type, same group, same
 *    kinds of edges to neighbours of the same shape, by colour refinement) become one
 *    `repeated` group, "Function × 39"; their edges merge in the drawing, with a count;
 * 2. **services**: what is still loose in a group (or at the top) is gathered per service,
 *    biggest first ("Lambda", 12 resources);
 * 3. **containers**: the largest outermost groups inside the AWS Cloud / Region frame (a
 *    VPC, a construct).
 *
 * A collapsed group is one box that expands on click (the CLI: `--expand ID`, `--all`), so
 * nothing is out of reach. Templates within budget are returned unchanged. Linear in
 * nodes + edges per round.
 */
export function applyLevelsOfDetail(graph: ArchitectureGraph, budget = DEFAULT_BOX_BUDGET): ArchitectureGraph {
  let current = graph;
  if (boxCount(current) <= budget) return current;
  current = collapseRepeated(current);
  if (boxCount(current) > budget) current = collapseServices(current, budget);
  if (boxCount(current) > budget) current = collapseContainers(current, budget);
  return current;
}

/** Boxes the default view draws: visible resources outside collapsed groups, plus the outermost collapsed groups with a visible resource. */
export function boxCount(graph: ArchitectureGraph, includeAuxiliary = false): number {
  const groups = new Map(graph.groups.map((group) => [group.id, group]));
  const outermostCollapsed = (id: string | undefined): string | undefined => {
    let found: string | undefined;
    const seen = new Set<string>();
    for (let current = id; current !== undefined && !seen.has(current); current = groups.get(current)?.parent) {
      seen.add(current);
      if (groups.get(current)?.collapsed) found = current;
    }
    return found;
  };
  const collapsedShown = new Set<string>();
  let count = 0;
  for (const node of graph.nodes) {
    if (node.auxiliary && !includeAuxiliary) continue;
    const collapsed = outermostCollapsed(node.group);
    if (collapsed === undefined) count++;
    else collapsedShown.add(collapsed);
  }
  return count + collapsedShown.size;
}

/** A group id not used yet (`base`, `base#2`...): group ids come partly from template text. */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}#${i}`;
  used.add(id);
  return id;
}

/** Shape classes by colour refinement; each class of two or more becomes a collapsed `repeated` group. */
function collapseRepeated(graph: ArchitectureGraph): ArchitectureGraph {
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const palette = new Map<string, number>();
  const paint = (signature: string): number => {
    let colour = palette.get(signature);
    if (colour === undefined) palette.set(signature, (colour = palette.size));
    return colour;
  };
  let colours = graph.nodes.map((node) => paint(`${node.type}\u0000${node.group ?? ''}\u0000${node.auxiliary}`));
  // A neighbour as one number: its colour, the edge kind and the direction (no strings per edge).
  const kindIndex = new Map<string, number>();
  const links: [number, number, number][] = [];
  for (const edge of graph.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    let kind = kindIndex.get(edge.kind);
    if (kind === undefined) kindIndex.set(edge.kind, (kind = kindIndex.size));
    links.push([from, to, kind]);
  }
  const slots = 2 * Math.max(1, kindIndex.size);
  const adjacency: number[][] = graph.nodes.map(() => []);
  for (let round = 0; round < REFINEMENT_ROUNDS; round++) {
    for (const list of adjacency) list.length = 0;
    for (const [from, to, kind] of links) {
      adjacency[from]!.push(colours[to]! * slots + 2 * kind);
      adjacency[to]!.push(colours[from]! * slots + 2 * kind + 1);
    }
    palette.clear();
    colours = colours.map((colour, i) => paint(`${colour}|${[...new Set(adjacency[i])].sort((a, b) => a - b).join(',')}`));
  }
  const classes = new Map<number, number[]>();
  colours.forEach((colour, i) => {
    const list = classes.get(colour);
    if (list) list.push(i);
    else classes.set(colour, [i]);
  });

  const used = new Set(graph.groups.map((group) => group.id));
  const groups: GraphGroup[] = [...graph.groups];
  const regroup = new Map<number, string>();
  for (const members of classes.values()) {
    if (members.length < 2) continue;
    const first = graph.nodes[members[0]!]!;
    const id = uniqueId(`repeated:${first.id}`, used);
    const name = commonName(members.map((i) => graph.nodes[i]!.id)) ?? shortTypeName(first.type);
    groups.push({ id, kind: 'repeated', label: `${name} × ${members.length}`, ...(first.group !== undefined ? { parent: first.group } : {}), collapsed: true, type: first.type });
    for (const i of members) regroup.set(i, id);
  }
  if (regroup.size === 0) return graph;
  const nodes = graph.nodes.map((node, i): GraphNode => (regroup.has(i) ? { ...node, group: regroup.get(i)! } : node));
  return { nodes, edges: graph.edges, groups };
}

/** Gathers loose resources per (group, service), biggest first, until the view fits. */
function collapseServices(graph: ArchitectureGraph, budget: number): ArchitectureGraph {
  const collapsedIds = new Set(graph.groups.filter((group) => group.collapsed).map((group) => group.id));
  const parents = new Map(graph.groups.map((group) => [group.id, group.parent]));
  const insideCollapsed = (id: string | undefined): boolean => {
    const seen = new Set<string>();
    for (let current = id; current !== undefined && !seen.has(current); current = parents.get(current)) {
      if (collapsedIds.has(current)) return true;
      seen.add(current);
    }
    return false;
  };
  const buckets = new Map<string, { parent: string | undefined; service: string; nodes: number[]; visible: number }>();
  graph.nodes.forEach((node, i) => {
    if (insideCollapsed(node.group)) return;
    const key = `${node.group ?? ''}\u0000${node.service}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { parent: node.group, service: node.service || 'Other', nodes: [], visible: 0 }));
    bucket.nodes.push(i);
    if (!node.auxiliary) bucket.visible++;
  });
  const used = new Set(graph.groups.map((group) => group.id));
  const groups: GraphGroup[] = [...graph.groups];
  const regroup = new Map<number, string>();
  let boxes = boxCount(graph);
  for (const bucket of [...buckets.values()].filter((candidate) => candidate.visible >= 2).sort((a, b) => b.visible - a.visible)) {
    if (boxes <= budget) break;
    const id = uniqueId(`service:${bucket.parent ?? ''}/${bucket.service}`, used);
    groups.push({ id, kind: 'service', label: bucket.service, ...(bucket.parent !== undefined ? { parent: bucket.parent } : {}), collapsed: true });
    for (const i of bucket.nodes) regroup.set(i, id);
    boxes -= bucket.visible - 1;
  }
  const nodes = graph.nodes.map((node, i): GraphNode => (regroup.has(i) ? { ...node, group: regroup.get(i)! } : node));
  return { nodes, edges: graph.edges, groups };
}

/** Collapses the biggest top-level groups until the view fits (a last resort for templates of many services and networks). */
function collapseContainers(graph: ArchitectureGraph, budget: number): ArchitectureGraph {
  const groups = new Map(graph.groups.map((group) => [group.id, group]));
  // Each box of the view (a resource, or its outermost collapsed group) under its top-level group.
  const boxesUnder = new Map<string, Set<string>>();
  for (const node of graph.nodes) {
    if (node.auxiliary) continue;
    let box = `n:${node.id}`;
    let top: string | undefined;
    const seen = new Set<string>();
    for (let current = node.group; current !== undefined && groups.has(current) && !seen.has(current); current = groups.get(current)!.parent) {
      seen.add(current);
      if (groups.get(current)!.collapsed) box = `g:${current}`;
      // The AWS Cloud and Region frame is never folded away: the groups inside it are the top level.
      if (!FRAME_KINDS.has(groups.get(current)!.kind)) top = current;
    }
    if (top === undefined || groups.get(top)!.collapsed) continue;
    const set = boxesUnder.get(top);
    if (set) set.add(box);
    else boxesUnder.set(top, new Set([box]));
  }
  const collapse = new Set<string>();
  let boxes = boxCount(graph);
  for (const [id, under] of [...boxesUnder].sort((a, b) => b[1].size - a[1].size)) {
    if (boxes <= budget) break;
    collapse.add(id);
    boxes -= under.size - 1;
  }
  return { ...graph, groups: graph.groups.map((group) => (collapse.has(group.id) ? { ...group, collapsed: true as const } : group)) };
}

/** `Orders000Function`, `Billing001Function` -> `Function`: the common tail from a capital letter, or undefined. */
function commonName(ids: readonly string[]): string | undefined {
  let suffix = ids[0] ?? '';
  for (const id of ids.slice(1)) {
    let length = 0;
    while (length < suffix.length && length < id.length && suffix[suffix.length - 1 - length] === id[id.length - 1 - length]) length++;
    suffix = suffix.slice(suffix.length - length);
    if (suffix === '') return undefined;
  }
  const capital = suffix.search(/[A-Z]/);
  const name = capital < 0 ? '' : suffix.slice(capital);
  return name.length >= 3 ? name : undefined;
}

/** `AWS::Lambda::Function` -> `Function`. */
function shortTypeName(type: string): string {
  const last = type.lastIndexOf('::');
  return last < 0 ? type || 'Resource' : type.slice(last + 2);
}
