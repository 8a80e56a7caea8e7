/**
 * Diagram timings for `npm run bench`: building the graph in the engine, then the same
 * ELK layered layout the webview runs in its worker (here in Node, one fresh ELK per sample),
 * for generated templates of about 500 and 1,750 resources; several samples each (median, spread).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyzeDocument } from '../src/engine/analyzedDocument';
import { buildGraph } from '../src/engine/graph/buildGraph';
import { DEFAULT_DIAGRAM_OPTIONS } from '../src/shared/webview/diagramProtocol';
import { buildModel, layoutJob } from '../webview-ui/diagram/model';
import { toElk } from '../src/shared/webview/diagramElk';
import { generateTemplate } from './generateTemplate';
import { sampleSeries, timeInProcess, type Series } from './pairs';

/** One row per template size: resources, shown boxes, graph build and ELK layout times. */
export interface DiagramTiming {
  readonly resources: number;
  readonly boxes: number;
  readonly graph: Series;
  readonly layout: Series;
}

/** Services of the generator (12 resources each, plus the shared network). */
const SIZES = [40, 143];

/** `runs` samples per size (the 1,750-resource layout takes seconds: `bigRuns` of those). */
export async function measureDiagram(runs = 5, bigRuns = 3): Promise<DiagramTiming[]> {
  const out: DiagramTiming[] = [];
  for (const services of SIZES) {
    const samples = services === SIZES[SIZES.length - 1] ? bigRuns : runs;
    const text = generateTemplate({ services });
    const analyzed = analyzeDocument('bench.yaml', text);
    const graphSeries = await sampleSeries(() => timeInProcess(() => buildGraph(analyzed)), samples, 1);
    const graph = buildGraph(analyzed);
    // Text width estimate in place of the browser's canvas measurement.
    const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, (label) => label.length * 7);
    const request = layoutJob(model, DEFAULT_DIAGRAM_OPTIONS.direction);
    const layout = await sampleSeries(() => {
      const elk = new ELK();
      return timeInProcess(() => elk.layout(toElk(request)));
    }, samples);
    out.push({ resources: graph.nodes.length, boxes: model.items.length, graph: graphSeries, layout });
  }
  return out;
}
