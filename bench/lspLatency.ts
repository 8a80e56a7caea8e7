import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TestLspClient } from '../test/support/lspClient';
import type { Sample } from './pairs';

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; undefined elsewhere).
 * Clock ticks are 10 ms: one request's figure is coarse, the mean over a series is not biased.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Mean of the CPU deltas, when every sample had one. */
export function meanCpu(samples: readonly (number | undefined)[]): number | undefined {
  if (samples.length === 0 || samples.some((sample) => sample === undefined)) return undefined;
  return (samples as number[]).reduce((sum, value) => sum + value, 0) / samples.length;
}

/** An open document in a running language server; each `keystroke()` is one timed edit. */
export interface LspSession {
  /** One incremental edit, timed from `didChange` to the diagnostics of that version (wall only: the work is in the server process). */
  keystroke(): Promise<Sample>;
  /** The server's CPU time per keystroke (ms; 10 ms ticks), in order. */
  readonly serverCpu: readonly (number | undefined)[];
  dispose(): Promise<void>;
}

/**
 * Time from a `didChange` to the diagnostics of that version, through the real
 * language server over stdio (debounce set to 0 so only analysis and transport
 * are measured). Each edit adds a comment line incrementally, as typing would; the findings
 * must stay those of the original text, so a broken edit cannot fake a fast run.
 */
export async function openLspSession(text: string): Promise<LspSession> {
  const client = new TestLspClient();
  client.settings = { debounceMs: 0 };
  try {
    await client.initialize();
    const uri = 'file:///bench/template.yaml';
    await client.open(uri, text);
    const baseline = (await client.diagnosticsFor(uri, 1, 60_000)).diagnostics.length;
    const lastLine = text.split('\n').length - 1;
    let version = 1;
    const serverCpu: (number | undefined)[] = [];
    return {
      serverCpu,
      async keystroke() {
        version++;
        // Typing at the end of the file: an incremental edit, as editors send it.
        const cpuBefore = processCpuMs(client.serverPid);
        const start = performance.now();
        await client.edit(uri, version, { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, `# edit ${version}\n`);
        const published = await client.diagnosticsFor(uri, version, 60_000);
        const wallMs = performance.now() - start;
        const cpuAfter = processCpuMs(client.serverPid);
        if (published.diagnostics.length !== baseline) throw new Error(`edit ${version} changed the findings (${published.diagnostics.length} vs ${baseline})`);
        serverCpu.push(cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined);
        return { wallMs };
      },
      dispose: () => client.dispose(),
    };
  } catch (error) {
    await client.dispose();
    throw error;
  }
}

/**
 * Hover and completion right after an edit, with the server's default debounce (what users
 * have): each sample types a comment line at the end of the file, then at once asks a hover on a
 * resource type in the middle of the file, or a completion after an output's `Value: !Ref ` typed
 * at the end.
 * Timed from the request to its answer; the answer must be there (a null hover fails the run).
 * After each sample the edit's own diagnostics are awaited, so every sample starts alike; the
 * first `warmup` pairs are not recorded.
 */
export async function requestsAfterEdit(text: string, runs: number, warmup = 0): Promise<{ hover: number[]; completion: number[]; hoverCpu?: number; completionCpu?: number }> {
  const client = new TestLspClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/template-requests.yaml';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 60_000);
    const lines = text.split('\n');
    const typeLine = lines.findIndex((line, index) => index >= lines.length / 2 && line.startsWith('    Type: AWS::'));
    const lastLine = lines.length - 1;
    let version = 1;
    const hover: number[] = [];
    const completion: number[] = [];
    const hoverCpu: (number | undefined)[] = [];
    const completionCpu: (number | undefined)[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      // The first samples after opening pay one-time costs (the code paths' first compilation, the
      // collection of the open's full parse): `warmup` of them are made alike but not recorded.
      const recorded = i >= warmup;
      for (const kind of ['hover', 'completion'] as const) {
        version++;
        // Typing an output's value (the file ends in Outputs) or a comment line.
        const typed = kind === 'hover' ? `# edit ${version}\n` : '  BenchOutput:\n    Value: !Ref ';
        await client.edit(uri, version, { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, typed);
        const cpuBefore = processCpuMs(client.serverPid);
        const start = performance.now();
        const cpuSince = (): number | undefined => {
          const cpuAfter = processCpuMs(client.serverPid);
          return cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
        };
        if (kind === 'hover') {
          const answer = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: typeLine, character: 12 } });
          if (!answer) throw new Error('hover after an edit gave no answer');
          if (recorded) {
            hover.push(performance.now() - start);
            hoverCpu.push(cpuSince());
          }
        } else {
          const answer = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine + 1, character: '    Value: !Ref '.length } })) as unknown[] | { items: unknown[] };
          if ((Array.isArray(answer) ? answer : answer.items).length === 0) throw new Error('completion after an edit gave no items');
          if (recorded) {
            completion.push(performance.now() - start);
            completionCpu.push(cpuSince());
          }
          // Take the typed text back out so the file stays valid YAML.
          version++;
          await client.edit(uri, version, { start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: '    Value: !Ref '.length } }, '');
        }
        await client.diagnosticsFor(uri, version, 60_000);
      }
    }
    const hoverMean = meanCpu(hoverCpu);
    const completionMean = meanCpu(completionCpu);
    return { hover, completion, ...(hoverMean !== undefined ? { hoverCpu: hoverMean } : {}), ...(completionMean !== undefined ? { completionCpu: completionMean } : {}) };
  } finally {
    await client.dispose();
  }
}
