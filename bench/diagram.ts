/**
 * Diagram timings for `npm run bench`: building the graph in the engine, then the same
 * ELK layered layout the webview runs in its worker (here in Node, one fresh ELK per run),
 * for generated templates of about 500 and 1,750 resources.
 */
import { performance } from 'node:perf_hooks';
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyzeDocument } from '../src/engine/analyzedDocument';
import { buildGraph } from '../src/engine/graph/buildGraph';
import { DEFAULT_DIAGRAM_OPTIONS } from '../src/shared/webview/diagramProtocol';
import { buildModel, layoutRequest } from '../webview-ui/diagram/model';
import { toElk } from '../webview-ui/diagram/elkGraph';
import { generateTemplate } from './generateTemplate';

/** One row per template size: resources, shown boxes, graph build and ELK layout times. */
export interface DiagramTiming {
  readonly resources: number;
  readonly boxes: number;
  readonly graphMs: number;
  readonly layoutMs: number;
}

/** Services of the generator (12 resources each, plus the shared network). */
const SIZES = [40, 143];

export async function measureDiagram(): Promise<DiagramTiming[]> {
  const out: DiagramTiming[] = [];
  for (const services of SIZES) {
    const text = generateTemplate({ services });
    const analyzed = analyzeDocument('bench.yaml', text);
    const graphStart = performance.now();
    const graph = buildGraph(analyzed);
    const graphMs = performance.now() - graphStart;
    // Text width estimate in place of the browser's canvas measurement.
    const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, (label) => label.length * 7);
    const request = layoutRequest(model, DEFAULT_DIAGRAM_OPTIONS.direction, 1);
    const elk = new ELK();
    const layoutStart = performance.now();
    await elk.layout(toElk(request));
    out.push({ resources: graph.nodes.length, boxes: model.items.length, graphMs, layoutMs: performance.now() - layoutStart });
  }
  return out;
}
