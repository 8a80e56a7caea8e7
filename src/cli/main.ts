/**
 * Entry point of the `archlens` command (bundled to dist/cli.js). Everything testable
 * lives in run.ts; this file only binds the real process.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { examineInWorkers, type LINT_WORKER_DATA, runLintWorker } from './lintPool';
import { readFileOrUndefined, runCliWithWorkers, type LintPlan } from './run';

if (!isMainThread && (workerData as typeof LINT_WORKER_DATA | undefined)?.archlensLintWorker) {
  // This bundle started as a folder lint's worker thread (src/cli/lintPool.ts).
  runLintWorker(readFileOrUndefined);
} else {
  // `archlens lint . | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const cwd = process.cwd();
  // exitCode rather than process.exit(): lets a large report finish flushing to a pipe.
  const examine = async (plan: LintPlan) => {
    const outcomes = await examineInWorkers(plan, __filename, plan.command.jobs, cwd);
    if (outcomes && process.env['ARCHLENS_DEBUG']) process.stderr.write('archlens: debug: files examined on worker threads\n');
    return outcomes;
  };
  void runCliWithWorkers(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd }, examine).then((code) => {
    process.exitCode = code;
  });
}
