/**
 * Fixtures and page helpers of the diagram webview's browser test (and of the first-paint bench): graphs,
 * `diagram/graph/update` messages, and the diagram's page server (the kit's generic one,
 * `webviewPage.ts`, with the diagram's `WebviewPage`).
 */
import { generateTemplate } from '../../../bench/generateTemplate';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { buildGraph } from '../../../src/engine/graph/buildGraph';
import type { ArchitectureGraph, GraphNode } from '../../../src/engine/graph/graphTypes';
import { DEFAULT_DIAGRAM_OPTIONS, DIAGRAM_PAGE, type DiagramGraphUpdateMessage, type DiagramHostMessage, type DiagramOptions } from '../../../src/shared/webview/diagramProtocol';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openPanelPage, repoRoot, startPageServer, type OpenedPage, type PageGlobals, type PageServer } from './webviewPage';
import { answerLayoutRequest, DiagramLayoutService } from '../../../src/node/diagramLayoutService';
import { validateDiagramUiMessage } from '../../../src/shared/webview/diagramProtocol';
import { join } from 'node:path';

export { repoRoot } from './webviewPage';

function node(id: string, type: string, category: GraphNode['category'], extra: Partial<GraphNode> = {}): GraphNode {
  return { id, type, service: type.split('::')[1] ?? '', category, label: id, span: { start: 0, end: id.length }, auxiliary: false, details: {}, ...extra };
}

