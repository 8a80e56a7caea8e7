/**
 * Entry point of the `archlens` command (bundled to dist/cli.js). Everything testable
 * lives in run.ts; this file only binds the real process.
 */
import { runOriginCli } from './originCommand';
import { runCli } from './run';

// `archlens lint . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
const argv = process.argv.slice(2);
// exitCode rather than process.exit(): lets a large report finish flushing to a pipe.
// `archlens origin` talks to AWS (asynchronous); every other command is synchronous.
if (argv[0] === 'origin') void runOriginCli(argv.slice(1), io).then((code) => (process.exitCode = code));
else process.exitCode = runCli(argv, io);
