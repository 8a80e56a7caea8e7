import type { LocatedNode } from '../document/located';

/**
 * Converts a located node to plain JSON for ajv. Unlike `toPlain`, objects get the ordinary
 * prototype: ajv's deep equality (`enum`, `uniqueItems`) calls `valueOf` on them. A literal
 * `__proto__` key is defined as an own property, so it can never replace the prototype.
 */
export function toJson(node: LocatedNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'sequence':
      return node.items.map(toJson);
    case 'mapping': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const key = pair.key.text;
        if (key === '__proto__') Object.defineProperty(out, key, { value: toJson(pair.value), enumerable: true, writable: true, configurable: true });
        else out[key] = toJson(pair.value);
      }
      return out;
    }
  }
}
