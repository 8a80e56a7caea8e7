import ELK from 'elkjs/lib/elk.bundled.js';
import { toElk } from './webview-ui/diagram/elkGraph';
import { buildModel } from './webview-ui/diagram/model';
import { generatedGraph } from './test/unit/webview/diagramPage';
import { DEFAULT_DIAGRAM_OPTIONS } from './src/shared/webview/diagramProtocol';
const elk = new ELK();
const measure = (t: string) => t.length * 7.2;
(async () => {
  const warmServices = Number(process.argv[2]);
  const graph = generatedGraph(39);
  const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, measure);
  const req = (m: any) => ({ type: 'layout' as const, requestId: 1, items: m.items, containers: m.containers, edges: m.layoutEdges, direction: 'RIGHT' as const });
  if (warmServices > 0) {
    const wm = buildModel(generatedGraph(warmServices), DEFAULT_DIAGRAM_OPTIONS, measure);
    let t = performance.now();
    await elk.layout(toElk(req(wm)));
    console.log('warm-up items', wm.items.length, (performance.now() - t).toFixed(0));
  }
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    await elk.layout(toElk(req(model)));
    console.log('real', (performance.now() - t).toFixed(0));
  }
})();
