/**
 * JSON pointers (RFC 6901) over the located tree. A `$ref` fragment is a URI fragment, so it
 * is percent-decoded first and then split on `/`, with `~1` for `/` and `~0` for `~`
 * (RFC 6901 sections 4 and 6): `#/paths/~1pets~1%7Bid%7D` names the path `/pets/{id}`.
 */
import type { LocatedNode, MappingNode } from '../document/located';

/** Splits a JSON pointer into unescaped tokens; undefined when it is not a pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  // `~` may only be followed by 0 or 1.
  if (tokens.some((token) => /~(?![01])/.test(token))) return undefined;
  return tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one token for a JSON pointer. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Escapes one token for a JSON pointer in a URI fragment (`$ref` text): RFC 6901, then percent-encoding. */
export function escapeFragmentToken(token: string): string {
  return escapeToken(token).replace(/[%"#<>\\^`{|}\s]/g, (c) => encodeURIComponent(c));
}

/** Joins tokens into a JSON pointer (`/a/b`); the empty list is the whole document (``). */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/** Percent-decodes a URI fragment or path; undefined when the escapes are malformed. */
export function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const keyIndexes = new WeakMap<MappingNode, Map<string, LocatedNode>>();

/**
 * The value of a key; the last occurrence wins, like a JSON parser (duplicates are reported
 * by cfn-syntax). Big mappings (`components.schemas` of a large API has thousands of keys,
 * hit by every `$ref`) get a key index, built once per mapping.
 */
export function childByKey(node: MappingNode, key: string): LocatedNode | undefined {
  if (node.pairs.length <= 16) {
    let found: LocatedNode | undefined;
    for (const pair of node.pairs) if (pair.key.text === key) found = pair.value;
    return found;
  }
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map(node.pairs.map((pair) => [pair.key.text, pair.value]));
    keyIndexes.set(node, index);
  }
  return index.get(key);
}

/** Result of walking a pointer: the node, or where the walk stopped. */
export interface PointerWalk {
  readonly node: LocatedNode | undefined;
  /** Index of the first token that did not resolve (when `node` is undefined). */
  readonly failedAt: number;
  /** The last node reached before the failure (the document root at worst). */
  readonly last: LocatedNode;
}

/** Follows pointer tokens from a node. Array indexes are decimal without leading zeros. */
export function walkPointer(root: LocatedNode, tokens: readonly string[]): PointerWalk {
  let node: LocatedNode = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let next: LocatedNode | undefined;
    if (node.kind === 'mapping') next = childByKey(node, token); else if (node.kind === 'sequence' && /^(0|[1-9]\d*)$/.test(token)) {
      next = node.items[Number(token)];
    }
    if (!next) return { node: undefined, failedAt: i, last: node };
    node = next;
  }
  return { node, failedAt: -1, last: node };
}

/** Tokens of the path from `root` down to `node` (by parent links), or undefined when not below it. */
export function tokensTo(root: LocatedNode, node: LocatedNode): string[] | undefined {
  const tokens: string[] = [];
  let current: LocatedNode = node;
  while (current !== root) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.kind === 'mapping') {
      const pair = parent.pairs.find((candidate) => candidate.value === current);
      if (!pair) return undefined;
      tokens.push(pair.key.text);
    } else if (parent.kind === 'sequence') {
      tokens.push(String(parent.items.indexOf(current)));
    } else return undefined;
    current = parent;
  }
  return tokens.reverse();
}
