// Runs the real-VS-Code tier (test/integration/*.test.ts): code-server + headless Chromium.
// `npm test` runs it after the unit tests. ARCHLENS_SKIP_INTEGRATION=1 skips it, loudly; nothing
// else does: a missing Chromium or Kerberos headers fails with the Debian package to install.
//   node scripts/runIntegration.mjs [--test-name-pattern=hover]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCodeServer } from './workbench/installCodeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.ARCHLENS_SKIP_INTEGRATION === '1') {
  console.log('');
  console.log('*** SKIPPED: integration tier (real VS Code in code-server + Chromium): ARCHLENS_SKIP_INTEGRATION=1 ***');
  console.log('');
  process.exit(0);
}

const dir = join(root, 'test', 'integration');
const files = readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort().map((name) => join('test', 'integration', name));
if (files.length === 0) {
  console.error('runIntegration: no test files found under test/integration');
  process.exit(1);
}

// Screenshots and logs of this run only (gitignored).
const artifacts = join(root, '.test-artifacts', 'integration');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

// The one-time code-server install (minutes) runs here, with its progress on the console,
// rather than silently inside a test's time budget.
try {
  const install = await installCodeServer();
  console.log(`runIntegration: code-server ${install.info.codeServerVersion} (VS Code ${install.info.vscodeVersion}) ready in ${install.dir}`);
} catch (error) {
  console.error(`runIntegration: ${error.message}`);
  process.exit(1);
}

// One file at a time: each starts code-server and Chromium, and the machine has 2 cores.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
