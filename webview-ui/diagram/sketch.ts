/**
 * A provisional layout for the first paint of a large diagram, computed on the UI thread in
 * a few milliseconds: longest-path layers inside each group, groups sized bottom-up, edges
 * straight. It is drawn only while the layout worker is still booting (ELK's 1.6 MB GWT
 * core takes ~0.5 s to start in a fresh webview, then ~0.5 s more for 300 boxes), and ELK's
 * layout replaces it as soon as it arrives. It is never cached or used as the base of an
 * incremental relayout.
 */
import type { Box, Layout } from '../../src/shared/webview/diagramLayout';
import type { DiagramModel } from './model';
import { GROUP_PAD as PAD } from '../../src/shared/webview/diagramElk';

const GAP = 24;
const LAYER_GAP = 56;
const MARGIN = 12;
/** Tallest column before a layer wraps into another column (keeps the sketch roughly as wide as it is high). */
const MAX_COLUMN = 3_000;

interface Block {
  readonly id: string;
  width: number;
  height: number;
  /** Offsets of the children relative to this block's origin (containers only). */
  readonly children: { id: string; x: number; y: number }[];
}

/** Lays out the model roughly; `direction` as in the real layout. */
export function sketchLayout(model: DiagramModel, direction: 'RIGHT' | 'DOWN'): Layout {
  const childrenOf = new Map<string | undefined, { id: string; width: number; height: number; container: boolean }[]>();
  const add = (parent: string | undefined, child: { id: string; width: number; height: number; container: boolean }): void => {
    (childrenOf.get(parent) ?? childrenOf.set(parent, []).get(parent)!).push(child);
  };
  for (const container of model.containers) add(container.parent, { id: container.id, width: container.minWidth, height: 64, container: true });
  for (const item of model.items) add(item.parent, { id: item.id, width: item.width, height: item.height, container: false });
  const edgesIn = new Map<string | undefined, { from: string; to: string }[]>();
  for (const edge of model.layoutEdges) (edgesIn.get(edge.container) ?? edgesIn.set(edge.container, []).get(edge.container)!).push(edge);
  const minWidths = new Map(model.containers.map((container) => [container.id, container.minWidth]));

  const blocks = new Map<string, Block>();
  const visiting = new Set<string>();
  const layoutContainer = (id: string | undefined): Block => {
    const key = id ?? '';
    const known = blocks.get(key);
    if (known) return known;
    visiting.add(key);
    const children = childrenOf.get(id) ?? [];
    // Nested containers first (bottom-up sizes); a parent cycle cannot occur, the model breaks them.
    const sized = children.map((child) => (child.container && !visiting.has(child.id) ? { ...child, ...size(layoutContainer(child.id)) } : child));
    const layer = layers(
      sized.map(({ id: childId }) => childId),
      edgesIn.get(id) ?? [],
    );
    const columns = new Map<number, typeof sized>();
    for (const child of sized) (columns.get(layer.get(child.id) ?? 0) ?? columns.set(layer.get(child.id) ?? 0, []).get(layer.get(child.id) ?? 0)!).push(child);
    const offset = id === undefined ? { x: MARGIN, y: MARGIN } : { x: PAD.side, y: PAD.top };
    const placed: { id: string; x: number; y: number }[] = [];
    let along = 0;
    let across = 0;
    for (const index of [...columns.keys()].sort((a, b) => a - b)) {
      let depth = 0;
      let thickness = 0;
      for (const child of columns.get(index)!) {
        const [main, cross] = direction === 'RIGHT' ? [child.width, child.height] : [child.height, child.width];
        if (depth > 0 && depth + cross > MAX_COLUMN) {
          along += thickness + LAYER_GAP;
          depth = 0;
          thickness = 0;
        }
        placed.push(direction === 'RIGHT' ? { id: child.id, x: offset.x + along, y: offset.y + depth } : { id: child.id, x: offset.x + depth, y: offset.y + along });
        depth += cross + GAP;
        thickness = Math.max(thickness, main);
        across = Math.max(across, depth - GAP);
      }
      along += thickness + LAYER_GAP;
    }
    along = Math.max(0, along - LAYER_GAP);
    const inner = direction === 'RIGHT' ? { width: along, height: across } : { width: across, height: along };
    const block: Block =
      id === undefined
        ? { id: key, width: inner.width + 2 * MARGIN, height: inner.height + 2 * MARGIN, children: placed }
        : { id: key, width: Math.max(minWidths.get(id) ?? 0, inner.width + 2 * PAD.side), height: Math.max(64, inner.height + PAD.top + PAD.bottom), children: placed };
    visiting.delete(key);
    blocks.set(key, block);
    return block;
  };

  const root = layoutContainer(undefined);
  const itemSizes = new Map(model.items.map((item) => [item.id, item]));
  const boxes = new Map<string, Box>();
  const place = (block: Block, x: number, y: number): void => {
    for (const child of block.children) {
      const nested = blocks.get(child.id);
      const isContainer = minWidths.has(child.id);
      if (isContainer && nested) {
        boxes.set(child.id, { x: x + child.x, y: y + child.y, width: nested.width, height: nested.height });
        place(nested, x + child.x, y + child.y);
      } else {
        const item = itemSizes.get(child.id);
        if (item) boxes.set(child.id, { x: x + child.x, y: y + child.y, width: item.width, height: item.height });
      }
    }
  };
  place(root, 0, 0);
  return { boxes, routes: new Map(), width: root.width, height: root.height };
}

function size(block: Block): { width: number; height: number } {
  return { width: block.width, height: block.height };
}

/** Longest-path layer of each id over the edges among them (back edges of cycles ignored). */
function layers(ids: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, number> {
  const members = new Set(ids);
  const out = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!members.has(from) || !members.has(to) || from === to) continue;
    (out.get(from) ?? out.set(from, []).get(from)!).push(to);
  }
  // Iterative DFS post-order gives a topological order of the DAG left after dropping back edges.
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  for (const start of ids) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.id) ?? [];
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        if (!state.has(target)) {
          state.set(target, 1);
          stack.push({ id: target, next: 0 });
        }
        continue;
      }
      state.set(top.id, 2);
      order.push(top.id);
      stack.pop();
    }
  }
  const layer = new Map<string, number>();
  const position = new Map(order.map((id, i) => [id, i]));
  // Reverse post-order: sources first; an edge only pushes its target one layer further.
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const current = layer.get(id) ?? 0;
    layer.set(id, current);
    for (const target of out.get(id) ?? []) {
      if ((position.get(target) ?? -1) < i) layer.set(target, Math.max(layer.get(target) ?? 0, current + 1));
    }
  }
  return layer;
}
