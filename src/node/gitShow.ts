/**
 * The text of a file at a git revision (`HEAD`, a branch, a commit), for cost comparisons.
 * Runs `git` without a shell; the revision is checked first so "no such revision" and "the file
 * did not exist then" read differently.
 */
import type * as ChildProcess from 'node:child_process';
import * as path from 'node:path';
import { MAX_DOCUMENT_BYTES } from './readRegularFile';

/** A revision git does not know, git missing, or the file outside a repository: the message says which. */
export class GitRevisionError extends Error {
  override readonly name = 'GitRevisionError';
}

const GIT_TIMEOUT_MS = 15_000;

function git(cwd: string, args: readonly string[]): string {
  // Required here, not imported: child_process loads net and dgram, which every other command
  // of the CLI bundle (a cold `archlens lint` above all) would pay for at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('node:child_process') as typeof ChildProcess;
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_DOCUMENT_BYTES, timeout: GIT_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The file's text at `revision`, or undefined when the file did not exist there (a new file).
 * @throws {GitRevisionError} when git is missing, the file is not in a repository, or the revision is unknown.
 */
export function fileAtRevision(filePath: string, revision: string): string | undefined {
  // A revision starting with '-' would be read as an option by git.
  if (revision === '' || revision.startsWith('-')) throw new GitRevisionError(`'${revision}' is not a git revision`);
  const dir = path.dirname(path.resolve(filePath));
  try {
    git(dir, ['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitRevisionError('git is not installed (or not on PATH): install it to compare with a revision');
    throw new GitRevisionError(`'${filePath}' is not inside a git repository, so it cannot be compared with ${revision}`);
  }
  try {
    git(dir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  } catch {
    throw new GitRevisionError(`git does not know the revision '${revision}' (try HEAD, a branch name or a commit)`);
  }
  try {
    return git(dir, ['show', `${revision}:./${path.basename(filePath)}`]);
  } catch {
    return undefined;
  }
}
