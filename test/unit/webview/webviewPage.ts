/**
 * The kit's real-browser test page, for any panel: a tiny HTTP server that serves a panel's
 * built bundle under the exact HTML and CSP the extension host renders (`renderWebviewHtml`
 * with the panel's `WebviewPage`), an `acquireVsCodeApi` stand-in that records what the UI
 * posts (and can answer `<panel>/ready` like a host), and helpers to open a page in headless
 * Debian Chromium (playwright-core), send host messages and read what the UI posted.
 *
 * The diagram's test (`diagram.browser.test.ts`, fixtures in `diagramPage.ts`) and the kit's
 * own (`kitPanel.browser.test.ts`) use it; a new panel's browser test starts here too.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium } from '../../../scripts/workbench/codeServer.mjs';
import type { WebviewMessage } from '../../../src/shared/webview/protocolKit';
import { renderWebviewHtml, type WebviewPage } from '../../../src/shared/webview/webviewHtml';

export const repoRoot = join(__dirname, '..', '..', '..');
/** Where `npm run build` puts the webview bundles. */
export const WEBVIEW_DIST = join(repoRoot, 'dist', 'webview');

/** The files a page loads (`<bundle>.js`, `<bundle>.css`, and its worker). */
export function pageFiles(page: WebviewPage): string[] {
  return [`${page.bundle}.js`, `${page.bundle}.css`, ...(page.workerBundle ? [`${page.workerBundle}.js`] : [])];
}

/** Fails with the next step when a page's built files are missing. */
export function assertBuilt(page: WebviewPage, dist = WEBVIEW_DIST): void {
  for (const file of pageFiles(page)) assert.ok(existsSync(join(dist, file)), `${join(dist, file)} is missing: run npm run build first`);
}

/** A running page server. */
export interface PageServer {
  /** `/` is the page; `/?<query>` is passed to `workerFile`. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves `/` (the panel's HTML with a fresh nonce per request) and the page's built files
 * from `dist` (nothing else: any other path is a 404). `workerFile(query)` may name another
 * worker file for one load (e.g. a missing one, to test a fallback).
 */
export async function startPageServer(page: WebviewPage, options: { dist?: string; workerFile?: (query: string) => string | undefined } = {}): Promise<PageServer> {
  const dist = options.dist ?? WEBVIEW_DIST;
  const served = new Map(pageFiles(page).map((file) => [file, file.endsWith('.css') ? 'text/css' : 'text/javascript']));
  let origin = '';
  const server: Server = createServer((request, response) => {
    const [path = '/', query = ''] = (request.url ?? '/').split('?');
    if (path === '/') {
      const worker = options.workerFile?.(query) ?? (page.workerBundle ? `${page.workerBundle}.js` : undefined);
      const html = renderWebviewHtml(page, {
        cspSource: origin,
        nonce: randomBytes(18).toString('base64'),
        scriptUri: `${origin}/dist/webview/${page.bundle}.js`,
        styleUri: `${origin}/dist/webview/${page.bundle}.css`,
        workerUri: worker ? `${origin}/dist/webview/${worker}` : undefined,
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
      return;
    }
    const file = path.startsWith('/dist/webview/') ? path.slice('/dist/webview/'.length) : '';
    const type = served.get(file);
    if (!type) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(readFileSync(join(dist, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Runs before the page's own scripts (Playwright init scripts are not subject to the CSP):
 * the `acquireVsCodeApi` stand-in, and recorders for posted messages and CSP violations.
 * With `window.__autoReply` set, it answers `<panel>/ready` with that message on the next
 * task, like a host that has its state ready when the webview says ready.
 */
export function pageShim(panel: string): string {
  return `
  window.__posted = [];
  window.__violations = [];
  let state = window.__initialState;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => {
      window.__posted.push(JSON.parse(JSON.stringify(message)));
      if (message.type === ${JSON.stringify(`${panel}/ready`)} && window.__autoReply) {
        window.__readyAt = performance.now();
        setTimeout(() => window.postMessage(window.__autoReply, '*'));
      }
    },
    getState: () => state,
    setState: (value) => { state = value; window.__savedState = value; },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, source: event.sourceFile });
  });
`;
}

/** A CSP or Trusted Types violation seen by the page. */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** The page's globals these helpers touch (the root tsconfig has no DOM types). */
export interface PageGlobals {
  __posted: WebviewMessage[];
  __autoReply?: unknown;
  __readyAt?: number;
  __violations: Violation[];
  __xss?: unknown;
  postMessage(message: unknown, targetOrigin: string): void;
  performance: { now(): number };
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    querySelectorAll(selector: string): ArrayLike<{ tagName: string; getAttributeNames(): string[] }>;
    documentElement: { textContent: string | null };
  };
}

/** The page's globals, typed (inside `page.evaluate` callbacks). */
export function pageGlobals(): PageGlobals {
  return globalThis as unknown as PageGlobals;
}

/** Starts headless Chromium (Debian's, see real-vscode-here.md). */
export async function launchBrowser(): Promise<Browser> {
  checkChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** An open panel page. `close` also asserts that the page threw no uncaught error. */
export interface OpenedPage {
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/**
 * A fresh page (new context: no shared cache, like a new webview), waiting for
 * `<panel>/ready`. With `autoReply`, the stand-in host answers `ready` with that message.
 */
export async function openPanelPage(
  browser: Browser,
  server: PageServer,
  panel: string,
  options: { autoReply?: unknown; query?: string; initScripts?: readonly string[]; beforeLoad?: (page: Page) => Promise<void> } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.autoReply !== undefined) {
    await page.addInitScript((message) => {
      (globalThis as unknown as PageGlobals).__autoReply = message;
    }, options.autoReply);
  }
  await page.addInitScript(pageShim(panel));
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  await options.beforeLoad?.(page);
  await page.goto(`${server.url}${options.query ?? ''}`);
  await page.waitForFunction((ready) => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === ready), `${panel}/ready`, { polling: 'raf', timeout: 15_000 });
  return {
    page,
    close: async () => {
      await context.close();
      assert.deepEqual(errors, [], 'uncaught errors in the page');
    },
  };
}

/** Posts a host message (or anything, to test rejection); returns the page's clock at that moment. */
export function send(page: Page, message: unknown): Promise<number> {
  return page.evaluate((m) => {
    const g = globalThis as unknown as PageGlobals;
    g.postMessage(m, '*');
    return g.performance.now();
  }, message);
}

/** Everything the UI posted so far. */
export function posted<M extends WebviewMessage>(page: Page): Promise<M[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__posted) as Promise<M[]>;
}

/** CSP and Trusted Types violations so far. */
export function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__violations);
}

/** Waits for the UI to post a message of `type` (more than `before` of them); returns the last. */
export async function waitForPosted<M extends WebviewMessage, T extends M['type']>(page: Page, type: T, before = 0): Promise<Extract<M, { type: T }>> {
  await page.waitForFunction(([t, n]) => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === t).length > n, [type, before] as const, { polling: 100, timeout: 15_000 });
  const all = (await posted<M>(page)).filter((m): m is Extract<M, { type: T }> => m.type === type);
  return all[all.length - 1]!;
}

/** How many messages of `type` the UI posted. */
export async function countPosted(page: Page, type: string): Promise<number> {
  return (await posted(page)).filter((m) => m.type === type).length;
}
