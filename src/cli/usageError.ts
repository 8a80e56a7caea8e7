// A leaf module: every argument parser throws it, and run.ts turns it into exit code 2.
/** A command line the CLI cannot run: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
