// Starting and stopping code-server for ArchLens: shared by `npm start` (start.mjs) and the
// integration tier (test/integration/). Types for the TypeScript tests: codeServer.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './installCodeServer.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_ID = 'archlens.archlens';

/** Debian's Chromium (playwright's own browser download cannot work on these machines). */
export const CHROMIUM_PATH = process.env.ARCHLENS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws unless the Chromium binary exists, naming the Debian package. */
export function checkChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install the Debian package chromium (apt-get install -y chromium) or set ARCHLENS_CHROMIUM`);
  }
}

/** A free TCP port on 127.0.0.1 (bound, read, released: a tiny race, fine on a dev machine). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * User settings that keep the workbench quiet and deterministic: no welcome page, tips, update
 * checks, recommendations or AI panels that steal focus from the editor the tests type into.
 * `security.workspace.trust.startupPrompt: never` does not trust anything: an untrusted folder
 * simply opens in Restricted Mode without the modal dialog.
 */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  // The (chat) secondary side bar would take a third of the width and the initial focus.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  // Completion is asserted explicitly with Ctrl+Space; quick suggestions would race with typing.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
};

/**
 * code-server's own config file. Every invocation (even --version and --install-extension)
 * creates ~/.config/code-server/config.yaml with a generated password unless given another.
 */
function configFile(userDataDir) {
  return join(userDataDir, 'code-server-config.yaml');
}

/** Writes `<userDataDir>/User/settings.json` (code-server reads user settings from there). */
export function writeUserSettings(userDataDir, settings = QUIET_SETTINGS) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/**
 * Packages the built extension with vsce into `out` (the same flags as `npm run package`).
 * `--no-rewrite-relative-links`: README links are relative and the package has no repository URL.
 */
export function packageExtension(out) {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js does not exist: run `npm run build` first (the extension sources are src/extension/)');
  }
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out], {
    cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`vsce package failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return out;
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (as a user would). */
export function installVsix({ install, vsix, extensionsDir, userDataDir }) {
  const result = spawnSync(install.node, [install.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--config', configFile(userDataDir), '--install-extension', vsix, '--force'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, env: cleanEnv(),
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output.trim();
}

/** Extensions code-server sees in an extensions folder (`id@version` lines). */
export function listExtensions({ install, extensionsDir, userDataDir }) {
  const result = spawnSync(install.node, [install.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--config', configFile(userDataDir), '--list-extensions', '--show-versions'], {
    encoding: 'utf8', timeout: 60_000, env: cleanEnv(),
  });
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * Starts code-server on 127.0.0.1 and resolves once `/healthz` answers.
 * `trust: true` passes --disable-workspace-trust (every folder is trusted, the workbench never
 * shows Restricted Mode); `trust: false` leaves trust on, so a fresh folder is untrusted.
 * `extensionDevelopmentPath` loads an unpacked extension instead of (or besides) installed ones;
 * with it, `extensionTestsPath` runs a VS Code extension test suite (its `run()`) in the
 * extension host once a browser opens the URL.
 */
export async function startCodeServer({ install, folder, userDataDir, extensionsDir, logFile, trust, port, extensionDevelopmentPath, extensionTestsPath, env = {}, timeoutMs = 60_000 }) {
  port ??= await freePort();
  mkdirSync(dirname(logFile), { recursive: true });
  const args = [
    install.codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--config', configFile(userDataDir),
    '--extensions-dir', extensionsDir,
    ...(trust ? ['--disable-workspace-trust'] : []),
    // Measured with 4.139.1: `--vscode-option extensionDevelopmentPath=...` alone loads nothing.
    // The web workbench takes the path from the URL's `payload`, and a built product honours
    // that payload only with the smoke-test driver enabled (see `payload` below).
    ...(extensionDevelopmentPath ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`$ ${install.node} ${args.join(' ')}\n`);
  // Its own process group, so stop() ends code-server and the extension hosts it spawned.
  // `env` reaches the extension host (e.g. the demo's AWS_CONFIG_FILE and AWS_PROFILE).
  const child = spawn(install.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv(env) });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (extensionDevelopmentPath) {
    // The remote authority is the address the browser uses; the server maps it back to a path.
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone between the two signals
      }
    }, 5000);
    await exitedPromise;
    clearTimeout(timer);
    log.end();
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was ready; log: ${logFile}\n${tail(logFile)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, port, pid: child.pid, logFile, stop, exited: exitedPromise };
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
