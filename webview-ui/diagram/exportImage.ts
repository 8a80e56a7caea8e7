/**
 * Export: the diagram as a standalone SVG file, or as a PNG drawn on a canvas.
 *
 * The live SVG is styled by the webview's stylesheet through VS Code's CSS variables, which
 * do not exist outside VS Code. The SVG export therefore copies each element's computed
 * paint (fill, stroke, dashes, fonts, opacity) into presentation attributes of a clone and
 * drops classes, ARIA and data attributes: the file looks like the view, in the current
 * theme, with no stylesheet and no script. Text stays text (XMLSerializer escapes it).
 *
 * The PNG is drawn with the canvas 2D API from the same computed paint, rather than by
 * loading the SVG into an `<img>`: that would need `img-src blob:` or `data:` in the CSP.
 */

import type { Layout, Point } from '../../src/shared/webview/diagramLayout';
import type { DiagramModel } from './model';
import { BOX_GEOMETRY, edgePoints, itemGlyph } from './render';
import type { Rendered } from './render';

const PAINT_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style'] as const;

/** Largest PNG, in pixels (browsers cap canvas area; a 2x export of a big diagram is still legible at this size). */
const MAX_PNG_PIXELS = 24_000_000;
const MAX_PNG_SIDE = 16_000;
const MARGIN = 16;

