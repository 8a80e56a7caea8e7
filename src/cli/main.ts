/**
 * Entry point of the `archlens` command (bundled to dist/cli.js). Everything testable
 * lives in run.ts; this file only binds the real process.
 */
import { join } from 'node:path';
import type { runOriginCli } from './originCommand';
import { runCli } from './run';

// `archlens lint . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
const argv = process.argv.slice(2);
// exitCode rather than process.exit(): lets a large report finish flushing to a pipe.
// `archlens origin` talks to AWS (asynchronous) and lives in its own bundle, dist/cliOrigin.js
// (scripts/build.mjs), so that `lint` and the other commands never load the AWS SDK.
if (argv[0] === 'origin') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const origin = require(join(__dirname, 'cliOrigin.js')) as { runOriginCli: typeof runOriginCli };
  void origin.runOriginCli(argv.slice(1), io).then((code) => (process.exitCode = code));
} else {
  process.exitCode = runCli(argv, io);
}
