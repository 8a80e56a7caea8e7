import type { ArchitectureGraph, EdgeKind, GraphGroup, NodeCategory } from './graphTypes';
import { visibleGraph } from './graphView';
import type { GraphViewOptions } from './graphView';
import { SVG_METRICS, layoutGraph } from './svgLayout';
import type { PlacedNode } from './svgLayout';

/** Options of {@link toSvg}. */
export type SvgOptions = GraphViewOptions;

const CATEGORY_FILL: Readonly<Record<NodeCategory, string>> = {
  compute: '#fdebd3',
  storage: '#dff3e4',
  database: '#e0e7fb',
  networking: '#efe3f7',
  integration: '#fbe0ec',
  api: '#f9e6d8',
  security: '#fbe3e3',
  monitoring: '#e0f3f5',
  management: '#ececf4',
  analytics: '#e3eefb',
  other: '#f1f1f1',
};

const EDGE_STYLE: Readonly<Record<EdgeKind, { readonly color: string; readonly dash?: string; readonly width: number }>> = {
  ref: { color: '#7a7a7a', width: 1 },
  getatt: { color: '#5b6fa8', dash: '10 3', width: 1.2 },
  sub: { color: '#8a6fb0', width: 1 },
  dependsOn: { color: '#9a9a9a', dash: '4 3', width: 1 },
  eventSource: { color: '#d0762b', width: 2 },
  iam: { color: '#c0392b', dash: '1 3', width: 1.5 },
};

// The group styles of AWS architecture diagrams (colours and line styles only; no AWS artwork):
// AWS Cloud dark, Region dashed teal, VPC purple, AZ dashed blue, subnet green, Auto Scaling
// group dashed orange, security group dashed red.
const GROUP_STYLE: Readonly<Record<GraphGroup['kind'], { readonly stroke: string; readonly fill: string; readonly dash?: string }>> = {
  cloud: { stroke: '#232f3e', fill: 'none' },
  region: { stroke: '#00a4a6', fill: 'none', dash: '6 4' },
  autoScalingGroup: { stroke: '#ed7100', fill: 'none', dash: '6 4' },
  securityGroup: { stroke: '#dd344c', fill: 'none', dash: '4 3' },
  vpc: { stroke: '#8c4fff', fill: '#faf7ff' },
  availabilityZone: { stroke: '#147eba', fill: 'none', dash: '6 4' },
  subnet: { stroke: '#248814', fill: '#f4fbf2' },
  nestedStack: { stroke: '#e7157b', fill: 'none', dash: '2 2' },
  construct: { stroke: '#7d8998', fill: 'none', dash: '6 4' },
  repeated: { stroke: '#5a6b86', fill: 'none', dash: '2 3' },
  service: { stroke: '#5a6b86', fill: 'none', dash: '8 3' },
};

/** What the kinds whose label is a name read as on a box's header ("Auto Scaling group WebAsg"); the panel's `GROUP_KIND_NAMES` says the same. */
const KIND_TITLES: Readonly<Partial<Record<GraphGroup['kind'], string>>> = { cloud: 'AWS Cloud', region: 'Region', autoScalingGroup: 'Auto Scaling group', securityGroup: 'Security group' };

