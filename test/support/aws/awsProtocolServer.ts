// The CloudFormation test server as the stacks and gateway tests know it: the local AWS-protocol
// server (core/localAwsServer.ts) with the CloudFormation handler module (services/cloudFormation.ts),
// plus the per-action request list and fault names those tests use. New tests can use
// `server.core` (the request log, fault rules of every kind) directly.
import { LocalAwsServer } from './core/localAwsServer';
import type { FaultKind as CoreFaultKind } from './core/faults';
import type { LoggedRequest } from './core/requestLog';
import { cloudFormationService, CloudFormationState } from './services/cloudFormation';
import type { FixtureStack } from './fixtures';

export type FaultKind = 'Throttling' | 'ExpiredToken' | 'AccessDenied' | 'Drop' | 'Stall' | 'InvalidNextToken';

export interface FaultSpec {
  /** Action name, e.g. `ListStacks`. */
  operation: string;
  kind: FaultKind;
  /** Only requests for this 1-based page (derived from NextToken) fail; default every page. */
  page?: number;
  /** How many matching requests fail before the operation works again; default all of them. */
  times?: number;
}

export interface RecordedRequest {
  readonly action: string;
  readonly params: Record<string, string>;
  /** 1-based page for paginated operations (1 when no NextToken). */
  readonly page: number;
  /** The fault applied to this request, if any. */
  readonly fault?: FaultKind;
  /** A stalled request whose connection the client closed (e.g. its AbortSignal fired). */
  readonly clientClosed?: boolean;
}

export interface ServerOptions {
  stacks?: FixtureStack[];
  /** DescribeStackDriftDetectionStatus answers DETECTION_IN_PROGRESS this many times first. */
  driftPollsBeforeComplete?: number;
}

const CORE_KIND: Readonly<Record<FaultKind, CoreFaultKind>> = {
  Throttling: 'throttle',
  ExpiredToken: 'expiredToken',
  AccessDenied: 'accessDenied',
  Drop: 'drop',
  Stall: 'stall',
  InvalidNextToken: 'invalidToken',
};
const LEGACY_KIND = new Map<CoreFaultKind, FaultKind>(Object.entries(CORE_KIND).map(([legacy, core]) => [core, legacy as FaultKind]));

/** The legacy view of a logged request: live, so `fault` and `clientClosed` follow the log entry. */
function recorded(entry: LoggedRequest): RecordedRequest {
  return {
    action: entry.operation,
    params: entry.input as Record<string, string>,
    page: entry.page ?? 1,
    get fault() {
      return entry.fault !== undefined ? LEGACY_KIND.get(entry.fault) : undefined;
    },
    get clientClosed() {
      return entry.clientClosed;
    },
  };
}

export class AwsProtocolServer {
  readonly requests: RecordedRequest[] = [];
  private readonly views = new WeakMap<LoggedRequest, RecordedRequest>();

  private constructor(
    readonly core: LocalAwsServer,
    private readonly state: CloudFormationState,
  ) {
    core.log.onEntry((entry) => {
      const view = recorded(entry);
      this.views.set(entry, view);
      this.requests.push(view);
    });
  }

  static async start(options: ServerOptions = {}): Promise<AwsProtocolServer> {
    const state = new CloudFormationState(options.stacks, options.driftPollsBeforeComplete);
    return new AwsProtocolServer(await LocalAwsServer.start({ services: [cloudFormationService(state)] }), state);
  }

  get endpoint(): string {
    return this.core.endpoint;
  }

  get stacks(): FixtureStack[] {
    return this.state.stacks;
  }

  /** Called for every request once its fault is known (e.g. to abort while a response is stalled). */
  get onRequest(): ((request: RecordedRequest) => void) | undefined {
    return this.listener;
  }

  set onRequest(listener: ((request: RecordedRequest) => void) | undefined) {
    this.listener = listener;
    this.core.onRequest = listener === undefined ? undefined : (entry) => listener(this.views.get(entry) ?? recorded(entry));
  }

  private listener: ((request: RecordedRequest) => void) | undefined;

  /** Requests for one action, in arrival order. */
  requestsFor(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  /** The stack named `name` that is not deleted (tests change it between calls). */
  stack(name: string): FixtureStack {
    return this.state.stack(name);
  }

  /** Deletes a stack as AWS does: it stays reachable by ID with DELETE_COMPLETE and no resources. */
  deleteStack(name: string): FixtureStack {
    return this.state.deleteStack(name);
  }

  /** Forgets a stack entirely (a deleted stack older than 90 days): every call on it fails. */
  removeStack(name: string): void {
    this.state.removeStack(name);
  }

  injectFault(fault: FaultSpec): void {
    this.core.faults.inject({ service: 'cloudformation', operation: fault.operation, kind: CORE_KIND[fault.kind], page: fault.page, times: fault.times });
  }

  reset(): void {
    this.core.faults.clear();
    this.core.log.clear();
    this.requests.length = 0;
    this.state.detections.clear();
    this.onRequest = undefined;
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
