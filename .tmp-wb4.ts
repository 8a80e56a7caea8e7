import { prepareEnvironment } from './test/integration/harness';
import type { Frame } from 'playwright-core';
(async () => {
  const env = await prepareEnvironment();
  const s = await env.openSession('diagram', { trust: true });
  const page = s.workbench.page;
  page.on('console', (m) => { const t = m.text(); if (/fetch|worker|diagramLayout|vscode-resource|ERR_/i.test(t)) console.log('console', m.type(), t.slice(0, 300)); });
  page.on('requestfailed', (r) => console.log('requestfailed', r.url().slice(0, 200), r.failure()?.errorText));
  try {
    await s.workbench.quickOpen('orders-api-with-mistakes.yaml');
    for (let i = 0; i < Number(process.argv[2] ?? 4); i++) {
      await page.keyboard.press('F1');
      await page.keyboard.type('ArchLens: Open Architecture Diagram');
      await page.getByRole('option', { name: /Open Architecture Diagram/ }).first().waitFor({ timeout: 30000 });
      await page.keyboard.press('Enter');
      let frame: Frame | undefined;
      const deadline = Date.now() + 30000;
      while (!frame && Date.now() < deadline) {
        for (const f of page.frames()) if (f.parentFrame()?.url().includes('extensionId=archlens.archlens') && (await f.locator('svg.canvas[data-renders]').count().catch(() => 0))) frame = f;
        await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 1000));
      console.log(i, frame ? JSON.stringify(await frame.locator('svg.canvas').evaluate((e: any) => ({ ...e.dataset }))) : 'no frame', frame ? await frame.locator('.status').textContent() : '');
      // close the panel: focus it and Ctrl+W
      await page.getByRole('tab', { name: /Diagram: / }).first().click();
      await page.keyboard.press('Control+W');
      await new Promise((r) => setTimeout(r, 500));
      await s.workbench.quickOpen('orders-api-with-mistakes.yaml');
    }
  } finally { await s.close(); await env.dispose(); }
})().catch((e) => { console.error(e); process.exit(1); });
