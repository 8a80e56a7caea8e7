/**
 * Focus mode: the selection's neighbourhood, k hops along drawn edges in either direction.
 * Everything else fades (the layout stays put), so a big diagram reads one part at a time.
 */
import type { DiagramEdge } from './model';

/** Hops shown around the selection. */
export const FOCUS_HOPS = 2;

/** Item keys within `hops` edges of `start` (itself included). Breadth-first: linear in the edges. */
export function neighbourhood(edges: readonly DiagramEdge[], start: string, hops = FOCUS_HOPS): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const other of adjacent.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return seen;
}
