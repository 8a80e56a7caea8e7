/**
 * The diagram view: owns the DOM of the panel and the current graph, and turns updates,
 * option changes and user input into layouts, renders and messages to the host.
 *
 * Update path: graph -> model (visibility, sizes) -> layout (cache, incremental, or the
 * worker) -> SVG. Each update takes a token; a slower, older one never draws over a newer.
 * Zoom, pan, selection and search survive updates and webview reloads (`setState`).
 */
import type { ArchitectureGraph } from '../../src/engine/graph/graphTypes';
import { DEFAULT_DIAGRAM_OPTIONS, DIAGRAM_MAX_MESSAGE_CHARS } from '../../src/shared/webview/diagramProtocol';
import type { DiagramGraphUpdateMessage, DiagramLayoutFailedMessage, DiagramLayoutResultMessage, DiagramOptions, DiagramThemeKind, DiagramUiMessage } from '../../src/shared/webview/diagramProtocol';
import { applyThemeKind, displayText, focusOnKey, html, svg } from '../shared/dom';
import { exportPng, exportSvg } from './exportImage';
import { neighbourhood } from './focus';
import { incrementalLayout } from './incremental';
import type { Drawn } from './incremental';
import { LayoutClient, SupersededError } from './layoutClient';
import type { LayoutSource } from './layoutClient';
import type { Box, Layout, Point } from '../../src/shared/webview/diagramLayout';
import { renderLegend } from './legend';
import { sketchLayout } from './sketch';
import { LARGE_DIAGRAM } from '../../src/shared/webview/diagramElk';
import { buildModel, shortType } from './model';
import type { DiagramItem, DiagramModel, MeasureText } from './model';
import { addMarkers, renderDiagram } from './render';
import type { Rendered } from './render';
import { createToolbar } from './toolbar';
import type { Toolbar } from './toolbar';
import { Tooltip } from './tooltip';
import { CLICK_SLOP, Viewport } from './viewport';
import type { ViewState } from './viewport';

/** How the drawn layout was obtained (`sketch`: provisional, while ELK boots). */
type DrawnSource = LayoutSource | 'sketch';

/** A layout as plain data, for `setState`. */
export interface SavedLayout {
  readonly signature: string;
  readonly boxes: readonly (readonly [string, Box])[];
  readonly routes: readonly (readonly [string, readonly Point[]])[];
  readonly width: number;
  readonly height: number;
}

/**
 * What the view persists through `vscode.setState`. The panel is not retained when hidden,
 * so every time its tab comes back the page reloads: the saved layout makes that instant
 * instead of a cold ELK run (the model signature must still match, or it is ignored).
 */
export interface SavedState {
  readonly templateUri?: string;
  readonly view?: ViewState;
  readonly selected?: string;
  readonly search?: string;
  readonly typeFilter?: string;
  readonly layout?: SavedLayout;
}

/** Largest layout kept in the saved state (boxes + routes). */
const MAX_SAVED_LAYOUT_ENTRIES = 20_000;

function readBox(value: unknown): Box | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height } = value as Record<string, unknown>;
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) ? { x: x as number, y: y as number, width: width as number, height: height as number } : undefined;
}

function readSavedLayout(value: unknown): SavedLayout | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const { signature, boxes, routes, width, height } = raw;
  if (typeof signature !== 'string' || !Array.isArray(boxes) || !Array.isArray(routes) || typeof width !== 'number' || typeof height !== 'number') return undefined;
  if (boxes.length + routes.length > MAX_SAVED_LAYOUT_ENTRIES) return undefined;
  const outBoxes: [string, Box][] = [];
  for (const entry of boxes as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return undefined;
    const box = readBox(entry[1]);
    if (!box) return undefined;
    outBoxes.push([entry[0], box]);
  }
  const outRoutes: [string, Point[]][] = [];
  for (const entry of routes as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return undefined;
    const points: Point[] = [];
    for (const point of entry[1] as unknown[]) {
      const { x, y } = (point ?? {}) as Record<string, unknown>;
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
      points.push({ x, y });
    }
    outRoutes.push([entry[0], points]);
  }
  return { signature, boxes: outBoxes, routes: outRoutes, width, height };
}

