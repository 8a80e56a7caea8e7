/**
 * The `archlens` command (bundled to dist/cliMain.js, run by the loader dist/cli.js). Everything testable
 * lives in run.ts; this file only binds the real process.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { isLintWorker, LintWorkers, runLintWorker } from './lintPool';
import type { runOriginCli } from './originCommand';
import { readFileOrUndefined, runCliWithWorkers, type LintPlan } from './run';

if (isLintWorker()) {
  // This bundle started as a folder lint's worker thread (src/cli/lintPool.ts).
  runLintWorker(readFileOrUndefined);
} else {
  // `archlens lint . | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const cwd = process.cwd();
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd };
  const argv = process.argv.slice(2);
  // exitCode rather than process.exit(): lets a large report finish flushing to a pipe.
  if (argv[0] === 'origin') {
    // `archlens origin` talks to AWS and lives in its own bundle, dist/cliOrigin.js
    // (scripts/build.mjs), so that `lint` and the other commands never load the AWS SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const origin = require(join(__dirname, 'cliOrigin.js')) as { runOriginCli: typeof runOriginCli };
    void origin.runOriginCli(argv.slice(1), io).then((code) => (process.exitCode = code));
  } else {
    // Workers start through the loader too (dist/cli.js beside this bundle), so they get the code
    // cache; a folder lint's first one starts now, while the catalogue loads and the folder is walked.
    const loader = join(__dirname, 'cli.js');
    const debug = process.env['ARCHLENS_DEBUG'] ? (line: string) => process.stderr.write(`archlens: debug: ${line}\n`) : undefined;
    const workers = LintWorkers.prestart(argv, __filename.endsWith('cliMain.js') && fs.existsSync(loader) ? loader : __filename, debug);
    const examine = async (plan: LintPlan) => {
      const outcomes = await workers.examine(plan, cwd);
      if (outcomes && process.env['ARCHLENS_DEBUG']) process.stderr.write('archlens: debug: files examined on worker threads\n');
      return outcomes;
    };
    void runCliWithWorkers(argv, io, examine).then((code) => {
      process.exitCode = code;
      workers.close();
    });
  }
}
