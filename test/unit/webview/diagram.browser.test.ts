/**
 * The diagram webview in a real browser: the built `dist/webview/*` (run `npm run build`
 * first; `npm test` does) served from 127.0.0.1 under the exact HTML and CSP the extension
 * host uses (the kit's page server, `webviewPage.ts`), headless Debian Chromium through
 * playwright-core, and an `acquireVsCodeApi` stand-in that records what the UI posts.
 * Screenshots go to `.test-artifacts/webview/`.
 *
 * Functional checks only: how fast a 500-resource diagram first paints is measured by
 * `npm run bench` (bench/diagramPaint.ts), where a slow machine is a number, not a failure.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ArchitectureGraph } from '../../../src/engine/graph/graphTypes';
import { DIAGRAM_PAGE, validateDiagramUiMessage, type DiagramHostMessage, type DiagramUiMessage } from '../../../src/shared/webview/diagramProtocol';
import { coldPaint, fullyExpanded, generatedGraph, HOSTILE, hostileGraph, openDiagramPage, rendered, repoRoot, smallGraph, startDiagramServer, updateMessage, type DiagramServer } from './diagramPage';
import * as kit from './webviewPage';
import { assertBuilt, launchBrowser, send, violations, type OpenedPage, type PageGlobals } from './webviewPage';

const ARTIFACTS = join(repoRoot, '.test-artifacts', 'webview');

let browser: Browser;
let server: DiagramServer;

before(async () => {
  assertBuilt(DIAGRAM_PAGE);
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startDiagramServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page (new context: no shared cache, like a new webview), waiting for `diagram/ready`.
 * With `autoUpdate`, the stand-in host answers `ready` with that message at once.
 */
function openPage(autoUpdate?: DiagramHostMessage, layoutFailure?: string): Promise<OpenedPage> {
  return openDiagramPage(browser, server, { autoReply: autoUpdate, ...(layoutFailure !== undefined ? { layoutFailure } : {}) });
}

function waitForPosted<T extends DiagramUiMessage['type']>(page: Page, type: T, before = 0): Promise<Extract<DiagramUiMessage, { type: T }>> {
  return kit.waitForPosted<DiagramUiMessage, T>(page, type, before);
}

function countPosted(page: Page, type: DiagramUiMessage['type']): Promise<number> {
  return kit.countPosted(page, type);
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

  // The search field has an accessible name (the toolkit used to announce it as "Text field").
  const search = page.getByRole('textbox', { name: 'Search resources', exact: true });
  assert.equal(await search.count(), 1, 'one textbox named "Search resources"');
  assert.equal(await page.getByRole('textbox', { name: 'Text field' }).count(), 0);
  assert.match(await page.getByRole('toolbar', { name: 'Diagram' }).ariaSnapshot(), /- textbox "Search resources"/);
  assert.equal(await page.locator('vscode-text-field.search').evaluate((field) => (field as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height < 40), true, 'the label is not drawn (the placeholder shows)');
  // `/` moves focus to the search field: typing then searches.
  await page.keyboard.press('/');
  await page.keyboard.type('order');
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('g.node.dimmed') !== null, undefined, { polling: 'raf' });
  assert.equal(await page.locator('g.node.match').count(), 5, 'OrdersApi, CreateOrder, ProcessOrder, OrdersTable, OrderQueue');
  assert.equal(await page.locator('.matches').textContent(), '5 matches');
  await search.click();
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
  assert.equal(await page.locator('g.node.collapsed-group[data-key="g:Vpc"] .node-type').textContent(), 'EC2::VPC · 1 resource');
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
  // A 2,000-character logical id is drawn (truncated on its box) and a U+FFFF label is text.
  assert.equal(await page.locator(`g.node[data-key="n:L${'o'.repeat(1_999)}"]`).count(), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'hostile.png') });
  assert.deepEqual(await violations(page), [], 'no CSP or Trusted Types violation (our scripts, the worker, the toolkit)');
  await close();
});

