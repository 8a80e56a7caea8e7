/**
 * The HTML shell and Content Security Policy of every ArchLens webview panel. A panel
 * describes itself once ({@link WebviewPage}: its bundle, title, and whether it starts a
 * worker); the extension host (`src/extension/webview/panelHost.ts`) and the real-browser
 * test page (`test/unit/webview/webviewPage.ts`) both render it here, so a UI is tested under
 * the exact policy it ships with.
 *
 * Policy, directive by directive:
 * - `default-src 'none'`: nothing loads unless allowed below.
 * - `script-src 'nonce-…'`: only the panel's one bundle, with a fresh nonce per load; no
 *   inline scripts, no `eval`.
 * - `style-src`, `img-src`, `font-src`: the webview's own resource origin (`cspSource`), no
 *   inline styles. `style-src` also takes the nonce: the toolkit (FAST) probes for
 *   `:focus-visible` support with one `<style>` element carrying the nonce it reads from
 *   `<meta property="csp-nonce">`; without it that probe is a CSP violation on every load.
 *   Component styles use constructable stylesheets, which the CSP does not govern.
 * - Only for a page with a `workerBundle`: `connect-src cspSource` + `worker-src blob:`. VS
 *   Code webviews cannot start a worker from an extension file URL (the resource origin is
 *   not the webview's origin and worker requests bypass the webview's service worker), so the
 *   UI fetches its worker bundle and starts it from a `blob:` URL of those exact bytes.
 *   Nothing else can create a blob worker: scripts are nonce-only. No `<link rel=preload>`
 *   for it: in VS Code's web workbench a preload races the webview's service worker and
 *   fails about one load in three ("Failed to fetch"), seen in code-server 4.139. A page
 *   without a worker gets neither directive, so it cannot fetch at all.
 * - `require-trusted-types-for 'script'`: DOM sinks such as `innerHTML` throw on plain
 *   strings, so a regression that writes document text as HTML fails loudly. Allowed
 *   policies: the toolkit's `fast-html` (its static component templates) and the page's own
 *   (`trustedTypesPolicies`, e.g. the diagram's `archlens-diagram-worker`, which only passes
 *   the one `blob:` URL of its layout worker).
 * - `base-uri 'none'`, `form-action 'none'`: no base tag hijacking, no form posts.
 *
 * Pure string building: no DOM, no `node:*`.
 */

/** Id of the element every bundle renders into. */
export const WEBVIEW_ROOT_ID = 'archlens-webview';

/** A panel's page, as data. */
export interface WebviewPage {
  /** `dist/webview/<bundle>.js` and `dist/webview/<bundle>.css` (built from `webview-ui/<bundle>/`). */
  readonly bundle: string;
  /** The document title (the tab title is the host's). */
  readonly title: string;
  /** `dist/webview/<workerBundle>.js`, started by the UI from a `blob:` URL (see the policy above). */
  readonly workerBundle?: string;
  /** Trusted Types policies the bundle creates, besides the toolkit's `fast-html`. */
  readonly trustedTypesPolicies?: readonly string[];
}

/** One load's values: the resource URIs as the webview sees them, and a nonce. */
export interface WebviewHtmlParams {
  /** `webview.cspSource` (VS Code) or the test server's origin. */
  readonly cspSource: string;
  /** Base64 or base64url, at least 16 characters, new for every load. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The worker bundle's URI: required when the page has a `workerBundle`. */
  readonly workerUri?: string;
}

const NONCE = /^[A-Za-z0-9+/_=-]{16,128}$/;
// A CSP source list: scheme/host sources, wildcards and quoted keywords (VS Code's web
// workbench gives `'self' https://*.vscode-cdn.net`), nothing that could end the directive,
// and no `'unsafe-…'` keyword.
const CSP_SOURCE = /^[A-Za-z0-9+.:/*_\-\[\]' ]+$/;
const POLICY_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Escapes text for a double-quoted HTML attribute. */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for HTML element content. */
function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content Security Policy of a panel's page. Throws on a malformed nonce, source or policy name. */
export function webviewContentSecurityPolicy(page: WebviewPage, cspSource: string, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error(`${page.bundle} webview: malformed nonce`);
  if (!CSP_SOURCE.test(cspSource) || /'unsafe-/i.test(cspSource)) throw new Error(`${page.bundle} webview: malformed CSP source`);
  const policies = ['fast-html', ...(page.trustedTypesPolicies ?? [])];
  if (!policies.every((name) => POLICY_NAME.test(name))) throw new Error(`${page.bundle} webview: malformed Trusted Types policy name`);
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    ...(page.workerBundle ? [`connect-src ${cspSource}`, 'worker-src blob:'] : []),
    "require-trusted-types-for 'script'",
    `trusted-types ${policies.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The webview document: one root element, one stylesheet, one nonce'd script. The bundle builds everything else with DOM APIs. */
export function renderWebviewHtml(page: WebviewPage, params: WebviewHtmlParams): string {
  const csp = webviewContentSecurityPolicy(page, params.cspSource, params.nonce);
  if (page.workerBundle && !params.workerUri) throw new Error(`${page.bundle} webview: the worker URI is missing`);
  const attr = escapeHtmlAttribute;
  const worker = page.workerBundle && params.workerUri ? ` data-worker="${attr(params.workerUri)}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${attr(params.nonce)}">
<link rel="stylesheet" href="${attr(params.styleUri)}">
<title>${escapeHtmlText(page.title)}</title>
</head>
<body>
<div id="${WEBVIEW_ROOT_ID}" data-panel="${attr(page.bundle)}"${worker}></div>
<script nonce="${attr(params.nonce)}" src="${attr(params.scriptUri)}"></script>
</body>
</html>
`;
}
