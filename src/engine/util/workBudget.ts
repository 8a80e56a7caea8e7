// A time budget for one unit of engine work (a rule's check, a language feature's answer).
//
// The language server is single-threaded: a rule that runs for minutes on a crafted document
// freezes hover, completion and every other file's diagnostics. JavaScript cannot interrupt a
// running function, so the budget is cooperative: the loops that can grow with the input call
// `spendBudget()`, which throws `BudgetExceeded` once the deadline has passed. The analyzer
// catches it, reports the rule once as an internal warning, and publishes the other rules'
// findings. The clock is the host's (the engine does no I/O); it is read once every
// `CLOCK_STRIDE` calls so the check costs a decrement on the hot path.

/** Thrown out of budgeted work when its deadline has passed; carries how long it ran. */
export class BudgetExceeded extends Error {
  constructor(readonly elapsedMs: number) {
    super(`stopped after ${Math.round(elapsedMs)} ms`);
    this.name = 'BudgetExceeded';
  }
}

/** Calls of `spendBudget` between two clock reads. */
const CLOCK_STRIDE = 256;

interface ActiveBudget {
  readonly started: number;
  readonly deadline: number;
  readonly now: () => number;
  countdown: number;
}

let active: ActiveBudget | undefined;

/**
 * Runs `work` under a budget of `budgetMs` measured with `now`. Budgets nest: the inner one
 * applies while it runs and the outer one resumes after. `BudgetExceeded` propagates to the
 * caller, which decides what to report.
 */
export function runWithBudget<T>(budgetMs: number, now: () => number, work: () => T): T {
  const previous = active;
  const started = now();
  active = { started, deadline: started + budgetMs, now, countdown: CLOCK_STRIDE };
  try {
    return work();
  } finally {
    active = previous;
  }
}

/**
 * Marks one step of work that may be repeated in proportion to the input (a node visited, a
 * candidate compared). Throws `BudgetExceeded` when the current budget's deadline has passed;
 * does nothing outside a budget.
 */
export function spendBudget(): void {
  if (active === undefined || --active.countdown > 0) return;
  active.countdown = CLOCK_STRIDE;
  const time = active.now();
  if (time > active.deadline) throw new BudgetExceeded(time - active.started);
}
