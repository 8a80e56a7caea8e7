// Random edit sequences to the real language server over stdio (issue 18): the server must
// answer requests throughout, publish diagnostics inside the edited document, stay alive, and
// keep its memory flat. The text is mirrored here so every edit's range is valid.
import * as fs from 'node:fs';
import { LineIndex } from '../../../src/engine/document/lineIndex';
import { TestLspClient } from '../lspClient';
import { MUTATORS } from './mutators';
import { Random } from './random';
import type { Seed } from './seeds';

export interface EditRunSummary {
  readonly edits: number;
  readonly requests: number;
  /** Requests that got no answer within the timeout, or an error answer. */
  readonly unanswered: number;
  /** Published diagnostics whose range is outside the text of their version. */
  readonly outsideRanges: number;
  readonly alive: boolean;
  /** Server RSS (MB) after the warm-up tenth of the edits, and at the end. */
  readonly rssWarmMb: number;
  readonly rssEndMb: number;
  /** Server RSS (MB) after each tenth of the edits: growth that keeps going is a leak, a plateau is not. */
  readonly rssSeriesMb: readonly number[];
}

const REQUEST_TIMEOUT_MS = 10_000;
const FRAGMENTS = ['\n', ' ', '  ', ': ', '- ', '!Ref ', '!Sub ', '${', '}', '[', ']', '{', '"', "'", '#', '&a ', '*a', '<<: *a', 'Type: AWS::S3::Bucket', 'constructor', '\u202e', '\u0000', '\uffff', 'x'.repeat(500)];

/** Resident set size of a process in MB (Linux /proc); 0 where unavailable. */
export function rssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T | 'timeout'> {
  return Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS))]);
}

/** One random edit of `text`: a fragment typed, a range deleted, or a mutator's whole-line change. */
function randomEdit(text: string, random: Random): { start: number; end: number; insert: string } {
  const at = random.below(text.length + 1);
  const roll = random.next();
  if (roll < 0.5) return { start: at, end: at, insert: random.pick(FRAGMENTS) };
  if (roll < 0.8) return { start: at, end: Math.min(text.length, at + random.between(1, 40)), insert: '' };
  const mutated = MUTATORS[random.pick(['byteFlip', 'duplicateLines', 'shiftIndent', 'swapTag', 'memberKey'])]!(text, random);
  // Express the mutator's change as one replacement of the differing middle.
  let head = 0;
  while (head < text.length && head < mutated.length && text[head] === mutated[head]) head++;
  let tail = 0;
  while (tail < text.length - head && tail < mutated.length - head && text[text.length - 1 - tail] === mutated[mutated.length - 1 - tail]) tail++;
  return { start: head, end: text.length - tail, insert: mutated.slice(head, mutated.length - tail) };
}

/** Opens each seed in turn and sends `edits` random edits in all, with a hover or completion every few edits. */
export async function runServerEdits(seeds: readonly Seed[], edits: number, seed: number): Promise<EditRunSummary> {
  const random = new Random(seed);
  const client = new TestLspClient();
  let requests = 0;
  let unanswered = 0;
  let rssWarmMb = 0;
  const rssSeriesMb: number[] = [];
  const texts = new Map<string, Map<number, string>>();
  try {
    await client.initialize();
    const perDocument = Math.ceil(edits / seeds.length);
    let done = 0;
    for (const [index, document] of seeds.entries()) {
      const uri = `file:///fuzz/${index}-${document.fileName}`;
      let text = document.text;
      let version = 1;
      const versions = new Map<number, string>([[1, text]]);
      texts.set(uri, versions);
      await client.open(uri, text, document.fileName.endsWith('.json') ? 'json' : 'yaml');
      for (let i = 0; i < perDocument && done < edits; i++, done++) {
        const edit = randomEdit(text, random);
        const lines = new LineIndex(text);
        const range = { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) };
        text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
        version++;
        versions.set(version, text);
        await client.edit(uri, version, range, edit.insert);
        if (i % 5 === 4) {
          requests++;
          const position = new LineIndex(text).positionAt(random.below(text.length + 1));
          const method = random.pick(['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol']);
          const answer = await withTimeout(client.connection.sendRequest(method, { textDocument: { uri }, position }).then(
            () => 'ok' as const,
            () => 'error' as const,
          ));
          if (answer !== 'ok') unanswered++;
        }
        if ((done + 1) % Math.max(1, Math.floor(edits / 10)) === 0) rssSeriesMb.push(rssMb(client.serverPid));
        if (done === Math.floor(edits / 10)) rssWarmMb = rssMb(client.serverPid);
      }
      await client.diagnosticsFor(uri, version, REQUEST_TIMEOUT_MS).catch(() => undefined);
    }
    let outsideRanges = 0;
    for (const [uri, versions] of texts) {
      for (const published of client.publishedFor(uri)) {
        const text = published.version === undefined ? undefined : versions.get(published.version);
        if (text === undefined) continue;
        const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
        for (const { range } of published.diagnostics) {
          if (range.start.line >= lengths.length || range.end.line >= lengths.length || range.start.character > lengths[range.start.line]! || range.end.character > lengths[range.end.line]!) outsideRanges++;
        }
      }
    }
    return { edits: done, requests, unanswered, outsideRanges, alive: client.alive, rssWarmMb, rssEndMb: rssMb(client.serverPid), rssSeriesMb };
  } finally {
    await client.dispose();
  }
}
