/** The legend: the categories and edge kinds on the diagram, with their glyphs and line styles. */
import type { EdgeKind } from '../../src/engine/graph/graphTypes';
import { html, svg } from '../shared/dom';
import { CATEGORY_NAMES, GLYPHS } from './glyphs';
import type { GlyphCategory } from './glyphs';
import type { DiagramModel } from './model';
import { primaryKind } from './render';

const EDGE_NAMES: Readonly<Record<EdgeKind, string>> = {
  ref: 'Ref',
  getatt: 'GetAtt',
  sub: 'Sub',
  dependsOn: 'DependsOn',
  eventSource: 'Event source',
  iam: 'IAM permission',
};

/** Fills `container` with the legend of the model. */
export function renderLegend(container: HTMLElement, model: DiagramModel): void {
  const counts = new Map<GlyphCategory, number>();
  for (const item of model.items) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  const kinds = new Set(model.edges.map((edge) => primaryKind(edge.kinds)));
  const fragment = document.createDocumentFragment();
  html('h2', { text: 'Legend' }, fragment);
  const list = html('ul', { className: 'legend-list' });
  fragment.appendChild(list);
  for (const category of Object.keys(GLYPHS) as GlyphCategory[]) {
    const count = counts.get(category);
    if (!count) continue;
    const entry = html('li', { className: `legend-entry cat-${category}` }, list);
    const icon = svg('svg', { class: 'legend-glyph', viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true' }, entry);
    svg('path', { d: GLYPHS[category] }, icon);
    html('span', { text: `${CATEGORY_NAMES[category]} (${count})` }, entry);
  }
  for (const kind of ['ref', 'getatt', 'sub', 'dependsOn', 'eventSource', 'iam'] as const) {
    if (!kinds.has(kind)) continue;
    const entry = html('li', { className: 'legend-entry' }, list);
    const sample = svg('svg', { class: 'legend-line', viewBox: '0 0 28 10', width: 28, height: 10, 'aria-hidden': 'true' }, entry);
    svg('path', { class: `edge kind-${kind}`, d: 'M1 5H27' }, sample);
    html('span', { text: EDGE_NAMES[kind] }, entry);
  }
  if (model.hiddenAuxiliary > 0) html('p', { className: 'legend-note', text: `${model.hiddenAuxiliary} auxiliary resource${model.hiddenAuxiliary === 1 ? '' : 's'} hidden (IAM, permissions, log groups…).` }, fragment);
  container.replaceChildren(fragment);
}
