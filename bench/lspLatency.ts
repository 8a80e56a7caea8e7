import { performance } from 'node:perf_hooks';
import { TestLspClient } from '../test/support/lspClient';
import type { Sample } from './pairs';

/** An open document in a running language server; each `keystroke()` is one timed edit. */
export interface LspSession {
  /** One incremental edit, timed from `didChange` to the diagnostics of that version (wall only: the work is in the server process). */
  keystroke(): Promise<Sample>;
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
    return {
      async keystroke() {
        version++;
        // Typing at the end of the file: an incremental edit, as editors send it.
        const start = performance.now();
        await client.edit(uri, version, { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, `# edit ${version}\n`);
        const published = await client.diagnosticsFor(uri, version, 60_000);
        const wallMs = performance.now() - start;
        if (published.diagnostics.length !== baseline) throw new Error(`edit ${version} changed the findings (${published.diagnostics.length} vs ${baseline})`);
        return { wallMs };
      },
      dispose: () => client.dispose(),
    };
  } catch (error) {
    await client.dispose();
    throw error;
  }
}
