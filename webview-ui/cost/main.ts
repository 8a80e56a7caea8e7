/**
 * The cost estimate panel: total, what-if toggles, a chart by service, the comparison with a git
 * revision, and each resource with its components and editable usage figures. Everything it
 * shows comes priced from the host (`cost/state/show`); every edit goes back as a message, and
 * the host answers with a new state. Template names are text, never markup.
 */
import { COST_PANEL, validateCostHostMessage } from '../../src/shared/webview/costProtocol';
import type { CostHostMessage, CostResourceView, CostUiMessage, CostViewState } from '../../src/shared/webview/costProtocol';
import { WEBVIEW_ROOT_ID } from '../../src/shared/webview/webviewHtml';
import { applyThemeKind, clear, displayText, html, svg } from '../shared/dom';
import { connectToHost } from '../shared/hostConnection';
import { createButton, createCheckbox, createDropdown, createTextField } from '../shared/toolkit';
import { parseFigure, signedUsd, usd } from './format';

const host = connectToHost<CostUiMessage, { open: string[] }>();
const root = document.getElementById(WEBVIEW_ROOT_ID);
if (!root) throw new Error(`cost: the page has no #${WEBVIEW_ROOT_ID} root`);
const saved = host.savedState as { open?: unknown } | undefined;
/** Resources whose details are open (kept across reloads of the hidden panel). */
const open = new Set(Array.isArray(saved?.open) ? saved.open.filter((id): id is string => typeof id === 'string') : []);

const header = html('header', { className: 'summary' }, root);
const toolbar = html('div', { className: 'toolbar', attributes: { role: 'toolbar', 'aria-label': 'Estimate options' } }, root);
const preset = createDropdown({ label: 'Usage preset', onChange: (value) => host.post({ type: 'cost/preset/set', preset: value }) });
toolbar.append(
  html('span', { className: 'toolbar-label', text: 'Preset for unknown usage:' }),
  preset.element,
  createButton({ text: 'Compare with HEAD', title: 'Compare the estimate with the file at git HEAD', onClick: () => host.post({ type: 'cost/compare/run' }) }),
);
const status = html('p', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } }, root);
const whatIfSection = section('What-ifs (the template is not changed)');
const chartSection = section('Monthly cost by service');
const compareSection = section('Compared with git');
const resourceSection = section('Resources');
const assumptionSection = section('Assumptions');

function section(title: string): HTMLElement {
  const element = html('section', { attributes: { 'aria-label': title } }, root!);
  html('h2', { text: title }, element);
  return html('div', {}, element);
}

function render(state: CostViewState): void {
  clear(header);
  html('h1', { text: `Cost estimate: ${displayText(state.file)}` }, header);
  html('p', { className: 'total', text: `${usd(state.total)} per month`, attributes: { 'data-testid': 'cost-total' } }, header);
  const usage = state.usage === null ? 'usage unknown' : `${usd(state.usage)} usage`;
  html('p', { text: `${usd(state.fixed)} fixed + ${usage} · ${state.region} · USD list prices of ${state.priceDate}` }, header);
  if (state.leftOut > 0) {
    html('p', { className: 'warning', text: `${state.leftOut} ${state.leftOut === 1 ? 'component is' : 'components are'} left out of the total (unknown usage or no price): set the figures below, or choose a preset.` }, header);
  }
  if (state.usageFile) html('p', { className: 'muted', text: `Usage figures are written to ${displayText(state.usageFile)}` }, header);
  for (const problem of state.problems) html('p', { className: 'warning', text: displayText(problem) }, header);
  preset.setOptions(
    [
      { value: '', label: 'none (unknown stays out)' },
      { value: 'small', label: 'small' },
      { value: 'medium', label: 'medium' },
      { value: 'large', label: 'large' },
    ],
    state.preset,
  );
  renderWhatIfs(state);
  renderChart(state);
  renderCompare(state);
  renderResources(state);
  clear(assumptionSection);
  const list = html('ul', {}, assumptionSection);
  for (const assumption of state.assumptions) html('li', { text: displayText(assumption) }, list);
}

