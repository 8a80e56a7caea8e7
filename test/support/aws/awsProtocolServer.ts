// A local HTTP server on 127.0.0.1 speaking CloudFormation's real wire protocol (awsQuery:
// form-encoded POST `Action=...&Version=2010-05-15`, XML responses `<XResponse><XResult>`,
// errors `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`),
// so tests drive the real `@aws-sdk/client-cloudformation` client end to end.
// SigV4 signatures are not validated (any Authorization header is accepted).
// Faults can be injected per operation: Throttling, ExpiredToken, AccessDenied, a dropped
// connection (socket destroyed without a response), a stalled response (held until close) or
// an expired pagination token (only on requests that carry a NextToken).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { StackStatus } from '@aws-sdk/client-cloudformation';
import { ApiError, decodeToken, el, enumFilter, esc, invalidToken, members, PAGE_SIZE, paginate } from './awsQueryWire';
import { defaultFixture, type FixtureStack } from './fixtures';

const VERSION = '2010-05-15';
const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

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
  action: string;
  params: Record<string, string>;
  /** 1-based page for paginated operations (1 when no NextToken). */
  page: number;
  /** The fault applied to this request, if any. */
  fault?: FaultKind;
  /** A stalled request whose connection the client closed (e.g. its AbortSignal fired). */
  clientClosed?: boolean;
}

export interface ServerOptions {
  stacks?: FixtureStack[];
  /** DescribeStackDriftDetectionStatus answers DETECTION_IN_PROGRESS this many times first. */
  driftPollsBeforeComplete?: number;
}

const STACK_STATUSES = new Set<string>(Object.values(StackStatus));
const RESOURCE_DRIFT_STATUSES = new Set(['IN_SYNC', 'MODIFIED', 'DELETED', 'NOT_CHECKED', 'UNKNOWN', 'UNSUPPORTED']);

interface DriftDetection {
  id: string;
  stack: FixtureStack;
  polls: number;
  started: string;
}

