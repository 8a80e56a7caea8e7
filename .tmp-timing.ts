import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/workbench/codeServer.mjs';
import { PAGE_SHIM, startServer } from './test/unit/webview/diagramPage';
(async () => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PAGE_SHIM.replace('window.__posted.push(JSON.parse(JSON.stringify(message)))', '(window.__posted.push(JSON.parse(JSON.stringify(message))), window.__readyAt = window.__readyAt ?? performance.now())'));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).__readyAt !== undefined, undefined, { polling: 'raf' });
    console.log(await page.evaluate(() => JSON.stringify({ ready: (window as any).__readyAt, nav: performance.getEntriesByType('navigation').map((e: any) => ({ resp: e.responseEnd, dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd })), res: performance.getEntriesByType('resource').map((e: any) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]) })));
    await context.close();
  }
  await browser.close(); await server.close();
})();
