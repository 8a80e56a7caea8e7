/**
 * The only way this bundle creates DOM: elements by tag name, attributes set one by one,
 * text through `textContent`. Template text (labels, ids, details) never reaches a parser,
 * and the page's CSP enforces Trusted Types, so an `innerHTML` string would throw anyway.
 */

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
