/**
 * The webview kit itself (`src/shared/webview/protocolKit.ts`, `webviewHtml.ts`) with a tiny
 * test-only protocol (`webview-ui/kitTest/kitTestProtocol.ts`): validation rejects
 * malformed and hostile messages, the receiver answers `ready`, dispatches to the exhaustive
 * handler map, and ignores (and logs, without echoing content) what it cannot validate.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PanelHandlers } from '../../../src/extension/webview/panelHost';
import { createReceiver, dispatchMessage, quoteName, readyType, type MessageHandlers } from '../../../src/shared/webview/protocolKit';
import { renderWebviewHtml, webviewContentSecurityPolicy } from '../../../src/shared/webview/webviewHtml';
import { TEST_PANEL, TEST_PANEL_PAGE, validateTestHostMessage, validateTestUiMessage, type TestUiMessage } from '../../../webview-ui/kitTest/kitTestProtocol';

function rejected(result: { ok: boolean; error?: string }, pattern: RegExp): string {
  assert.equal(result.ok, false, 'expected a rejection');
  assert.match(result.error ?? '', pattern);
  return result.error ?? '';
}

/** A log that keeps its lines. */
function recordingLog(): { warn(line: string): void; error(line: string): void; lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => void lines.push(`warn ${line}`), error: (line) => void lines.push(`error ${line}`) };
}

void test('well-formed messages pass unchanged, after JSON and structured clone', () => {
  const messages: TestUiMessage[] = [{ type: 'kitTest/ready' }, { type: 'kitTest/note/add', text: 'hello', tags: ['a', 'b'] }, { type: 'kitTest/count/set', count: 3 }];
  for (const message of messages) {
    assert.deepEqual(validateTestUiMessage(JSON.parse(JSON.stringify(message))), { ok: true, message });
    assert.deepEqual(validateTestUiMessage(structuredClone(message)), { ok: true, message });
  }
  assert.ok(validateTestHostMessage({ type: 'kitTest/text/show', text: '<img src=x onerror=alert(1)>' }).ok, 'hostile text is data: the UI sets it as text');
  assert.ok(validateTestHostMessage({ type: 'kitTest/theme/changed', kind: 'highContrastLight' }).ok);
});

void test('malformed messages are rejected with the path and the reason', () => {
  for (const value of [null, undefined, 0, 'kitTest/ready', [], [{ type: 'kitTest/ready' }], () => 1, new Date(), new Map([['type', 'kitTest/ready']])]) rejected(validateTestUiMessage(value), /^message: /);
  rejected(validateTestUiMessage({ text: 'x' }), /missing type/);
  rejected(validateTestUiMessage({ type: 7 }), /missing type/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x' }), /kitTest\/note\/add: missing 'tags'/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 5, tags: [] }), /\.text: expected a string/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x', tags: [1] }), /\.tags\[0\]: expected a string/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x', tags: Array(11).fill('t') }), /more than 10 items/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x'.repeat(201), tags: [] }), /longer than 200/);
  rejected(validateTestUiMessage({ type: 'kitTest/count/set', count: -1 }), /non-negative integer/);
  rejected(validateTestUiMessage({ type: 'kitTest/count/set', count: 1.5 }), /non-negative integer/);
  rejected(validateTestUiMessage({ type: 'kitTest/count/set', count: Number.POSITIVE_INFINITY }), /non-finite/);
  rejected(validateTestUiMessage({ type: 'kitTest/count/set', count: 1, extra: true }), /unexpected key 'extra'/);
  rejected(validateTestUiMessage({ type: 'kitTest/ready', then: () => 1 }), /unexpected function/);
  rejected(validateTestHostMessage({ type: 'kitTest/theme/changed', kind: 'sepia' }), /kind: expected one of light, dark, highContrast, highContrastLight/);
  // Direction matters: a host message is not a UI message and the other way round.
  rejected(validateTestUiMessage({ type: 'kitTest/text/show', text: 'x' }), /unknown type 'kitTest\/text\/show'/);
  rejected(validateTestHostMessage({ type: 'kitTest/ready' }), /unknown type/);
});

