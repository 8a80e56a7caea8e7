/**
 * The diagram's layout messages: the webview asks the extension host's warm layout worker
 * (one per window, `src/node/diagramLayoutService.ts`) to place what it draws, and gets the
 * boxes and routes back. Part of the diagram protocol (`diagramProtocol.ts` dispatches to
 * these validators); separate because a layout is numbers, checked differently from text.
 *
 * - UI -> host `diagram/layout/request`: a request id (increasing per page) and the job;
 * - host -> UI `diagram/layout/result`: the layout of that request, or
 *   `diagram/layout/failed` with a reason. A request that a newer one of the same page
 *   replaced before the worker reached it gets no answer: the UI drops older requests when a
 *   newer answer arrives.
 */
import type { Box, LayoutContainer, LayoutEdge, LayoutItem, LayoutJob, LayoutResult, Point } from './diagramLayout';
import { array, fail, object, offset, oneOf, string } from './protocolKit';

/** Most boxes a layout job may hold (the diagram draws at most 20,000 resources, plus their groups). */
export const LAYOUT_MAX_ITEMS = 40_000;
/** Most edges a layout job may hold. */
export const LAYOUT_MAX_EDGES = 100_000;
/** Most points of one edge route. */
const MAX_ROUTE_POINTS = 1_000;
/** Largest coordinate or size accepted (pixels). */
const MAX_COORDINATE = 10_000_000;
/** Longest key (a layout key is `n:` or `g:` plus a graph id of at most 4,096 characters). */
const MAX_KEY = 4_200;

/** UI -> host: lay this out. */
export interface DiagramLayoutRequestMessage {
  readonly type: 'diagram/layout/request';
  readonly requestId: number;
  readonly job: LayoutJob;
}

/** Host -> UI: the layout of a request. */
export interface DiagramLayoutResultMessage extends LayoutResult {
  readonly type: 'diagram/layout/result';
  readonly requestId: number;
}

/** Host -> UI: a request could not be laid out (the UI draws a simple layout and says why). */
export interface DiagramLayoutFailedMessage {
  readonly type: 'diagram/layout/failed';
  readonly requestId: number;
  readonly message: string;
}

function coordinate(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE) fail(path, 'expected a finite number');
  return value;
}

function size(value: unknown, path: string): number {
  if (coordinate(value, path) < 0) fail(path, 'expected a non-negative number');
  return value as number;
}

const DIRECTIONS = new Set(['RIGHT', 'DOWN'] as const);

/** Checks a `diagram/layout/request` (after the structural pass of `validateMessage`). */
export function validateLayoutRequest(value: unknown, type: 'diagram/layout/request'): DiagramLayoutRequestMessage {
  const message = object(value, type, ['type', 'requestId', 'job']);
  const job = object(message.job, `${type}.job`, ['items', 'containers', 'edges', 'direction']);
  const items = array(job.items, `${type}.job.items`, LAYOUT_MAX_ITEMS).map((raw, i): LayoutItem => {
    const path = `${type}.job.items[${i}]`;
    const item = object(raw, path, ['id', 'width', 'height'], ['parent']);
    return {
      id: string(item.id, `${path}.id`, MAX_KEY),
      width: size(item.width, `${path}.width`),
      height: size(item.height, `${path}.height`),
      ...(item.parent !== undefined ? { parent: string(item.parent, `${path}.parent`, MAX_KEY) } : {}),
    };
  });
  const containers = array(job.containers, `${type}.job.containers`, LAYOUT_MAX_ITEMS).map((raw, i): LayoutContainer => {
    const path = `${type}.job.containers[${i}]`;
    const container = object(raw, path, ['id', 'minWidth'], ['parent']);
    return {
      id: string(container.id, `${path}.id`, MAX_KEY),
      minWidth: size(container.minWidth, `${path}.minWidth`),
      ...(container.parent !== undefined ? { parent: string(container.parent, `${path}.parent`, MAX_KEY) } : {}),
    };
  });
  const edges = array(job.edges, `${type}.job.edges`, LAYOUT_MAX_EDGES).map((raw, i): LayoutEdge => {
    const path = `${type}.job.edges[${i}]`;
    const edge = object(raw, path, ['id', 'from', 'to'], ['container']);
    return {
      id: string(edge.id, `${path}.id`, MAX_KEY),
      from: string(edge.from, `${path}.from`, MAX_KEY),
      to: string(edge.to, `${path}.to`, MAX_KEY),
      ...(edge.container !== undefined ? { container: string(edge.container, `${path}.container`, MAX_KEY) } : {}),
    };
  });
  return { type, requestId: offset(message.requestId, `${type}.requestId`), job: { items, containers, edges, direction: oneOf(job.direction, `${type}.job.direction`, DIRECTIONS) } };
}

function entry(raw: unknown, path: string): readonly [string, unknown] {
  const pair = array(raw, path, 2);
  if (pair.length !== 2) fail(path, 'expected a [key, value] pair');
  return [string(pair[0], `${path}[0]`, MAX_KEY), pair[1]];
}

function point(raw: unknown, path: string): Point {
  const value = object(raw, path, ['x', 'y']);
  return { x: coordinate(value.x, `${path}.x`), y: coordinate(value.y, `${path}.y`) };
}

/** Checks a `diagram/layout/result`. */
export function validateLayoutResult(value: unknown, type: 'diagram/layout/result'): DiagramLayoutResultMessage {
  const message = object(value, type, ['type', 'requestId', 'boxes', 'routes', 'width', 'height', 'elapsedMs']);
  const boxes = array(message.boxes, `${type}.boxes`, 2 * LAYOUT_MAX_ITEMS).map((raw, i): [string, Box] => {
    const [key, rawBox] = entry(raw, `${type}.boxes[${i}]`);
    const box = object(rawBox, `${type}.boxes[${i}][1]`, ['x', 'y', 'width', 'height']);
    const path = `${type}.boxes[${i}][1]`;
    return [key, { x: coordinate(box.x, `${path}.x`), y: coordinate(box.y, `${path}.y`), width: size(box.width, `${path}.width`), height: size(box.height, `${path}.height`) }];
  });
  const routes = array(message.routes, `${type}.routes`, LAYOUT_MAX_EDGES).map((raw, i): [string, Point[]] => {
    const [key, rawPoints] = entry(raw, `${type}.routes[${i}]`);
    return [key, array(rawPoints, `${type}.routes[${i}][1]`, MAX_ROUTE_POINTS).map((p, j) => point(p, `${type}.routes[${i}][1][${j}]`))];
  });
  return {
    type,
    requestId: offset(message.requestId, `${type}.requestId`),
    boxes,
    routes,
    width: size(message.width, `${type}.width`),
    height: size(message.height, `${type}.height`),
    elapsedMs: size(message.elapsedMs, `${type}.elapsedMs`),
  };
}

/** Checks a `diagram/layout/failed`. */
export function validateLayoutFailed(value: unknown, type: 'diagram/layout/failed'): DiagramLayoutFailedMessage {
  const message = object(value, type, ['type', 'requestId', 'message']);
  return { type, requestId: offset(message.requestId, `${type}.requestId`), message: string(message.message, `${type}.message`, 2_000) };
}
