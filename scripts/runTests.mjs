// Runs the unit tests: every test/unit/**/*.test.ts through Node's test runner with tsx.
// Node 20's `--test` does not expand globs, so the files are found here and passed explicitly.
// Extra arguments are passed through to Node, e.g.
//   node scripts/runTests.mjs --test-name-pattern="sarif"
//   node scripts/runTests.mjs test/unit/config.test.ts      (only these files)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function findTests(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : findTests(full);
      return entry.name.endsWith('.test.ts') ? [relative(root, full)] : [];
    });
}

const args = process.argv.slice(2);
// Arguments naming test files select those files; everything else goes to Node.
const named = args.filter((arg) => !arg.startsWith('-') && arg.endsWith('.test.ts'));
const nodeArgs = args.filter((arg) => !named.includes(arg));
const files = named.length > 0 ? named : findTests(join(root, 'test', 'unit'));
if (files.length === 0) {
  console.error('runTests: no test files found under test/unit');
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeArgs, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
