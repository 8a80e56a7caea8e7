/**
 * The ELK side of a layout job, pure: the job as an ELK graph (one compound node per
 * expanded group, edges in the container they were lifted to) and the result back as
 * absolute boxes and routes. Used by the extension host's layout worker
 * (`src/node/diagramLayoutWorker.ts`) and by the bench; the webview only takes its geometry
 * constants (the provisional sketch and incremental layouts pad groups the same way).
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Box, LayoutJob, Point } from './diagramLayout';

/** Space inside a group box around its members: the title bar on top (the UI draws the label there). */
export const GROUP_PAD = { top: 36, side: 14, bottom: 14 } as const;
const GROUP_PADDING = `[top=${GROUP_PAD.top},left=${GROUP_PAD.side},bottom=${GROUP_PAD.bottom},right=${GROUP_PAD.side}]`;

/** Above this many boxes, layout speed wins over the last bit of polish (see `containerOptions`). */
export const LARGE_DIAGRAM = 150;

function containerOptions(request: LayoutJob, itemCount: number): LayoutOptions {
  const large = itemCount > LARGE_DIAGRAM;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': request.direction,
    // Measured on the generated 500-resource template (292 boxes shown), first layout in a
    // fresh worker, where JIT warm-up dominates: orthogonal routing is about a third of
    // ELK's time, and merging the edges of hub nodes (a VPC box with ~200 edges) halves
    // the routing work again: 1.4-1.9 s -> 1.0-1.1 s. Small diagrams keep orthogonal routes.
    'elk.edgeRouting': large ? 'POLYLINE' : 'ORTHOGONAL',
    'elk.layered.mergeEdges': large ? 'true' : 'false',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.componentComponent': '48',
    'elk.separateConnectedComponents': 'true',
    // Thoroughness is ELK's crossing-minimisation effort: its default (7) costs about 3x
    // the time of 1 at 500 nodes for a barely visible difference on template graphs.
    'elk.layered.thoroughness': large ? '1' : itemCount > 60 ? '3' : '7',
    // Absolute coordinates for shapes and edge routes: the renderer needs no offsets.
    'elk.json.shapeCoords': 'ROOT',
    'elk.json.edgeCoords': 'ROOT',
  };
}

/** A layout job as an ELK graph. */
export function toElk(request: LayoutJob): ElkNode {
  const total = request.items.length;
  const root: ElkNode = { id: '\u0000root', layoutOptions: containerOptions(request, total), children: [], edges: [] };
  const containers = new Map<string, ElkNode>();
  for (const container of request.containers) {
    containers.set(container.id, {
      id: container.id,
      layoutOptions: {
        ...containerOptions(request, total),
        'elk.padding': GROUP_PADDING,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(container.minWidth)},64)`,
      },
      children: [],
      edges: [],
    });
  }
  const parentOf = (parent: string | undefined): ElkNode => (parent !== undefined ? containers.get(parent) : undefined) ?? root;
  for (const container of request.containers) parentOf(container.parent).children!.push(containers.get(container.id)!);
  for (const item of request.items) parentOf(item.parent).children!.push({ id: item.id, width: item.width, height: item.height });
  for (const edge of request.edges) {
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.from], targets: [edge.to] };
    parentOf(edge.container).edges!.push(elkEdge);
  }
  return root;
}

/** Reads ELK's result back: absolute boxes (items and containers) and edge routes. */
export function collect(node: ElkNode, boxes: [string, Box][], routes: [string, Point[]][], isRoot: boolean): void {
  if (!isRoot) boxes.push([node.id, { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 }]);
  for (const edge of node.edges ?? []) {
    const section = (edge as ElkExtendedEdge).sections?.[0];
    if (section) routes.push([edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y }))]);
  }
  for (const child of node.children ?? []) collect(child, boxes, routes, false);
}

