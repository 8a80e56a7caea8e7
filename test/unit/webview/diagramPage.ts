/**
 * Support for the diagram webview's browser test: fixture graphs, a tiny HTTP server for
 * the built `dist/webview/*` files and a page with the panel's exact HTML and CSP, and an
 * `acquireVsCodeApi` stand-in that records what the UI posts.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateTemplate } from '../../../bench/generateTemplate';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { buildGraph } from '../../../src/engine/graph/buildGraph';
import type { ArchitectureGraph, GraphNode } from '../../../src/engine/graph/graphTypes';
import { renderDiagramHtml } from '../../../src/shared/webview/diagramHtml';
import { DEFAULT_DIAGRAM_OPTIONS, type DiagramGraphUpdateMessage, type DiagramOptions } from '../../../src/shared/webview/diagramProtocol';

export const repoRoot = join(__dirname, '..', '..', '..');
const WEBVIEW_DIST = join(repoRoot, 'dist', 'webview');
const SERVED: Readonly<Record<string, string>> = {
  'diagram.js': 'text/javascript',
  'diagramLayout.js': 'text/javascript',
  'diagram.css': 'text/css',
};

function node(id: string, type: string, category: GraphNode['category'], extra: Partial<GraphNode> = {}): GraphNode {
  return { id, type, service: type.split('::')[1] ?? '', category, label: id, span: { start: 0, end: id.length }, auxiliary: false, details: {}, ...extra };
}

/** A small VPC architecture: API -> functions -> table/queue, one function in a private subnet, plus IAM plumbing. */
export function smallGraph(): ArchitectureGraph {
  return {
    groups: [
      { id: 'Vpc', kind: 'vpc', label: 'Vpc' },
      { id: 'Vpc/AZ 1', kind: 'availabilityZone', label: 'AZ 1', parent: 'Vpc' },
      { id: 'PrivateSubnet', kind: 'subnet', label: 'PrivateSubnet', parent: 'Vpc/AZ 1' },
    ],
    nodes: [
      node('OrdersApi', 'AWS::Serverless::Api', 'api', { details: { StageName: 'prod' } }),
      node('CreateOrder', 'AWS::Serverless::Function', 'compute', { details: { Runtime: 'nodejs20.x', Handler: 'index.create' } }),
      node('ProcessOrder', 'AWS::Lambda::Function', 'compute', { group: 'PrivateSubnet', details: { Runtime: 'python3.12', MemorySize: '1024' } }),
      node('OrdersTable', 'AWS::DynamoDB::Table', 'database', { details: { BillingMode: 'PAY_PER_REQUEST' } }),
      node('OrderQueue', 'AWS::SQS::Queue', 'integration'),
      node('ReceiptsBucket', 'AWS::S3::Bucket', 'storage'),
      node('Vpc', 'AWS::EC2::VPC', 'networking', { group: 'Vpc' }),
      node('PrivateSubnet', 'AWS::EC2::Subnet', 'networking', { group: 'PrivateSubnet' }),
      node('ProcessOrderRole', 'AWS::IAM::Role', 'security', { auxiliary: true }),
      node('ProcessOrderLogs', 'AWS::Logs::LogGroup', 'monitoring', { auxiliary: true }),
    ],
    edges: [
      { from: 'CreateOrder', to: 'OrdersApi', kind: 'eventSource' },
      { from: 'CreateOrder', to: 'OrdersTable', kind: 'ref' },
      { from: 'CreateOrder', to: 'OrderQueue', kind: 'ref' },
      { from: 'ProcessOrder', to: 'OrderQueue', kind: 'eventSource' },
      { from: 'ProcessOrder', to: 'OrdersTable', kind: 'getatt' },
      { from: 'ProcessOrder', to: 'ReceiptsBucket', kind: 'sub' },
      { from: 'ProcessOrder', to: 'PrivateSubnet', kind: 'ref' },
      { from: 'ProcessOrder', to: 'ProcessOrderRole', kind: 'getatt' },
      { from: 'ProcessOrderRole', to: 'OrdersTable', kind: 'iam' },
      { from: 'ProcessOrderLogs', to: 'ProcessOrder', kind: 'sub' },
      { from: 'PrivateSubnet', to: 'Vpc', kind: 'ref' },
    ],
  };
}

