// Runs the extension-host suite (test/integration/desktop/suite.ts) in a real VS Code, once in a
// trusted and once in an untrusted copy of demo/:
//   node scripts/workbench/testDesktop.mjs                 desktop VS Code via @vscode/test-electron
//   node scripts/workbench/testDesktop.mjs --code-server   code-server's extension host (offline)
// The desktop mode downloads VS Code from Microsoft's update service: it cannot run on these
// machines (no internet), and says so; set ARCHLENS_VSCODE_EXECUTABLE to use an installed VS Code.
// On Linux it needs a display (xvfb-run -a ...). The --code-server mode is what runs here.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, checkChromium, QUIET_SETTINGS, repoRoot, startCodeServer, tail, writeUserSettings } from './codeServer.mjs';
import { displayProblem, resolveDesktopVSCode } from './desktop.mjs';
import { installCodeServer } from './installCodeServer.mjs';

const RESULT_FILE = '.archlens-suite-result.json'; // see suite.ts
const ARTIFACTS = join(repoRoot, '.test-artifacts', 'integration');
const SUITE_TIMEOUT = 3 * 60_000;

/** Bundled into the run's temp folder: a bundle under the repo (out/) would end up in the .vsix. */
async function bundleSuite(tmp) {
  const outfile = join(tmp, 'suite', 'suite.js');
  await build({
    entryPoints: [join(repoRoot, 'test', 'integration', 'desktop', 'suite.ts')],
    outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['vscode'], sourcemap: true, logLevel: 'warning',
  });
  return outfile;
}

function prepareFolder(tmp, mode) {
  const folder = join(tmp, mode, 'demo');
  cpSync(join(repoRoot, 'demo'), folder, { recursive: true });
  const userDataDir = join(tmp, mode, 'user-data');
  writeUserSettings(userDataDir, QUIET_SETTINGS);
  return { folder, userDataDir, extensionsDir: join(tmp, mode, 'extensions') };
}

/** Desktop: @vscode/test-electron launches VS Code with the suite; its exit code is the verdict. */
async function runDesktop(tmp, suite) {
  const vscodeExecutablePath = await resolveDesktopVSCode();
  const problem = displayProblem();
  if (problem) throw new Error(problem.replace('npm run start:desktop', 'node scripts/workbench/testDesktop.mjs'));
  const { runTests } = await import('@vscode/test-electron');
  let failed = 0;
  for (const trusted of [true, false]) {
    const mode = trusted ? 'trusted' : 'untrusted';
    const { folder, userDataDir, extensionsDir } = prepareFolder(tmp, mode);
    console.log(`\n# desktop suite, ${mode} folder`);
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: suite,
        extensionTestsEnv: { ARCHLENS_EXPECT_TRUSTED: trusted ? '1' : '0' },
        launchArgs: [folder, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, '--skip-welcome', '--skip-release-notes', ...(trusted ? ['--disable-workspace-trust'] : [])],
      });
    } catch (error) {
      failed++;
      console.error(`# desktop suite (${mode}) failed: ${error.message}`);
    }
  }
  return failed;
}

/** code-server: the same suite runs in the remote extension host once Chromium opens the URL. */
async function runCodeServer(tmp, suite) {
  const install = await installCodeServer();
  const { chromium } = await import('playwright-core');
  checkChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  let failed = 0;
  try {
    for (const trusted of [true, false]) {
      const mode = trusted ? 'trusted' : 'untrusted';
      const { folder, userDataDir, extensionsDir } = prepareFolder(tmp, mode);
      const logFile = join(tmp, mode, 'code-server.log');
      console.log(`\n# extension-host suite in code-server ${install.info.codeServerVersion}, ${mode} folder`);
      const server = await startCodeServer({ install, folder, userDataDir, extensionsDir, logFile, trust: trusted, extensionDevelopmentPath: repoRoot, extensionTestsPath: suite });
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      try {
        await page.goto(server.url);
        const resultPath = join(folder, RESULT_FILE);
        const deadline = Date.now() + SUITE_TIMEOUT;
        while (!existsSync(resultPath)) {
          if (Date.now() > deadline) throw new Error(`no result after ${SUITE_TIMEOUT / 1000} s; log: ${logFile}\n${tail(logFile)}`);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        await page.screenshot({ path: join(ARTIFACTS, `extension-host-suite-${mode}.png`) }).catch(() => undefined);
        const summary = JSON.parse(readFileSync(resultPath, 'utf8'));
        for (const result of summary.results) console.log(`${result.ok ? 'ok    ' : 'FAILED'} ${result.name} (${result.ms} ms)${result.error ? `\n       ${result.error}` : ''}`);
        const trustOk = summary.trusted === trusted;
        console.log(`${trustOk ? 'ok    ' : 'FAILED'} (d) workspace trusted = ${summary.trusted} (VS Code ${summary.vscodeVersion}, ${summary.appHost})`);
        failed += summary.results.filter((result) => !result.ok).length + (trustOk ? 0 : 1);
      } catch (error) {
        failed++;
        console.error(`# ${mode}: ${error.message}`);
      } finally {
        await page.close().catch(() => undefined);
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return failed;
}

async function main() {
  const codeServer = process.argv.includes('--code-server');
  const tmp = mkdtempSync(join(tmpdir(), 'archlens-desktop-suite-'));
  try {
    const suite = await bundleSuite(tmp);
    const failed = codeServer ? await runCodeServer(tmp, suite) : await runDesktop(tmp, suite);
    console.log(failed === 0 ? '\n# extension-host suite: all checks passed' : `\n# extension-host suite: ${failed} check(s) failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`testDesktop: ${error.message}`);
    process.exitCode = 1;
  },
);
