import type { LocatedNode, Pair, ScalarNode } from './located';

/** One step from the root to a node: the pair (for mappings) or index (for sequences) taken. */
export type PathStep = { readonly key: string; readonly pair: Pair } | { readonly index: number };

/** What sits at an offset: the deepest node, whether it is a key, and the path from the root. */
export interface NodeAtOffset {
  readonly node: LocatedNode;
  /** True when the offset is on a mapping key; `node` is then the key scalar. */
  readonly isKey: boolean;
  /** Steps from the root to `node` (for a key: up to and including its pair). */
  readonly path: readonly PathStep[];
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * Finds the deepest node at an offset. Offsets at a token's end still hit the
 * token (the cursor after the last character is "on" the word, as editors expect).
 */
export function nodeAt(root: LocatedNode | undefined, offset: number): NodeAtOffset | undefined {
  if (!root || !contains(root.span, offset)) return undefined;
  const path: PathStep[] = [];
  let node: LocatedNode = root;
  for (;;) {
    if (node.kind === 'mapping') {
      let next: LocatedNode | undefined;
      for (const pair of node.pairs) {
        if (pair.merged) continue;
        if (contains(pair.key.span, offset) && pair.key.span.end > pair.key.span.start) {
          path.push({ key: pair.key.text, pair });
          return { node: pair.key, isKey: true, path };
        }
        if (contains(pair.value.span, offset) && pair.value.parent === node) {
          path.push({ key: pair.key.text, pair });
          next = pair.value;
          break;
        }
      }
      if (!next) return { node, isKey: false, path };
      node = next;
      continue;
    }
    if (node.kind === 'sequence') {
      const index = node.items.findIndex((item) => contains(item.span, offset) && item.parent === node);
      if (index < 0) return { node, isKey: false, path };
      path.push({ index });
      node = node.items[index]!;
      continue;
    }
    return { node, isKey: false, path };
  }
}

/** The keys of a path, with sequence indexes as numbers. */
export function pathKeys(path: readonly PathStep[]): Array<string | number> {
  return path.map((step) => ('key' in step ? step.key : step.index));
}

/** The key scalar of the last mapping step of a path, if any. */
export function lastKey(path: readonly PathStep[]): ScalarNode | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    if ('key' in step) return step.pair.key;
  }
  return undefined;
}
