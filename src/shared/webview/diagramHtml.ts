/**
 * The diagram webview's HTML shell and Content Security Policy. The extension host renders
 * it for the panel, and the browser test (`test/unit/webview/diagram.browser.test.ts`)
 * renders the same function, so the UI is tested under the exact policy it ships with.
 *
 * Policy, directive by directive:
 * - `default-src 'none'`: nothing loads unless allowed below.
 * - `script-src 'nonce-…'`: only our one bundle, with a fresh nonce per load; no inline
 *   scripts, no `eval`.
 * - `style-src`, `img-src`, `font-src`: the webview's own resource origin (`cspSource`), no
 *   inline styles. `style-src` also takes the nonce: the toolkit (FAST) probes for
 *   `:focus-visible` support with one `<style>` element carrying the nonce it reads from
 *   `<meta property="csp-nonce">`; without it that probe is a CSP violation on every load.
 *   Component styles use constructable stylesheets, which the CSP does not govern.
 * - `connect-src cspSource` + `worker-src blob:`: VS Code webviews cannot start a worker from
 *   an extension file URL (the resource origin is not the webview's origin and worker
 *   requests bypass the webview's service worker), so the UI fetches our own
 *   `dist/webview/diagramLayout.js` and starts it from a `blob:` URL of those exact bytes.
 *   Nothing else can create a blob worker: scripts are nonce-only. No `<link rel=preload>`
 *   for it: in VS Code's web workbench a preload races the webview's service worker and
 *   fails about one load in three ("Failed to fetch"), seen in code-server 4.139.
 * - `require-trusted-types-for 'script'`: DOM sinks such as `innerHTML` throw on plain
 *   strings, so a regression that writes template text as HTML fails loudly. Two policies
 *   may exist: the toolkit's `fast-html` (its static component templates) and
 *   `archlens-diagram-worker`, which only passes the one `blob:` URL of the layout worker.
 * - `base-uri 'none'`, `form-action 'none'`: no base tag hijacking, no form posts.
 *
 * Pure string building: no DOM, no `node:*`.
 */

/** What the shell needs: the resource URIs as the webview sees them, and a per-load nonce. */
export interface DiagramHtmlParams {
  /** `webview.cspSource` (VS Code) or the test server's origin. */
  readonly cspSource: string;
  /** Base64 or base64url, at least 16 characters, new for every load. */
  readonly nonce: string;
  /** `dist/webview/diagram.js`. */
  readonly scriptUri: string;
  /** `dist/webview/diagram.css`. */
  readonly styleUri: string;
  /** `dist/webview/diagramLayout.js` (the layout worker). */
  readonly layoutWorkerUri: string;
}

const NONCE = /^[A-Za-z0-9+/_=-]{16,128}$/;
// A CSP source list: scheme/host sources, wildcards and quoted keywords (VS Code's web
// workbench gives `'self' https://*.vscode-cdn.net`), nothing that could end the directive,
// and no `'unsafe-…'` keyword.
const CSP_SOURCE = /^[A-Za-z0-9+.:/*_\-\[\]' ]+$/;

/** Escapes text for a double-quoted HTML attribute. */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content Security Policy of the diagram webview. Throws on a malformed nonce or source. */
export function diagramContentSecurityPolicy(cspSource: string, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('diagram webview: malformed nonce');
  if (!CSP_SOURCE.test(cspSource) || /'unsafe-/i.test(cspSource)) throw new Error('diagram webview: malformed CSP source');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `connect-src ${cspSource}`,
    'worker-src blob:',
    "require-trusted-types-for 'script'",
    'trusted-types fast-html archlens-diagram-worker',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The webview document. The UI bundle builds everything else with DOM APIs. */
export function renderDiagramHtml(params: DiagramHtmlParams): string {
  const csp = diagramContentSecurityPolicy(params.cspSource, params.nonce);
  const attr = escapeHtmlAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${attr(params.nonce)}">
<link rel="stylesheet" href="${attr(params.styleUri)}">
<title>Architecture diagram</title>
</head>
<body>
<div id="archlens-diagram" data-layout-worker="${attr(params.layoutWorkerUri)}"></div>
<script nonce="${attr(params.nonce)}" src="${attr(params.scriptUri)}"></script>
</body>
</html>
`;
}
