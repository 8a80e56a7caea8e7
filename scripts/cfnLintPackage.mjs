// Where the installed cfn-lint package is, and its version: the build-time data generators
// (buildConstraints.mjs, buildIamData.mjs) read its MIT-0 data from there.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The cfnlint package directory: the first non-option argument, else the one python3 imports. */
export function findCfnLint(scriptName) {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (arg) return arg;
  try {
    return execFileSync('python3', ['-c', 'import cfnlint,os;print(os.path.dirname(cfnlint.__file__))'], { encoding: 'utf8' }).trim();
  } catch {
    console.error(`${scriptName}: cfn-lint not found; \`pip install cfn-lint\` or pass the cfnlint package directory.`);
    process.exit(1);
  }
}

/** The version of the cfnlint package in `dir`. */
export function cfnLintVersion(dir) {
  const text = readFileSync(join(dir, 'version.py'), 'utf8');
  return /__version__\s*=\s*["']([^"']+)["']/.exec(text)?.[1] ?? 'unknown';
}
