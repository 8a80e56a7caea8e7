import { buildModel } from './webview-ui/diagram/model';
import { generatedGraph } from './test/unit/webview/diagramPage';
import { DEFAULT_DIAGRAM_OPTIONS } from './src/shared/webview/diagramProtocol';
const measure = (t: string) => t.length * 7.2;
const graph = generatedGraph(39);
const model = buildModel(graph, DEFAULT_DIAGRAM_OPTIONS, measure);
console.log(model.layoutEdges.filter(e => e.from === 'g:Vpc/AZ 1' || e.to === 'g:Vpc/AZ 1').slice(0, 6));
console.log(model.containers.map(c => [c.id, c.parent, c.memberCount]));
console.log(graph.nodes.filter(n => n.group === 'PrivateSubnet0').map(n => n.id).slice(0, 20));
