// The messages between the extension and the synth worker (dist/cdkSynthWorker.js), a child
// process that runs `@aws-cdk/toolkit-lib`. Kept in a leaf module without `vscode` or toolkit-lib
// imports, so both sides share it and the extension's startup never loads toolkit-lib.

/** What to synthesize: exactly the command the user confirmed. */
export interface SynthRequest {
  readonly kind: 'synth';
  /** `cdk.json` `app`, run through a shell in `workingDirectory` by toolkit-lib. */
  readonly app: string;
  readonly workingDirectory: string;
  /** Absolute assembly folder (`cdk.json` `output`, default `cdk.out`). */
  readonly outdir: string;
  /** Extra environment for the app process (stack-trace limit, JSII stack traces). */
  readonly env: Readonly<Record<string, string>>;
}

/** An IoHost message of toolkit-lib, passed on for the log and the progress notification. */
export interface SynthIoMessage {
  readonly kind: 'io';
  readonly level: 'error' | 'result' | 'warn' | 'info' | 'debug' | 'trace';
  readonly code?: string;
  readonly message: string;
}

export interface SynthDone {
  readonly kind: 'done';
  /** Artifact ids of the stacks of the assembly (Stages included). */
  readonly stacks: readonly string[];
}

/**
 * Synthesis failed. `lookups`: the app needs context lookups (VPC, AMI, hosted zone...) that are
 * off here (no AWS calls from the editor); `app`: the app itself failed (its stderr is in the
 * messages); `other`: toolkit-lib failed (lock held by another synth, bad cdk.json...).
 */
export interface SynthFailed {
  readonly kind: 'failed';
  readonly reason: 'lookups' | 'app' | 'other';
  readonly message: string;
}

export type SynthWorkerMessage = SynthIoMessage | SynthDone | SynthFailed;

/**
 * The app process's extra environment: V8 keeps 10 frames by default, too few for creation stacks
 * to climb out of aws-cdk-lib's L2/L3 layers into the user's code; jsii hosts (Python) record
 * host-language frames only with JSII_HOST_STACK_TRACES.
 */
export function synthEnvironment(existingNodeOptions: string | undefined): Record<string, string> {
  const nodeOptions = [existingNodeOptions?.trim(), '--stack-trace-limit=60'].filter((part) => part !== undefined && part !== '').join(' ');
  return { NODE_OPTIONS: nodeOptions, JSII_HOST_STACK_TRACES: '1' };
}

/** Whether a value received over IPC is a worker message (the channel is ours, but check the shape). */
export function isSynthWorkerMessage(value: unknown): value is SynthWorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { kind } = value as { kind?: unknown };
  return kind === 'io' || kind === 'done' || kind === 'failed';
}
