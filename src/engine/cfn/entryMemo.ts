// Per-entry results that outlive one analysis.
//
// A keystroke in a 1 MB template changes one resource, and the incremental re-parse
// (document/yamlEdit.ts) hands every other entry's nodes, the same objects, to the next
// analysis. Checks whose result for an entry of a top-level section (a resource, an output, a
// condition...) depends only on that entry's nodes and on a small, stated part of the rest of
// the template (its "environment") keep the result here, keyed by the entry's nodes, and a later
// analysis takes it back instead of walking the entry again.
//
// A kept result is used only when all of these hold, so it is exactly what a fresh check would
// give:
// - the entry's key and value are the very nodes the result was computed on: a re-parsed
//   entry gets new nodes, and a reused node's content never changes (only its offsets move);
// - the spans the result holds are where they were: when an edit above moved the entry, the
//   result is moved by the same amount (`move`, given by the check), or computed again without one
//   (nodes a result holds move by themselves: the re-parse moves them in place);
// - the environment, a string the check builds from everything else it reads (other resources'
//   types, parameters' types, Globals...), is equal to the one the result was computed in.
import type { LocatedNode, ParsedDocument, ScalarNode } from '../document/located';
import { isEditedParse } from '../document/yamlEdit';

interface Kept<T> {
  readonly keyStart: number;
  readonly valueStart: number;
  readonly value: LocatedNode;
  readonly environment: Environment;
  readonly result: T;
}

/** An environment string, interned so that each kept result compares it by identity. */
export interface Environment {
  readonly key: string;
}

/** A section entry as the memo sees it: its key and its value (a resource's `keyNode` and `node`, or a pair's `key` and `value`). */
export interface EntryNodes {
  readonly key: ScalarNode;
  readonly value: LocatedNode;
}

/** How many environments a memo remembers (one per file being edited or re-checked). */
const RECENT_ENVIRONMENTS = 8;

export class EntryMemo<T> {
  private readonly kept = new WeakMap<LocatedNode, Kept<T>>();
  /** Recent environments by key, oldest first. */
  private readonly recent = new Map<string, Environment>();

  /** `move` returns a result with every offset it holds moved by `delta` (an edit above the entry). */
  constructor(private readonly move?: (result: T, delta: number) => T) {}

  /**
   * The environment of an analysis. Equal strings give the same object, so a resource's check
   * compares one reference, not a string as long as the template's outline. The last few are
   * remembered: files checked in turn (one edited, others re-checked because it changed) each
   * keep finding their own.
   */
  environment(key: string): Environment {
    let environment = this.recent.get(key);
    if (environment) {
      this.recent.delete(key);
    } else {
      environment = { key };
      if (this.recent.size >= RECENT_ENVIRONMENTS) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(key, environment);
    return environment;
  }

  /** The result kept for this entry in this environment, if it still holds (moved with the entry). */
  get(entry: EntryNodes, environment: Environment): T | undefined {
    const kept = this.kept.get(entry.key);
    if (!kept || kept.environment !== environment || kept.value !== entry.value) return undefined;
    const delta = entry.key.span.start - kept.keyStart;
    if (entry.value.span.start - kept.valueStart !== delta) return undefined;
    if (delta === 0) return kept.result;
    if (!this.move) return undefined;
    const moved = this.move(kept.result, delta);
    this.set(entry, environment, moved);
    return moved;
  }

  set(entry: EntryNodes, environment: Environment, result: T): void {
    this.kept.set(entry.key, { keyStart: entry.key.span.start, valueStart: entry.value.span.start, value: entry.value, environment, result });
  }

  /**
   * The result for an entry of `document`: the kept one, or `compute()`'s, kept for next time.
   * `compute` must read nothing outside the entry but what `environment` stands for. Only an
   * edited document keeps anything ({@link keepsEntries}).
   */
  through(document: ParsedDocument, entry: EntryNodes, environment: Environment, compute: () => T): T {
    if (!keepsEntries(document)) return compute();
    const kept = this.get(entry, environment);
    if (kept !== undefined) return kept;
    const result = compute();
    this.set(entry, environment, result);
    return result;
  }
}

/**
 * Whether per-entry results of this document are kept: only when its tree came from an edit
 * (document/yamlEdit.ts). A first parse (a CLI run, a file just opened) keeps nothing, so a
 * one-shot lint pays nothing for keeping; an editor pays once, on its first edit.
 */
export function keepsEntries(document: ParsedDocument): boolean {
  return isEditedParse(document);
}

/** The environment of a check that reads nothing outside the entry. */
export const NO_ENVIRONMENT: Environment = { key: '' };
