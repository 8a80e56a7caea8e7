/**
 * The diagram webview protocol's validators (`src/shared/webview/diagramProtocol.ts`):
 * well-formed messages pass unchanged, hostile ones are rejected with a reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArchitectureGraph } from '../../src/engine/graph/graphTypes';
import { escapeHtmlAttribute, renderWebviewHtml, webviewContentSecurityPolicy } from '../../src/shared/webview/webviewHtml';
import {
  DEFAULT_DIAGRAM_OPTIONS,
  DIAGRAM_PAGE,
  dispatchUiMessage,
  isSafeExportFileName,
  validateDiagramHostMessage,
  validateDiagramUiMessage,
  type DiagramUiHandlers,
  type DiagramUiMessage,
} from '../../src/shared/webview/diagramProtocol';

const graph: ArchitectureGraph = {
  nodes: [
    { id: 'Vpc', type: 'AWS::EC2::VPC', service: 'EC2', category: 'networking', label: 'Vpc', group: 'Vpc', span: { start: 10, end: 13 }, auxiliary: false, details: { CidrBlock: '10.0.0.0/16' } },
    { id: 'Fn', type: 'AWS::Lambda::Function', service: 'Lambda', category: 'compute', label: 'Fn', span: { start: 40, end: 42 }, auxiliary: false, details: {} },
  ],
  edges: [{ from: 'Fn', to: 'Vpc', kind: 'ref' }],
  // A group may share its id with a node (buildGraph names a VPC's group after the VPC).
  groups: [{ id: 'Vpc', kind: 'vpc', label: 'Vpc' }],
};

const update = { type: 'diagram/graph/update', graph, template: { uri: 'file:///t.yaml', name: 't.yaml' }, hash: 'abc', options: DEFAULT_DIAGRAM_OPTIONS };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function rejected(result: { ok: boolean; error?: string }, pattern: RegExp): void {
  assert.equal(result.ok, false, 'expected a rejection');
  assert.match(result.error ?? '', pattern);
}

void test('well-formed messages pass in both directions', () => {
  const host = validateDiagramHostMessage(structuredClone(update));
  assert.ok(host.ok);
  assert.deepEqual(host.message, update);
  assert.ok(validateDiagramHostMessage({ type: 'diagram/theme/changed', kind: 'highContrast' }).ok);
  assert.ok(validateDiagramHostMessage({ type: 'diagram/status/show', level: 'error', text: '' }).ok);
  const ui: DiagramUiMessage[] = [
    { type: 'diagram/ready' },
    { type: 'diagram/node/reveal', id: 'Fn' },
    { type: 'diagram/export/save', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', fileName: 't.diagram.svg' },
    { type: 'diagram/export/save', format: 'png', data: PNG, fileName: 'my template.diagram.png' },
    { type: 'diagram/mermaid/copy' },
    { type: 'diagram/options/changed', options: { showAuxiliary: true, collapsedGroups: ['Vpc'], direction: 'DOWN' } },
  ];
  for (const message of ui) assert.deepEqual(validateDiagramUiMessage(JSON.parse(JSON.stringify(message))), { ok: true, message });
});

void test('unknown or missing message types are rejected', () => {
  rejected(validateDiagramUiMessage({ type: 'diagram/shell/exec', command: 'rm -rf /' }), /unknown type 'diagram\/shell\/exec'/);
  rejected(validateDiagramUiMessage({ type: 'diagram/graph/update' }), /unknown type/);
  rejected(validateDiagramHostMessage({ type: 'diagram/ready' }), /unknown type/);
  rejected(validateDiagramUiMessage({ command: 'diagram/ready' }), /missing type/);
  for (const value of [null, undefined, 42, 'diagram/ready', [], [{ type: 'diagram/ready' }], () => 1]) rejected(validateDiagramUiMessage(value), /./);
});

void test('wrong shapes and extra keys are rejected', () => {
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: 7 }), /reveal\.id: expected a string/);
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: '' }), /empty string/);
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: 'Fn', extra: true }), /unexpected key 'extra'/);
  rejected(validateDiagramUiMessage({ type: 'diagram/ready', then: 'x' }), /unexpected key 'then'/);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'pdf', data: 'x', fileName: 'a.pdf' }), /format: expected one of svg, png/);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'svg', data: '<script>alert(1)</script>', fileName: 'a.svg' }), /not SVG markup/);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'png', data: 'not base64!', fileName: 'a.png' }), /not a base64 PNG/);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'png', data: 'R0lGODlhAQABAAAAACw=', fileName: 'a.png' }), /not a base64 PNG/);
  rejected(validateDiagramUiMessage({ type: 'diagram/options/changed', options: { showAuxiliary: 'yes', collapsedGroups: [], direction: 'RIGHT' } }), /showAuxiliary: expected a boolean/);
  rejected(validateDiagramUiMessage({ type: 'diagram/options/changed', options: { showAuxiliary: true, collapsedGroups: [1], direction: 'RIGHT' } }), /collapsedGroups\[0\]/);
  rejected(validateDiagramUiMessage({ type: 'diagram/options/changed', options: { showAuxiliary: true, collapsedGroups: [], direction: 'UP' } }), /direction/);
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: new Date() }), /unexpected object|expected a string/);
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: 'x', n: Number.NaN }), /non-finite/);

  const bad = (patch: (g: Record<string, unknown>) => void): unknown => {
    const copy = structuredClone(update) as unknown as { graph: Record<string, unknown> };
    patch(copy.graph);
    return copy;
  };
  rejected(validateDiagramHostMessage(bad((g) => (g.nodes = 'x'))), /graph\.nodes: expected an array/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.nodes as Record<string, unknown>[])[0]!.category = 'weapons'))), /nodes\[0\]\.category/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.nodes as Record<string, unknown>[])[0]!.span = { start: 5, end: 2 }))), /end before start/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.nodes as Record<string, unknown>[])[0]!.span = { start: -1, end: 2 }))), /non-negative integer/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.nodes as Record<string, unknown>[])[0]!.details = { a: 1 }))), /details\.a: expected a string/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.edges as Record<string, unknown>[])[0]!.kind = 'eval'))), /edges\[0\]\.kind/);
  rejected(validateDiagramHostMessage(bad((g) => ((g.groups as Record<string, unknown>[])[0]!.kind = 'galaxy'))), /groups\[0\]\.kind/);
  rejected(validateDiagramHostMessage(bad((g) => (g.nodes = [...(g.nodes as unknown[]), (g.nodes as unknown[])[1]]))), /duplicate node id 'Fn'/);
  rejected(validateDiagramHostMessage({ ...update, hash: 'x'.repeat(129) }), /hash: longer than 128/);
});

void test('__proto__ keys are rejected anywhere in the message', () => {
  rejected(validateDiagramUiMessage(JSON.parse('{"type":"diagram/ready","__proto__":{"polluted":true}}')), /`__proto__` key/);
  rejected(validateDiagramUiMessage(JSON.parse('{"type":"diagram/options/changed","options":{"showAuxiliary":true,"collapsedGroups":[],"direction":"RIGHT","__proto__":{"x":1}}}')), /`__proto__` key/);
  const deep = structuredClone(update) as unknown as { graph: { nodes: { details: Record<string, string> }[] } };
  deep.graph.nodes[0]!.details = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
  rejected(validateDiagramHostMessage(deep), /`__proto__` key/);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

void test('oversize payloads (50 MB) and deep nesting are rejected before any field is read', () => {
  const big = 'A'.repeat(50 * 1024 * 1024);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'png', data: big, fileName: 'a.png' }), /larger than/);
  rejected(validateDiagramUiMessage({ type: 'diagram/node/reveal', id: 'x', padding: big }), /larger than/);
  const many = structuredClone(update) as unknown as { graph: { nodes: { details: Record<string, string> }[] } };
  many.graph.nodes[0]!.details = { a: 'x'.repeat(11 * 1024 * 1024), b: 'y'.repeat(11 * 1024 * 1024) };
  rejected(validateDiagramHostMessage(many), /larger than/);
  let nested: unknown = 'x';
  for (let i = 0; i < 50; i++) nested = { a: nested };
  rejected(validateDiagramUiMessage({ type: 'diagram/ready', nested }), /nested deeper/);
});

void test('export file names: one plain segment with the right extension', () => {
  for (const name of ['../../x.svg', '..\\..\\x.svg', '/etc/passwd.svg', 'C:\\x.svg', 'a/b.svg', '..svg', '.hidden.svg', 'x.svg\u0000.png', 'x\u202Egvs.png', 'x.png', 'x.svg ', '', 'x'.repeat(300) + '.svg', 'a:b.svg']) {
    assert.equal(isSafeExportFileName(name, 'svg'), false, JSON.stringify(name));
  }
  for (const name of ['template.diagram.svg', 'My Template-1.SVG', 'x_y.svg']) assert.equal(isSafeExportFileName(name, 'svg'), true, name);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'svg', data: '<svg></svg>', fileName: '../../x.svg' }), /fileName: not a plain \.svg file name/);
  rejected(validateDiagramUiMessage({ type: 'diagram/export/save', format: 'svg', data: '<svg></svg>', fileName: '..' }), /fileName/);
});

void test('the host handler map dispatches each message to its own handler', async () => {
  const seen: string[] = [];
  const handlers: DiagramUiHandlers = {
    'diagram/ready': () => void seen.push('ready'),
    'diagram/node/reveal': ({ id }) => void seen.push(`reveal ${id}`),
    'diagram/export/save': ({ format }) => Promise.resolve(void seen.push(`save ${format}`)),
    'diagram/mermaid/copy': () => void seen.push('mermaid'),
    'diagram/options/changed': ({ options }) => void seen.push(`options ${options.direction}`),
    'diagram/layout/request': ({ requestId }) => void seen.push(`layout ${requestId}`),
  };
  await dispatchUiMessage(handlers, { type: 'diagram/node/reveal', id: 'Fn' });
  await dispatchUiMessage(handlers, { type: 'diagram/export/save', format: 'png', data: PNG, fileName: 'a.png' });
  void dispatchUiMessage(handlers, { type: 'diagram/ready' });
  assert.deepEqual(seen, ['reveal Fn', 'save png', 'ready']);
  // @ts-expect-error A handler map without 'diagram/mermaid/copy' does not compile.
  const incomplete: DiagramUiHandlers = { 'diagram/ready': () => undefined, 'diagram/node/reveal': () => undefined, 'diagram/export/save': () => undefined, 'diagram/options/changed': () => undefined, 'diagram/layout/request': () => undefined };
  assert.ok(incomplete);
});

const diagramContentSecurityPolicy = (cspSource: string, nonce: string): string => webviewContentSecurityPolicy(DIAGRAM_PAGE, cspSource, nonce);

void test('the webview HTML: nonce-only scripts, no inline anything, escaped URIs', () => {
  const html = renderWebviewHtml(DIAGRAM_PAGE, { cspSource: 'https://*.vscode-cdn.net', nonce: 'abcdefghijklmnop1234', scriptUri: 'https://x/diagram.js?a="><script>', styleUri: 'https://x/diagram.css' });
  const csp = diagramContentSecurityPolicy('https://*.vscode-cdn.net', 'abcdefghijklmnop1234');
  assert.match(csp, /^default-src 'none'; script-src 'nonce-abcdefghijklmnop1234'; style-src https:\/\/\*\.vscode-cdn\.net 'nonce-abcdefghijklmnop1234';/);
  // Layouts come from the extension host's worker: the page loads no worker and fetches nothing.
  assert.match(csp, /; require-trusted-types-for 'script'; trusted-types fast-html; base-uri 'none'; form-action 'none'$/);
  assert.doesNotMatch(csp, /connect-src|worker-src/);
  assert.ok(html.includes(`http-equiv="Content-Security-Policy" content="${escapeHtmlAttribute(csp)}"`));
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|data-worker/);
  assert.ok(html.includes('src="https://x/diagram.js?a=&quot;&gt;&lt;script&gt;"'));
  assert.equal(html.match(/<script/g)?.length, 1);
  // The kit still serves a page that has a worker of its own (none does today).
  const workerPage = { ...DIAGRAM_PAGE, workerBundle: 'someWorker', trustedTypesPolicies: ['some-worker'] };
  assert.match(webviewContentSecurityPolicy(workerPage, 'https://x', 'abcdefghijklmnop1234'), /; connect-src https:\/\/x; worker-src blob:; require-trusted-types-for 'script'; trusted-types fast-html some-worker;/);
  assert.throws(() => renderWebviewHtml(workerPage, { cspSource: 'https://x', nonce: 'abcdefghijklmnop1234', scriptUri: 'a', styleUri: 'b' }), /worker URI is missing/);
  assert.throws(() => diagramContentSecurityPolicy('https://x', "x' 'unsafe-inline"), /malformed nonce/);
  assert.throws(() => diagramContentSecurityPolicy("https://x; script-src 'unsafe-inline'", 'abcdefghijklmnop1234'), /malformed CSP source/);
  assert.throws(() => diagramContentSecurityPolicy("https://x 'unsafe-eval'", 'abcdefghijklmnop1234'), /malformed CSP source/);
  // VS Code's web workbench (code-server) gives a quoted keyword and a wildcard host.
  assert.match(diagramContentSecurityPolicy("'self' https://*.vscode-cdn.net", 'abcdefghijklmnop1234'), /style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-/);
});