void test('hostile messages: __proto__, oversize, deep or cyclic values, throwing getters and proxies are rejected without a crash', () => {
  rejected(validateTestUiMessage(JSON.parse('{"type":"kitTest/count/set","count":1,"__proto__":{"polluted":true}}')), /`__proto__` key/);
  rejected(validateTestUiMessage(JSON.parse('{"type":"kitTest/note/add","text":"x","tags":[{"__proto__":{"polluted":1}}]}')), /`__proto__` key/);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x', tags: [], padding: 'A'.repeat(50 * 1024 * 1024) }), /larger than 65536 characters/);
  rejected(validateTestUiMessage({ type: 'kitTest/note/add', text: 'x', tags: new Array(70_000).fill(0) }), /larger than/);
  let nested: unknown = 'x';
  for (let i = 0; i < 100_000; i++) nested = [nested];
  rejected(validateTestUiMessage({ type: 'kitTest/ready', nested }), /nested deeper than 4/);
  const cyclic: Record<string, unknown> = { type: 'kitTest/ready' };
  cyclic['self'] = cyclic;
  rejected(validateTestUiMessage(cyclic), /nested deeper/);
  const getter = { type: 'kitTest/ready' };
  Object.defineProperty(getter, 'boom', {
    enumerable: true,
    get() {
      throw new Error('secret-token-123');
    },
  });
  const error = rejected(validateTestUiMessage(getter), /^message: could not be read$/);
  assert.doesNotMatch(error, /secret/, 'the getter\'s message is not echoed');
  const proxy = new Proxy({ type: 'kitTest/ready' }, { ownKeys: () => { throw new Error('trap'); } });
  rejected(validateTestUiMessage(proxy), /^message: could not be read$/);
});

void test('rejection reasons never quote content that does not look like a name of ours', () => {
  const hostileType = 'kitTest/x\n[error] forged log line <script>alert(1)</script>';
  const error = rejected(validateTestUiMessage({ type: hostileType }), /unknown type \(a \d+-character name\)/);
  assert.doesNotMatch(error, /forged|script|\n/);
  const key = rejected(validateTestUiMessage({ type: 'kitTest/ready', ['<img src=x onerror=1>']: 1 }), /unexpected key \(a 21-character name\)/);
  assert.doesNotMatch(key, /img/);
  rejected(validateTestUiMessage({ type: 'kitTest/ready', AKIAIOSFODNN7EXAMPLE: 1 }), /unexpected key \(a 20-character name\)/);
  rejected(validateTestUiMessage({ type: 'kitTest/ready', extra: 1 }), /unexpected key 'extra'/);
  rejected(validateTestUiMessage({ type: 'x'.repeat(81) }), /unknown type \(a 81-character name\)/);
  rejected(validateTestUiMessage({ type: 'kitTest/token/aKIAIOSFODNN7EXAMPLE' }), /unknown type \(a 34-character name\)/);
  assert.equal(quoteName('OrdersTable'), "'OrdersTable'");
  assert.equal(quoteName(''), '(a 0-character name)');
});

