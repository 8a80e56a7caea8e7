import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/workbench/codeServer.mjs';
import { PAGE_SHIM, startServer, updateMessage, generatedGraph } from './test/unit/webview/diagramPage';
(async () => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const msg = updateMessage(generatedGraph(39));
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (m) => console.log('  ', m.text()));
    await page.addInitScript((m) => { (window as any).__autoUpdate = m; }, msg as any);
    await page.addInitScript(PAGE_SHIM);
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('svg.canvas')?.getAttribute('data-renders') === '1', undefined, { polling: 'raf' });
    console.log(await page.evaluate(() => JSON.stringify({ now: performance.now(), ready: (window as any).__readyAt, ...(document.querySelector('svg.canvas') as any).dataset })));
    await context.close();
  }
  await browser.close(); await server.close();
})();