void test('when the host cannot lay the diagram out, a simple layout is drawn and the reason shown', async () => {
  const { page, close } = await openPage(undefined, 'the layout worker stopped (exit code 1)');
  const graph = smallGraph();
  await send(page, updateMessage(graph));
  await rendered(page, 1);
  assert.equal(await page.locator('svg.canvas').getAttribute('data-layout-source'), 'sketch');
  assert.equal(await page.locator('g.node').count(), visibleCount(graph));
  assert.match((await page.locator('.status.error').textContent()) ?? '', /simple layout.*the layout worker stopped \(exit code 1\)/);
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('a large diagram paints a provisional layout at once, then ELK\'s; an edit is laid out incrementally', async () => {
  // Above LARGE_DIAGRAM (150) shown boxes, a cold page draws the sketch while ELK boots.
  // Every group expanded: the full picture, as before levels of detail.
  const graph = fullyExpanded(generatedGraph(22));
  const shown = visibleCount(graph);
  assert.ok(shown > 150, `${shown} boxes shown: the sketch path needs more than 150`);
  const run = await coldPaint(browser, server, graph);
  assert.equal(run.firstSource, 'sketch', 'the first paint is the provisional layout');
  assert.ok(run.final >= run.paint, "ELK's layout replaced it");
  assert.equal(run.items, shown);
  assert.equal(await run.page.locator('g.node').count(), shown);
  await run.page.screenshot({ path: join(ARTIFACTS, 'generated-large.png') });
  for (let step = 0; step < 8; step++) await run.page.locator('vscode-button[title^="Zoom in"]').click();
  await run.page.screenshot({ path: join(ARTIFACTS, 'generated-large-zoomed.png') });

  // Incremental: one more resource, with the auxiliary resources shown too.
  // Outside the stacks of repeated queues (a stack's box is tight: no free slot inside it).
  const { group: _stack, ...queue } = graph.nodes.find((n) => n.type === 'AWS::SQS::Queue')!;
  const edited: ArchitectureGraph = {
    ...graph,
    nodes: [...graph.nodes, { ...queue, id: 'AddedQueue', label: 'AddedQueue' }],
    edges: [...graph.edges, { from: 'AddedQueue', to: queue.id, kind: 'getatt' }],
  };
  await send(run.page, updateMessage(edited));
  await rendered(run.page, 3);
  assert.equal(await run.page.locator('svg.canvas').getAttribute('data-layout-source'), 'incremental');
  assert.equal(await run.page.locator('g.node').count(), shown + 1);
  assert.equal(await run.page.locator('g.node[data-key="n:AddedQueue"] .node-label').textContent(), 'AddedQueue');
  assert.deepEqual(await violations(run.page), []);
  await run.close();
});

/** The smallest drawn height of a resource label on the screen, in CSS pixels. */
async function smallestLabel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const labels = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('g.node .node-label'));
    return Math.min(...labels.map((label) => (label as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height));
  });
}

void test('the 500- and 1,750-resource templates open at their level of detail: at most about 60 boxes, labels legible, a stack expands on click', async () => {
  for (const [services, name] of [
    [39, 'generated-500-first-paint'],
    [143, 'generated-1750-first-paint'],
  ] as const) {
    const graph = generatedGraph(services);
    const run = await coldPaint(browser, server, graph);
    assert.ok(run.items <= 60, `${run.items} boxes at first paint`);
    assert.equal(await run.page.locator('g.node').count(), run.items);
    // Legible at the default zoom: the fitted diagram's labels are drawn at least 10 px high.
    const height = await smallestLabel(run.page);
    assert.ok(height >= 11, `labels drawn ${height.toFixed(1)} px high`);
    await run.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    // The repeated functions are one box; a click expands them (and the host is told).
    const functions = run.page.locator('g.node.collapsed-group', { hasText: 'Function ×' });
    assert.equal(await functions.count(), 1);
    assert.match((await functions.locator('.node-type').textContent()) ?? '', /^Lambda::Function · \d+ resources$/);
    const before = await countPosted(run.page, 'diagram/options/changed');
    await functions.click();
    const expanded = await waitForPosted(run.page, 'diagram/options/changed', before);
    assert.equal(expanded.options.expandedGroups?.length, 1);
    await rendered(run.page, 2, 60_000);
    assert.equal(await run.page.locator('g.node').count(), run.items - 1 + services);
    assert.equal(await run.page.locator('g.group.kind-repeated').count(), 1, 'the expanded stack is a box with a collapse toggle');
    if (services === 39) await run.page.screenshot({ path: join(ARTIFACTS, `${name}-functions-expanded.png`) });
    // Side by side with the editor: half the window still reads.
    await run.page.setViewportSize({ width: 700, height: 900 });
    await run.page.locator('vscode-button[title^="Fit"]').click();
    if (services === 39) await run.page.screenshot({ path: join(ARTIFACTS, `${name}-half-window.png`) });
    assert.deepEqual(await violations(run.page), []);
    await run.close();
  }
});

