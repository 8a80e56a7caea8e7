/**
 * The hover card of a resource: label, type, logical id, group and the graph's `details`
 * (a few key properties), all as text. Positioned with CSSOM properties (`style.left`),
 * which the CSP allows, unlike `style` attributes.
 */
import { displayText, html } from '../shared/dom';
import type { DiagramItem } from './model';
import { statusText } from './render';

const MAX_DETAILS = 12;
const MAX_VALUE = 300;

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** One tooltip element, reused. */
export class Tooltip {
  private readonly element: HTMLDivElement;
  private current: string | undefined;

  constructor(container: HTMLElement) {
    this.element = html('div', { className: 'tooltip', attributes: { role: 'tooltip', id: 'diagram-tooltip' } }, container);
    this.element.hidden = true;
  }

  /** Shows the card for an item near a client point. */
  show(item: DiagramItem, groupLabel: string | undefined, clientX: number, clientY: number): void {
    if (this.current !== item.id) {
      this.current = item.id;
      const card = this.element;
      card.replaceChildren();
      html('div', { className: 'tooltip-title', text: displayText(item.node?.label || item.group?.label || item.id) }, card);
      const list = html('dl', {}, card);
      const row = (name: string, value: string): void => {
        html('dt', { text: name }, list);
        html('dd', { text: displayText(clip(value)) }, list);
      };
      if (item.node) {
        row('Type', item.node.type);
        row('Logical id', item.node.id);
        if (groupLabel) row('In', groupLabel);
        if (item.node.auxiliary) row('Auxiliary', 'yes (hidden by default)');
        if (item.node.status) row('Status', statusText(item.node.status));
        const details = Object.entries(item.node.details);
        for (const [name, value] of details.slice(0, MAX_DETAILS)) row(name, value);
        if (details.length > MAX_DETAILS) row('…', `${details.length - MAX_DETAILS} more`);
      } else if (item.group) {
        row('Group', item.group.kind);
        row('Contains', item.subtitle);
        row('Click', 'expand');
      }
    }
    this.element.hidden = false;
    const parent = this.element.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0, width: innerWidth, height: innerHeight };
    const { width, height } = this.element.getBoundingClientRect();
    let x = clientX - parent.left + 14;
    let y = clientY - parent.top + 14;
    if (x + width > parent.width) x = Math.max(0, clientX - parent.left - width - 14);
    if (y + height > parent.height) y = Math.max(0, clientY - parent.top - height - 14);
    this.element.style.left = `${Math.round(x)}px`;
    this.element.style.top = `${Math.round(y)}px`;
  }

  hide(): void {
    this.element.hidden = true;
    this.current = undefined;
  }
}