/** The view's link to the host. */
export interface ViewHost {
  post(message: DiagramUiMessage): void;
  save(state: SavedState): void;
}

/** Reads a saved state defensively (it round-trips through VS Code, but is still just data). */
export function readSavedState(value: unknown): SavedState {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length < 4096 ? v : undefined);
  const view = raw['view'] as Record<string, unknown> | undefined;
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  return {
    templateUri: text(raw['templateUri']),
    selected: text(raw['selected']),
    search: text(raw['search']),
    typeFilter: text(raw['typeFilter']),
    view: view && isNumber(view['x']) && isNumber(view['y']) && isNumber(view['k']) ? { x: view['x'], y: view['y'], k: view['k'] } : undefined,
    layout: readSavedLayout(raw['layout']),
  };
}

function createMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const fonts = { label: `600 13px ${family}`, subtitle: `11px ${family}`, group: `600 12px ${family}` };
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${font}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context) {
        context.font = fonts[font];
        width = context.measureText(text).width;
      } else {
        width = text.length * (font === 'subtitle' ? 6.2 : 7.4);
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(key, width);
    }
    return width;
  };
}

/** A file name for exports: the template's base name, made safe, plus `.diagram.<ext>`. */
function exportFileName(templateName: string, format: 'svg' | 'png'): string {
  const base = templateName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_\- ]+/g, '-').replace(/^[-. ]+|[-. ]+$/g, '').slice(0, 120);
  return `${base || 'architecture'}.diagram.${format}`;
}

/** The panel's view. */
export class DiagramView {
  private readonly layouts: LayoutClient;
  private readonly svg: SVGSVGElement;
  private readonly layer: SVGGElement;
  private readonly viewport: Viewport;
  private readonly toolbar: Toolbar;
  private readonly status: HTMLElement;
  private readonly placeholder: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly tooltip: Tooltip;
  private readonly measure: MeasureText;

  private graph: ArchitectureGraph | undefined;
  private hash = '';
  private options: DiagramOptions = DEFAULT_DIAGRAM_OPTIONS;
  private template = { uri: '', name: '' };
  private drawn: (Drawn & { rendered: Rendered; source: DrawnSource }) | undefined;
  private items = new Map<string, DiagramItem>();
  private token = 0;
  private renders = 0;
  private saved: SavedState;
  private selected: string | undefined;
  private query = '';
  private typeFilter = '';
  /** Focus mode: fade what is more than FOCUS_HOPS edges from the selection. */
  private focused = false;
  private matches: string[] = [];
  private matchIndex = -1;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private savedLayout: SavedLayout | undefined;
  private readonly statuses: Record<'host' | 'view', { level: 'info' | 'error'; text: string }> = { host: { level: 'info', text: '' }, view: { level: 'info', text: '' } };

