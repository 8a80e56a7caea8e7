import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/workbench/codeServer.mjs';
import { PAGE_SHIM, smallGraph, startServer, updateMessage } from './test/unit/webview/diagramPage';
(async () => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('request', (r) => console.log('request', r.url()));
  page.on('response', (r) => { if (r.status() >= 400) console.log('bad response', r.url(), r.status()); });
  await page.addInitScript(PAGE_SHIM + `
    const orig = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (n, v) { if (String(n).toLowerCase() === 'style') console.log('setAttribute style', this.tagName, new Error().stack); return orig.call(this, n, v); };
    document.addEventListener('securitypolicyviolation', (e) => console.log('violation', e.violatedDirective, e.sourceFile, e.lineNumber, e.columnNumber, e.target && e.target.nodeName, e.target && e.target.outerHTML && e.target.outerHTML.slice(0,200)));
  `);
  await page.goto(server.url);
  await page.waitForTimeout(1500);
  await browser.close();
  await server.close();
})();
