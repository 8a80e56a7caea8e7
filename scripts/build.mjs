// Bundles the CLI, the extension and the language server with esbuild (one line per bundle).
// Bundles that do not exist yet are skipped, so the build works while layers are being written.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** Bundles: entry -> outfile, plus per-bundle extras. */
const bundles = [
  { entry: 'src/cli/main.ts', outfile: 'dist/cli.js', banner: '#!/usr/bin/env node', executable: true },
  { entry: 'src/extension/extension.ts', outfile: 'dist/extension.js', optional: true },
  { entry: 'src/server/server.ts', outfile: 'dist/server.js', optional: true },
  // Webview bundles: one line per panel in WEBVIEW_PANELS below.
];

/**
 * Webview panels (browser, DOM-only; see webview-ui/README.md). Each is `webview-ui/<panel>/main.ts`
 * -> `dist/webview/<panel>.js` plus `webview-ui/<panel>/<panel>.css` -> `dist/webview/<panel>.css`
 * (the names the host's `WebviewPage` loads); `workers` are extra entries started from `blob:` URLs.
 */
const WEBVIEW_PANELS = [
  { panel: 'diagram', workers: [{ entry: 'layoutWorker.ts', name: 'diagramLayout' }] },
];
for (const { panel, workers = [] } of WEBVIEW_PANELS) {
  const entry = (file) => `webview-ui/${panel}/${file}`;
  bundles.push(
    { entry: entry('main.ts'), outfile: `dist/webview/${panel}.js`, browser: true },
    ...workers.map((worker) => ({ entry: entry(worker.entry), outfile: `dist/webview/${worker.name}.js`, browser: true })),
    { entry: entry(`${panel}.css`), outfile: `dist/webview/${panel}.css`, browser: true },
  );
}

const catalogScript = join(root, 'scripts/buildCatalog.mjs');
if (existsSync(catalogScript)) {
  const result = spawnSync(process.execPath, [catalogScript], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: scripts/buildCatalog.mjs failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

// The official OpenAPI schema validators, precompiled (ajv standalone) for the engine to import.
{
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/validators/buildValidators.ts')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: scripts/validators/buildValidators.ts failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

for (const bundle of bundles) {
  const entry = join(root, bundle.entry);
  if (!existsSync(entry)) {
    if (bundle.optional) continue;
    console.error(`build: missing ${bundle.entry}`);
    process.exit(1);
  }
  const t0 = Date.now();
  try {
    await build({
      entryPoints: [entry],
      outfile: join(root, bundle.outfile),
      bundle: true,
      format: bundle.browser ? 'iife' : 'cjs',
      platform: bundle.browser ? 'browser' : 'node',
      target: bundle.browser ? 'chrome120' : 'node20',
      sourcemap: true,
      // The extension host provides `vscode`; it must never be bundled.
      external: bundle.browser ? [] : ['vscode'],
      // Webview bundles are always minified: they are parsed on every panel load.
      minify: production || Boolean(bundle.browser),
      banner: bundle.banner ? { js: bundle.banner } : undefined,
      logLevel: 'warning',
      // Keeps stack traces readable and lets `require.main === module` style checks work.
      keepNames: true,
    });
  } catch {
    // esbuild has already printed the errors with locations.
    process.exit(1);
  }
  const outfile = join(root, bundle.outfile);
  if (bundle.executable) chmodSync(outfile, 0o755);
  const kb = (statSync(outfile).size / 1024).toFixed(0);
  console.log(`build: ${bundle.entry} -> ${relative(root, outfile)} (${kb} KB, ${Date.now() - t0} ms)`);
}
