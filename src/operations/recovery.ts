// What to do with a journal afterwards, as new plans (each run as a new journal, never by editing
// the old one): resume the items an interrupted run did not finish, retry only the failed ones,
// restore what a run wrote, list what failed, and find runs that were interrupted (window reload,
// crash) so the extension can offer "resume or restore" on start.
import type { BeginRecord, ItemError, ItemRecord, JournalContents, JournalInfo, ResultRecord } from './journal';
import type { OperationPlan, PlanItem } from './plan';

/** Turns journaled JSON back into typed values; `undefined` rejects a value (the file may be edited). */
export interface JournalCodec<State, Intent> {
  state(value: unknown): State | undefined;
  intent(value: unknown): Intent | undefined;
}

export interface RecoveredPlan<State, Intent> {
  readonly plan: OperationPlan<State, Intent>;
  /** Items left out, with the reason (undecodable values, or a restore that needs another operation). */
  readonly skipped: readonly { readonly key: string; readonly reason: string }[];
}

interface ItemHistory {
  readonly item: ItemRecord;
  begin?: BeginRecord;
  result?: ResultRecord;
}

/** Per item of one journal: its plan record, its last `begin` and its last `result`. */
function histories(contents: JournalContents): Map<string, ItemHistory> {
  const byKey = new Map<string, ItemHistory>();
  for (const record of contents.records) {
    if (record.t === 'item') {
      if (!byKey.has(record.key)) byKey.set(record.key, { item: record });
    } else if (record.t === 'begin' || record.t === 'result') {
      const history = byKey.get(record.key);
      if (!history) continue;
      if (record.t === 'begin') history.begin = record;
      else history.result = record;
    }
  }
  return byKey;
}

function planFrom<State, Intent>(
  contents: JournalContents,
  pick: (history: ItemHistory) => boolean,
  codec: JournalCodec<State, Intent>,
): RecoveredPlan<State, Intent> {
  const items: PlanItem<State, Intent>[] = [];
  const skipped: { key: string; reason: string }[] = [];
  for (const [key, history] of histories(contents)) {
    if (!pick(history)) continue;
    const before = codec.state(history.item.before);
    const intent = codec.intent(history.item.intent);
    if (before === undefined || intent === undefined) skipped.push({ key, reason: 'The journal entry is not readable (edited or from another version).' });
    else items.push({ key, before, intent });
  }
  return { plan: { operation: contents.header?.operation ?? 'unknown', target: contents.header?.target ?? {}, items }, skipped };
}

/**
 * The items an interrupted (or cancelled) run did not finish: no result, or `cancelled`. Items that
 * began but have no result may have been written: the executor's re-read finds them already as
 * intended and reports `unchanged`, so nothing is written twice.
 */
export function remainingPlan<State, Intent>(contents: JournalContents, codec: JournalCodec<State, Intent>): RecoveredPlan<State, Intent> {
  return planFrom(contents, (history) => history.result === undefined || history.result.status === 'cancelled', codec);
}

/** Only the items whose last result is `failed`, with their original before-states and intents. */
export function retryFailedPlan<State, Intent>(contents: JournalContents, codec: JournalCodec<State, Intent>): RecoveredPlan<State, Intent> {
  return planFrom(contents, (history) => history.result?.status === 'failed', codec);
}

/** "List failed": read-only, never writes a journal. */
export function failedItems(contents: JournalContents): { readonly key: string; readonly error: ItemError | undefined }[] {
  return [...histories(contents)].filter(([, history]) => history.result?.status === 'failed').map(([key, history]) => ({ key, error: history.result?.error }));
}

/**
 * A plan that puts back what the runs in `chain` (a journal, then its resumes, oldest first) wrote:
 * per item written (or begun: it may have been written), `before` is the state written, the intent
 * the one `toIntent` derives from the original before-state. Compare-and-set then skips any item
 * changed since, and ones never written read as `unchanged`. `toIntent` returns undefined when a
 * state cannot be restored by this operation (CodeArtifact: a package that did not exist before
 * the run can only be removed with DeletePackage); those items are listed in `skipped`.
 */
export function restorePlan<State, Intent>(
  chain: readonly JournalContents[],
  codec: JournalCodec<State, Intent>,
  toIntent: (original: State) => Intent | undefined,
): RecoveredPlan<State, Intent> {
  const original = new Map<string, unknown>();
  const written = new Map<string, unknown>();
  for (const contents of chain) {
    for (const [key, history] of histories(contents)) {
      if (!original.has(key)) original.set(key, history.item.before);
      const status = history.result?.status;
      if (history.begin && (status === undefined || status === 'ok' || status === 'failed')) written.set(key, history.begin.desired);
    }
  }
  const items: PlanItem<State, Intent>[] = [];
  const skipped: { key: string; reason: string }[] = [];
  for (const [key, desired] of written) {
    const before = codec.state(desired);
    const was = codec.state(original.get(key));
    if (before === undefined || was === undefined) {
      skipped.push({ key, reason: 'The journal entry is not readable (edited or from another version).' });
      continue;
    }
    const intent = toIntent(was);
    if (intent === undefined) skipped.push({ key, reason: 'Its earlier state cannot be set back by this operation.' });
    else items.push({ key, before, intent });
  }
  const header = chain[0]?.header;
  return { plan: { operation: header?.operation ?? 'unknown', target: header?.target ?? {}, items }, skipped };
}

/**
 * Apply runs that never wrote their `end` record (the window closed, the process died) and that no
 * later run has resumed or restored: the ones to offer "resume or restore" for.
 */
export function unfinishedJournals(infos: readonly JournalInfo[]): JournalInfo[] {
  const handled = new Set<string>();
  for (const info of infos) {
    const parent = info.header?.parent;
    if (parent && info.header?.mode === 'apply') handled.add(parent.runId);
  }
  return infos.filter((info) => info.header?.mode === 'apply' && !info.finished && !handled.has(info.runId));
}
