import type { ArchitectureGraph, EdgeKind } from './graphTypes';
import { groupTree, visibleGraph } from './graphView';
import type { GraphViewOptions } from './graphView';

/** Options of {@link toMermaid}. */
export type MermaidOptions = GraphViewOptions;

/** Arrow per edge kind: `dependsOn` is an ordering constraint, not data, so it is dotted. */
const ARROWS: Readonly<Record<EdgeKind, string>> = {
  ref: '-->',
  getatt: '-->',
  sub: '-->',
  dependsOn: '-.->',
  eventSource: '==>',
  iam: '-->',
};

/**
 * A Mermaid `flowchart LR` of the graph at its level of detail (`visibleGraph`): groups as
 * nested subgraphs, collapsed groups as one node, each node labelled with its label and
 * type, edges in flow order labelled with their kind (and `× N` when parallel edges merged).
 * Auxiliary nodes and reference-only edges are left out unless `includeAuxiliary` is set.
 *
 * Ids are rewritten to `n_<id>` / `g_<id>` with only `[A-Za-z0-9_]` (so keywords such as
 * `end` and characters such as `-->` cannot break the syntax) and every label is quoted,
 * with anything outside a small safe set written as a Mermaid entity (`#60;` for `<`),
 * so template text can never inject Mermaid syntax or HTML.
 */
export function toMermaid(graph: ArchitectureGraph, options: MermaidOptions = {}): string {
  const view = visibleGraph(graph, options);
  const ids = new MermaidIds();
  const lines = ['flowchart LR'];
  const { children, members } = groupTree(view);
  const visited = new Set<string>();
  const emit = (groupId: string, indent: string): void => {
    for (const node of members.get(groupId) ?? []) {
      lines.push(`${indent}${ids.id('n', node.id)}["${mermaidText(node.label)}<br/>${mermaidText(node.type)}"]`);
    }
    for (const group of children.get(groupId) ?? []) {
      if (visited.has(group.id)) continue;
      visited.add(group.id);
      lines.push(`${indent}subgraph ${ids.id('g', group.id)}["${mermaidText(group.label)}"]`);
      emit(group.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  emit('', '  ');
  for (const edge of view.edges) {
    const arrow = Object.hasOwn(ARROWS, edge.kind) ? ARROWS[edge.kind] : '-->';
    const label = edge.count !== undefined && edge.count > 1 ? `${edge.kind} × ${edge.count}` : edge.kind;
    lines.push(`  ${ids.id('n', edge.from)} ${arrow}|${mermaidText(label)}| ${ids.id('n', edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text for a quoted Mermaid label. Mermaid decodes `#<decimal>;` entities, so every
 * character that could end the string, start markup or an entity (`"`, `<`, `>`, `[`, `]`,
 * `#`, `&`, backticks, line breaks...) is written that way; letters, digits and plain
 * punctuation stay readable.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of text) {
    out += /^[A-Za-z0-9 _.,:/@+=-]$/.test(char) ? char : `#${char.codePointAt(0)!};`;
  }
  return out;
}

/** Stable, unique Mermaid identifiers for arbitrary logical ids. */
class MermaidIds {
  private readonly assigned = new Map<string, string>();
  private readonly used = new Set<string>();

  id(prefix: 'n' | 'g', name: string): string {
    const key = `${prefix}:${name}`;
    const known = this.assigned.get(key);
    if (known !== undefined) return known;
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${base}_${i}`;
    this.assigned.set(key, candidate);
    this.used.add(candidate);
    return candidate;
  }
}
