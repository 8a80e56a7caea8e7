/** The diagram's toolbar: search, type filter, auxiliary and security-group toggles, focus, zoom, re-layout, expand all, export, Mermaid. */
import { html } from '../shared/dom';
import { createButton, createCheckbox, createDropdown, createTextField } from '../shared/toolkit';
import type { Checkbox, Dropdown, TextField } from '../shared/toolkit';

/** What the toolbar's controls do. */
export interface ToolbarActions {
  readonly search: (query: string) => void;
  readonly nextMatch: (backwards: boolean) => void;
  readonly filterType: (type: string) => void;
  readonly showAuxiliary: (show: boolean) => void;
  readonly showSecurityGroups: (show: boolean) => void;
  readonly focus: (on: boolean) => void;
  readonly expandAll: () => void;
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
  readonly fit: () => void;
  readonly actualSize: () => void;
  readonly relayout: () => void;
  readonly toggleDirection: () => void;
  readonly exportSvg: () => void;
  readonly exportPng: () => void;
  readonly copyMermaid: () => void;
}

/** Handles to the controls whose state follows the diagram. */
export interface Toolbar {
  readonly search: TextField;
  readonly typeFilter: Dropdown;
  readonly auxiliary: Checkbox;
  readonly securityGroups: Checkbox;
  readonly focus: Checkbox;
  /** "3 of 12" next to the search field. */
  readonly matches: HTMLElement;
  setAuxiliaryCount(hidden: number, shown: boolean): void;
  setDirection(direction: 'RIGHT' | 'DOWN'): void;
}

/** Builds the toolbar into `container`. */
export function createToolbar(container: HTMLElement, actions: ToolbarActions): Toolbar {
  const find = html('div', { className: 'toolbar-group toolbar-find' }, container);
  const search = createTextField({ placeholder: 'Search name, id or type', label: 'Search resources', onInput: actions.search, onEnter: actions.nextMatch });
  search.element.classList.add('search');
  find.appendChild(search.element);
  const matches = html('span', { className: 'matches', attributes: { 'aria-live': 'polite' } }, find);
  const typeFilter = createDropdown({ label: 'Filter by resource type', onChange: actions.filterType });
  typeFilter.element.classList.add('type-filter');
  find.appendChild(typeFilter.element);
  const auxiliary = createCheckbox({ text: 'Show auxiliary', checked: false, onChange: actions.showAuxiliary });
  auxiliary.element.classList.add('auxiliary-toggle');
  find.appendChild(auxiliary.element);
  const securityGroups = createCheckbox({ text: 'Security groups', checked: false, onChange: actions.showSecurityGroups });
  securityGroups.element.classList.add('security-group-toggle');
  securityGroups.element.title = 'Draw security groups as dashed boundaries around the resources they protect';
  find.appendChild(securityGroups.element);
  const focus = createCheckbox({ text: 'Focus', checked: false, onChange: actions.focus });
  focus.element.classList.add('focus-toggle');
  focus.element.title = 'Fade everything more than 2 hops away from the selected resource';
  find.appendChild(focus.element);

  const zoom = html('div', { className: 'toolbar-group toolbar-zoom', attributes: { role: 'group', 'aria-label': 'Zoom' } }, container);
  zoom.append(
    createButton({ text: '−', title: 'Zoom out (-)', appearance: 'icon', onClick: actions.zoomOut }),
    createButton({ text: '+', title: 'Zoom in (+)', appearance: 'icon', onClick: actions.zoomIn }),
    createButton({ text: 'Fit', title: 'Fit to view (0)', appearance: 'icon', onClick: actions.fit }),
    createButton({ text: '1:1', title: 'Actual size (1)', appearance: 'icon', onClick: actions.actualSize }),
  );

  const act = html('div', { className: 'toolbar-group toolbar-actions' }, container);
  const direction = createButton({ text: 'Left to right', title: 'Change the layout direction', onClick: actions.toggleDirection });
  direction.classList.add('direction');
  act.append(
    direction,
    createButton({ text: 'Re-layout', title: 'Lay the whole diagram out again', onClick: actions.relayout }),
    createButton({ text: 'Expand all', title: 'Expand every collapsed group (repeated resources, services, constructs)', onClick: actions.expandAll }),
    createButton({ text: 'Export SVG', title: 'Save the diagram as an SVG file', onClick: actions.exportSvg }),
    createButton({ text: 'Export PNG', title: 'Save the diagram as a PNG image', onClick: actions.exportPng }),
    createButton({ text: 'Copy as Mermaid', title: 'Copy the diagram as Mermaid text', appearance: 'primary', onClick: actions.copyMermaid }),
  );

  return {
    search,
    typeFilter,
    auxiliary,
    securityGroups,
    focus,
    matches,
    setAuxiliaryCount(hidden, shown) {
      auxiliary.setChecked(shown);
      auxiliary.element.textContent = shown || hidden === 0 ? 'Show auxiliary' : `Show auxiliary (${hidden} hidden)`;
    },
    setDirection(value) {
      direction.textContent = value === 'RIGHT' ? 'Left to right' : 'Top down';
    },
  };
}
