// The journal of one run: an append-only list of JSON-lines records that is the operation's backup,
// its checkpoint and its audit. Records of an item are made durable BEFORE the write they describe
// (`begin`), so a crash at any instant leaves either "not started" or "may have been written, and
// here is what it was before". A journal is never rewritten: a resume, a retry, a dry run or a
// restore is a new journal that names its parent. The store behind this interface is
// `src/node/fileJournalStore.ts` (the extension puts it under its global storage).
import type { PlanTarget } from './plan';

export const JOURNAL_VERSION = 1;

/** How a run relates to the journal it was built from. */
export type RunRelation = 'resume' | 'retry-failed' | 'restore';

export type RunMode = 'apply' | 'dry-run';

/** Per-item outcome. `would-write` only in a dry run. */
export type ItemStatus = 'ok' | 'unchanged' | 'conflict' | 'failed' | 'cancelled' | 'would-write';

export interface ItemError {
  /** `AwsError.code` (e.g. `AccessDenied`, `Throttling`), or `Unknown`. */
  readonly code: string;
  /** A message fit for the user; never a request body or a credential. */
  readonly message: string;
}

export interface HeaderRecord {
  readonly t: 'header';
  readonly version: number;
  /** Also the journal's id in its store. */
  readonly runId: string;
  readonly operation: string;
  readonly mode: RunMode;
  readonly target: PlanTarget;
  readonly startedAt: string;
  readonly itemCount: number;
  readonly parent?: { readonly runId: string; readonly relation: RunRelation };
}

/** One plan item, written (with the header) before any item is touched. */
export interface ItemRecord {
  readonly t: 'item';
  readonly key: string;
  readonly before: unknown;
  readonly intent: unknown;
}

/** Durable before the write: the state re-read just before it and the state it will set. */
export interface BeginRecord {
  readonly t: 'begin';
  readonly key: string;
  readonly current: unknown;
  readonly desired: unknown;
  readonly at: string;
}

export interface ResultRecord {
  readonly t: 'result';
  readonly key: string;
  readonly status: ItemStatus;
  readonly attempts: number;
  readonly at: string;
  /** The state read before deciding (absent when the read itself failed). */
  readonly current?: unknown;
  /** The state written (`ok`) or that would be written (`would-write`). */
  readonly desired?: unknown;
  readonly error?: ItemError;
}

export type RunOutcome = 'completed' | 'cancelled' | 'stopped';

export interface EndRecord {
  readonly t: 'end';
  readonly outcome: RunOutcome;
  readonly at: string;
  readonly counts: Readonly<Record<ItemStatus, number>>;
  /** Why a `stopped` run stopped (a failed preflight, a fatal error such as AccessDenied). */
  readonly stopReason?: ItemError;
}

export type JournalRecord = HeaderRecord | ItemRecord | BeginRecord | ResultRecord | EndRecord;

/** Writes one journal. Each `append` resolves only once its records are on disk (fsync). */
export interface JournalWriter {
  readonly runId: string;
  append(records: readonly JournalRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** A journal read back. Damage is reported, never thrown: a crash can tear the last line. */
export interface JournalContents {
  readonly runId: string;
  readonly header: HeaderRecord | undefined;
  readonly records: readonly JournalRecord[];
  /** The last line was cut short (a crash mid-write); it was ignored. 1-based line number. */
  readonly tornLine?: number;
  /** Complete lines that are not valid records (hand-edited or corrupt), ignored. */
  readonly badLines: readonly number[];
}

export interface JournalInfo {
  readonly runId: string;
  readonly header: HeaderRecord | undefined;
  /** An `end` record was written: the run finished (completed, cancelled or stopped). */
  readonly finished: boolean;
  readonly tornLine?: number;
}

export interface JournalStore {
  /** Starts a new journal. Never reuses or truncates an existing one, even at the same instant. */
  create(header: Omit<HeaderRecord, 't' | 'version' | 'runId'>): Promise<JournalWriter>;
  read(runId: string): Promise<JournalContents>;
  /** Every journal, oldest first. */
  list(): Promise<JournalInfo[]>;
}

/** Status counts with every status present, for summaries. */
export function emptyCounts(): Record<ItemStatus, number> {
  return { ok: 0, unchanged: 0, conflict: 0, failed: 0, cancelled: 0, 'would-write': 0 };
}

const STATUSES: ReadonlySet<string> = new Set(Object.keys(emptyCounts()));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Shape check of one parsed line. Journals are our files, but may have been edited: check, never trust. */
function asRecord(value: unknown): JournalRecord | undefined {
  if (!isObject(value) || !Object.hasOwn(value, 't')) return undefined;
  switch (value.t) {
    case 'header':
      return isString(value.runId) && isString(value.operation) && (value.mode === 'apply' || value.mode === 'dry-run') && isObject(value.target) && typeof value.itemCount === 'number'
        ? (value as unknown as HeaderRecord)
        : undefined;
    case 'item':
      return isString(value.key) && Object.hasOwn(value, 'before') && Object.hasOwn(value, 'intent') ? (value as unknown as ItemRecord) : undefined;
    case 'begin':
      return isString(value.key) && Object.hasOwn(value, 'desired') ? (value as unknown as BeginRecord) : undefined;
    case 'result':
      return isString(value.key) && isString(value.status) && STATUSES.has(value.status) ? (value as unknown as ResultRecord) : undefined;
    case 'end':
      return isString(value.outcome) && isObject(value.counts) ? (value as unknown as EndRecord) : undefined;
    default:
      return undefined;
  }
}

/**
 * Parses a journal's text. Each record is one line ending in `\n`, written in one call, so a line
 * without its newline at the end of the file is a write cut short by a crash: reported as
 * `tornLine`, not an error.
 */
export function parseJournal(runId: string, text: string): JournalContents {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records: JournalRecord[] = [];
  const badLines: number[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      badLines.push(index + 1);
      return;
    }
    const record = asRecord(parsed);
    if (record) records.push(record);
    else badLines.push(index + 1);
  });
  const header = records[0]?.t === 'header' ? records[0] : undefined;
  return { runId, header, records, badLines, ...(last !== '' ? { tornLine: lines.length + 1 } : {}) };
}

/** One line per record, as the store appends it. */
export function serializeRecords(records: readonly JournalRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