void test('the receiver answers ready, dispatches each message to its handler, and ignores and logs an invalid one by its reason only', async () => {
  const seen: string[] = [];
  const log = recordingLog();
  let failures = 0;
  const handlers: PanelHandlers<TestUiMessage, typeof TEST_PANEL> = {
    'kitTest/note/add': async ({ text, tags }) => {
      await Promise.resolve();
      seen.push(`note ${text} [${tags.join(',')}]`);
    },
    'kitTest/count/set': ({ count }) => {
      if (count === 13) throw new Error('unlucky');
      seen.push(`count ${count}`);
    },
  };
  const receive = createReceiver({
    panel: TEST_PANEL,
    from: 'webview',
    validate: validateTestUiMessage,
    ready: readyType(TEST_PANEL),
    onReady: () => void seen.push('ready'),
    handlers,
    log,
    onHandlerError: () => void failures++,
  });
  await receive({ type: 'kitTest/ready' });
  await receive({ type: 'kitTest/note/add', text: 'hi', tags: ['x'] });
  await receive({ type: 'kitTest/count/set', count: 2 });
  await receive({ type: 'kitTest/ready' }); // a reload: ready again
  assert.deepEqual(seen, ['ready', 'note hi [x]', 'count 2', 'ready']);
  assert.equal(log.lines.length, 0, 'nothing logged');

  // Unknown, malformed, hostile: ignored (no handler runs), one warning each, no content.
  const payload = 'AKIAIOSFODNN7EXAMPLE'.repeat(3);
  await receive({ type: 'kitTest/shell/exec', command: payload });
  await receive({ type: `kitTest/${payload}\n<script>` });
  await receive({ type: 'kitTest/note/add', text: payload, tags: [payload] });
  await receive({ type: 'kitTest/note/add', text: 'x', tags: [], [payload]: 1 });
  assert.deepEqual(seen, ['ready', 'note hi [x]', 'count 2', 'ready'], 'nothing was dispatched');
  assert.equal(log.lines.length, 4);
  for (const line of log.lines) {
    assert.match(line, /^warn kitTest: ignored an invalid message from the webview \(/);
    assert.ok(!line.includes('AKIA') && !line.includes('<script>') && !line.includes('\n'), `no content in: ${line}`);
  }
  assert.match(log.lines[0]!, /unknown type 'kitTest\/shell\/exec'/);
  assert.match(log.lines[2]!, /kitTest\/note\/add\.tags\[0\]: longer than 40 characters/);

  // A failing handler: logged with the message type, reported, and the receiver keeps going.
  await receive({ type: 'kitTest/count/set', count: 13 });
  assert.equal(failures, 1);
  assert.equal(log.lines[4], 'error kitTest: kitTest/count/set failed: unlucky');
  await receive({ type: 'kitTest/count/set', count: 4 });
  assert.deepEqual(seen.slice(-1), ['count 4']);
});

void test('handler maps are exhaustive: a missing or unknown handler does not compile; dispatch never walks the prototype', () => {
  // @ts-expect-error A host without a handler for 'kitTest/count/set' does not compile.
  const missing: PanelHandlers<TestUiMessage, typeof TEST_PANEL> = { 'kitTest/note/add': () => undefined };
  const extra: PanelHandlers<TestUiMessage, typeof TEST_PANEL> = {
    'kitTest/note/add': () => undefined,
    'kitTest/count/set': () => undefined,
    // @ts-expect-error `ready` is the panel host's, not a handler's.
    'kitTest/ready': () => undefined,
  };
  assert.ok(missing && extra);
  const handlers = Object.create({ 'kitTest/count/set': () => 'inherited' }) as MessageHandlers<TestUiMessage, string>;
  assert.throws(() => dispatchMessage(handlers, { type: 'kitTest/count/set', count: 1 }), /no handler/);
});

void test('the page shell: a page without a worker cannot fetch or start workers; policies, title and URIs are checked or escaped', () => {
  const nonce = 'abcdefghijklmnop1234';
  const csp = webviewContentSecurityPolicy(TEST_PANEL_PAGE, 'https://*.vscode-cdn.net', nonce);
  assert.equal(
    csp,
    "default-src 'none'; script-src 'nonce-abcdefghijklmnop1234'; style-src https://*.vscode-cdn.net 'nonce-abcdefghijklmnop1234'; img-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; require-trusted-types-for 'script'; trusted-types fast-html; base-uri 'none'; form-action 'none'",
  );
  const html = renderWebviewHtml({ ...TEST_PANEL_PAGE, title: '</title><script>alert(1)</script>' }, { cspSource: 'https://x', nonce, scriptUri: 'https://x/kitTest.js', styleUri: 'https://x/kitTest.css' });
  assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /<div id="archlens-webview" data-panel="kitTest"><\/div>/);
  assert.throws(() => webviewContentSecurityPolicy({ ...TEST_PANEL_PAGE, trustedTypesPolicies: ["x 'allow-duplicates'"] }, 'https://x', nonce), /malformed Trusted Types policy name/);
  assert.throws(() => webviewContentSecurityPolicy(TEST_PANEL_PAGE, 'https://x', 'short'), /malformed nonce/);
});
