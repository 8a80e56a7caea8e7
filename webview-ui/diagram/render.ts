/**
 * Draws a laid-out model as SVG: group boxes (VPC > AZ > subnet, each with a collapse
 * toggle), edges (ELK's orthogonal routes where it routed them, a straight line between box
 * borders where an edge crosses groups), and resource boxes with their category glyph.
 *
 * Every text goes through `displayText` and `textContent`; keys and ids only ever reach
 * `setAttribute('data-…')` and are looked up through maps, never spliced into a selector.
 */
import type { EdgeKind, NodeStatus } from '../../src/engine/graph/graphTypes';
import { displayText, svg } from '../shared/dom';
import { glyphFor } from './glyphs';
import type { Box, Layout, Point } from '../../src/shared/webview/diagramLayout';
import { groupHeaderDetail, groupKindName, groupTitle, shortType } from './model';
import type { DiagramEdge, DiagramItem, DiagramModel } from './model';

/** Kinds in the order that decides an edge's style when several graph edges merged. */
const EDGE_KIND_PRIORITY: readonly EdgeKind[] = ['eventSource', 'iam', 'getatt', 'ref', 'sub', 'dependsOn'];

/** What the view needs to find drawn things again. */
export interface Rendered {
  /** By item key. */
  readonly nodes: ReadonlyMap<string, SVGGElement>;
  /** By container key. */
  readonly groups: ReadonlyMap<string, SVGGElement>;
  readonly edges: readonly { readonly edge: DiagramEdge; readonly element: SVGPathElement }[];
}

/** Corner radii and text positions inside a drawn box; the PNG export redraws with the same. */
export const BOX_GEOMETRY = {
  groupRadius: 8,
  groupLabel: { x: 34, y: 22 },
  nodeRadius: 6,
  glyph: { x: 12, y: 14 },
  nodeLabel: { x: 46, y: 23 },
  nodeType: { x: 46, y: 40 },
} as const;

/** The style class of a merged edge. */
export function primaryKind(kinds: readonly EdgeKind[]): EdgeKind {
  return EDGE_KIND_PRIORITY.find((kind) => kinds.includes(kind)) ?? kinds[0] ?? 'ref';
}

