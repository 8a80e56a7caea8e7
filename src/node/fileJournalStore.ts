// The operation journal on disk: one JSON-lines file per run in one folder (the extension passes a
// folder under its global storage). Files are created exclusively (`wx`), named by start time plus
// a random suffix, so no run ever opens, truncates or overwrites another's journal, not even two
// runs started in the same millisecond. Every append is written and fsync'ed before it resolves;
// appends that arrive while a sync is under way are grouped into the next write (group commit), so
// many workers cost one fsync per batch, not one per item.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  JOURNAL_VERSION,
  parseJournal,
  serializeRecords,
  type HeaderRecord,
  type JournalContents,
  type JournalInfo,
  type JournalRecord,
  type JournalStore,
  type JournalWriter,
} from '../operations/journal';

const EXTENSION = '.jsonl';
/** Enough for a header or an end record (both a few hundred bytes). */
const PEEK_BYTES = 64 * 1024;
/** Run ids are file stems we made: checked before use so a hostile id cannot leave the folder. */
const RUN_ID = /^[0-9]{8}T[0-9]{9}Z-[a-z0-9.-]{1,60}-[0-9a-f]{8}$/;

export interface FileJournalStoreOptions {
  /** Injected for tests. */
  readonly now?: () => Date;
}

export function createFileJournalStore(folder: string, options: FileJournalStoreOptions = {}): JournalStore {
  const now = options.now ?? (() => new Date());

  async function create(fields: Omit<HeaderRecord, 't' | 'version' | 'runId'>): Promise<JournalWriter> {
    await fs.mkdir(folder, { recursive: true });
    const slug = fields.operation.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').slice(0, 60) || 'run';
    const stamp = now().toISOString().replace(/[-:.]/g, '');
    for (let attempt = 0; ; attempt++) {
      const runId = `${stamp}-${slug}-${randomBytes(4).toString('hex')}`;
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(path.join(folder, runId + EXTENSION), 'wx');
      } catch (error) {
        // Same instant and same random suffix: astronomically rare, but never overwrite.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 5) continue;
        throw error;
      }
      const writer = new FileJournalWriter(runId, handle);
      await writer.append([{ t: 'header', version: JOURNAL_VERSION, runId, ...fields }]);
      await syncFolder(folder);
      return writer;
    }
  }

  async function read(runId: string): Promise<JournalContents> {
    if (!RUN_ID.test(runId)) throw new Error(`"${runId.slice(0, 80)}" is not an operation journal id.`);
    return parseJournal(runId, await fs.readFile(path.join(folder, runId + EXTENSION), 'utf8'));
  }

  async function list(): Promise<JournalInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names.filter((name) => name.endsWith(EXTENSION)).map((name) => name.slice(0, -EXTENSION.length)).filter((id) => RUN_ID.test(id)).sort();
    const infos: JournalInfo[] = [];
    for (const runId of ids) infos.push(await peek(runId));
    return infos;
  }

  /**
   * Header and end state from the first and last bytes only: listing runs on activation must not
   * read every journal of every past 10,000-item run.
   */
  async function peek(runId: string): Promise<JournalInfo> {
    const handle = await fs.open(path.join(folder, runId + EXTENSION), 'r');
    try {
      const { size } = await handle.stat();
      const head = await readSlice(handle, 0, Math.min(size, PEEK_BYTES));
      const firstLine = head.includes('\n') ? head.slice(0, head.indexOf('\n') + 1) : head;
      const { header } = parseJournal(runId, firstLine);
      const tailStart = Math.max(0, size - PEEK_BYTES);
      const tail = tailStart === 0 ? head : await readSlice(handle, tailStart, size - tailStart);
      const torn = size > 0 && !tail.endsWith('\n');
      const lastLine = tail.slice(0, -1).split('\n').at(-1) ?? '';
      const finished = !torn && parseJournal(runId, `${lastLine}\n`).records.some((record) => record.t === 'end');
      // Line number of a torn line needs the whole file; only then is it read in full.
      const tornLine = torn ? (await read(runId)).tornLine : undefined;
      return { runId, header, finished, ...(tornLine !== undefined ? { tornLine } : {}) };
    } finally {
      await handle.close();
    }
  }

  return { create, read, list };
}

async function readSlice(handle: fs.FileHandle, position: number, length: number): Promise<string> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled).toString('utf8');
}

/** The new file's directory entry must survive a crash too, or the journal could vanish. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the file's own fsync still holds.
  } finally {
    await handle?.close();
  }
}

interface Pending {
  readonly text: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

class FileJournalWriter implements JournalWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(
    readonly runId: string,
    private readonly handle: fs.FileHandle,
  ) {}

  append(records: readonly JournalRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`Journal ${this.runId} is closed.`));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ text: serializeRecords(records), resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        // One write per batch: a crash tears at most the batch's last line, never interleaves lines.
        const bytes = Buffer.from(batch.map((entry) => entry.text).join(''), 'utf8');
        for (let offset = 0; offset < bytes.length; ) offset += (await this.handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
        await this.handle.sync();
        for (const entry of batch) entry.resolve();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const entry of [...batch, ...this.pending.splice(0)]) entry.reject(this.failure);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }
}