/** A box's header: its label, after its kind's name for the AWS group styles (once when they are the same). */
function groupTitle(group: GraphGroup): string {
  const kind = KIND_TITLES[group.kind];
  return kind === undefined || kind === group.label ? group.label : `${kind} ${group.label}`;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';
/** Approximate width of one character at 12 px, to truncate labels that would overflow a node. */
const CHAR_WIDTH = 7.6;

/**
 * A static SVG of the graph for CI artifacts and READMEs: deterministic (same graph, same
 * bytes), dependency-free, no scripts, no external references (the only `url(#...)` is the
 * arrow marker defined in the file), every piece of template text XML-escaped. Nodes carry
 * a `<title>` with the full id and type, so truncated labels stay readable on hover.
 * The interactive diagram in the editor has its own layout; this one is `svgLayout.ts`.
 */
export function toSvg(graph: ArchitectureGraph, options: SvgOptions = {}): string {
  const view = visibleGraph(graph, options);
  const layout = layoutGraph(view);
  const m = SVG_METRICS;
  const legendHeight = 28;
  const width = Math.max(layout.width, 560);
  const height = layout.height + legendHeight;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#666666"/></marker></defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (view.nodes.length === 0) out.push(`<text x="${m.margin}" y="${m.margin + 12}" fill="#555555">No resources to show.</text>`);

  for (const box of layout.groups) {
    const style = GROUP_STYLE[box.group.kind] ?? GROUP_STYLE.construct;
    out.push(
      `<g data-group="${xml(box.group.id)}"><title>${xml(`${box.group.label} (${box.group.kind})`)}</title>` +
        `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6" fill="${style.fill}" stroke="${style.stroke}"${dashAttribute(style.dash)}/>` +
        `<text x="${box.x + 8}" y="${box.y + 15}" fill="${style.stroke}" font-weight="bold">${xml(truncate(groupTitle(box.group), Math.max(8, Math.floor((box.width - 16) / CHAR_WIDTH))))}</text></g>`,
    );
  }

  for (const edge of view.edges) {
    const from = layout.nodes.get(edge.from);
    const to = layout.nodes.get(edge.to);
    if (!from || !to) continue;
    const style = EDGE_STYLE[edge.kind] ?? EDGE_STYLE.ref;
    const count = edge.count ?? 1;
    out.push(
      `<path d="${edgePath(from, to)}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dashAttribute(style.dash)} marker-end="url(#arrow)">` +
        `<title>${xml(`${from.node.label} -> ${to.node.label} (${edge.kind}${count > 1 ? `, ${count} references` : ''})`)}</title></path>`,
    );
    if (count > 1) {
      const x = (from.x + m.nodeWidth + to.x) / 2;
      const y = (from.y + to.y + m.nodeHeight) / 2 - 4;
      out.push(`<text x="${x}" y="${y}" font-size="10" text-anchor="middle" fill="#555555">× ${count}</text>`);
    }
  }

  const maxChars = Math.floor((m.nodeWidth - 16) / CHAR_WIDTH);
  for (const { node, x, y } of layout.nodes.values()) {
    const fill = CATEGORY_FILL[node.category] ?? CATEGORY_FILL.other;
    out.push(
      `<g data-id="${xml(node.id)}"><title>${xml(`${node.id} (${node.type})`)}</title>` +
        `<rect x="${x}" y="${y}" width="${m.nodeWidth}" height="${m.nodeHeight}" rx="4" fill="${fill}" stroke="#555555"${node.auxiliary ? ' stroke-dasharray="3 2"' : ''}/>` +
        `<text x="${x + 8}" y="${y + 18}" font-weight="bold" fill="#1a1a1a">${xml(truncate(node.label, maxChars))}</text>` +
        `<text x="${x + 8}" y="${y + 34}" font-size="10" fill="#555555">${xml(truncate(node.type, Math.floor(maxChars * 1.3)))}</text></g>`,
    );
  }

  out.push(legend(m.margin, layout.height + 8, new Set(view.edges.map((edge) => edge.kind))));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A cubic curve from the right side of `from` to the left side of `to` (loops back for back edges). */
function edgePath(from: PlacedNode, to: PlacedNode): string {
  const m = SVG_METRICS;
  const x1 = from.x + m.nodeWidth;
  const y1 = from.y + m.nodeHeight / 2;
  const x2 = to.x;
  const y2 = to.y + m.nodeHeight / 2;
  const bend = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

/** The line styles of the edge kinds drawn (only those: a legend entry with no line to match misleads). */
function legend(x: number, y: number, drawn: ReadonlySet<EdgeKind>): string {
  const parts: string[] = [];
  let cursor = x;
  for (const kind of (Object.keys(EDGE_STYLE) as EdgeKind[]).filter((candidate) => drawn.has(candidate))) {
    const style = EDGE_STYLE[kind];
    parts.push(
      `<line x1="${cursor}" y1="${y + 8}" x2="${cursor + 24}" y2="${y + 8}" stroke="${style.color}" stroke-width="${style.width}"${dashAttribute(style.dash)}/>` +
        `<text x="${cursor + 30}" y="${y + 12}" font-size="10" fill="#555555">${kind}</text>`,
    );
    cursor += 30 + kind.length * 6 + 18;
  }
  return `<g data-legend="edges">${parts.join('')}</g>`;
}

function dashAttribute(dash: string | undefined): string {
  return dash ? ` stroke-dasharray="${dash}"` : '';
}

/** Shortens text to `max` characters (whole code points) with an ellipsis. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Escapes text for XML content and attribute values. Characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates, U+FFFE/U+FFFF; a JSON template key may hold them)
 * become U+FFFD, so the file always parses.
 */
export function xml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      out += '\uFFFD';
      continue;
    }
    switch (char) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      default:
        out += char;
    }
  }
  return out;
}
