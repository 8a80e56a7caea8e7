// The extension-host suite (desktop/suite.ts, the one @vscode/test-electron runs on a desktop VS
// Code) run here in code-server's extension host, so it is exercised on every `npm test` even
// though no desktop VS Code can be downloaded on these machines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../scripts/workbench/codeServer.mjs';

describe('extension-host suite in code-server (the desktop runner\'s suite, run offline)', () => {
  it('passes in a trusted and an untrusted folder', { timeout: 20 * 60_000 }, () => {
    // Output straight through: each check's ok/FAILED line shows as it happens.
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'workbench', 'testDesktop.mjs'), '--code-server'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    assert.equal(result.status, 0, `testDesktop.mjs --code-server failed (exit ${result.status ?? result.signal}); its output is above`);
  });
});
