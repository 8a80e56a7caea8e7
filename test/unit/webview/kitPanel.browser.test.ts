/**
 * The webview kit in a real browser, with a test-only panel (`webview-ui/kitTest/`: its
 * protocol, a `main.ts` on the kit's host connection, toolkit and DOM helpers). The bundle is
 * built here with esbuild (as scripts/build.mjs builds a panel) into `.cache/webview-kit-test/`,
 * then served under the kit's HTML shell and CSP by the same page server as the diagram's.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { TEST_PANEL, TEST_PANEL_PAGE, validateTestUiMessage, type TestUiMessage } from '../../../webview-ui/kitTest/kitTestProtocol';
import { assertBuilt, launchBrowser, openPanelPage, posted, repoRoot, send, startPageServer, violations, waitForPosted, type PageGlobals, type PageServer } from './webviewPage';

const DIST = join(repoRoot, '.cache', 'webview-kit-test');
let browser: Browser;
let server: PageServer;

before(async () => {
  mkdirSync(DIST, { recursive: true });
  const entries = { 'main.ts': `${TEST_PANEL_PAGE.bundle}.js`, 'kitTest.css': `${TEST_PANEL_PAGE.bundle}.css` };
  for (const [entry, out] of Object.entries(entries)) {
    await build({ entryPoints: [join(repoRoot, 'webview-ui', 'kitTest', entry)], outfile: join(DIST, out), bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'warning' });
  }
  assertBuilt(TEST_PANEL_PAGE, DIST);
  server = await startPageServer(TEST_PANEL_PAGE, { dist: DIST });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

void test('the UI says ready, shows host text as text, follows the theme, and ignores malformed messages by their reason', async () => {
  const hostile = '"><img src=x onerror=window.__xss=1><script>window.__xss=2</script>';
  const { page, close } = await openPanelPage(browser, server, TEST_PANEL, { autoReply: { type: 'kitTest/text/show', text: hostile } });
  assert.deepEqual((await posted(page))[0], { type: 'kitTest/ready' });
  await page.locator('p.shown', { hasText: 'onerror' }).waitFor();
  assert.equal(await page.locator('p.shown').textContent(), hostile);
  assert.equal(await page.locator('p.shown img, p.shown script').count(), 0);

  await send(page, { type: 'kitTest/theme/changed', kind: 'highContrast' });
  await page.locator('body[data-theme-kind="highContrast"]').waitFor({ state: 'attached' });

  // Malformed, unknown and hostile messages: nothing changes, the reason is shown without the content.
  await send(page, { type: 'kitTest/text/show', text: 42 });
  await page.locator('.status', { hasText: 'kitTest/text/show.text: expected a string' }).waitFor();
  await send(page, { type: 'kitTest/shell/exec\n<b>x</b>', command: 'rm -rf /' });
  await page.locator('.status', { hasText: 'unknown type (a' }).waitFor();
  assert.doesNotMatch((await page.locator('.status').textContent()) ?? '', /rm -rf|<b>/);
  // Parsed in the page: an own `__proto__` key survives JSON.parse and postMessage's structured clone.
  await page.evaluate((json) => (globalThis as unknown as PageGlobals).postMessage(JSON.parse(json), '*'), '{"type":"kitTest/text/show","text":"x","__proto__":{"polluted":1}}');
  await page.locator('.status', { hasText: '`__proto__` key' }).waitFor();
  assert.equal(await page.locator('p.shown').textContent(), hostile, 'the last good text stays');
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss), undefined);
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('a toolkit text field from the shared wrapper has its accessible name; keyboard input reaches the host as valid messages', async () => {
  const { page, close } = await openPanelPage(browser, server, TEST_PANEL);
  const field = page.getByRole('textbox', { name: 'Note', exact: true });
  assert.equal(await field.count(), 1);
  assert.match(await page.getByRole('toolbar', { name: 'Notes' }).ariaSnapshot(), /- textbox "Note"[\s\S]*- button "Add the note"/);
  await page.keyboard.press('/');
  await page.keyboard.type('first note');
  await page.keyboard.press('Enter');
  const note = await waitForPosted<TestUiMessage, 'kitTest/note/add'>(page, 'kitTest/note/add');
  assert.deepEqual(note, { type: 'kitTest/note/add', text: 'first note', tags: [] });
  assert.deepEqual(await waitForPosted<TestUiMessage, 'kitTest/count/set'>(page, 'kitTest/count/set'), { type: 'kitTest/count/set', count: 1 });
  for (const message of await posted(page)) assert.ok(validateTestUiMessage(message).ok, `the host accepts ${message.type}`);
  await page.getByRole('button', { name: 'Add the note' }).click();
  assert.deepEqual(await waitForPosted<TestUiMessage, 'kitTest/count/set'>(page, 'kitTest/count/set', 1), { type: 'kitTest/count/set', count: 2 });
  assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { __savedState: unknown }).__savedState), { notes: 2 });
  assert.deepEqual(await violations(page), []);
  await close();
});

void test('the shell\'s CSP: a page without a worker cannot fetch, and Trusted Types make innerHTML with a string throw', async () => {
  const { page, close } = await openPanelPage(browser, server, TEST_PANEL);
  const outcome = await page.evaluate(async (url) => {
    const g = globalThis as unknown as { fetch(url: string): Promise<unknown>; document: { body: { innerHTML: string } } };
    let fetched = 'fetched';
    try {
      await g.fetch(url);
    } catch {
      fetched = 'blocked';
    }
    let markup = 'accepted';
    try {
      g.document.body.innerHTML = '<b>x</b>';
    } catch {
      markup = 'threw';
    }
    return { fetched, markup };
  }, `${server.url}dist/webview/${TEST_PANEL_PAGE.bundle}.css`);
  assert.deepEqual(outcome, { fetched: 'blocked', markup: 'threw' });
  const seen = (await violations(page)).map((violation) => violation.directive).sort();
  assert.deepEqual(seen, ['connect-src', 'require-trusted-types-for']);
  await close();
});
