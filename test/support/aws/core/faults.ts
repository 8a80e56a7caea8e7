// One fault model for every service. A rule picks calls (by service, operation, page, and which
// matching call: "call 7", "37 of 1,000", "the next 2") and a kind; the core answers them with the
// service's own error names (services/*.ts `errors`), so a throttle is `Throttling` (400) on
// CloudFormation, `ThrottlingException` (400) on Logs and `ThrottlingException` (429) on CodeArtifact.
//   throttle | serverError | expiredToken | accessDenied   the service's error for it
//   invalidToken   the service's "bad page token" error (only calls that carry a token)
//   error          any error: `error: { code, message, status }`
//   htmlPage       an HTML error page (a proxy in between), `status` default 502
//   drop           the socket is destroyed without an answer
//   stall          no answer until the client goes away (abort tests)
//   slow           the normal answer after `delayMs`
export type FaultKind = 'throttle' | 'serverError' | 'expiredToken' | 'accessDenied' | 'invalidToken' | 'error' | 'htmlPage' | 'drop' | 'stall' | 'slow';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Service id (`logs`, ...); default any. */
  readonly service?: string;
  /** Operation name; default any. */
  readonly operation?: string;
  /** Only requests for this 1-based page (paginated operations). */
  readonly page?: number;
  /** 1-based numbers of the matching calls, counted from injection, that fail: `[7]`, or `spreadCalls(37, 1000)`. */
  readonly calls?: readonly number[];
  /** How many matching calls fail before the operation works again; default all (ignored with `calls`). */
  readonly times?: number;
  /** `slow`: delay before the normal answer. */
  readonly delayMs?: number;
  /** `htmlPage` / `serverError`: the HTTP status. */
  readonly status?: number;
  /** `error`: what to answer. */
  readonly error?: { readonly code: string; readonly message: string; readonly status?: number };
}

/** What the core knows about a call when it picks faults. */
export interface FaultCall {
  readonly service: string;
  readonly operation: string;
  readonly page?: number;
  readonly hasPageToken: boolean;
}

/** An injected rule: how many matching calls it saw and failed; `remove()` ends it. */
export interface ActiveFault {
  readonly rule: FaultRule;
  readonly seen: number;
  readonly used: number;
  /** Calls still to fail (`times` / `calls` rules); Infinity for an open-ended rule. */
  readonly remaining: number;
  remove(): void;
}

/** `count` distinct call numbers spread evenly over 1..`total` (deterministic), e.g. for "37 of 1,000 writes fail". */
export function spreadCalls(count: number, total: number): number[] {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || count > total) throw new RangeError(`cannot pick ${count} of ${total} calls`);
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * total) / count) + 1).map((n) => Math.min(n, total));
}

class Rule implements ActiveFault {
  seen = 0;
  used = 0;
  private readonly calls: ReadonlySet<number> | undefined;

  constructor(
    readonly rule: FaultRule,
    private readonly owner: FaultModel,
  ) {
    this.calls = rule.calls !== undefined ? new Set(rule.calls) : undefined;
  }

  get remaining(): number {
    if (this.calls !== undefined) return [...this.calls].filter((n) => n > this.seen).length;
    return this.rule.times !== undefined ? Math.max(0, this.rule.times - this.used) : Infinity;
  }

  remove(): void {
    this.owner.remove(this);
  }

  matches(call: FaultCall): boolean {
    const r = this.rule;
    if (r.service !== undefined && r.service !== call.service) return false;
    if (r.operation !== undefined && r.operation !== call.operation) return false;
    if (r.page !== undefined && r.page !== call.page) return false;
    return r.kind !== 'invalidToken' || call.hasPageToken;
  }

  /** Counts a matching call; true when this one fails (never when an earlier rule already failed it). */
  fires(alreadyFailed: boolean): boolean {
    this.seen += 1;
    if (alreadyFailed) return false;
    const fire = this.calls !== undefined ? this.calls.has(this.seen) : this.rule.times === undefined || this.used < this.rule.times;
    if (fire) this.used += 1;
    return fire;
  }
}

export class FaultModel {
  private readonly rules: Rule[] = [];

  /** Adds a rule after the existing ones (the first rule that fires wins); `first` puts it before them. */
  inject(rule: FaultRule, options: { first?: boolean } = {}): ActiveFault {
    const active = new Rule(rule, this);
    if (options.first) this.rules.unshift(active);
    else this.rules.push(active);
    return active;
  }

  remove(fault: ActiveFault): void {
    const index = this.rules.indexOf(fault as Rule);
    if (index >= 0) this.rules.splice(index, 1);
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** The rule that fails this call, if any (every matching rule counts the call; the first that fires wins). */
  take(call: FaultCall): FaultRule | undefined {
    let fired: FaultRule | undefined;
    for (const rule of this.rules) {
      if (rule.matches(call) && rule.fires(fired !== undefined)) fired = rule.rule;
    }
    return fired;
  }
}
