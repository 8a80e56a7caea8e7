// Starts the synth worker (dist/cdkSynthWorker.js) for one request and follows it: its messages
// go to `onMessage`, its answer resolves the promise, and an abort ends the worker's whole process
// group (the worker, the shell toolkit-lib starts and the app), so a cancelled synth leaves
// nothing running. No `vscode` here: unit-tested with the real worker on the fixture app.
import { fork, type ChildProcess } from 'node:child_process';
import { isSynthWorkerMessage, type SynthDone, type SynthFailed, type SynthIoMessage, type SynthRequest } from './synthProtocol';

export interface SynthRunOptions {
  /** The worker script: dist/cdkSynthWorker.js (or the .ts source with `execArgv: ['--import', 'tsx']` in tests). */
  readonly workerPath: string;
  readonly execArgv?: readonly string[];
  readonly onMessage?: (message: SynthIoMessage) => void;
  readonly signal?: AbortSignal;
}

/** How a run ended: the worker's answer, cancelled, or the worker died without answering. */
export type SynthOutcome = SynthDone | SynthFailed | { readonly kind: 'cancelled' } | { readonly kind: 'crashed'; readonly message: string };

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    // A negative pid is the process group the detached worker leads (POSIX); Windows has no
    // groups, and killing the worker there leaves the app to finish on its own.
    if (process.platform === 'win32') child.kill();
    else process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill();
  }
}

export function runSynth(request: SynthRequest, options: SynthRunOptions): Promise<SynthOutcome> {
  if (options.signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  return new Promise((resolve) => {
    const child = fork(options.workerPath, [], {
      execArgv: [...(options.execArgv ?? [])],
      // Its own process group, so a cancel can end the app it starts too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let answer: SynthDone | SynthFailed | undefined;
    let cancelled = false;
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 50) stderr.push(chunk.toString('utf8'));
    });
    child.stdout?.resume();
    const onAbort = (): void => {
      cancelled = true;
      killGroup(child);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: unknown) => {
      if (!isSynthWorkerMessage(message)) return;
      if (message.kind === 'io') options.onMessage?.(message);
      else answer = message;
    });
    const finish = (outcome: SynthOutcome): void => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    child.on('error', (error) => finish({ kind: 'crashed', message: error.message }));
    child.on('exit', (code, signal) => {
      if (cancelled) finish({ kind: 'cancelled' });
      else if (answer) finish(answer);
      else finish({ kind: 'crashed', message: `The synth worker ended (${signal ?? `exit code ${code ?? '?'}`}) without an answer. ${stderr.join('').trim().slice(0, 2000)}`.trim() });
    });
    child.send(request);
  });
}
