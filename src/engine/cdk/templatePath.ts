import type { LocatedNode } from '../document/located';

/**
 * The key path of the node at `offset` in a template (`['Resources', 'Orders', 'Properties',
 * 'SSESpecification', 'SSEType']`; sequence items are numbers). Used to move a template finding
 * to the construct that made the resource and to the property key in its source.
 */
export function keyPathAt(root: LocatedNode | undefined, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node = root;
  while (node) {
    if (node.kind === 'mapping') {
      const pair = node.pairs.find((candidate) => (candidate.key.span.start <= offset && offset < candidate.key.span.end) || (candidate.value.span.start <= offset && offset < candidate.value.span.end));
      if (!pair) break;
      path.push(pair.key.text);
      // On the key itself: the path ends there.
      if (pair.key.span.start <= offset && offset < pair.key.span.end) break;
      node = pair.value;
    } else if (node.kind === 'sequence') {
      const index = node.items.findIndex((item) => item.span.start <= offset && offset < item.span.end);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return path;
}

/** The logical id and property path (after `Properties`) of a template key path; undefined outside Resources. */
export function resourcePropertyPath(path: readonly (string | number)[]): { logicalId: string; section?: string; properties: (string | number)[] } | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  const section = typeof path[2] === 'string' ? path[2] : undefined;
  return { logicalId: path[1], ...(section !== undefined ? { section } : {}), properties: section === 'Properties' ? path.slice(3) : [] };
}