function background(svg: SVGSVGElement): string {
  for (let element: Element | null = svg; element; element = element.parentElement) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/** Serialises the drawn diagram (whole extent, current theme) as a standalone SVG document. */
export function exportSvg(svg: SVGSVGElement, layer: SVGGElement, layout: Layout): string {
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element): CSSStyleDeclaration => {
    let style = computed.get(element);
    if (!style) computed.set(element, (style = getComputedStyle(element)));
    return style;
  };
  for (let i = 0; i < live.length; i++) {
    const source = live[i]!;
    const copy = copies[i]!;
    if (source !== svg && !(source instanceof SVGTitleElement)) {
      const style = styleOf(source);
      const parentNode = source.parentNode;
      const parent = parentNode instanceof Element && parentNode !== svg ? styleOf(parentNode) : undefined;
      for (const property of PAINT_PROPERTIES) {
        const value = style.getPropertyValue(property);
        // Paint properties inherit in SVG: write only what differs from the parent (opacity does not inherit).
        const inherited = property === 'opacity' ? '1' : parent?.getPropertyValue(property);
        if (value && value !== inherited) copy.setAttribute(property, value);
      }
    }
    for (const name of copy.getAttributeNames()) {
      if (name === 'class' || name === 'tabindex' || name === 'role' || name.startsWith('aria-') || name.startsWith('data-')) copy.removeAttribute(name);
    }
  }
  // The view's pan and zoom do not belong in the file.
  const layerIndex = live.indexOf(layer);
  copies[layerIndex]?.setAttribute('transform', `translate(${MARGIN} ${MARGIN})`);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', String(width));
  backdrop.setAttribute('height', String(height));
  backdrop.setAttribute('fill', background(svg));
  clone.insertBefore(backdrop, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

interface Paint {
  fill: string;
  stroke: string;
  lineWidth: number;
  dash: number[];
  /** `fill-opacity`: a group's fill is faint (or none, for the AWS Cloud, Region and AZ frames). */
  fillOpacity: number;
  opacity: number;
  font: string;
}

function paintOf(element: Element | null | undefined): Paint {
  if (!element) return { fill: 'none', stroke: 'none', lineWidth: 1, dash: [], fillOpacity: 1, opacity: 1, font: '12px sans-serif' };
  const style = getComputedStyle(element);
  const dash = style.strokeDasharray === 'none' ? [] : style.strokeDasharray.split(/[ ,]+/).map((part) => parseFloat(part)).filter((n) => Number.isFinite(n));
  return {
    fill: style.fill,
    stroke: style.stroke,
    lineWidth: parseFloat(style.strokeWidth) || 1,
    dash,
    fillOpacity: style.fillOpacity === '' ? 1 : Math.min(1, Math.max(0, parseFloat(style.fillOpacity) || 0)),
    opacity: parseFloat(style.opacity) || (style.opacity === '0' ? 0 : 1),
    font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
  };
}

function usable(colour: string): boolean {
  return colour !== 'none' && colour !== '' && !colour.startsWith('url(');
}

function strokePath(ctx: CanvasRenderingContext2D, paint: Paint, draw: () => void): void {
  if (!usable(paint.stroke)) return;
  ctx.save();
  ctx.strokeStyle = paint.stroke;
  ctx.lineWidth = paint.lineWidth;
  ctx.setLineDash(paint.dash);
  ctx.beginPath();
  draw();
  ctx.stroke();
  ctx.restore();
}

/** A rounded box filled and stroked with the paint of the element it was drawn from. */
function paintRoundRect(ctx: CanvasRenderingContext2D, paint: Paint, x: number, y: number, width: number, height: number, radius: number): void {
  if (usable(paint.fill) && paint.fillOpacity > 0) {
    ctx.save();
    ctx.globalAlpha *= paint.fillOpacity;
    ctx.fillStyle = paint.fill;
    ctx.beginPath();
    ctx.roundRect(x, y, width, height, radius);
    ctx.fill();
    ctx.restore();
  }
  strokePath(ctx, paint, () => ctx.roundRect(x, y, width, height, radius));
}

function drawText(ctx: CanvasRenderingContext2D, element: Element | null | undefined, x: number, y: number): void {
  if (!element?.textContent) return;
  const paint = paintOf(element);
  if (!usable(paint.fill)) return;
  ctx.font = paint.font;
  ctx.fillStyle = paint.fill;
  ctx.fillText(element.textContent, x, y);
}

function arrowHead(ctx: CanvasRenderingContext2D, points: readonly Point[], colour: string): void {
  const end = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const angle = Math.atan2(end.y - before.y, end.x - before.x);
  ctx.save();
  ctx.translate(end.x, end.y);
  ctx.rotate(angle);
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(-8, -4);
  ctx.lineTo(-8, 4);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** Draws the diagram on a canvas and returns the PNG as base64 (no `data:` prefix). */
export function exportPng(svg: SVGSVGElement, rendered: Rendered, model: DiagramModel, layout: Layout, maxChars: number): string {
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  let scale = Math.min(2, Math.sqrt(MAX_PNG_PIXELS / (width * height)), MAX_PNG_SIDE / width, MAX_PNG_SIDE / height);
  for (;;) {
    const data = drawPng(svg, rendered, model, layout, width, height, scale);
    // A diagram dense enough to exceed the message cap is exported smaller rather than not at all.
    if (data.length <= maxChars || scale < 0.1) return data;
    scale /= 1.5;
  }
}

function drawPng(svg: SVGSVGElement, rendered: Rendered, model: DiagramModel, layout: Layout, width: number, height: number, scale: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this webview cannot draw on a canvas');
  ctx.fillStyle = background(svg);
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.translate(MARGIN, MARGIN);

  for (const container of [...model.containers].sort((a, b) => a.depth - b.depth)) {
    const box = layout.boxes.get(container.id);
    const g = rendered.groups.get(container.id);
    if (!box || !g) continue;
    const rect = paintOf(g.querySelector('.group-box'));
    ctx.save();
    ctx.globalAlpha = paintOf(g).opacity;
    paintRoundRect(ctx, rect, box.x, box.y, box.width, box.height, BOX_GEOMETRY.groupRadius);
    drawText(ctx, g.querySelector('.group-label'), box.x + BOX_GEOMETRY.groupLabel.x, box.y + BOX_GEOMETRY.groupLabel.y);
    ctx.restore();
  }

  for (const { edge, element } of rendered.edges) {
    const points = edgePoints(edge, layout);
    if (!points || points.length < 2) continue;
    const paint = paintOf(element);
    ctx.save();
    ctx.globalAlpha = paint.opacity;
    strokePath(ctx, paint, () => {
      ctx.moveTo(points[0]!.x, points[0]!.y);
      for (const point of points.slice(1)) ctx.lineTo(point.x, point.y);
    });
    if (usable(paint.stroke)) arrowHead(ctx, points, paint.stroke);
    ctx.restore();
  }

  for (const item of model.items) {
    const box = layout.boxes.get(item.id);
    const g = rendered.nodes.get(item.id);
    if (!box || !g) continue;
    const rect = paintOf(g.querySelector('.node-box'));
    ctx.save();
    ctx.globalAlpha = paintOf(g).opacity;
    ctx.translate(box.x, box.y);
    paintRoundRect(ctx, rect, 0, 0, box.width, box.height, BOX_GEOMETRY.nodeRadius);
    const glyph = paintOf(g.querySelector('.glyph path'));
    if (usable(glyph.stroke)) {
      ctx.save();
      ctx.translate(BOX_GEOMETRY.glyph.x, BOX_GEOMETRY.glyph.y);
      ctx.strokeStyle = glyph.stroke;
      ctx.lineWidth = glyph.lineWidth;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.stroke(new Path2D(itemGlyph(item)));
      ctx.restore();
    }
    drawText(ctx, g.querySelector('.node-label'), BOX_GEOMETRY.nodeLabel.x, BOX_GEOMETRY.nodeLabel.y);
    drawText(ctx, g.querySelector('.node-type'), BOX_GEOMETRY.nodeType.x, BOX_GEOMETRY.nodeType.y);
    ctx.restore();
  }
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