/** Strings that would run script, load an image, break out of a style or reorder text if treated as markup. */
export const HOSTILE = {
  imgTag: '"><img src=x onerror=window.__xss=1>',
  scriptTag: '<script>window.__xss=1</script>',
  jsUrl: 'javascript:window.__xss=1',
  styleClose: '</style><img src=x onerror=window.__xss=1>',
  bidi: 'admin\u202Etxt.exe\u202C\u2066x\u2069',
  svgOnload: '<svg onload=window.__xss=1>',
};

/** A graph whose labels, ids, group names and details are all hostile text. */
export function hostileGraph(): ArchitectureGraph {
  return {
    groups: [{ id: 'G<script>', kind: 'vpc', label: HOSTILE.styleClose }],
    nodes: [
      node('Img', 'AWS::Lambda::Function', 'compute', { label: HOSTILE.imgTag, details: { Handler: HOSTILE.scriptTag, Url: HOSTILE.jsUrl } }),
      node('Script', 'AWS::S3::Bucket', 'storage', { label: HOSTILE.scriptTag, details: { [HOSTILE.imgTag]: HOSTILE.svgOnload } }),
      node('Js', 'AWS::SQS::Queue', 'integration', { label: HOSTILE.jsUrl, group: 'G<script>' }),
      node('Style', 'AWS::DynamoDB::Table', 'database', { label: HOSTILE.styleClose, details: { Note: HOSTILE.bidi } }),
      node('Bidi', 'AWS::SNS::Topic', 'integration', { label: HOSTILE.bidi }),
      node('"><svg onload=window.__xss=1>', 'AWS::Custom::<b>x</b>', 'other', { label: HOSTILE.svgOnload }),
    ],
    edges: [
      { from: 'Img', to: 'Script', kind: 'ref' },
      { from: 'Img', to: 'Js', kind: 'getatt' },
      { from: 'Style', to: 'Bidi', kind: 'dependsOn' },
      { from: '"><svg onload=window.__xss=1>', to: 'Img', kind: 'ref' },
    ],
  };
}

/** The graph of bench/generateTemplate.ts with `services` services (12 resources each + 34 network resources). */
export function generatedGraph(services: number): ArchitectureGraph {
  return buildGraph(analyzeDocument('generated.yaml', generateTemplate({ services })));
}

/** A `diagram/graph/update` message for a graph. */
export function updateMessage(graph: ArchitectureGraph, options: Partial<DiagramOptions> = {}, name = 'template.yaml'): DiagramGraphUpdateMessage {
  const hash = String(JSON.stringify(graph).length) + ':' + String(graph.nodes.length) + ':' + String(graph.edges.length);
  return { type: 'diagram/graph/update', graph, template: { uri: `file:///work/${name}`, name }, hash, options: { ...DEFAULT_DIAGRAM_OPTIONS, ...options } };
}

/** Serves `/` (the panel's HTML with a fresh nonce per request) and the built webview files. */
export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const [path = '/', query = ''] = (request.url ?? '/').split('?');
    if (path === '/') {
      // `/?missing-worker`: a page whose layout worker does not exist (the fallback test).
      const worker = query === 'missing-worker' ? 'missing.js' : 'diagramLayout.js';
      const html = renderDiagramHtml({
        cspSource: origin,
        nonce: randomBytes(18).toString('base64'),
        scriptUri: `${origin}/dist/webview/diagram.js`,
        styleUri: `${origin}/dist/webview/diagram.css`,
        layoutWorkerUri: `${origin}/dist/webview/${worker}`,
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
      return;
    }
    const file = path.startsWith('/dist/webview/') ? path.slice('/dist/webview/'.length) : '';
    const type = Object.hasOwn(SERVED, file) ? SERVED[file] : undefined;
    if (!type) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(readFileSync(join(WEBVIEW_DIST, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Runs before the page's own scripts (Playwright init scripts are not subject to the CSP):
 * the `acquireVsCodeApi` stand-in, and recorders for posted messages and CSP violations.
 */
export const PAGE_SHIM = `
  window.__posted = [];
  window.__violations = [];
  let state = window.__initialState;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => {
      window.__posted.push(JSON.parse(JSON.stringify(message)));
      // Like a host that has the graph ready when the webview says ready (the panel computes
      // it while the page loads): answer on the next task.
      if (message.type === 'diagram/ready' && window.__autoUpdate) {
        window.__readyAt = performance.now();
        setTimeout(() => window.postMessage(window.__autoUpdate, '*'));
      }
    },
    getState: () => state,
    setState: (value) => { state = value; window.__savedState = value; },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, source: event.sourceFile });
  });
`;