/** A small VPC architecture: API -> functions -> table/queue, one function in a private subnet, plus IAM plumbing. */
export function smallGraph(): ArchitectureGraph {
  return {
    groups: [
      // A VPC and a subnet are containers only: the group carries the resource's type, span and details.
      { id: 'Vpc', kind: 'vpc', label: 'Vpc', type: 'AWS::EC2::VPC', span: { start: 0, end: 3 }, details: { CidrBlock: '10.0.0.0/16' } },
      { id: 'Vpc/AZ 1', kind: 'availabilityZone', label: 'AZ 1', parent: 'Vpc' },
      { id: 'PrivateSubnet', kind: 'subnet', label: 'PrivateSubnet', parent: 'Vpc/AZ 1', type: 'AWS::EC2::Subnet', span: { start: 0, end: 13 }, details: { CidrBlock: '10.0.1.0/24', MapPublicIpOnLaunch: 'false' } },
    ],
    nodes: [
      node('OrdersApi', 'AWS::Serverless::Api', 'api', { details: { StageName: 'prod' } }),
      node('CreateOrder', 'AWS::Serverless::Function', 'compute', { details: { Runtime: 'nodejs20.x', Handler: 'index.create' } }),
      node('ProcessOrder', 'AWS::Lambda::Function', 'compute', { group: 'PrivateSubnet', details: { Runtime: 'python3.12', MemorySize: '1024' } }),
      node('OrdersTable', 'AWS::DynamoDB::Table', 'database', { details: { BillingMode: 'PAY_PER_REQUEST' } }),
      node('OrderQueue', 'AWS::SQS::Queue', 'integration'),
      node('ReceiptsBucket', 'AWS::S3::Bucket', 'storage'),
      node('ProcessOrderRole', 'AWS::IAM::Role', 'security', { auxiliary: true }),
      node('ProcessOrderLogs', 'AWS::Logs::LogGroup', 'monitoring', { auxiliary: true }),
    ],
    edges: [
      { from: 'OrdersApi', to: 'CreateOrder', kind: 'eventSource' },
      { from: 'CreateOrder', to: 'OrdersTable', kind: 'ref' },
      { from: 'CreateOrder', to: 'OrderQueue', kind: 'ref' },
      { from: 'OrderQueue', to: 'ProcessOrder', kind: 'eventSource' },
      { from: 'ProcessOrder', to: 'OrdersTable', kind: 'getatt' },
      { from: 'ProcessOrder', to: 'ReceiptsBucket', kind: 'sub' },
      { from: 'ProcessOrder', to: 'ProcessOrderRole', kind: 'getatt' },
      { from: 'ProcessOrderRole', to: 'OrdersTable', kind: 'iam', auxiliary: true },
      { from: 'ProcessOrderLogs', to: 'ProcessOrder', kind: 'sub' },
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
      // A logical id of 2,000 characters and a label with U+FFFF (issue 18).
      node(`L${'o'.repeat(1_999)}`, 'AWS::SQS::Queue', 'integration', { label: `bad\uFFFFlabel` }),
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

/** The same graph with every group expanded: every resource a box (the old, full picture). */
export function fullyExpanded(graph: ArchitectureGraph): ArchitectureGraph {
  return { ...graph, groups: graph.groups.map(({ collapsed: _collapsed, ...group }) => group) };
}

/** A `diagram/graph/update` message for a graph. */
export function updateMessage(graph: ArchitectureGraph, options: Partial<DiagramOptions> = {}, name = 'template.yaml'): DiagramGraphUpdateMessage {
  const hash = String(JSON.stringify(graph).length) + ':' + String(graph.nodes.length) + ':' + String(graph.edges.length);
  // Field by field: a stray key or an `undefined` would make the UI reject the whole message.
  const { showAuxiliary = DEFAULT_DIAGRAM_OPTIONS.showAuxiliary, collapsedGroups = DEFAULT_DIAGRAM_OPTIONS.collapsedGroups, direction = DEFAULT_DIAGRAM_OPTIONS.direction, expandedGroups, showSecurityGroups } = options;
  return {
    type: 'diagram/graph/update',
    graph,
    template: { uri: `file:///work/${name}`, name },
    hash,
    options: { showAuxiliary, collapsedGroups, direction, ...(expandedGroups ? { expandedGroups } : {}), ...(showSecurityGroups !== undefined ? { showSecurityGroups } : {}) },
  };
}

/** The built layout worker the extension host starts (`npm run build`). */
export const LAYOUT_WORKER_FILE = join(repoRoot, 'dist', 'diagramLayoutWorker.js');

/** The diagram's page server, with the window's layout worker (ended by `close`). */
export interface DiagramServer extends PageServer {
  readonly layouts: DiagramLayoutService;
}

/**
 * Serves the diagram page, and stands in for the extension host's side of the layout: one
 * `DiagramLayoutService` over the built worker, as the host keeps one per window, warmed now
 * (as a panel opening does).
 */
export async function startDiagramServer(): Promise<DiagramServer> {
  const pages = await startPageServer(DIAGRAM_PAGE);
  const layouts = new DiagramLayoutService(LAYOUT_WORKER_FILE);
  void layouts.warm();
  return {
    ...pages,
    layouts,
    close: async () => {
      layouts.dispose();
      await pages.close();
    },
  };
}

let pageCount = 0;

/**
 * Answers the page's `diagram/layout/request`s as the host's panel does (`diagramPanel.ts`):
 * checked by the host's validator, laid out by `layouts` (or failed with `fail`'s reason),
 * the answer posted back. The page's `acquireVsCodeApi` stand-in is wrapped to forward them.
 */
async function answerLayouts(page: Page, layouts: DiagramLayoutService, fail: string | undefined): Promise<void> {
  const client = `test-page-${++pageCount}`;
  await page.exposeBinding('__archlensLayout', async (_source, message: unknown) => {
    const checked = validateDiagramUiMessage(message);
    if (!checked.ok || checked.message.type !== 'diagram/layout/request') return { type: 'diagram/status/show', level: 'error', text: `the host refused a layout request: ${checked.ok ? checked.message.type : checked.error}` };
    if (fail !== undefined) return { type: 'diagram/layout/failed', requestId: checked.message.requestId, message: fail };
    return answerLayoutRequest(layouts, client, checked.message);
  });
  await page.addInitScript(`
    const hostApi = window.acquireVsCodeApi;
    window.acquireVsCodeApi = () => {
      const api = hostApi();
      return {
        getState: api.getState,
        setState: api.setState,
        postMessage: (message) => {
          api.postMessage(message);
          if (message && message.type === 'diagram/layout/request') window.__archlensLayout(message).then((answer) => { if (answer) window.postMessage(answer, '*'); });
        },
      };
    };
  `);
}

/**
 * Records, in the page, when each render of the diagram reached the screen: the view bumps
 * `svg.canvas[data-renders]` after drawing; a MutationObserver notes the count and the next
 * animation frame's clock. Measured in the page, so two renders between two polls of the test
 * (a sketch quickly replaced by ELK's layout on a busy machine) are both seen.
 */
export const PAINT_RECORDER = `
  window.__paints = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const renders = Number(record.target.getAttribute('data-renders'));
      if (record.target.matches('svg.canvas') && !window.__paints.some((p) => p.renders === renders)) {
        const paint = { renders, source: record.target.getAttribute('data-layout-source'), at: undefined };
        window.__paints.push(paint);
        requestAnimationFrame(() => { paint.at = performance.now(); });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-renders'] });
`;

interface PaintGlobals {
  __paints: { renders: number; source: string | null; at: number | undefined }[];
}

/** Waits until the diagram has been drawn `count` times and painted; returns the page's clock at that paint. */
export async function rendered(page: Page, count: number, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction((n) => (globalThis as unknown as PaintGlobals).__paints.find((p) => p.renders === n)?.at, count, { polling: 50, timeout });
  const at = (await handle.jsonValue()) as number;
  await handle.dispose();
  return at;
}

/** Opens the diagram page with the paint recorder (see {@link openPanelPage}). */
/**
 * Opens the diagram page with the paint recorder (see {@link openPanelPage}); its layout
 * requests are answered by the server's layout service, or with `layoutFailure`'s reason.
 */
export function openDiagramPage(browser: Browser, server: DiagramServer, options: { autoReply?: DiagramHostMessage; query?: string; layoutFailure?: string; layouts?: DiagramLayoutService } = {}): Promise<OpenedPage> {
  const { layoutFailure, layouts = server.layouts, ...rest } = options;
  return openPanelPage(browser, server, 'diagram', { ...rest, initScripts: [PAINT_RECORDER], beforeLoad: (page) => answerLayouts(page, layouts, layoutFailure) });
}

/** One cold load of the diagram page, as the host does it: the graph is sent on `ready`. */
export interface ColdPaint extends OpenedPage {
  /** Navigation start to the first painted frame of the diagram (provisional or final), ms. */
  readonly paint: number;
  /** How the first paint was laid out (`sketch` while ELK boots, for big diagrams). */
  readonly firstSource: string;
  /** Navigation start to the painted frame with ELK's layout, ms. */
  readonly final: number;
  /** `ready` to the first paint, ms. */
  readonly sinceReady: number;
  /** ELK's own time and the SVG render time of the final layout, ms. */
  readonly elk: number;
  readonly render: number;
  /** Boxes drawn. */
  readonly items: number;
}

/** Loads a fresh page, sends `graph` on `ready`, waits for ELK's layout to be painted (`layouts`: another host worker than the server's). */
export async function coldPaint(browser: Browser, server: DiagramServer, graph: ArchitectureGraph, options: { showAuxiliary?: boolean; layouts?: DiagramLayoutService } = {}): Promise<ColdPaint> {
  const opened = await openDiagramPage(browser, server, { autoReply: updateMessage(graph, { showAuxiliary: options.showAuxiliary }), ...(options.layouts ? { layouts: options.layouts } : {}) });
  const paint = await rendered(opened.page, 1, 60_000);
  const canvas = opened.page.locator('svg.canvas');
  const firstSource = (await opened.page.evaluate(() => (globalThis as unknown as PaintGlobals).__paints.find((p) => p.renders === 1)?.source)) ?? '';
  const final = firstSource === 'sketch' ? await rendered(opened.page, 2, 60_000) : paint;
  const readyAt = (await opened.page.evaluate(() => (globalThis as unknown as PageGlobals).__readyAt)) ?? 0;
  assert.equal(await canvas.getAttribute('data-layout-source'), 'elk');
  return {
    ...opened,
    paint,
    firstSource,
    final,
    sinceReady: paint - readyAt,
    elk: Number(await canvas.getAttribute('data-elk-ms')),
    render: Number(await canvas.getAttribute('data-render-ms')),
    items: Number(await canvas.getAttribute('data-items')),
  };
}
