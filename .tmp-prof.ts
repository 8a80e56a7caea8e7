import ELK from 'elkjs/lib/elk.bundled.js';
import { toElk } from './webview-ui/diagram/elkGraph';
import { buildModel } from './webview-ui/diagram/model';
import { generatedGraph } from './test/unit/webview/diagramPage';
import { DEFAULT_DIAGRAM_OPTIONS } from './src/shared/webview/diagramProtocol';
const elk = new ELK();
const measure = (t: string) => t.length * 7.2;
(async () => {
  const graph = generatedGraph(39);
  const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, measure);
  const req = { type: 'layout' as const, requestId: 1, items: model.items, containers: model.containers, edges: model.layoutEdges, direction: 'RIGHT' as const };
  const r: any = await (elk as any).layout(toElk(req), { logging: true, measureExecutionTime: true });
  const print = (l: any, d: number) => { console.log(' '.repeat(d*2) + l.name, l.executionTime); (l.children ?? []).forEach((c: any) => print(c, d+1)); };
  print(r.logging, 0);
  // degree stats
  const deg = new Map<string, number>();
  for (const e of model.layoutEdges) { deg.set(e.from, (deg.get(e.from) ?? 0) + 1); deg.set(e.to, (deg.get(e.to) ?? 0) + 1); }
  console.log([...deg].sort((a,b)=>b[1]-a[1]).slice(0,8));
  console.log('root edges', model.layoutEdges.filter(e=>!e.container).length);
})();
(async () => {
  const graph = generatedGraph(39);
  const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, measure);
  console.log(model.layoutEdges.filter(e => e.from === 'g:Vpc/AZ 1' || e.to === 'g:Vpc/AZ 1').slice(0, 10));
  console.log(model.items.filter(i => i.parent === 'g:PrivateSubnet0').length, model.containers.map(c => [c.id, c.parent]));
})();
