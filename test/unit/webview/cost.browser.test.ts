/**
 * The cost panel in a real browser (headless Chromium) under the kit's HTML shell and CSP: the
 * state is built by the real engine (`buildCostView`), the page shows it, and the user's edits
 * come back as valid messages. Screenshots in `.test-artifacts/webview/cost-*.png`.
 * Needs `npm run build` (dist/webview/cost.js), like the diagram's browser test.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseUsageFile } from '../../../src/engine/cost/usage';
import { DEFAULT_WHAT_IF_RATES, type WhatIfId } from '../../../src/engine/cost/whatIfTypes';
import { buildCostView } from '../../../src/extension/cost/costViewModel';
import { COST_PAGE, COST_PANEL, validateCostHostMessage, validateCostUiMessage, type CostUiMessage, type CostViewState } from '../../../src/shared/webview/costProtocol';
import { assertBuilt, launchBrowser, openPanelPage, posted, repoRoot, send, startPageServer, violations, waitForPosted, type PageGlobals, type PageServer } from './webviewPage';

const ARTIFACTS = join(repoRoot, '.test-artifacts', 'webview');
// A hostile logical id: it must render as text.
const HOSTILE = 'Evil<img src=x onerror=window.__xss=1>';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties: { MemorySize: 1024, Runtime: nodejs20.x, Handler: i.h, Code: { ZipFile: x }, Role: r }
  Web:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: t3.medium }
  Nat:
    Type: AWS::EC2::NatGateway
  Data:
    Type: AWS::EC2::Volume
    Properties: { Size: 100 }
  "${HOSTILE}":
    Type: AWS::SQS::Queue
  Role:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
`;

function state(whatIfsOn: WhatIfId[] = [], usageYaml = 'resources:\n  Api: { monthlyRequests: 10000000, averageDurationMs: 200 }\n'): CostViewState {
  const built = buildCostView({
    fileName: 'demo/stack.yaml',
    text: TEMPLATE,
    region: 'us-east-1',
    usage: parseUsageFile(usageYaml).usage,
    usageFile: 'demo/archlens-usage.yml',
    rates: DEFAULT_WHAT_IF_RATES,
    preset: undefined,
    whatIfsOn: new Set(whatIfsOn),
    compare: { ref: 'HEAD', text: TEMPLATE.replace('Size: 100', 'Size: 50') },
    problems: [],
  });
  assert.ok(built);
  return built;
}

let browser: Browser;
let server: PageServer;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  assertBuilt(COST_PAGE);
  server = await startPageServer(COST_PAGE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

void test('the panel shows the engine\'s total, chart, comparison and what-ifs; names render as text', async () => {
  const shown = state();
  assert.ok(validateCostHostMessage({ type: 'cost/state/show', state: shown }).ok, 'the state passes the UI validator');
  const { page, close } = await openPanelPage(browser, server, COST_PANEL, { autoReply: { type: 'cost/state/show', state: shown } });
  assert.deepEqual((await posted(page))[0], { type: 'cost/ready' });
  // Fixed: t3.medium $30.368 + NAT $32.85 + 100 GB gp2 $10.00 = $73.218; usage: Lambda $2.00 + $33.3334 = $35.3334 -> $108.55.
  await page.getByTestId('cost-total').filter({ hasText: '$108.55 per month' }).waitFor();
  // The volume was 50 GB at HEAD: +$5.00.
  await page.getByTestId('cost-compare').filter({ hasText: 'Compared with HEAD: $103.55 → $108.55 (+$5.00/mo)' }).waitFor();
  assert.match((await page.getByRole('img', { name: /Monthly cost by service/ }).getAttribute('aria-label')) ?? '', /^Monthly cost by service: EC2 \$73\.22, Lambda \$35\.33$/);
  assert.equal(await page.locator('.resource-id', { hasText: 'onerror' }).textContent(), HOSTILE);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss), undefined);
  assert.match(await page.getByRole('checkbox', { name: /Graviton \(arm64\): -\$12\.51\/mo/ }).textContent() ?? '', /Graviton/);
  await page.screenshot({ path: join(ARTIFACTS, 'cost-panel.png'), fullPage: true });
  // Theme: high contrast is recorded for the styles.
  await send(page, { type: 'cost/theme/changed', kind: 'highContrast' });
  await page.locator('body[data-theme-kind="highContrast"]').waitFor({ state: 'attached' });
  await page.screenshot({ path: join(ARTIFACTS, 'cost-panel-high-contrast.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('keyboard: a usage figure typed and Enter, a what-if toggled, compare and preset reach the host as valid messages', async () => {
  const { page, close } = await openPanelPage(browser, server, COST_PANEL, { autoReply: { type: 'cost/state/show', state: state() } });
  await page.getByTestId('cost-total').waitFor();
  // Open the NAT gateway's details with the keyboard and set its data processed.
  const summary = page.locator('details.resource summary', { hasText: 'Nat' });
  await summary.focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'dataProcessedGB per month' });
  await field.click();
  await page.keyboard.type('1,000');
  await page.keyboard.press('Enter');
  assert.deepEqual(await waitForPosted<CostUiMessage, 'cost/usage/set'>(page, 'cost/usage/set'), { type: 'cost/usage/set', logicalId: 'Nat', key: 'dataProcessedGB', value: 1000 });
  // A bad figure is refused in the page, with the reason.
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('lots');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'dataProcessedGB must be a number of 0 or more' }).waitFor();

  await page.getByRole('checkbox', { name: /Graviton/ }).click();
  assert.deepEqual(await waitForPosted<CostUiMessage, 'cost/whatIf/toggle'>(page, 'cost/whatIf/toggle'), { type: 'cost/whatIf/toggle', id: 'graviton', on: true });
  await page.getByRole('button', { name: 'Compare the estimate with the file at git HEAD' }).click();
  await waitForPosted<CostUiMessage, 'cost/compare/run'>(page, 'cost/compare/run');
  for (const message of await posted(page)) assert.ok(validateCostUiMessage(message).ok, `the host accepts ${message.type}`);

  // The host answers the toggle with the Graviton estimate: $108.55 - $12.51 = $96.04.
  await send(page, { type: 'cost/state/show', state: state(['graviton']) });
  await page.getByTestId('cost-total').filter({ hasText: '$96.04 per month' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'cost-panel-graviton.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('a malformed state is ignored by its reason, and the last good one stays', async () => {
  const { page, close } = await openPanelPage(browser, server, COST_PANEL, { autoReply: { type: 'cost/state/show', state: state() } });
  await page.getByTestId('cost-total').filter({ hasText: '$108.55' }).waitFor();
  await send(page, { type: 'cost/state/show', state: { ...state(), total: 'a lot' } });
  await page.getByRole('status').filter({ hasText: 'cost/state/show.state.total: expected a number' }).waitFor();
  assert.equal(await page.getByTestId('cost-total').textContent(), '$108.55 per month');
  await close();
});
