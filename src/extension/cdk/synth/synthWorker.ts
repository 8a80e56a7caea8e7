// The synth worker: a child process (bundled alone to dist/cdkSynthWorker.js, with toolkit-lib
// inside) that synthesizes one CDK app and exits. Running it apart keeps toolkit-lib (about 10 MB)
// out of the extension host, lets a cancel end the app process and everything it started (the
// worker leads its own process group), and keeps toolkit-lib's environment handling away from the
// extension host's `process.env`. No `vscode` here.
import { Toolkit, ToolkitError, type IIoHost, type IoMessage, type IoRequest } from '@aws-cdk/toolkit-lib';
import { type SynthRequest, type SynthWorkerMessage } from './synthProtocol';

function send(message: SynthWorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(message, undefined, undefined, () => resolve());
  });
}

/** toolkit-lib's messages go to the extension; questions get their default answer (nothing is interactive here). */
const ioHost: IIoHost = {
  async notify(msg: IoMessage<unknown>): Promise<void> {
    await send({ kind: 'io', level: msg.level, ...(msg.code ? { code: msg.code } : {}), message: msg.message });
  },
  requestResponse<T>(msg: IoRequest<unknown, T>): Promise<T> {
    return Promise.resolve(msg.defaultResponse);
  },
};

async function synthesize(request: SynthRequest): Promise<SynthWorkerMessage> {
  const toolkit = new Toolkit({ ioHost, color: false, emojis: false });
  try {
    const source = await toolkit.fromCdkApp(request.app, {
      workingDirectory: request.workingDirectory,
      outdir: request.outdir,
      // No AWS call from the editor: lookups off, and no STS call for the default account (an
      // environment-agnostic stack synthesizes as such; `cdk synth` in a terminal resolves it).
      lookups: false,
      resolveDefaultEnvironment: false,
      env: { ...request.env },
    });
    const assembly = await toolkit.synth(source);
    try {
      const stacks = assembly.cloudAssembly.stacksRecursively.map((stack) => stack.id);
      return { kind: 'done', stacks };
    } finally {
      await assembly.dispose();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (ToolkitError.isContextLookupsDisabledError(error)) return { kind: 'failed', reason: 'lookups', message };
    if (ToolkitError.isAssemblyError(error)) return { kind: 'failed', reason: 'app', message };
    return { kind: 'failed', reason: 'other', message };
  }
}

process.on('message', (raw: unknown) => {
  const request = raw as SynthRequest;
  if (typeof request !== 'object' || request === null || request.kind !== 'synth') return;
  void synthesize(request)
    .then(send)
    .finally(() => process.exit(0));
});
