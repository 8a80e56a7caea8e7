/**
 * The only way the webview bundles create DOM: elements by tag name, attributes set one by one,
 * text through `textContent`. Template text (labels, ids, details) never reaches a parser,
 * and the page's CSP enforces Trusted Types, so an `innerHTML` string would throw anyway.
 */

import type { WebviewThemeKind } from '../../src/shared/webview/protocolKit';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attributes = Readonly<Record<string, string | number | undefined>>;

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    // Event handlers, inline styles and links are never set from here (CSP blocks the first
    // two; the third could navigate). Names come from our code, but keep the rule enforced.
    if (/^on|^style$|href$/i.test(name)) throw new Error(`dom: refusing attribute ${name}`);
    if (value !== undefined) element.setAttribute(name, String(value));
  }
}

/** Creates an SVG element with attributes (and optional text), appended to `parent`. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, parent?: Node, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  parent?.appendChild(element);
  return element;
}

/** Creates an HTML element with a class, attributes and optional text, appended to `parent`. */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, options: { className?: string; text?: string; attributes?: Attributes } = {}, parent?: Node): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.attributes) setAttributes(element, options.attributes);
  if (options.text !== undefined) element.textContent = options.text;
  parent?.appendChild(element);
  return element;
}

// Bidirectional controls (LRE..RLO, LRI..PDI, LRM, RLM, ALM) and C0/C1 controls other than
// tab and line breaks. In a label they could reorder what the user reads ("Trojan Source"); in an exported
// SVG, C0 controls would make the XML ill-formed. They are shown as visible `[U+XXXX]`.
export { displayText } from './text';

/** Removes all children of an element. */
export function clear(element: Element): void {
  element.replaceChildren();
}

/**
 * Records VS Code's theme kind on `body` (`data-theme-kind`), for styles that need more than
 * the theme's CSS variables (high contrast: solid borders) and for canvas drawing.
 */
export function applyThemeKind(kind: WebviewThemeKind): void {
  document.body.dataset['themeKind'] = kind;
}

/** Whether keyboard input on this element is typing (a shortcut must not steal it). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, vscode-text-field, vscode-text-area, vscode-dropdown') !== null;
}

/** A one-key shortcut that moves focus to `target` (e.g. `/` to the search field), except while the user types. */
export function focusOnKey(key: string, target: () => HTMLElement): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    target().focus();
  });
}
