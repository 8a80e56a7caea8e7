// Set-up for the real-VS-Code tier: code-server (installed once into the cache), the packaged
// extension, a copy of demo/ per session, headless Chromium, and the artifacts of every step.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { checkChromium, installVsix, listExtensions, packageExtension, QUIET_SETTINGS, repoRoot, startCodeServer, writeUserSettings, type RunningCodeServer } from '../../scripts/workbench/codeServer.mjs';
import { installCodeServer, type InstallResult } from '../../scripts/workbench/installCodeServer.mjs';
import { launchChromium, Workbench } from './workbench';

export const ARTIFACTS = join(repoRoot, '.test-artifacts', 'integration');

/** A scratch template the completion test types into (added to each copy of demo/). */
export const SCRATCH_TEMPLATE = 'templates/completion-scratch.yaml';
const SCRATCH_CONTENT = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Scratch:\n    \n';

/** What all sessions share: the code-server install, the .vsix and the browser. */
export interface IntegrationEnvironment {
  install: InstallResult;
  vsix: string;
  browser: Browser;
  tmp: string;
  /** `env` reaches code-server and its extension host (e.g. the demo AWS account's variables). */
  openSession(name: string, options: { trust: boolean; env?: Record<string, string> }): Promise<Session>;
  dispose(): Promise<void>;
}

export interface Session {
  name: string;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  server: RunningCodeServer;
  workbench: Workbench;
  /** Runs one test step; screenshot `NN-<step>.png` after it, `FAILED-<step>.png` + logs on failure. */
  step<T>(step: string, body: () => Promise<T>): Promise<T>;
  /** `<userDataDir>/logs/.../exthost*\/remoteexthost.log` text (the extension host's log). */
  extensionHostLog(): string;
  installedExtensions(): string[];
  close(): Promise<void>;
}

function progress(line: string): void {
  console.log(`# integration: ${line}`);
}

export async function prepareEnvironment(): Promise<IntegrationEnvironment> {
  // scripts/runIntegration.mjs empties it once per run; a file run alone just adds to it.
  mkdirSync(ARTIFACTS, { recursive: true });
  checkChromium(); // fail fast, before a first-run install of several minutes
  const install = await installCodeServer({ log: progress });
  progress(`code-server ${install.info.codeServerVersion} (VS Code ${install.info.vscodeVersion}) at ${install.dir}`);

  const tmp = mkdtempSync(join(tmpdir(), 'archlens-integration-'));
  // ARCHLENS_INTEGRATION_VSIX: run the suite against another build (used to develop the harness).
  const vsix = process.env.ARCHLENS_INTEGRATION_VSIX || packageExtension(join(tmp, 'archlens.vsix'));
  progress(`extension package: ${vsix}`);
  const browser = await launchChromium();
  let counter = 0;

  return {
    install,
    vsix,
    browser,
    tmp,
    openSession: (name, { trust, env }) => openSession({ install, vsix, browser, tmp, name, trust, env, nextShot: () => ++counter }),
    async dispose() {
      await browser.close().catch(() => undefined);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

async function openSession(options: {
  install: InstallResult;
  vsix: string;
  browser: Browser;
  tmp: string;
  name: string;
  trust: boolean;
  env?: Record<string, string>;
  nextShot: () => number;
}): Promise<Session> {
  const { install, vsix, browser, tmp, name, trust, env, nextShot } = options;
  const base = join(tmp, name);
  const folder = join(base, 'demo');
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  cpSync(join(repoRoot, 'demo'), folder, { recursive: true });
  writeFileSync(join(folder, SCRATCH_TEMPLATE), SCRATCH_CONTENT);
  writeUserSettings(userDataDir, QUIET_SETTINGS);
  // Installed the way a user installs a .vsix, into this session's own extensions folder.
  installVsix({ install, vsix, extensionsDir, userDataDir });

  const logFile = join(base, 'code-server.log');
  const t0 = Date.now();
  const server = await startCodeServer({ install, folder, userDataDir, extensionsDir, logFile, trust, env });
  progress(`[${name}] code-server on ${server.url} (${trust ? 'trusted' : 'untrusted'} folder), up in ${Date.now() - t0} ms`);

  const saveLogs = (): string[] => {
    const saved: string[] = [];
    const serverLog = join(ARTIFACTS, `${name}-code-server.log`);
    if (existsSync(logFile)) {
      cpSync(logFile, serverLog);
      saved.push(serverLog);
    }
    const logs = join(userDataDir, 'logs');
    const vscodeLogs = join(ARTIFACTS, `${name}-vscode-logs`);
    if (existsSync(logs)) {
      cpSync(logs, vscodeLogs, { recursive: true });
      saved.push(vscodeLogs);
    }
    return saved;
  };

  let workbench: Workbench;
  try {
    const t1 = Date.now();
    workbench = await Workbench.open(browser, server.url);
    progress(`[${name}] workbench interactive in ${Date.now() - t1} ms`);
  } catch (error) {
    const saved = saveLogs();
    await server.stop();
    throw new Error(`[${name}] the workbench did not load: ${(error as Error).message}\n  logs: ${saved.join(', ')}`);
  }

  const session: Session = {
    name,
    folder,
    userDataDir,
    extensionsDir,
    server,
    workbench,
    async step(step, body) {
      const shot = (prefix: string) => join(ARTIFACTS, `${prefix}${name}-${step}.png`);
      try {
        const result = await body();
        const path = shot(`${String(nextShot()).padStart(2, '0')}-`);
        await workbench.screenshot(path);
        progress(`[${name}] ${step}: ok (screenshot ${relative(repoRoot, path)})`);
        return result;
      } catch (error) {
        const path = shot('FAILED-');
        await workbench.screenshot(path).catch(() => undefined);
        const saved = saveLogs();
        console.error(`# integration: [${name}] ${step} FAILED\n#   screenshot: ${path}\n#   logs: ${saved.join('\n#         ')}`);
        throw error;
      }
    },
    extensionHostLog: () => findFiles(join(userDataDir, 'logs'), /^remoteexthost\.log$/).map((file) => readFileSync(file, 'utf8')).join('\n'),
    installedExtensions: () => listExtensions({ install, extensionsDir, userDataDir }),
    async close() {
      await workbench.close();
      await server.stop();
      saveLogs();
    },
  };
  return session;
}

/** Files under `dir` (recursively) whose name matches. */
export function findFiles(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Polls `probe` until it returns true or `timeoutMs` passes. */
export async function eventually(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(file: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' not found in ${file}`);
  return { line: index + 1, column: lines[index]!.indexOf(needle) + 1 };
}
