/**
 * The shapes of a diagram layout job and of its result, shared by the webview (which builds
 * the job from what it draws, `webview-ui/diagram/model.ts`), the protocol that carries them
 * (`diagram/layout/request`, `diagram/layout/result`) and the extension host's warm layout
 * worker (`src/node/diagramLayoutWorker.ts`, ELK via `diagramElk.ts`). Plain data only.
 */

/** A box to place: a resource, or a collapsed group drawn as one box. */
export interface LayoutItem {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** The (expanded) group the item sits in. */
  readonly parent?: string;
}

/** An expanded group: a container whose size follows its members. */
export interface LayoutContainer {
  readonly id: string;
  readonly parent?: string;
  /** Room the title needs, so a narrow group still shows its name. */
  readonly minWidth: number;
}

/**
 * An edge between two items or containers that are children of the same container
 * (`container`, or the root): edges between nested members are lifted to their
 * top-most distinct ancestors first, so the layered algorithm can lay out each
 * container separately (much faster than ELK's cross-hierarchy mode on 500+ nodes).
 */
export interface LayoutEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly container?: string;
}

/** A layout job: what to place, as the layout worker takes it. */
export interface LayoutJob {
  readonly items: readonly LayoutItem[];
  readonly containers: readonly LayoutContainer[];
  readonly edges: readonly LayoutEdge[];
  readonly direction: 'RIGHT' | 'DOWN';
}

/** A placed rectangle (absolute coordinates). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A computed layout: boxes for items and containers, routes for the edges ELK routed. */
export interface Layout {
  readonly boxes: ReadonlyMap<string, Box>;
  /** Orthogonal routes by layout edge id (only for edges the algorithm routed). */
  readonly routes: ReadonlyMap<string, readonly Point[]>;
  readonly width: number;
  readonly height: number;
}

/** A computed layout as plain data (maps as arrays of entries), as it crosses `postMessage`. */
export interface LayoutResult {
  readonly boxes: readonly (readonly [string, Box])[];
  readonly routes: readonly (readonly [string, readonly Point[]])[];
  readonly width: number;
  readonly height: number;
  /** Milliseconds spent in ELK. */
  readonly elapsedMs: number;
}