  constructor(
    root: HTMLElement,
    private readonly host: ViewHost,
    saved: SavedState,
  ) {
    this.saved = saved;
    this.selected = saved.selected;
    this.query = saved.search ?? '';
    this.typeFilter = saved.typeFilter ?? '';
    this.layouts = new LayoutClient((message) => this.host.post(message));
    if (saved.layout) {
      const { signature, boxes, routes, width, height } = saved.layout;
      this.layouts.remember(signature, { boxes: new Map(boxes), routes: new Map(routes), width, height });
    }

    root.classList.add('app');
    const toolbarElement = html('header', { className: 'toolbar', attributes: { role: 'toolbar', 'aria-label': 'Diagram' } }, root);
    this.status = html('div', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } }, root);
    const stage = html('main', { className: 'stage' }, root);
    this.svg = svg('svg', { class: 'canvas', role: 'group', 'aria-label': 'Architecture diagram', tabindex: 0 }, stage);
    addMarkers(svg('defs', {}, this.svg));
    this.layer = svg('g', { class: 'viewport' }, this.svg);
    this.placeholder = html('div', { className: 'placeholder', text: 'Waiting for a CloudFormation or SAM template…' }, stage);
    this.legend = html('aside', { className: 'legend', attributes: { 'aria-label': 'Legend' } }, stage);
    this.tooltip = new Tooltip(stage);
    this.measure = createMeasure();
    this.viewport = new Viewport(this.svg, this.layer, () => this.scheduleSave());
    this.toolbar = createToolbar(toolbarElement, {
      search: (query) => this.setSearch(query),
      nextMatch: (backwards) => this.nextMatch(backwards),
      filterType: (type) => {
        this.typeFilter = type;
        this.applyHighlights();
        this.scheduleSave();
      },
      showAuxiliary: (show) => this.changeOptions({ ...this.options, showAuxiliary: show }),
      // The host rebuilds the graph with (or without) the boundaries and sends it back.
      showSecurityGroups: (show) => this.changeOptions({ ...this.options, showSecurityGroups: show }),
      focus: (on) => {
        this.focused = on;
        this.applyHighlights();
      },
      expandAll: () => {
        const all = this.graph?.groups.filter((group) => group.collapsed).map((group) => group.id) ?? [];
        this.changeOptions({ ...this.options, collapsedGroups: [], expandedGroups: all });
      },
      zoomIn: () => this.viewport.zoomBy(1.25),
      zoomOut: () => this.viewport.zoomBy(0.8),
      fit: () => this.viewport.fit(),
      actualSize: () => this.viewport.reset(),
      relayout: () => void this.refresh(true),
      toggleDirection: () => this.changeOptions({ ...this.options, direction: this.options.direction === 'RIGHT' ? 'DOWN' : 'RIGHT' }),
      exportSvg: () => this.export('svg'),
      exportPng: () => this.export('png'),
      copyMermaid: () => this.host.post({ type: 'diagram/mermaid/copy' }),
    });
    this.toolbar.search.setValue(this.query);
    this.wireCanvas();
  }

  /** Host: a new graph. */
  update(message: DiagramGraphUpdateMessage): void {
    const sameTemplate = message.template.uri === this.template.uri;
    const unchanged = sameTemplate && message.hash === this.hash && JSON.stringify(message.options) === JSON.stringify(this.options) && this.drawn !== undefined;
    const templateChanged = !sameTemplate && this.template.uri !== '';
    this.graph = message.graph;
    this.hash = message.hash;
    this.options = message.options;
    this.template = message.template;
    if (templateChanged) {
      // Another template: the old view and selection mean nothing there.
      this.drawn = undefined;
      this.saved = {};
      this.selected = undefined;
    }
    if (unchanged) return;
    void this.refresh(false);
  }

  /** Host: the answer to a layout request. */
  layoutAnswered(message: DiagramLayoutResultMessage | DiagramLayoutFailedMessage): void {
    this.layouts.answer(message);
  }

  /** Host: its status line (empty text clears it). */
  showStatus(level: 'info' | 'error', text: string): void {
    this.setStatus('host', level, text);
  }

  /**
   * Two independent lines, so the host clearing its note (e.g. "does not parse") does not
   * clear the view's own (e.g. "ELK could not lay out"), and the other way round.
   */
  private setStatus(source: 'host' | 'view', level: 'info' | 'error', text: string): void {
    this.statuses[source] = { level, text: displayText(text) };
    const shown = [this.statuses.host, this.statuses.view].filter((status) => status.text.length > 0);
    this.status.textContent = shown.map((status) => status.text).join(' ');
    this.status.className = `status ${shown.some((status) => status.level === 'error') ? 'error' : 'info'}`;
    this.status.hidden = shown.length === 0;
  }

  /** Host: the colour theme kind changed (CSS variables already follow it). */
  setTheme(kind: DiagramThemeKind): void {
    applyThemeKind(kind);
  }

  private changeOptions(options: DiagramOptions): void {
    this.options = options;
    this.host.post({ type: 'diagram/options/changed', options });
    void this.refresh(false);
  }

  private async refresh(forceFull: boolean): Promise<void> {
    const graph = this.graph;
    if (!graph) return;
    const token = ++this.token;
    const started = performance.now();
    const model = buildModel(graph, this.options, this.measure);
    let layout: Layout | undefined;
    let source: LayoutSource = 'cache';
    let elkMs = 0;
    if (model.items.length === 0) layout = { boxes: new Map(), routes: new Map(), width: 0, height: 0 };
    if (!forceFull && !layout) layout = this.layouts.cached(model);
    if (!layout && !forceFull && this.drawn && this.drawn.source !== 'sketch') {
      layout = incrementalLayout(this.drawn, model, this.options.direction);
      source = 'incremental';
      if (layout) this.layouts.remember(model, layout);
    }
    if (!layout) {
      // First layout of a big diagram on this page: paint a provisional layout now, ELK's replaces it.
      if (!this.layouts.warm && this.drawn === undefined && model.items.length > LARGE_DIAGRAM) {
        this.draw(model, sketchLayout(model, this.options.direction), 'sketch', 0, started);
      }
      const slow = setTimeout(() => {
        if (token === this.token) this.setStatus('view', 'info', `Laying out ${model.items.length} resources…`);
      }, 150);
      try {
        const outcome = await this.layouts.layout(model, this.options.direction);
        layout = outcome.layout;
        source = outcome.source;
        elkMs = outcome.elkMs;
      } catch (error) {
        if (error instanceof SupersededError || token !== this.token) return;
        // Still show something: the provisional layout, with the reason.
        this.draw(model, sketchLayout(model, this.options.direction), 'sketch', 0, started);
        this.setStatus('view', 'error', `ELK could not lay the diagram out, so this is a simple layout (${error instanceof Error ? error.message : String(error)}).`);
        return;
      } finally {
        clearTimeout(slow);
      }
      if (token !== this.token) return;
      this.setStatus('view', 'info', '');
    }
    this.draw(model, layout, source, elkMs, started);
  }

  private draw(model: DiagramModel, layout: Layout, source: DrawnSource, elkMs: number, started: number): void {
    const renderStart = performance.now();
    const first = this.drawn === undefined || this.drawn.source === 'sketch';
    const rendered = renderDiagram(this.layer, model, layout);
    this.drawn = { model, layout, rendered, direction: this.options.direction, source };
    this.savedLayout =
      source !== 'sketch' && layout.boxes.size + layout.routes.size <= MAX_SAVED_LAYOUT_ENTRIES
        ? { signature: model.signature, boxes: [...layout.boxes], routes: [...layout.routes], width: layout.width, height: layout.height }
        : undefined;
    this.items = new Map(model.items.map((item) => [item.id, item]));
    this.viewport.setContentSize(layout.width, layout.height);
    if (first) {
      if (this.saved.view && this.saved.templateUri === this.template.uri) this.viewport.set(this.saved.view);
      else this.viewport.fitReadable();
    }
    this.placeholder.hidden = model.items.length > 0;
    if (model.items.length === 0) this.placeholder.textContent = model.totalResources > 0 ? 'Every resource is auxiliary: turn on "Show auxiliary" to see them.' : 'No resources to draw.';
    if (this.selected !== undefined && !rendered.nodes.has(this.selected)) this.selected = undefined;
    this.markSelected();
    renderLegend(this.legend, model);
    this.updateTypeFilter(model);
    this.toolbar.setAuxiliaryCount(model.hiddenAuxiliary, this.options.showAuxiliary);
    this.toolbar.securityGroups.setChecked(this.options.showSecurityGroups === true);
    this.toolbar.setDirection(this.options.direction);
    this.applyHighlights();
    this.renders++;
    // Numbers for the browser test and for anyone inspecting the webview.
    const data = this.svg.dataset;
    data['renders'] = String(this.renders);
    data['items'] = String(model.items.length);
    data['layoutSource'] = source;
    data['elkMs'] = elkMs.toFixed(0);
    data['renderMs'] = (performance.now() - renderStart).toFixed(0);
    data['totalMs'] = (performance.now() - started).toFixed(0);
    this.scheduleSave();
  }

  private updateTypeFilter(model: DiagramModel): void {
    const counts = new Map<string, number>();
    for (const item of model.items) if (item.node) counts.set(item.node.type, (counts.get(item.node.type) ?? 0) + 1);
    const types = [...counts.keys()].sort((a, b) => shortType(a).localeCompare(shortType(b)));
    if (this.typeFilter && !counts.has(this.typeFilter)) this.typeFilter = '';
    this.toolbar.typeFilter.setOptions([{ value: '', label: 'All types' }, ...types.map((type) => ({ value: type, label: displayText(`${shortType(type)} (${counts.get(type)})`) }))], this.typeFilter);
  }

  private setSearch(query: string): void {
    this.query = query;
    this.matchIndex = -1;
    this.applyHighlights();
    this.scheduleSave();
  }

  private matchesItem(item: DiagramItem): boolean {
    if (this.typeFilter && item.node?.type !== this.typeFilter) return false;
    const query = this.query.trim().toLowerCase();
    if (!query) return true;
    const fields = item.node ? [item.node.label, item.node.id, item.node.type] : [item.group?.label ?? '', item.id];
    return fields.some((field) => field.toLowerCase().includes(query));
  }

  /** Search and type filter dim what does not match (the layout stays put). */
  private applyHighlights(): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const active = this.query.trim() !== '' || this.typeFilter !== '';
    // Focus mode: only the selection's neighbourhood stays bright.
    const near = this.focused && this.selected !== undefined ? neighbourhood(drawn.model.edges, this.selected) : undefined;
    this.matches = [];
    const dimmed = new Set<string>();
    for (const item of drawn.model.items) {
      const element = drawn.rendered.nodes.get(item.id);
      const match = active && this.matchesItem(item);
      if ((active && !match) || (near && !near.has(item.id))) {
        dimmed.add(item.id);
        element?.classList.add('dimmed');
        element?.classList.toggle('match', match);
        continue;
      }
      if (match) this.matches.push(item.id);
      element?.classList.remove('dimmed');
      element?.classList.toggle('match', match);
    }
    for (const { edge, element } of drawn.rendered.edges) element.classList.toggle('dimmed', dimmed.has(edge.from) || dimmed.has(edge.to));
    this.toolbar.matches.textContent = active ? `${this.matches.length} match${this.matches.length === 1 ? '' : 'es'}` : '';
  }

  private nextMatch(backwards: boolean): void {
    if (this.matches.length === 0 || !this.drawn) return;
    this.matchIndex = (this.matchIndex + (backwards ? -1 : 1) + this.matches.length) % this.matches.length;
    const id = this.matches[this.matchIndex]!;
    this.toolbar.matches.textContent = `${this.matchIndex + 1} of ${this.matches.length}`;
    this.select(id);
    const box = this.drawn.layout.boxes.get(id);
    if (box) this.viewport.centreOn(box.x + box.width / 2, box.y + box.height / 2);
  }

  private select(id: string | undefined): void {
    this.selected = id;
    this.markSelected();
    if (this.focused) this.applyHighlights();
    this.scheduleSave();
  }

  private markSelected(): void {
    if (!this.drawn) return;
    for (const [id, element] of this.drawn.rendered.nodes) {
      const selected = id === this.selected;
      element.classList.toggle('selected', selected);
      element.setAttribute('aria-pressed', String(selected));
    }
  }

  private activate(target: Element): void {
    const toggle = target.closest('[data-group-toggle]');
    if (toggle) {
      const id = toggle.getAttribute('data-group-toggle');
      if (id !== null) this.changeOptions({ ...this.options, collapsedGroups: [...new Set([...this.options.collapsedGroups, id])], expandedGroups: (this.options.expandedGroups ?? []).filter((group) => group !== id) });
      return;
    }
    const key = target.closest('[data-key]')?.getAttribute('data-key');
    const item = key !== null && key !== undefined ? this.items.get(key) : undefined;
    if (!item) return;
    if (item.group) {
      const groupId = item.group.id;
      // Expanding a group collapsed by default is remembered as such (the level of detail stays the graph's).
      const expandedGroups = item.group.collapsed ? [...new Set([...(this.options.expandedGroups ?? []), groupId])] : (this.options.expandedGroups ?? []);
      this.changeOptions({ ...this.options, collapsedGroups: this.options.collapsedGroups.filter((group) => group !== groupId), expandedGroups });
      return;
    }
    if (!item.node) return;
    this.select(item.id);
    this.host.post({ type: 'diagram/node/reveal', id: item.node.id });
  }

  private wireCanvas(): void {
    let down: { x: number; y: number } | undefined;
    this.svg.addEventListener('pointerdown', (event) => {
      down = { x: event.clientX, y: event.clientY };
      this.tooltip.hide();
    });
    this.svg.addEventListener('click', (event) => {
      const moved = down ? Math.hypot(event.clientX - down.x, event.clientY - down.y) >= CLICK_SLOP : false;
      if (moved || this.viewport.wasDrag || !(event.target instanceof Element)) return;
      this.activate(event.target);
    });
    this.svg.addEventListener('keydown', (event) => {
      const target = event.target instanceof Element ? event.target : undefined;
      if ((event.key === 'Enter' || event.key === ' ') && target && target !== this.svg) {
        event.preventDefault();
        this.activate(target);
        return;
      }
      const pan = 60;
      const keys: Record<string, () => void> = {
        '+': () => this.viewport.zoomBy(1.25),
        '=': () => this.viewport.zoomBy(1.25),
        '-': () => this.viewport.zoomBy(0.8),
        '0': () => this.viewport.fit(),
        '1': () => this.viewport.reset(),
        ArrowLeft: () => this.viewport.panBy(pan, 0),
        ArrowRight: () => this.viewport.panBy(-pan, 0),
        ArrowUp: () => this.viewport.panBy(0, pan),
        ArrowDown: () => this.viewport.panBy(0, -pan),
      };
      const action = Object.prototype.hasOwnProperty.call(keys, event.key) ? keys[event.key] : undefined;
      if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        action();
      }
    });
    this.svg.addEventListener('pointermove', (event) => {
      if (event.buttons !== 0 || !(event.target instanceof Element)) return;
      const key = event.target.closest('[data-key]')?.getAttribute('data-key');
      const item = key !== null && key !== undefined ? this.items.get(key) : undefined;
      if (!item) {
        this.tooltip.hide();
        return;
      }
      const group = item.node?.group !== undefined ? this.graph?.groups.find((g) => g.id === item.node?.group) : undefined;
      this.tooltip.show(item, group ? group.label || group.id : undefined, event.clientX, event.clientY);
    });
    this.svg.addEventListener('pointerleave', () => this.tooltip.hide());
    focusOnKey('/', () => this.toolbar.search.element);
  }

  private export(format: 'svg' | 'png'): void {
    const drawn = this.drawn;
    if (!drawn) return;
    try {
      const data = format === 'svg' ? exportSvg(this.svg, this.layer, drawn.layout) : exportPng(this.svg, drawn.rendered, drawn.model, drawn.layout, DIAGRAM_MAX_MESSAGE_CHARS - 4096);
      if (data.length > DIAGRAM_MAX_MESSAGE_CHARS - 4096) {
        this.setStatus('view', 'error', `The ${format.toUpperCase()} is too large to export (${(data.length / 1048576).toFixed(1)} MB).`);
        return;
      }
      this.host.post({ type: 'diagram/export/save', format, data, fileName: exportFileName(this.template.name, format) });
    } catch (error) {
      this.setStatus('view', 'error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.host.save({ templateUri: this.template.uri, view: this.viewport.view, selected: this.selected, search: this.query, typeFilter: this.typeFilter, layout: this.savedLayout });
    }, 200);
  }
}
