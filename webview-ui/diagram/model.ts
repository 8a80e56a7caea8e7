/**
 * From an architecture graph and the view options to what is drawn: which resources are
 * visible (auxiliary ones are hidden by default), which groups are boxes and which are
 * collapsed into one item, the edges between visible things (merged per pair), the sizes of
 * the boxes, and the layout job for the worker. Pure: text is measured by an injected function.
 */
import type { ArchitectureGraph, EdgeKind, GraphEdge, GraphGroup, GraphNode, NodeCategory } from '../../src/engine/graph/graphTypes';
import type { DiagramOptions } from '../../src/shared/webview/diagramProtocol';
import { displayText } from '../shared/text';
import type { LayoutContainer, LayoutEdge, LayoutItem, LayoutJob } from '../../src/shared/webview/diagramLayout';

/** Measures the width of a text in pixels for a font role. */
export type MeasureText = (text: string, font: 'label' | 'subtitle' | 'group') => number;

/**
 * Keys of drawn things. Node ids and group ids are separate namespaces in the graph (a VPC
 * resource and its group are both `Vpc`), so the layout and the DOM use prefixed keys.
 */
function nodeKey(id: string): string {
  return `n:${id}`;
}

/** Key of a group (container or collapsed item). */
function groupKey(id: string): string {
  return `g:${id}`;
}

/** A box on the diagram: a resource, or a collapsed group. `id` is its key. */
export interface DiagramItem extends LayoutItem {
  readonly kind: 'resource' | 'collapsedGroup';
  /** The resource (for `resource` items). */
  readonly node?: GraphNode;
  /** The group (for `collapsedGroup` items). */
  readonly group?: GraphGroup;
  readonly category: NodeCategory | 'group';
  /** Text drawn on the box (truncated to fit); the full text is in the tooltip. */
  readonly label: string;
  readonly subtitle: string;
}

/** An expanded group box. `id` is its key; the graph's group id is `group.id`. */
export interface DiagramContainer extends LayoutContainer {
  readonly group: GraphGroup;
  readonly label: string;
  /** Visible resources inside (at any depth). */
  readonly memberCount: number;
  readonly depth: number;
}

/** A drawn edge between two visible items, by key (several graph edges of one pair merge into one). */
export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly EdgeKind[];
  /** How many graph edges this drawn edge stands for (parallel edges of collapsed groups merge). */
  readonly count: number;
  /** The layout edge whose route this edge uses, when ELK routed it (same container, no lifting). */
  readonly routeId?: string;
}

/** Everything the renderer and the layout need. */
export interface DiagramModel {
  readonly items: readonly DiagramItem[];
  readonly containers: readonly DiagramContainer[];
  readonly edges: readonly DiagramEdge[];
  readonly layoutEdges: readonly LayoutEdge[];
  /** Auxiliary resources currently hidden. */
  readonly hiddenAuxiliary: number;
  readonly totalResources: number;
  /** Identifies the layout input: equal signatures give equal layouts. */
  readonly signature: string;
}

/** Display names of group kinds (group titles read "VPC  MyVpc"). */
export const GROUP_KIND_NAMES: Readonly<Record<string, string>> = {
  cloud: 'AWS Cloud',
  region: 'Region',
  autoScalingGroup: 'Auto Scaling group',
  securityGroup: 'Security group',
  vpc: 'VPC',
  availabilityZone: 'Availability Zone',
  subnet: 'Subnet',
  nestedStack: 'Nested stack',
  construct: 'Construct',
  repeated: 'Repeated',
  service: 'Service',
};

/** The kind name of a group as AWS diagrams title it: a subnet reads "Public subnet" or "Private subnet". */
export function groupKindName(group: GraphGroup): string {
  if (group.kind === 'subnet' && group.details) {
    const open = group.details['MapPublicIpOnLaunch'];
    if (open === 'true') return 'Public subnet';
    if (open === 'false') return 'Private subnet';
  }
  return Object.hasOwn(GROUP_KIND_NAMES, group.kind) ? GROUP_KIND_NAMES[group.kind]! : group.kind;
}

/**
 * A group's name as its header and accessible name read it: the kind, then the label
 * ("Auto Scaling group  WebAsg", "Region  eu-west-1"), once when they are the same ("AWS Cloud").
 */
export function groupTitle(group: GraphGroup, label: string): string {
  const kind = groupKindName(group);
  return kind === label ? label : `${kind}  ${label}`;
}

/** What a group's header shows after its label: a VPC's or subnet's CIDR block. */
export function groupHeaderDetail(group: GraphGroup): string {
  const cidr = group.details?.['CidrBlock'];
  return cidr !== undefined && Object.hasOwn(group.details!, 'CidrBlock') ? cidr : '';
}

