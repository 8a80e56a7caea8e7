// Desktop VS Code through @vscode/test-electron: `npm run start:desktop` and the desktop runner
// of the integration suite (testDesktop.mjs). It downloads a VS Code build from Microsoft's update
// service, which these machines cannot reach (only the npm registry and the Debian archive), so
// here it fails with the message below; on a developer machine with internet it works.
// ARCHLENS_VSCODE_EXECUTABLE=/path/to/code skips the download (an installed desktop VS Code).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';
import { cacheRoot } from './installCodeServer.mjs';

/** The desktop VS Code to use: $ARCHLENS_VSCODE_EXECUTABLE, else a download (cached). */
export async function resolveDesktopVSCode() {
  const given = process.env.ARCHLENS_VSCODE_EXECUTABLE;
  if (given) {
    if (!existsSync(given)) throw new Error(`ARCHLENS_VSCODE_EXECUTABLE=${given} does not exist`);
    return given;
  }
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  const version = process.env.ARCHLENS_VSCODE_VERSION || 'stable';
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: join(cacheRoot(), 'vscode-test'), timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `cannot download desktop VS Code '${version}' with @vscode/test-electron: ${error.message}\n` +
        '  This machine reaches only the npm registry and the Debian archive, not Microsoft\'s VS Code download service.\n' +
        '  Use an installed VS Code (ARCHLENS_VSCODE_EXECUTABLE=/path/to/code), or the real VS Code that does\n' +
        '  run here: `npm start` (code-server in the browser) and the integration tier (`npm run test:integration`).',
    );
  }
}

/** Linux without a display: Electron cannot open a window; say how to get one. */
export function displayProblem() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no DISPLAY: run under a virtual display, e.g. `xvfb-run -a npm run start:desktop` (Debian package xvfb)';
}

/** `npm run start:desktop`: the desktop VS Code with the extension loaded from the repository. */
export async function launchDesktop({ folder }) {
  const executable = await resolveDesktopVSCode();
  const problem = displayProblem();
  if (problem) throw new Error(problem);
  const profile = mkdtempSync(join(tmpdir(), 'archlens-desktop-'));
  const args = [
    folder,
    `--extensionDevelopmentPath=${repoRoot}`,
    `--user-data-dir=${join(profile, 'user-data')}`,
    `--extensions-dir=${join(profile, 'extensions')}`,
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
  ];
  console.log(`archlens: ${executable} ${args.join(' ')}`);
  const child = spawn(executable, args, { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