function renderWhatIfs(state: CostViewState): void {
  clear(whatIfSection);
  if (state.whatIfs.length === 0) {
    html('p', { className: 'muted', text: 'No what-if changes this estimate.' }, whatIfSection);
    return;
  }
  const list = html('ul', { className: 'what-ifs' }, whatIfSection);
  for (const whatIf of state.whatIfs) {
    const item = html('li', {}, list);
    const box = createCheckbox({ text: `${whatIf.label}: ${signedUsd(whatIf.delta)}/mo`, checked: whatIf.on, onChange: (on) => host.post({ type: 'cost/whatIf/toggle', id: whatIf.id, on }) });
    item.append(box.element);
    html('span', { className: 'muted caveat', text: whatIf.caveat }, item);
  }
}

const BAR_WIDTH = 320;

function renderChart(state: CostViewState): void {
  clear(chartSection);
  if (state.byService.length === 0) {
    html('p', { className: 'muted', text: 'Nothing priced yet.' }, chartSection);
    return;
  }
  const max = Math.max(...state.byService.map((entry) => entry.monthly));
  const rowHeight = 22;
  const label = state.byService.map((entry) => `${entry.service} ${usd(entry.monthly)}`).join(', ');
  const chart = svg('svg', { class: 'chart', width: BAR_WIDTH + 260, height: state.byService.length * rowHeight, role: 'img', 'aria-label': `Monthly cost by service: ${label}` }, chartSection);
  state.byService.forEach((entry, index) => {
    const y = index * rowHeight;
    svg('text', { x: 0, y: y + 15, class: 'chart-label' }, chart, displayText(entry.service));
    svg('rect', { x: 120, y: y + 3, width: Math.max(1, (entry.monthly / max) * BAR_WIDTH), height: rowHeight - 8, class: 'chart-bar' }, chart);
    svg('text', { x: 126 + (entry.monthly / max) * BAR_WIDTH, y: y + 15, class: 'chart-value' }, chart, usd(entry.monthly));
  });
}

function renderCompare(state: CostViewState): void {
  clear(compareSection);
  const compare = state.compare;
  if (!compare) {
    html('p', { className: 'muted', text: 'Choose "Compare with HEAD" to see what changed since the last commit.' }, compareSection);
    return;
  }
  if (compare.problem) {
    html('p', { className: 'warning', text: displayText(compare.problem) }, compareSection);
    return;
  }
  html('p', { text: `Compared with ${displayText(compare.ref)}: ${usd(compare.before)} → ${usd(compare.after)} (${signedUsd(compare.delta)}/mo)`, attributes: { 'data-testid': 'cost-compare' } }, compareSection);
  if (compare.resources.length === 0) {
    html('p', { className: 'muted', text: 'No resource changed cost.' }, compareSection);
    return;
  }
  const table = html('table', {}, compareSection);
  const head = html('tr', {}, html('thead', {}, table));
  for (const title of ['Change', 'Resource', 'Type', 'Before', 'After', 'Difference']) html('th', { text: title, attributes: { scope: 'col' } }, head);
  const body = html('tbody', {}, table);
  for (const change of compare.resources) {
    const row = html('tr', { className: `change-${change.change}` }, body);
    for (const cell of [change.change, displayText(change.logicalId), displayText(change.type), usd(change.before), usd(change.after), signedUsd(change.delta)]) html('td', { text: cell }, row);
  }
}

function resourceSummary(resource: CostResourceView): string {
  switch (resource.status) {
    case 'free':
      return 'free';
    case 'unpriced':
      return 'not priced yet';
    default: {
      const more = resource.leftOut > 0 ? ` + ${resource.leftOut} unknown` : '';
      return resource.monthly === 0 && resource.leftOut > 0 ? 'usage-based, usage unknown' : `${usd(resource.monthly)}/mo${more}`;
    }
  }
}

