// The cost estimate in the real workbench: a step for test/integration/workbench.test.ts (trusted
// session). Not a test file itself.
//
// What a user sees: the demo template `cost-estimate.yaml` shows a code lens above each resource
// ("≈ $32.85/mo" on the NAT gateway); "ArchLens: Show Cost Estimate" opens the cost panel, whose total equals what
// `archlens cost --format json` reports for the same file. Setting the NAT gateway's data
// processed to 100 GB in the panel writes `archlens-usage.yml` beside the template and the total
// grows by 100 x $0.045 = $4.50. This is what the browser test cannot show: the real webview,
// the extension host's engine call, and the file written through the workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { repoRoot } from '../../scripts/workbench/codeServer.mjs';
import { positionOf, type Session } from './harness';
import { TIMEOUTS } from './workbench';

export const COST_TEMPLATE = 'cost-estimate.yaml';

function cliTotal(): number {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'cost', '--format', 'json', join('demo', 'templates', COST_TEMPLATE)], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, `archlens cost failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { monthly: { total: number } }).monthly.total;
}

const usd = (value: number): string => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The cost webview's content frame, once it shows a total. */
async function costFrame(session: Session, timeout: number): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of session.workbench.page.frames()) {
      if (!frame.parentFrame()?.url().includes('extensionId=archlens.archlens')) continue;
      if ((await frame.getByTestId('cost-total').count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`the cost webview did not show a total within ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs the cost checks in a (trusted) session. */
export async function checkCostPanel(session: Session): Promise<void> {
  const page = session.workbench.page;
  const total = cliTotal();
  await session.step('cost-code-lens', async () => {
    await session.workbench.quickOpen(COST_TEMPLATE);
    // NAT gateway: $0.045 x 730 h = $32.85 (plus data processed, usage unknown).
    await page.getByText('≈ $32.85/mo + usage', { exact: true }).first().waitFor({ timeout: TIMEOUTS.diagnostics });
    // The web server: t3.medium $30.368 + 50 GB gp2 $5.00 = $35.37; the function has only usage-based parts.
    await page.getByText('≈ $35.37/mo', { exact: true }).first().waitFor({ timeout: TIMEOUTS.widget });
    // The function's lens is further down: bring its line into view (a panel beside the editor
    // from an earlier step leaves less room).
    const fn = positionOf(join(session.folder, 'templates', COST_TEMPLATE), 'ApiFunction:');
    await session.workbench.goTo(fn.line, fn.column);
    await page.getByText('usage-based', { exact: true }).first().waitFor({ timeout: TIMEOUTS.widget });
  });
  const frame = await session.step('cost-panel', async () => {
    // Opened from the command palette (F1), as the diagram step does.
    await page.keyboard.press('F1');
    await page.keyboard.type('ArchLens: Show Cost Estimate');
    await page.getByRole('option', { name: /Show Cost Estimate/ }).first().waitFor({ timeout: TIMEOUTS.widget });
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`Cost: ${COST_TEMPLATE.replace('.', '\\.')}`) }).first().waitFor({ timeout: TIMEOUTS.widget });
    const found = await costFrame(session, TIMEOUTS.widget);
    await found.getByTestId('cost-total').filter({ hasText: `${usd(total)} per month` }).waitFor({ timeout: TIMEOUTS.widget });
    return found;
  });
  await session.step('cost-usage-edit', async () => {
    await frame.locator('details.resource summary', { hasText: 'NatGateway' }).click();
    const field = frame.getByRole('textbox', { name: 'dataProcessedGB per month' });
    await field.click();
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    // 100 GB x $0.045 = $4.50 more.
    await frame.getByTestId('cost-total').filter({ hasText: `${usd(Math.round((total + 4.5) * 100) / 100)} per month` }).waitFor({ timeout: TIMEOUTS.widget });
    const usageFile = join(session.folder, 'templates', 'archlens-usage.yml');
    assert.ok(existsSync(usageFile), 'the panel wrote archlens-usage.yml beside the template');
    assert.match(readFileSync(usageFile, 'utf8'), /NatGateway: \{ dataProcessedGB: 100 \}/);
  });
}
