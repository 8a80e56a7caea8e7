// One request log for every service: what arrived (service, operation, the decoded input with
// secret-looking members redacted), what was answered (status, fault), and which access key
// signed it. Headers are never recorded: the Authorization header and session tokens stay out.
import type { FaultKind } from './faults';

export interface LoggedRequest {
  /** 1-based arrival order across all services. */
  readonly seq: number;
  /** Service id (`cloudformation`, `logs`, ...); `unknown` when nothing could route it. */
  readonly service: string;
  readonly operation: string;
  /** awsQuery: the flat form; JSON protocols: the parsed body (restJson1: plus query members). */
  readonly input: Readonly<Record<string, unknown>>;
  /** The access key id of the SigV4 Authorization header (an id, not a secret). */
  readonly accessKeyId?: string;
  /** 1-based page of a paginated request; 0 for a token the service rejects. */
  page?: number;
  /** The injected fault, if any. */
  fault?: FaultKind;
  /** HTTP status answered; undefined while pending, for a dropped socket or a stream still open. */
  status?: number;
  /** A stalled or held request whose connection the client closed (e.g. its AbortSignal fired). */
  clientClosed?: boolean;
}

// Long-lived secrets only: an MFA `TokenCode` (valid 30 s) stays visible so tests can check it was sent.
const SECRET_MEMBER = /secret|password|sessiontoken|^token$|privatekey/i;

/** A copy of `input` whose secret-looking members read `<redacted>` (nested values too). */
export function redactInput(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (SECRET_MEMBER.test(key)) out[key] = '<redacted>';
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = redactInput(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];
  private readonly listeners: ((entry: LoggedRequest) => void)[] = [];
  private counter = 0;

  /** Called synchronously for every new entry (adapters keep their own views of the log). */
  onEntry(listener: (entry: LoggedRequest) => void): void {
    this.listeners.push(listener);
  }

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged: LoggedRequest = { seq: ++this.counter, ...entry, input: redactInput(entry.input) };
    this.entries.push(logged);
    for (const listener of this.listeners) listener(logged);
    return logged;
  }

  /** Entries of one operation (optionally of one service), in arrival order. */
  of(operation: string, service?: string): LoggedRequest[] {
    return this.entries.filter((e) => e.operation === operation && (service === undefined || e.service === service));
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** One line per request, `service Operation status [fault]`: safe to print (no inputs). */
  summary(): string[] {
    return this.entries.map((e) => `${e.service} ${e.operation} ${e.status ?? '-'}${e.fault !== undefined ? ` [${e.fault}]` : ''}`);
  }
}