function renderResources(state: CostViewState): void {
  clear(resourceSection);
  const priced = state.resources.filter((resource) => resource.status !== 'free');
  const free = state.resources.filter((resource) => resource.status === 'free');
  for (const resource of priced) {
    const details = html('details', { className: 'resource' }, resourceSection);
    const summary = html('summary', {}, details);
    html('span', { className: 'resource-id', text: displayText(resource.logicalId) }, summary);
    html('span', { className: 'muted', text: ` ${displayText(resource.type)} ` }, summary);
    html('span', { className: 'resource-cost', text: resourceSummary(resource) }, summary);
    // The body (components, usage fields: toolkit components) is built when first opened, so a
    // template with thousands of resources paints its list at once.
    let built = false;
    const build = (): void => {
      if (built) return;
      built = true;
      resourceBody(details, resource);
    };
    details.addEventListener('toggle', () => {
      if (details.open) {
        build();
        open.add(resource.logicalId);
      } else {
        open.delete(resource.logicalId);
      }
      host.saveState({ open: [...open] });
    });
    if (open.has(resource.logicalId)) {
      build();
      details.open = true;
    }
  }
  if (free.length > 0) html('p', { className: 'muted', text: `Free: ${free.map((resource) => displayText(resource.logicalId)).join(', ')}` }, resourceSection);
}

/** A resource's components, notes and usage fields. */
function resourceBody(details: HTMLElement, resource: CostResourceView): void {
  details.append(
    createButton({ text: 'Show in template', title: `Show ${resource.logicalId} in the template`, onClick: () => host.post({ type: 'cost/resource/reveal', logicalId: resource.logicalId }) }),
  );
  const list = html('ul', { className: 'components' }, details);
  for (const component of resource.components) {
    const figure =
      component.monthly === null
        ? component.note
        : `${component.quantity === null ? '' : `${component.quantity.toLocaleString('en-US')} ${component.unit} × $${component.unitPrice ?? 0} = `}${usd(component.monthly)}${component.note ? ` (${component.note})` : ''}`;
    const item = html('li', { text: `${component.name}: ${displayText(figure)}` }, list);
    if (component.source) item.title = `Price source: ${component.source}`;
  }
  for (const note of resource.notes) html('li', { className: 'muted', text: `Note: ${displayText(note)}` }, list);
  if (resource.usage.length > 0) usageEditor(details, resource);
}

/** One text field per usage figure; Enter writes it to the usage file (empty clears it). */
function usageEditor(parent: HTMLElement, resource: CostResourceView): void {
  const editor = html('div', { className: 'usage', attributes: { role: 'group', 'aria-label': `Usage of ${resource.logicalId}` } }, parent);
  for (const figure of resource.usage) {
    const field = createTextField({
      placeholder: 'unknown',
      label: `${figure.key} per month`,
      visibleLabel: true,
      onInput: () => undefined,
      onEnter: () => {
        const value = parseFigure(field.value());
        if (value === undefined) {
          status.textContent = `${figure.key} must be a number of 0 or more (or empty to clear it).`;
          return;
        }
        status.textContent = `Saving ${figure.key} of ${resource.logicalId}…`;
        host.post({ type: 'cost/usage/set', logicalId: resource.logicalId, key: figure.key, value });
      },
    });
    field.setValue(figure.value === null ? '' : String(figure.value));
    field.element.dataset['usageKey'] = `${resource.logicalId}.${figure.key}`;
    editor.append(field.element);
  }
}

host.listen<CostHostMessage>({
  panel: COST_PANEL,
  validate: validateCostHostMessage,
  handlers: {
    'cost/state/show': ({ state }) => {
      render(state);
      if (status.textContent?.startsWith('Saving')) status.textContent = 'Saved; the estimate is updated.';
    },
    'cost/theme/changed': ({ kind }) => applyThemeKind(kind),
  },
  onProblem: ({ reason }) => {
    status.textContent = `Ignored a message: ${reason}`;
  },
});
