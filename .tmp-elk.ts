import ELK from 'elkjs/lib/elk.bundled.js';
import { toElk } from './webview-ui/diagram/elkGraph';
import { buildModel } from './webview-ui/diagram/model';
import { generatedGraph } from './test/unit/webview/diagramPage';
import { DEFAULT_DIAGRAM_OPTIONS } from './src/shared/webview/diagramProtocol';
const elk = new ELK();
const measure = (t: string) => t.length * 7.2;
(async () => {
  const services = Number(process.argv[2] ?? 39);
  const all = process.argv[3] === 'all';
  const graph = generatedGraph(services);
  const model = buildModel(graph, { ...DEFAULT_DIAGRAM_OPTIONS, showAuxiliary: all }, measure);
  const req = { type: 'layout' as const, requestId: 1, items: model.items, containers: model.containers, edges: model.layoutEdges, direction: 'RIGHT' as const };
  console.log('items', model.items.length, 'containers', model.containers.length, 'layout edges', model.layoutEdges.length);
  const variants: Record<string, Record<string, string>> = {
    current: {},
    noCompaction: { 'elk.layered.compaction.connectedComponents': 'false' },
    polyline: { 'elk.edgeRouting': 'POLYLINE' },
    linear: { 'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS' },
    simple: { 'elk.layered.nodePlacement.strategy': 'SIMPLE' },
    greedyCycle: { 'elk.layered.cycleBreaking.strategy': 'GREEDY', 'elk.layered.layering.strategy': 'LONGEST_PATH' },
    noGreedySwitch: { 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' },
    combo: { 'elk.layered.compaction.connectedComponents': 'false', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' },
    comboSimple: { 'elk.layered.compaction.connectedComponents': 'false', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF', 'elk.layered.nodePlacement.strategy': 'SIMPLE' },
    merge: { 'elk.layered.mergeEdges': 'true' },
    highDeg: { 'elk.layered.highDegreeNodes.treatment': 'true' },
    poly: { 'elk.edgeRouting': 'POLYLINE' },
    mergePoly: { 'elk.layered.mergeEdges': 'true', 'elk.edgeRouting': 'POLYLINE' },
    splines: { 'elk.edgeRouting': 'SPLINES' },
    comboPoly: { 'elk.layered.compaction.connectedComponents': 'false', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF', 'elk.edgeRouting': 'POLYLINE' },
  };
  const which = process.argv[4] ? process.argv[4].split(',') : Object.keys(variants);
  for (const name of which) {
    const times: number[] = [];
    let size = '';
    for (let i = 0; i < Number(process.env.REPS ?? 4); i++) {
      const g = toElk(req);
      const patch = (n: any) => { n.layoutOptions = { ...n.layoutOptions, ...variants[name] }; (n.children ?? []).forEach((c: any) => c.children && patch(c)); };
      patch(g);
      const t = performance.now();
      const r = await elk.layout(g);
      times.push(performance.now() - t);
      size = `${r.width!.toFixed(0)}x${r.height!.toFixed(0)}`;
    }
    console.log(name.padEnd(16), times.map((t) => t.toFixed(0)).join(' / '), size);
  }
})();
