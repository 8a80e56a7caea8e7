/**
 * Pan and zoom of the diagram: drag the background to pan, wheel to zoom around the pointer
 * (Shift+wheel or a horizontal trackpad swipe pans), buttons and keys for zoom in/out, fit
 * and 100 %. The transform is one `transform` attribute on a `<g>`: no inline styles.
 */

/** Translation and scale. */
export interface ViewState {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const MIN_SCALE = 0.05;
/** Below this scale text is unreadable (< 5 px): it is hidden, which also makes painting 500+ boxes much cheaper. */
const TEXT_SCALE = 0.4;
const MAX_SCALE = 4;
/** Pointer travel (px) under which a press is a click, not a drag. */
export const CLICK_SLOP = 4;

/** The smallest default zoom: 13 px labels drawn at ~11 px, still legible side by side with the editor. */
export const READABLE_SCALE = 0.85;

function clampScale(k: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
}

/** Owns the view transform of one SVG. */
export class Viewport {
  private state: ViewState = { x: 0, y: 0, k: 1 };
  private content = { width: 1, height: 1 };
  private drag: { pointerId: number; startX: number; startY: number; from: ViewState; moved: boolean } | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly layer: SVGGElement,
    private readonly onChange: (state: ViewState) => void,
  ) {
    svg.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    svg.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    svg.addEventListener('pointermove', (event) => this.onPointerMove(event));
    svg.addEventListener('pointerup', (event) => this.onPointerUp(event));
    svg.addEventListener('pointercancel', (event) => this.onPointerUp(event));
  }

  /** The current transform. */
  get view(): ViewState {
    return this.state;
  }

  /** True right after a drag: the click that ends a drag must not select anything. */
  wasDrag = false;

  /** Size of the drawn diagram, for fit. */
  setContentSize(width: number, height: number): void {
    this.content = { width: Math.max(1, width), height: Math.max(1, height) };
  }

  set(state: ViewState): void {
    const k = clampScale(Number.isFinite(state.k) ? state.k : 1);
    this.state = { x: Number.isFinite(state.x) ? state.x : 0, y: Number.isFinite(state.y) ? state.y : 0, k };
    this.layer.setAttribute('transform', `translate(${this.state.x.toFixed(2)} ${this.state.y.toFixed(2)}) scale(${this.state.k.toFixed(4)})`);
    this.svg.classList.toggle('zoomed-out', k < TEXT_SCALE);
    this.onChange(this.state);
  }

  private size(): { width: number; height: number } {
    const rect = this.svg.getBoundingClientRect();
    return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
  }

  /** Scales the whole diagram into view (never above 100 %). */
  fit(): void {
    const { width, height } = this.size();
    const margin = 24;
    const k = clampScale(Math.min(1, (width - 2 * margin) / this.content.width, (height - 2 * margin) / this.content.height));
    this.set({ x: (width - this.content.width * k) / 2, y: (height - this.content.height * k) / 2, k });
  }

  /**
   * The default view of a newly drawn diagram: fitted, but never below a zoom at which the
   * 13 px labels stay legible (`READABLE_SCALE`, ~11 px). A diagram too big for that is shown
   * from its top-left corner, to pan from, instead of shrunk into unreadable boxes.
   */
  fitReadable(): void {
    const { width, height } = this.size();
    const margin = 24;
    const fitted = Math.min(1, (width - 2 * margin) / this.content.width, (height - 2 * margin) / this.content.height);
    if (fitted >= READABLE_SCALE) {
      this.fit();
      return;
    }
    const k = clampScale(READABLE_SCALE);
    const x = this.content.width * k <= width - 2 * margin ? (width - this.content.width * k) / 2 : margin;
    const y = this.content.height * k <= height - 2 * margin ? (height - this.content.height * k) / 2 : margin;
    this.set({ x, y, k });
  }

  /** Zooms by `factor` around a point of the SVG (default: its centre). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const { width, height } = this.size();
    const point = at ?? { x: width / 2, y: height / 2 };
    const k = clampScale(this.state.k * factor);
    const ratio = k / this.state.k;
    this.set({ x: point.x - (point.x - this.state.x) * ratio, y: point.y - (point.y - this.state.y) * ratio, k });
  }

  /** 100 % around the centre. */
  reset(): void {
    this.zoomBy(1 / this.state.k);
  }

  /** Pans so that a diagram point is in the middle of the view (keeps the zoom). */
  centreOn(x: number, y: number): void {
    const { width, height } = this.size();
    this.set({ x: width / 2 - x * this.state.k, y: height / 2 - y * this.state.k, k: this.state.k });
  }

  /** Pans by screen pixels (keyboard arrows). */
  panBy(dx: number, dy: number): void {
    this.set({ x: this.state.x + dx, y: this.state.y + dy, k: this.state.k });
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    if (event.shiftKey || (Math.abs(event.deltaX) > Math.abs(event.deltaY) && !event.ctrlKey)) {
      this.panBy(-(event.deltaX || event.deltaY), 0);
      return;
    }
    // Line-mode deltas (Firefox) are ~3 per notch, pixel-mode ~100: normalise to pixels.
    const delta = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaY;
    this.zoomBy(Math.exp(-delta * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.wasDrag = false;
    this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: this.state, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    if (!drag.moved) {
      drag.moved = true;
      this.svg.setPointerCapture(event.pointerId);
      this.svg.classList.add('panning');
    }
    this.set({ x: drag.from.x + dx, y: drag.from.y + dy, k: drag.from.k });
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = undefined;
    this.wasDrag = drag.moved;
    if (drag.moved) {
      this.svg.classList.remove('panning');
      if (this.svg.hasPointerCapture(event.pointerId)) this.svg.releasePointerCapture(event.pointerId);
    }
  }
}