void test('a live stack: each resource shows its status as a badge, in its accessible name and tooltip', async () => {
  const { page, close } = await openPage();
  const base = smallGraph();
  const status = new Map([
    ['OrdersTable', { state: 'UPDATE_FAILED', reason: 'Resource handler returned message: "Throughput exceeded"', tone: 'failed' as const }],
    ['ProcessOrder', { state: 'CREATE_COMPLETE', drift: 'MODIFIED', tone: 'drifted' as const }],
    ['OrdersApi', { state: 'CREATE_COMPLETE', drift: 'IN_SYNC', tone: 'ok' as const }],
  ]);
  const graph: ArchitectureGraph = { ...base, nodes: base.nodes.map((node) => (status.has(node.id) ? { ...node, status: status.get(node.id)! } : node)) };
  await send(page, updateMessage(graph));
  await rendered(page, 1);
  assert.equal(await page.locator('g.node[data-key="n:OrdersTable"] .status-badge.tone-failed').count(), 1);
  assert.equal(await page.locator('g.node[data-key="n:ProcessOrder"] .status-badge.tone-drifted').count(), 1);
  assert.equal(await page.locator('g.node[data-key="n:OrdersApi"] .status-badge.tone-ok').count(), 1);
  assert.equal(await page.locator('g.node[data-key="n:ReceiptsBucket"] .status-badge').count(), 0, 'a resource the stack did not report has no badge');
  assert.match((await page.locator('g.node[data-key="n:OrdersTable"]').getAttribute('aria-label')) ?? '', /UPDATE_FAILED: Resource handler returned message: "Throughput exceeded"$/);
  await page.locator('g.node[data-key="n:ProcessOrder"]').hover();
  await page.locator('.tooltip').waitFor({ state: 'visible' });
  assert.match((await page.locator('.tooltip').textContent()) ?? '', /StatusCREATE_COMPLETE, drift MODIFIED/);
  await page.screenshot({ path: join(ARTIFACTS, 'live-status.png') });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('focus mode fades all but the selection\'s 2-hop neighbourhood; "Expand all" reaches every resource', async () => {
  const graph = generatedGraph(39);
  const run = await coldPaint(browser, server, graph);
  const functions = run.page.locator('g.node', { hasText: 'Function ×' });
  // Select a resource (a click on a collapsed group would expand it instead).
  await run.page.locator('g.node', { hasText: 'NatGateway0' }).click();
  await run.page.locator('vscode-checkbox.focus-toggle').click();
  await run.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('g.node.dimmed') !== null, undefined, { polling: 'raf' });
  const dimmed = await run.page.locator('g.node.dimmed').count();
  const total = await run.page.locator('g.node').count();
  assert.ok(dimmed > 0 && dimmed < total, `${dimmed} of ${total} faded`);
  assert.equal(await run.page.locator('g.node.selected.dimmed').count(), 0, 'the selection stays bright');
  assert.equal(await functions.count(), 1);
  await run.page.screenshot({ path: join(ARTIFACTS, 'generated-500-focus.png') });
  await run.page.locator('vscode-checkbox.focus-toggle').click();
  await run.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('g.node.dimmed') === null, undefined, { polling: 'raf' });

  const renders = Number(await run.page.locator('svg.canvas').getAttribute('data-renders'));
  await run.page.locator('vscode-button', { hasText: 'Expand all' }).click();
  await rendered(run.page, renders + 1, 60_000);
  assert.equal(await run.page.locator('g.node').count(), visibleCount(graph), 'every resource that is not auxiliary is a box');
  assert.equal(await run.page.locator('g.node.collapsed-group').count(), 0);
  await run.close();
});
