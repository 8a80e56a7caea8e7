/**
 * Entry point of the `archlens` command (bundled to dist/cli.js). Everything testable
 * lives in run.ts; this file only binds the real process.
 */
import { runCli } from './run';

// `archlens lint . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than process.exit(): lets a large report finish flushing to a pipe.
process.exitCode = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
