/**
 * Incremental relayout: when an edit adds, removes or resizes only a few boxes, the previous
 * positions are kept and new boxes are put into free space next to a neighbour, instead of
 * running ELK again. The diagram does not jump while the user types, and the update is
 * instant. Anything bigger (group changes, many boxes, no free slot) returns `undefined`
 * and the caller runs a full layout; the toolbar's "Re-layout" always does.
 */
import type { DiagramItem, DiagramModel } from './model';
import type { Box, Layout, Point } from '../../src/shared/webview/diagramLayout';
import { GROUP_PAD as PAD } from '../../src/shared/webview/diagramElk';
import { extent } from './layoutClient';

const GAP = 12;
const LAYER_GAP = 56;

/** A model with the layout it was drawn with. */
export interface Drawn {
  readonly model: DiagramModel;
  readonly layout: Layout;
  readonly direction: 'RIGHT' | 'DOWN';
}

/** Most changes (added + removed + resized boxes) handled incrementally. */
function incrementalBudget(itemCount: number): number {
  return Math.max(4, Math.ceil(itemCount * 0.1));
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

function inside(box: Box, area: Box): boolean {
  return box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
}

/** Tries to update `previous` to fit `model`; `undefined` when a full layout is needed. */
export function incrementalLayout(previous: Drawn, model: DiagramModel, direction: 'RIGHT' | 'DOWN'): Layout | undefined {
  const before = previous.model;
  if (previous.direction !== direction) return undefined;
  // Group boxes keep their size, so the set of groups (and their nesting) must not change.
  if (before.containers.length !== model.containers.length) return undefined;
  const beforeParents = new Map(before.containers.map(({ id, parent }) => [id, parent]));
  for (const container of model.containers) {
    if (!beforeParents.has(container.id) || beforeParents.get(container.id) !== container.parent) return undefined;
  }
  const beforeItems = new Map(before.items.map((item) => [item.id, item]));
  const nowIds = new Set(model.items.map(({ id }) => id));
  const added: DiagramItem[] = [];
  const resized: DiagramItem[] = [];
  for (const item of model.items) {
    const old = beforeItems.get(item.id);
    if (!old) added.push(item);
    else if (old.parent !== item.parent || old.kind !== item.kind) return undefined;
    else if (old.width !== item.width || old.height !== item.height) resized.push(item);
  }
  const removed = before.items.filter(({ id }) => !nowIds.has(id)).length;
  if (added.length + removed + resized.length > incrementalBudget(model.items.length)) return undefined;

  const boxes = new Map<string, Box>();
  for (const container of model.containers) {
    const box = previous.layout.boxes.get(container.id);
    if (!box) return undefined;
    boxes.set(container.id, box);
  }
  for (const item of model.items) {
    const box = beforeItems.has(item.id) ? previous.layout.boxes.get(item.id) : undefined;
    if (box) boxes.set(item.id, { x: box.x, y: box.y, width: item.width, height: item.height });
  }
  const ancestorsOf = (parent: string | undefined): Set<string> => {
    const set = new Set<string>();
    for (let current = parent; current !== undefined && !set.has(current); current = beforeParents.get(current)) set.add(current);
    return set;
  };
  const fits = (id: string, box: Box, parent: string | undefined): boolean => {
    const parentBox = parent !== undefined ? boxes.get(parent) : undefined;
    if (parentBox && !inside(box, { x: parentBox.x + PAD.side, y: parentBox.y + PAD.top, width: parentBox.width - 2 * PAD.side, height: parentBox.height - PAD.top - PAD.bottom })) return false;
    if (box.x < 0 || box.y < 0) return false;
    const ancestors = ancestorsOf(parent);
    for (const [other, otherBox] of boxes) {
      if (other !== id && !ancestors.has(other) && overlaps(box, otherBox, GAP)) return false;
    }
    return true;
  };
  for (const item of resized) if (!fits(item.id, boxes.get(item.id)!, item.parent)) return undefined;

  const neighbours = new Map<string, string[]>();
  for (const edge of model.edges) {
    (neighbours.get(edge.from) ?? neighbours.set(edge.from, []).get(edge.from)!).push(edge.to);
    (neighbours.get(edge.to) ?? neighbours.set(edge.to, []).get(edge.to)!).push(edge.from);
  }
  const parentOf = new Map(model.items.map((item) => [item.id, item.parent]));
  for (const item of added) {
    const box = place(item, boxes, neighbours.get(item.id) ?? [], parentOf, direction, fits);
    if (!box) return undefined;
    boxes.set(item.id, box);
  }

  // Keep the routes of edges whose ends did not move or change size.
  const stable = (id: string): boolean => beforeItems.has(id) || beforeParents.has(id);
  const changed = new Set([...resized, ...added].map(({ id }) => id));
  const oldRoutes = new Map<string, readonly Point[]>();
  for (const edge of before.layoutEdges) {
    const route = previous.layout.routes.get(edge.id);
    if (route) oldRoutes.set(`${edge.container ?? ''}\u0000${edge.from}\u0000${edge.to}`, route);
  }
  const routes = new Map<string, readonly Point[]>();
  for (const edge of model.layoutEdges) {
    if (!stable(edge.from) || !stable(edge.to) || changed.has(edge.from) || changed.has(edge.to)) continue;
    const route = oldRoutes.get(`${edge.container ?? ''}\u0000${edge.from}\u0000${edge.to}`);
    if (route) routes.set(edge.id, route);
  }
  const size = extent(boxes.values(), routes.values());
  return { boxes, routes, width: size.width, height: size.height };
}

function place(
  item: DiagramItem,
  boxes: ReadonlyMap<string, Box>,
  neighbours: readonly string[],
  parentOf: ReadonlyMap<string, string | undefined>,
  direction: 'RIGHT' | 'DOWN',
  fits: (id: string, box: Box, parent: string | undefined) => boolean,
): Box | undefined {
  const { width, height } = item;
  const anchors = neighbours.filter((id) => boxes.has(id) && parentOf.get(id) === item.parent).map((id) => boxes.get(id)!);
  if (anchors.length === 0) {
    // A sibling in the same group, else anything placed (for the root).
    for (const [id, box] of boxes) if (parentOf.has(id) && parentOf.get(id) === item.parent) anchors.push(box);
  }
  const candidates: Box[] = [];
  for (const anchor of anchors.slice(0, 8)) {
    const across = direction === 'RIGHT';
    const forward = across ? { x: anchor.x + anchor.width + LAYER_GAP, y: anchor.y } : { x: anchor.x, y: anchor.y + anchor.height + LAYER_GAP };
    const backward = across ? { x: anchor.x - width - LAYER_GAP, y: anchor.y } : { x: anchor.x, y: anchor.y - height - LAYER_GAP };
    for (let step = 0; step <= 12; step++) {
      for (const sign of step === 0 ? [0] : [1, -1]) {
        const shift = sign * step * ((across ? height : width) + 2 * GAP);
        for (const base of [forward, backward, { x: anchor.x, y: anchor.y }]) {
          candidates.push(across ? { x: base.x, y: base.y + shift, width, height } : { x: base.x + shift, y: base.y, width, height });
        }
      }
    }
  }
  for (const candidate of candidates) if (fits(item.id, candidate, item.parent)) return candidate;
  if (item.parent !== undefined) return undefined;
  // Root item with no room near its neighbours: a new row under everything.
  const { height: bottom } = extent(boxes.values(), [], 0);
  let x = GAP;
  for (;;) {
    const candidate = { x, y: bottom + 2 * GAP, width, height };
    if (fits(item.id, candidate, undefined)) return candidate;
    x += width + GAP;
    if (x > 100_000) return undefined;
  }
}
