// A write operation over many items, planned before anything is written. The plan records, per
// item, the state observed when planning ("before") and what the user asked for ("intent"); the
// executor re-reads each item before writing and refuses to write over a state that changed since
// (compare-and-set). Service-agnostic: CodeArtifact origin controls are the first user, where an
// item is one package, the state its `{publish, upstream}` restrictions (or "missing"), the intent
// the restrictions to set.

/** The most items one plan may hold: bounds memory, journal size and the time of one run. */
export const MAX_PLAN_ITEMS = 100_000;

/** One item of a plan. `State` and `Intent` must survive a JSON round trip (they are journaled). */
export interface PlanItem<State, Intent> {
  /** Stable and unique within the plan; build it with {@link itemKey}. */
  readonly key: string;
  /** The state observed when the plan was made. */
  readonly before: State;
  /** What to change. */
  readonly intent: Intent;
}

/** What a plan acts on, shown to the user before applying and stored in the journal. No secrets. */
export type PlanTarget = Readonly<Record<string, string>>;

export interface OperationPlan<State, Intent> {
  /** A stable operation id, e.g. `codeartifact.originControl`. */
  readonly operation: string;
  /** Where it applies: e.g. account, region, domain, repository. Never credentials. */
  readonly target: PlanTarget;
  readonly items: readonly PlanItem<State, Intent>[];
}

/**
 * A key from structured parts, e.g. `itemKey('npm', '@scope', 'left-pad')`. JSON-encoded, so parts
 * that contain separators cannot collide: AWS's own toolkit joined parts with hyphens, and
 * `a-b`/`c` met `a`/`b-c`.
 */
export function itemKey(...parts: readonly string[]): string {
  return JSON.stringify(parts);
}

/** The parts of a key made by {@link itemKey}, or undefined for anything else (journals may be edited). */
export function keyParts(key: string): string[] | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    return undefined;
  }
  return Array.isArray(parts) && parts.every((p) => typeof p === 'string') ? (parts as string[]) : undefined;
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
}

/** Credential-shaped target fields are refused: the target is written to the journal in clear. */
const SECRET_FIELD = /secret|password|token|credential|session|access.?key/i;

/**
 * Checks a plan before it is run or journaled: keys unique and non-empty, a bounded item count, a
 * target without credentials. Throws a {@link PlanError} that says what to fix.
 */
export function createPlan<State, Intent>(plan: OperationPlan<State, Intent>): OperationPlan<State, Intent> {
  if (!/^[a-z][a-zA-Z0-9.-]{0,99}$/.test(plan.operation)) {
    throw new PlanError(`The operation id "${plan.operation.slice(0, 100)}" is not valid: use letters, digits, dots and hyphens.`);
  }
  if (plan.items.length > MAX_PLAN_ITEMS) {
    throw new PlanError(`The plan has ${plan.items.length} items; at most ${MAX_PLAN_ITEMS} can be applied in one run. Split it (for example by prefix).`);
  }
  for (const field of Object.keys(plan.target)) {
    if (SECRET_FIELD.test(field)) throw new PlanError(`The plan target field "${field}" looks like a credential; journals are plain files and must not hold secrets.`);
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of plan.items) {
    if (typeof item.key !== 'string' || item.key === '') throw new PlanError('Every plan item needs a non-empty key.');
    if (seen.has(item.key)) duplicates.add(item.key);
    seen.add(item.key);
  }
  if (duplicates.size > 0) {
    const shown = [...duplicates].slice(0, 5).join(', ');
    throw new PlanError(`The plan lists ${duplicates.size} item(s) more than once (${shown}${duplicates.size > 5 ? ', ...' : ''}); each item may appear once.`);
  }
  return { operation: plan.operation, target: { ...plan.target }, items: plan.items };
}