/** The ends of a graph edge as the picture draws them: in the flow's direction. */
function flowEnds(edge: GraphEdge): readonly [string, string] {
  return edge.reverse ? [edge.to, edge.from] : [edge.from, edge.to];
}

const NODE_HEIGHT = 52;
const NODE_MIN_WIDTH = 150;
const NODE_MAX_WIDTH = 280;
/** Glyph, gaps and padding around the text of a resource box. */
const NODE_CHROME = 58;

/** Drops the `AWS::` prefix: `Lambda::Function` reads better on a small box. */
export function shortType(type: string): string {
  return type.startsWith('AWS::') ? type.slice(5) : type;
}

/** Cuts `text` with an ellipsis so it measures at most `width`. */
function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** 53-bit FNV-style hash of a string, as base-36 text (a cache key, not a security boundary). */
function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(36)}${((h2 >>> 0) & 0x1fffff).toString(36)}-${text.length.toString(36)}`;
}

/** Builds the drawn model. Unknown group references and parent cycles fall back to the root. */
export function buildModel(graph: ArchitectureGraph, options: DiagramOptions, measure: MeasureText): DiagramModel {
  const groups = new Map(graph.groups.map((group) => [group.id, group]));
  // Chain of group ids from the outermost down to `id` (cycle-safe).
  const chains = new Map<string, readonly string[]>();
  const chainOf = (id: string | undefined): readonly string[] => {
    if (id === undefined || !groups.has(id)) return [];
    const cached = chains.get(id);
    if (cached) return cached;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let current: string | undefined = id; current !== undefined && groups.has(current) && !seen.has(current); current = groups.get(current)!.parent) {
      seen.add(current);
      chain.unshift(current);
    }
    chains.set(id, chain);
    return chain;
  };
  // Collapsed: what the graph collapses by default (its level of detail) unless expanded, plus what the user collapsed.
  const expanded = new Set(options.expandedGroups ?? []);
  const collapsed = new Set(options.collapsedGroups.filter((id) => groups.has(id)));
  for (const group of graph.groups) if (group.collapsed && !expanded.has(group.id)) collapsed.add(group.id);
  const firstMember = new Map<string, GraphNode>();

  // Where each visible resource ends up: itself, or the outermost collapsed group around it.
  const representative = new Map<string, string>();
  const memberCounts = new Map<string, number>();
  const items: DiagramItem[] = [];
  const collapsedItems = new Map<string, GraphGroup>();
  let hiddenAuxiliary = 0;
  // A box's text, cut to fit, and the box's width for its label and subtitle.
  const fitInBox = (text: string, font: 'label' | 'subtitle'): string => fitText(displayText(text), NODE_MAX_WIDTH - NODE_CHROME, (part) => measure(part, font));
  const boxWidth = (label: string, subtitle: string): number => Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, Math.ceil(Math.max(measure(label, 'label'), measure(subtitle, 'subtitle'))) + NODE_CHROME));
  for (const node of graph.nodes) {
    if (node.auxiliary && !options.showAuxiliary) {
      hiddenAuxiliary++;
      continue;
    }
    const chain = chainOf(node.group);
    for (const id of chain) memberCounts.set(id, (memberCounts.get(id) ?? 0) + 1);
    const outerCollapsed = chain.find((id) => collapsed.has(id));
    if (outerCollapsed !== undefined) {
      if (!firstMember.has(outerCollapsed)) firstMember.set(outerCollapsed, node);
      representative.set(node.id, groupKey(outerCollapsed));
      collapsedItems.set(outerCollapsed, groups.get(outerCollapsed)!);
      continue;
    }
    representative.set(node.id, nodeKey(node.id));
    const label = fitInBox(node.label || node.id, 'label');
    const subtitle = fitInBox(shortType(node.type), 'subtitle');
    const width = boxWidth(label, subtitle);
    const parent = chain.at(-1);
    items.push({ kind: 'resource', id: nodeKey(node.id), node, category: node.category, label, subtitle, width, height: NODE_HEIGHT, parent: parent !== undefined ? groupKey(parent) : undefined });
  }
  for (const [id, group] of collapsedItems) {
    const label = fitInBox(group.label || id, 'label');
    const count = memberCounts.get(id) ?? 0;
    // A typed group (N functions, an L2 construct) reads as its type, with its glyph; others as a folder.
    const subtitle = fitInBox(group.type !== undefined ? `${shortType(group.type)} · ${count} resource${count === 1 ? '' : 's'}` : `${groupKindName(group)} · ${count} resource${count === 1 ? '' : 's'}`, 'subtitle');
    const width = boxWidth(label, subtitle);
    const parent = chainOf(id).at(-2);
    const category = group.type !== undefined ? (firstMember.get(id)?.category ?? 'group') : 'group';
    items.push({ kind: 'collapsedGroup', id: groupKey(id), group, category, label, subtitle, width, height: NODE_HEIGHT, parent: parent !== undefined ? groupKey(parent) : undefined });
  }

  // Expanded groups with something visible inside and no collapsed ancestor.
  const containers: DiagramContainer[] = [];
  for (const group of graph.groups) {
    const chain = chainOf(group.id);
    const count = memberCounts.get(group.id) ?? 0;
    if (count === 0 || chain.some((id) => collapsed.has(id))) continue;
    const label = fitText(displayText(group.label || group.id), 600, (text) => measure(text, 'group'));
    const parent = chain.at(-2);
    // Title: toggle (34 px), the kind, two spaces, the label, padding.
    const title = `${groupTitle(group, label)}  ${groupHeaderDetail(group)}`;
    containers.push({ id: groupKey(group.id), parent: parent !== undefined ? groupKey(parent) : undefined, group, label, memberCount: count, depth: chain.length - 1, minWidth: measure(title, 'group') + 48 });
  }
  const containerIds = new Set(containers.map(({ id }) => id));
  const parentOfItem = new Map(items.map((item) => [item.id, item.parent]));

  // Container keys (outermost first) around an item.
  const ancestry = (key: string): readonly string[] => {
    const parent = parentOfItem.get(key);
    if (parent === undefined) return [];
    return chainOf(parent.slice(2))
      .map(groupKey)
      .filter((group) => containerIds.has(group));
  };

  const edges: DiagramEdge[] = [];
  const layoutEdges: LayoutEdge[] = [];
  const edgeByPair = new Map<string, { from: string; to: string; kinds: EdgeKind[]; count: number; routeId?: string }>();
  const layoutEdgeByKey = new Map<string, string>();
  for (const edge of graph.edges) {
    // Reference-only edges (IAM, DependsOn, security groups) belong to the auxiliary layer.
    if (edge.auxiliary && !options.showAuxiliary) continue;
    const [source, target] = flowEnds(edge);
    const from = representative.get(source);
    const to = representative.get(target);
    if (from === undefined || to === undefined || from === to) continue;
    const pair = `${from}\u0000${to}`;
    const existing = edgeByPair.get(pair);
    if (existing) {
      existing.count++;
      if (!existing.kinds.includes(edge.kind)) existing.kinds.push(edge.kind);
      continue;
    }
    // Lift both ends to the children of their lowest common container.
    const a = ancestry(from);
    const b = ancestry(to);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const container = common > 0 ? a[common - 1] : undefined;
    const liftedFrom = a[common] ?? from;
    const liftedTo = b[common] ?? to;
    const key = `${container ?? ''}\u0000${liftedFrom}\u0000${liftedTo}`;
    let layoutId = layoutEdgeByKey.get(key);
    if (layoutId === undefined) {
      layoutId = `l${layoutEdges.length}`;
      layoutEdgeByKey.set(key, layoutId);
      layoutEdges.push({ id: layoutId, from: liftedFrom, to: liftedTo, container });
    }
    const routed = liftedFrom === from && liftedTo === to;
    edgeByPair.set(pair, { from, to, kinds: [edge.kind], count: 1, routeId: routed ? layoutId : undefined });
  }
  let index = 0;
  for (const edge of edgeByPair.values()) edges.push({ id: `e${index++}`, ...edge });

  const signature = hashText(
    JSON.stringify([
      options.direction,
      items.map(({ id, width, height, parent }) => [id, width, height, parent ?? '']),
      containers.map(({ id, parent, minWidth }) => [id, parent ?? '', Math.ceil(minWidth)]),
      layoutEdges.map(({ from, to, container }) => [from, to, container ?? '']),
    ]),
  );
  return { items, containers, edges, layoutEdges, hiddenAuxiliary, totalResources: graph.nodes.length, signature };
}

/** The layout job for a model: just the sizes and nesting ELK needs (sent to the host's layout worker; the bench uses it too). */
export function layoutJob(model: DiagramModel, direction: DiagramOptions['direction']): LayoutJob {
  // Field by field, leaving out absent parents: the message validators refuse `undefined` values.
  return {
    items: model.items.map(({ id, width, height, parent }) => (parent !== undefined ? { id, width, height, parent } : { id, width, height })),
    containers: model.containers.map(({ id, parent, minWidth }) => (parent !== undefined ? { id, parent, minWidth } : { id, minWidth })),
    edges: model.layoutEdges.map(({ id, from, to, container }) => (container !== undefined ? { id, from, to, container } : { id, from, to })),
    direction,
  };
}
