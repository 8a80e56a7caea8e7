/**
 * The group styles of AWS architecture diagrams in the real webview (headless Chromium, the
 * built bundle under its exact CSP, see `diagram.browser.test.ts`): the AWS Cloud > Region >
 * VPC > AZ > subnet > Auto Scaling group nesting drawn box in box, each box a named group for
 * screen readers, the security-group toggle asking the host for boundaries and drawing them
 * dashed, and the PNG export drawing the same. Screenshots in `.test-artifacts/webview/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { buildGraph } from '../../../src/engine/graph/buildGraph';
import type { ArchitectureGraph } from '../../../src/engine/graph/graphTypes';
import { DIAGRAM_PAGE, type DiagramUiMessage } from '../../../src/shared/webview/diagramProtocol';
import { openDiagramPage, rendered, repoRoot, startDiagramServer, updateMessage, type DiagramServer } from './diagramPage';
import * as kit from './webviewPage';
import { assertBuilt, launchBrowser, send, violations } from './webviewPage';

const ARTIFACTS = join(repoRoot, '.test-artifacts', 'webview');
const WEB_TIER = readFileSync(join(repoRoot, 'test', 'fixtures', 'diagram', 'web-tier.yaml'), 'utf8');
const REGION = { name: 'eu-west-1', source: 'the CDK stack environment' };

function webTier(securityGroups: boolean): ArchitectureGraph {
  return buildGraph(analyzeDocument('web-tier.yaml', WEB_TIER), { region: REGION, securityGroups });
}

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

type Rect = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is drawn`);
  return box;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

async function style(page: Page, selector: string, property: 'strokeDasharray' | 'stroke'): Promise<string> {
  return page.locator(selector).first().evaluate((element, name) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(element)[name] ?? '', property);
}

void test('AWS Cloud > Region > VPC > AZ > subnet > Auto Scaling group: drawn box in box, each a named group', async () => {
  const { page, close } = await openDiagramPage(browser, server);
  await send(page, updateMessage(webTier(false), {}, 'web-tier.yaml'));
  await rendered(page, 1);

  const chain = ['aws:cloud', 'aws:region', 'Vpc', 'Vpc/AZ 1', 'PrivateA', 'WebAsg'].map((id) => `g.group[data-group="${id}"] > .group-box`);
  const boxes = await Promise.all(chain.map((selector) => boxOf(page, selector)));
  const launched = await boxOf(page, 'g.node[data-key="n:WebTemplate"] .node-box');
  for (let i = 1; i < boxes.length; i++) assert.ok(inside(boxes[i]!, boxes[i - 1]!), `${chain[i]} is inside ${chain[i - 1]}`);
  assert.ok(inside(launched, boxes.at(-1)!), 'the launch template (the instances) is inside the Auto Scaling group');
  // Global services sit in the AWS Cloud, outside the Region.
  const cdn = await boxOf(page, 'g.node[data-key="n:Cdn"] .node-box');
  assert.ok(inside(cdn, boxes[0]!) && !inside(cdn, boxes[1]!), 'CloudFront is in the cloud, outside the region');

  // Screen readers: every box is a group with a name that says what it is.
  for (const name of ['AWS Cloud', 'Region eu-west-1', 'VPC Vpc 10.0.0.0/16', 'Auto Scaling group WebAsg', 'Subnet PrivateA 10.0.2.0/24']) {
    assert.equal(await page.getByRole('group', { name: new RegExp(`^${name.replace(/[./]/g, '\\$&')}, \\d+ resources?$`) }).count(), 1, name);
  }
  assert.equal(await page.locator('g.group[data-group="WebAsg"] .group-label').textContent(), 'Auto Scaling group  WebAsg');
  assert.equal(await page.locator('g.group[data-group="aws:cloud"] .group-label').textContent(), 'AWS Cloud');
  // Dashed where AWS dashes: Region, AZ, Auto Scaling group; the cloud and the VPC solid.
  assert.equal(await style(page, chain[0]!, 'strokeDasharray'), 'none');
  assert.notEqual(await style(page, chain[1]!, 'strokeDasharray'), 'none');
  assert.notEqual(await style(page, chain[5]!, 'strokeDasharray'), 'none');
  assert.equal(await style(page, chain[2]!, 'strokeDasharray'), 'none');
  // The collapse toggle of a box is reachable by keyboard and named after the box.
  assert.equal(await page.locator('g.group[data-group="WebAsg"] .group-toggle').getAttribute('aria-label'), 'Collapse Auto Scaling group WebAsg');
  await page.screenshot({ path: join(ARTIFACTS, 'aws-groups.png') });

  // High contrast keeps the boxes apart.
  await send(page, { type: 'diagram/theme/changed', kind: 'highContrast' });
  await page.waitForTimeout(50);
  await page.screenshot({ path: join(ARTIFACTS, 'aws-groups-high-contrast.png') });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('the Security groups toggle asks the host for boundaries; they are drawn dashed around what they protect, and the PNG export draws them too', async () => {
  const { page, close } = await openDiagramPage(browser, server);
  await send(page, updateMessage(webTier(false), {}, 'web-tier.yaml'));
  await rendered(page, 1);
  assert.equal(await page.locator('g.group.kind-securityGroup').count(), 0, 'off by default');

  const before = await kit.countPosted(page, 'diagram/options/changed');
  await page.locator('vscode-checkbox.security-group-toggle').click();
  const changed = await kit.waitForPosted<DiagramUiMessage, 'diagram/options/changed'>(page, 'diagram/options/changed', before);
  assert.equal(changed.options.showSecurityGroups, true);
  // The host builds the graph again with the boundaries and sends it with the option (diagramPanel.ts).
  const renders = Number(await page.locator('svg.canvas').getAttribute('data-renders'));
  await send(page, updateMessage(webTier(true), { ...changed.options }, 'web-tier.yaml'));
  await rendered(page, renders + 1);

  assert.equal(await page.locator('g.group.kind-securityGroup').count(), 3);
  const guard = await boxOf(page, 'g.group[data-group="sg:WebSg@WebAsg"] > .group-box');
  assert.ok(inside(await boxOf(page, 'g.node[data-key="n:WebTemplate"] .node-box'), guard), 'the launch template is inside its security group');
  assert.ok(inside(guard, await boxOf(page, 'g.group[data-group="WebAsg"] > .group-box')), 'which is inside the Auto Scaling group');
  assert.notEqual(await style(page, 'g.group[data-group="sg:WebSg@WebAsg"] > .group-box', 'strokeDasharray'), 'none');
  assert.equal(await page.getByRole('group', { name: /^Security group AlbSg, 1 resource$/ }).count(), 1);
  assert.equal(await page.locator('vscode-checkbox.security-group-toggle').evaluate((element) => (element as unknown as { checked: boolean }).checked), true);
  await page.screenshot({ path: join(ARTIFACTS, 'aws-groups-security.png') });

  await page.locator('vscode-button', { hasText: 'Export PNG' }).click();
  const exported = await kit.waitForPosted<DiagramUiMessage, 'diagram/export/save'>(page, 'diagram/export/save');
  const png = Buffer.from(exported.format === 'png' ? exported.data : '', 'base64');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  writeFileSync(join(ARTIFACTS, 'aws-groups-security-export.png'), png);
  await page.locator('vscode-button', { hasText: 'Export SVG' }).click();
  const svg = await kit.waitForPosted<DiagramUiMessage, 'diagram/export/save'>(page, 'diagram/export/save', 1);
  for (const title of ['AWS Cloud', 'Auto Scaling group', 'Security group']) assert.ok(svg.format === 'svg' && svg.data.includes(title), title);
  assert.match(svg.format === 'svg' ? svg.data : '', /stroke-dasharray="4(px)?,? 3(px)?"/, 'the security group is dashed in the SVG export too');
  assert.deepEqual(await violations(page), []);
  await close();
});