export class AwsProtocolServer {
  readonly requests: RecordedRequest[] = [];
  /** Called for every request after it is recorded (e.g. to abort while a response is stalled). */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  private readonly faults: (FaultSpec & { used: number })[] = [];
  private readonly detections = new Map<string, DriftDetection>();
  private readonly stalled = new Set<ServerResponse>();
  private detectionCounter = 0;
  private requestCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly stacks: FixtureStack[],
    private readonly driftPollsBeforeComplete: number,
  ) {}

  static async start(options: ServerOptions = {}): Promise<AwsProtocolServer> {
    const server = createServer();
    // Idle keep-alive sockets stay open for the life of a test file, so a client never reuses
    // a socket the server is just closing (which would show up as a spurious ECONNRESET).
    server.keepAliveTimeout = 60_000;
    const instance = new AwsProtocolServer(server, options.stacks ?? defaultFixture(), options.driftPollsBeforeComplete ?? 2);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void instance.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return instance;
  }

  get endpoint(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests for one action, in arrival order. */
  requestsFor(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  /** The stack named `name` that is not deleted (tests change it between calls). */
  stack(name: string): FixtureStack {
    const found = this.stacks.find((s) => s.name === name && s.status !== 'DELETE_COMPLETE');
    if (!found) throw new Error(`no live fixture stack ${name}`);
    return found;
  }

  /** Deletes a stack as AWS does: it stays reachable by ID with DELETE_COMPLETE and no resources. */
  deleteStack(name: string): FixtureStack {
    const stack = this.stack(name);
    stack.status = 'DELETE_COMPLETE';
    stack.deleted = new Date().toISOString();
    stack.resources = stack.resources.map((r) => ({ ...r, status: 'DELETE_COMPLETE' }));
    stack.outputs = [];
    return stack;
  }

  /** Forgets a stack entirely (a deleted stack older than 90 days): every call on it fails. */
  removeStack(name: string): void {
    const index = this.stacks.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`no fixture stack ${name}`);
    this.stacks.splice(index, 1);
  }

  injectFault(fault: FaultSpec): void {
    this.faults.push({ ...fault, used: 0 });
  }

  reset(): void {
    this.faults.length = 0;
    this.requests.length = 0;
    this.detections.clear();
    this.onRequest = undefined;
  }

  async close(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    this.stalled.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const requestId = `00000000-0000-4000-8000-${String(++this.requestCounter).padStart(12, '0')}`;
    const params: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body)) params[key] = value;
    const action = params.Action ?? '';
    let page = 1;
    if (params.NextToken !== undefined && PAGE_SIZE[action] !== undefined) {
      try {
        page = Math.floor(decodeToken(action, params.NextToken) / PAGE_SIZE[action]!) + 1;
      } catch {
        page = 0;
      }
    }
    const record: RecordedRequest = { action, params, page };
    this.requests.push(record);

    try {
      if (req.method !== 'POST') throw new ApiError(400, 'InvalidAction', 'Only POST is supported by this test server');
      if (!action) throw new ApiError(400, 'MissingAction', 'Missing Action');
      if (params.Version !== VERSION) throw new ApiError(400, 'InvalidParameterValue', `Unsupported Version: ${params.Version ?? '(missing)'}`);
      const fault = this.takeFault(action, page, params.NextToken !== undefined);
      if (fault) {
        record.fault = fault;
        this.onRequest?.(record);
        if (fault === 'Stall') res.on('close', () => (record.clientClosed = true));
        this.applyFault(fault, res, requestId, params.NextToken ?? '');
        return;
      }
      this.onRequest?.(record);
      const result = this.dispatch(action, params);
      this.send(res, 200, `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, 'InternalFailure', 'Internal failure', 'Receiver');
      this.sendError(res, e, requestId);
    }
  }

  private takeFault(action: string, page: number, hasToken: boolean): FaultKind | undefined {
    for (const fault of this.faults) {
      if (fault.operation !== action) continue;
      if (fault.kind === 'InvalidNextToken' && !hasToken) continue;
      if (fault.page !== undefined && fault.page !== page) continue;
      if (fault.times !== undefined && fault.used >= fault.times) continue;
      fault.used += 1;
      return fault.kind;
    }
    return undefined;
  }

  private applyFault(kind: FaultKind, res: ServerResponse, requestId: string, token: string): void {
    switch (kind) {
      case 'InvalidNextToken':
        return this.sendError(res, invalidToken(token), requestId);
      case 'Throttling':
        return this.sendError(res, new ApiError(400, 'Throttling', 'Rate exceeded'), requestId);
      case 'ExpiredToken':
        return this.sendError(res, new ApiError(400, 'ExpiredToken', 'The security token included in the request is expired'), requestId);
      case 'AccessDenied':
        return this.sendError(
          res,
          new ApiError(403, 'AccessDenied', 'User: arn:aws:iam::123456789012:user/test is not authorized to perform this action'),
          requestId,
        );
      case 'Drop':
        res.socket?.destroy();
        return;
      case 'Stall':
        this.stalled.add(res);
        res.on('close', () => this.stalled.delete(res));
        return;
    }
  }

  private send(res: ServerResponse, status: number, xml: string): void {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
    res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  private sendError(res: ServerResponse, error: ApiError, requestId: string): void {
    this.send(
      res,
      error.status,
      `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${error.type}</Type><Code>${esc(error.code)}</Code><Message>${esc(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
  }

  private dispatch(action: string, params: Record<string, string>): string {
    switch (action) {
      case 'ListStacks':
        return this.listStacks(params);
      case 'DescribeStacks':
        return this.describeStacks(params);
      case 'ListStackResources':
        return this.listStackResources(params);
      case 'DescribeStackEvents':
        return this.describeStackEvents(params);
      case 'GetTemplate':
        return this.getTemplate(params);
      case 'DetectStackDrift':
        return this.detectStackDrift(params);
      case 'DescribeStackDriftDetectionStatus':
        return this.describeDriftStatus(params);
      case 'DescribeStackResourceDrifts':
        return this.describeResourceDrifts(params);
      default:
        throw new ApiError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
    }
  }

  /** By name (live stacks only) or by stack ID (deleted stacks too), like AWS. */
  private findStack(nameOrId: string | undefined, field = 'stackName'): FixtureStack {
    if (nameOrId === undefined || nameOrId === '') {
      throw new ApiError(400, 'ValidationError', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
    }
    const stack = this.stacks.find((s) => s.id === nameOrId) ?? this.stacks.find((s) => s.name === nameOrId && s.status !== 'DELETE_COMPLETE');
    if (!stack) throw new ApiError(400, 'ValidationError', `Stack with id ${nameOrId} does not exist`);
    return stack;
  }

  private listStacks(params: Record<string, string>): string {
    const filter = enumFilter(params, 'StackStatusFilter', 'stackStatusFilter', STACK_STATUSES);
    const stacks = filter.length > 0 ? this.stacks.filter((s) => filter.includes(s.status)) : this.stacks;
    const { page, nextToken } = paginate('ListStacks', stacks, params);
    const summaries = page.map(
      (s) =>
        el('StackId', s.id) +
        el('StackName', s.name) +
        el('TemplateDescription', s.description) +
        el('CreationTime', s.created) +
        el('LastUpdatedTime', s.lastUpdated) +
        el('DeletionTime', s.deleted) +
        el('StackStatus', s.status) +
        el('StackStatusReason', s.statusReason) +
        el('ParentId', s.parentId) +
        el('RootId', s.rootId) +
        `<DriftInformation>${el('StackDriftStatus', s.driftStatus ?? 'NOT_CHECKED')}${el('LastCheckTimestamp', s.driftChecked)}</DriftInformation>`,
    );
    return members('StackSummaries', summaries) + el('NextToken', nextToken);
  }

  private describeStacks(params: Record<string, string>): string {
    const stacks = params.StackName !== undefined ? [this.findStack(params.StackName)] : this.stacks.filter((s) => s.status !== 'DELETE_COMPLETE');
    const { page, nextToken } = paginate('DescribeStacks', stacks, params);
    const items = page.map(
      (s) =>
        el('StackId', s.id) +
        el('StackName', s.name) +
        el('Description', s.description) +
        members(
          'Parameters',
          s.parameters.map((p) => el('ParameterKey', p.key) + el('ParameterValue', p.value)),
        ) +
        el('CreationTime', s.created) +
        el('LastUpdatedTime', s.lastUpdated) +
        el('DeletionTime', s.deleted) +
        el('StackStatus', s.status) +
        el('StackStatusReason', s.statusReason) +
        el('DisableRollback', 'false') +
        members('NotificationARNs', []) +
        members('Capabilities', []) +
        members(
          'Outputs',
          s.outputs.map((o) => el('OutputKey', o.key) + el('OutputValue', o.value) + el('Description', o.description) + el('ExportName', o.exportName)),
        ) +
        members(
          'Tags',
          s.tags.map((t) => el('Key', t.key) + el('Value', t.value)),
        ) +
        el('ParentId', s.parentId) +
        el('RootId', s.rootId) +
        `<DriftInformation>${el('StackDriftStatus', s.driftStatus ?? 'NOT_CHECKED')}${el('LastCheckTimestamp', s.driftChecked)}</DriftInformation>`,
    );
    return members('Stacks', items) + el('NextToken', nextToken);
  }

  private listStackResources(params: Record<string, string>): string {
    const stack = this.findStack(params.StackName);
    const { page, nextToken } = paginate('ListStackResources', stack.resources, params);
    const items = page.map(
      (r) =>
        el('LogicalResourceId', r.logicalId) +
        el('PhysicalResourceId', r.physicalId) +
        el('ResourceType', r.type) +
        el('LastUpdatedTimestamp', r.lastUpdated) +
        el('ResourceStatus', r.status) +
        `<DriftInformation>${el('StackResourceDriftStatus', 'NOT_CHECKED')}</DriftInformation>`,
    );
    return members('StackResourceSummaries', items) + el('NextToken', nextToken);
  }

  private describeStackEvents(params: Record<string, string>): string {
    const stack = this.findStack(params.StackName);
    const newestFirst = [...stack.events].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    const { page, nextToken } = paginate('DescribeStackEvents', newestFirst, params);
    const items = page.map(
      (e) =>
        el('StackId', stack.id) +
        el('EventId', e.eventId) +
        el('StackName', stack.name) +
        el('LogicalResourceId', e.logicalId) +
        el('PhysicalResourceId', e.physicalId) +
        el('ResourceType', e.type) +
        el('Timestamp', e.timestamp) +
        el('ResourceStatus', e.status) +
        el('ResourceStatusReason', e.reason),
    );
    return members('StackEvents', items) + el('NextToken', nextToken);
  }

  private getTemplate(params: Record<string, string>): string {
    const stack = this.findStack(params.StackName);
    // AWS returns the Processed stage when none is asked for.
    const stage = params.TemplateStage ?? 'Processed';
    if (stage !== 'Original' && stage !== 'Processed') {
      throw new ApiError(400, 'ValidationError', `1 validation error detected: Value '${stage}' at 'templateStage' failed to satisfy constraint: Member must satisfy enum value set: [Original, Processed]`);
    }
    const stages = stack.stagesAvailable ?? ['Original', 'Processed'];
    // A stage not available yet (a stack still in review) comes back without a body.
    const body = !stages.includes(stage) ? undefined : stage === 'Processed' ? stack.templateProcessed : stack.templateOriginal;
    return el('TemplateBody', body) + members('StagesAvailable', stages.map(esc));
  }

  private detectStackDrift(params: Record<string, string>): string {
    const stack = this.findStack(params.StackName);
    const id = `b78ac9b0-dec1-11e7-a451-50${String(++this.detectionCounter).padStart(10, '0')}`;
    this.detections.set(id, { id, stack, polls: 0, started: new Date().toISOString() });
    return el('StackDriftDetectionId', id);
  }

  private describeDriftStatus(params: Record<string, string>): string {
    const id = params.StackDriftDetectionId;
    const detection = id === undefined ? undefined : this.detections.get(id);
    if (!detection) throw new ApiError(400, 'ValidationError', `Stack drift detection ${id ?? 'null'} does not exist`);
    detection.polls += 1;
    const complete = detection.polls > this.driftPollsBeforeComplete;
    const drifted = detection.stack.drifts.filter((d) => d.status === 'MODIFIED' || d.status === 'DELETED').length;
    return (
      el('StackId', detection.stack.id) +
      el('StackDriftDetectionId', detection.id) +
      (complete ? el('StackDriftStatus', drifted > 0 ? 'DRIFTED' : 'IN_SYNC') : '') +
      el('DetectionStatus', complete ? 'DETECTION_COMPLETE' : 'DETECTION_IN_PROGRESS') +
      (complete ? el('DriftedStackResourceCount', drifted) : '') +
      el('Timestamp', detection.started)
    );
  }

  private describeResourceDrifts(params: Record<string, string>): string {
    const stack = this.findStack(params.StackName);
    const statusFilter = enumFilter(params, 'StackResourceDriftStatusFilters', 'stackResourceDriftStatusFilters', RESOURCE_DRIFT_STATUSES);
    const drifts = statusFilter.length > 0 ? stack.drifts.filter((d) => statusFilter.includes(d.status)) : stack.drifts;
    const { page, nextToken } = paginate('DescribeStackResourceDrifts', drifts, params);
    const items = page.map(
      (d) =>
        el('StackId', stack.id) +
        el('LogicalResourceId', d.logicalId) +
        el('PhysicalResourceId', d.physicalId) +
        el('ResourceType', d.type) +
        el('ExpectedProperties', d.expected) +
        el('ActualProperties', d.actual) +
        members(
          'PropertyDifferences',
          (d.differences ?? []).map((p) => el('PropertyPath', p.path) + el('ExpectedValue', p.expected) + el('ActualValue', p.actual) + el('DifferenceType', p.type)),
        ) +
        el('StackResourceDriftStatus', d.status) +
        el('Timestamp', new Date().toISOString()),
    );
    return members('StackResourceDrifts', items) + el('NextToken', nextToken);
  }
}