function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the segment from the centre of `box` towards `towards` leaves the box. */
function border(box: Box, towards: Point): Point {
  const c = centre(box);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The points of an edge: its route, or a straight line between the two box borders. */
export function edgePoints(edge: DiagramEdge, layout: Layout): readonly Point[] | undefined {
  const route = edge.routeId !== undefined ? layout.routes.get(edge.routeId) : undefined;
  if (route && route.length >= 2) return route;
  const from = layout.boxes.get(edge.from);
  const to = layout.boxes.get(edge.to);
  if (!from || !to) return undefined;
  return [border(from, centre(to)), border(to, centre(from))];
}

/** The glyph of a box: a resource's service, a typed group's type (N functions), or the category. */
export function itemGlyph(item: DiagramItem): string {
  const type = item.node?.type ?? item.group?.type;
  const service = item.node?.service ?? (type !== undefined ? type.split('::')[1] : undefined);
  const creates = item.node && Object.hasOwn(item.node.details, 'creates') ? item.node.details['creates'] : undefined;
  return glyphFor(item.category, service, creates);
}

/** A live status as words: `UPDATE_FAILED, drift MODIFIED: reason`. */
export function statusText(status: NodeStatus): string {
  return `${status.state}${status.drift && status.drift !== 'NOT_CHECKED' ? `, drift ${status.drift}` : ''}${status.reason ? `: ${status.reason}` : ''}`;
}

/** The point halfway along a polyline. */
function midpoint(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length >= left && length > 0) return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    left -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function pathData(points: readonly Point[]): string {
  return points.map(({ x, y }, i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
}

/** Arrowhead markers, one per edge style (the marker colour cannot follow the path's). */
export function addMarkers(defs: SVGDefsElement): void {
  for (const name of ['default', 'eventSource', 'iam']) {
    const marker = svg('marker', { id: `arrow-${name}`, class: `arrow arrow-${name}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M0 0L10 5L0 10z' }, marker);
  }
}

/** Replaces the content of `layer` with the diagram. */
export function renderDiagram(layer: SVGGElement, model: DiagramModel, layout: Layout): Rendered {
  const fragment = document.createDocumentFragment();
  const groupLayer = svg('g', { class: 'groups' });
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  fragment.append(groupLayer, edgeLayer, nodeLayer);

  const groups = new Map<string, SVGGElement>();
  for (const container of [...model.containers].sort((a, b) => a.depth - b.depth)) {
    const box = layout.boxes.get(container.id);
    if (!box) continue;
    const kindName = groupKindName(container.group);
    const subnet = kindName === 'Public subnet' ? ' subnet-public' : kindName === 'Private subnet' ? ' subnet-private' : '';
    const name = groupTitle(container.group, container.label);
    const detail = groupHeaderDetail(container.group);
    // A named region of the picture for screen readers: "Auto Scaling group WebAsg, 3 resources".
    const accessibleName = `${name.replace(/ {2}/g, ' ')}${detail ? ` ${detail}` : ''}, ${container.memberCount} resource${container.memberCount === 1 ? '' : 's'}`;
    const g = svg('g', { class: `group kind-${container.group.kind}${subnet}`, transform: `translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})`, 'data-group': container.group.id, role: 'group', 'aria-label': displayText(accessibleName) }, groupLayer);
    svg('rect', { class: 'group-box', width: box.width.toFixed(1), height: box.height.toFixed(1), rx: BOX_GEOMETRY.groupRadius }, g);
    const toggle = svg('g', { class: 'group-toggle', transform: 'translate(8 8)', role: 'button', tabindex: 0, 'aria-label': displayText(`Collapse ${name.replace(/ {2}/g, ' ')}`), 'data-group-toggle': container.group.id }, g);
    svg('rect', { class: 'group-toggle-box', width: 20, height: 20, rx: 4 }, toggle);
    svg('path', { class: 'group-toggle-icon', d: 'M6 8l4 4 4-4' }, toggle);
    svg('title', {}, toggle, 'Collapse');
    const title = svg('text', { class: 'group-label', ...BOX_GEOMETRY.groupLabel }, g);
    if (kindName !== container.label) svg('tspan', { class: 'group-kind' }, title, `${kindName}  `);
    svg('tspan', {}, title, displayText(container.label));
    if (detail) svg('tspan', { class: 'group-detail' }, title, displayText(`  ${detail}`));
    // Hover: the group's own properties (a VPC's or subnet's), as plain text.
    const facts = [name.replace(/ {2}/g, ' '), container.group.type !== undefined ? shortType(container.group.type) : '', ...Object.entries(container.group.details ?? {}).map(([name, value]) => `${name}: ${value}`)];
    svg('title', {}, g, displayText(facts.filter((fact) => fact !== '').join('\n')));
    groups.set(container.id, g);
  }

  const names = new Map(model.items.map((item) => [item.id, item.node?.id ?? item.group?.id ?? item.id]));
  const edges: { edge: DiagramEdge; element: SVGPathElement }[] = [];
  for (const edge of model.edges) {
    const points = edgePoints(edge, layout);
    if (!points) continue;
    const kind = primaryKind(edge.kinds);
    const marker = kind === 'eventSource' || kind === 'iam' ? kind : 'default';
    const path = svg('path', { class: `edge kind-${kind}${edge.routeId === undefined ? ' crossing' : ''}`, d: pathData(points), 'marker-end': `url(#arrow-${marker})` }, edgeLayer);
    svg('title', {}, path, displayText(`${names.get(edge.from)} → ${names.get(edge.to)} (${edge.kinds.join(', ')}${edge.count > 1 ? `, ${edge.count} references` : ''})`));
    edges.push({ edge, element: path });
    if (edge.count > 1) {
      // Parallel edges merged into one line: their number at the middle of the line.
      const middle = midpoint(points);
      svg('text', { class: 'edge-count', x: middle.x.toFixed(1), y: (middle.y - 4).toFixed(1) }, edgeLayer, `× ${edge.count}`);
    }
  }

  const nodes = new Map<string, SVGGElement>();
  for (const item of model.items) {
    const box = layout.boxes.get(item.id);
    if (!box) continue;
    const classes = ['node', `cat-${item.category}`];
    if (item.node?.auxiliary) classes.push('auxiliary');
    if (item.kind === 'collapsedGroup') classes.push('collapsed-group');
    const what = item.kind === 'collapsedGroup' ? `collapsed group, ${item.subtitle}, press Enter to expand` : (item.node?.type ?? '');
    const g = svg('g', { class: classes.join(' '), transform: `translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})`, 'data-key': item.id, role: 'button', tabindex: 0, 'aria-label': displayText(`${item.node?.label || item.label}, ${what}`) }, nodeLayer);
    svg('rect', { class: 'node-box', width: box.width.toFixed(1), height: box.height.toFixed(1), rx: BOX_GEOMETRY.nodeRadius }, g);
    const glyph = svg('g', { class: 'glyph', transform: `translate(${BOX_GEOMETRY.glyph.x} ${BOX_GEOMETRY.glyph.y})` }, g);
    svg('path', { d: itemGlyph(item) }, glyph);
    svg('text', { class: 'node-label', ...BOX_GEOMETRY.nodeLabel }, g, displayText(item.label));
    svg('text', { class: 'node-type', ...BOX_GEOMETRY.nodeType }, g, displayText(item.subtitle));
    const status = item.node?.status;
    if (status) {
      // A live stack's badge: a coloured dot in the top-right corner, the state and drift as its title.
      const tone = status.tone ?? 'ok';
      const badge = svg('g', { class: `status-badge tone-${tone}`, transform: `translate(${(box.width - 10).toFixed(1)} 10)` }, g);
      svg('circle', { r: 6 }, badge);
      svg('title', {}, badge, displayText(statusText(status)));
      g.setAttribute('aria-label', displayText(`${item.node?.label || item.label}, ${what}, ${statusText(status)}`));
    }
    nodes.set(item.id, g);
  }

  layer.replaceChildren(fragment);
  return { nodes, groups, edges };
}
