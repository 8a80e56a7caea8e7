// CloudFormation (awsQuery, Version 2010-05-15) for the local AWS-protocol server: the read
// operations the stacks view uses plus drift detection, over FixtureStack data (fixtures.ts).
// To add an operation: an entry in `operations` with its input model (required members, enums
// and limits from node_modules/@aws-sdk/client-cloudformation/dist-types/models/models_*.d.ts)
// and a handler returning the XML inside `<OpResult>` (use `el` / `members` from core/xml.ts).
import { StackStatus } from '@aws-sdk/client-cloudformation';
import type { ServiceDefinition } from '../core/service';
import { ServiceError } from '../core/serviceError';
import { el, esc, members, queryList } from '../core/xml';
import { defaultFixture, type FixtureStack } from '../fixtures';
import { cloudFormationPage, pageNumber } from './cloudFormationPaging';
import { awsQueryErrors } from './queryErrors';

const STACK_STATUSES: readonly string[] = Object.values(StackStatus);
const RESOURCE_DRIFT_STATUSES = ['IN_SYNC', 'MODIFIED', 'DELETED', 'NOT_CHECKED', 'UNKNOWN', 'UNSUPPORTED'];

interface DriftDetection {
  readonly id: string;
  readonly stack: FixtureStack;
  polls: number;
  readonly started: string;
}

/** The account's stacks and running drift detections; tests change stacks between calls. */
export class CloudFormationState {
  readonly detections = new Map<string, DriftDetection>();
  private detectionCounter = 0;

  constructor(
    readonly stacks: FixtureStack[] = defaultFixture(),
    /** DescribeStackDriftDetectionStatus answers DETECTION_IN_PROGRESS this many times first. */
    readonly driftPollsBeforeComplete = 2,
  ) {}

  /** The stack named `name` that is not deleted. */
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

  /** By name (live stacks only) or by stack ID (deleted stacks too), like AWS. */
  find(nameOrId: unknown): FixtureStack {
    if (typeof nameOrId !== 'string' || nameOrId === '') {
      throw new ServiceError('ValidationError', "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null");
    }
    const stack = this.stacks.find((s) => s.id === nameOrId) ?? this.stacks.find((s) => s.name === nameOrId && s.status !== 'DELETE_COMPLETE');
    if (!stack) throw new ServiceError('ValidationError', `Stack with id ${nameOrId} does not exist`);
    return stack;
  }

  startDetection(stack: FixtureStack): string {
    const id = `b78ac9b0-dec1-11e7-a451-50${String(++this.detectionCounter).padStart(10, '0')}`;
    this.detections.set(id, { id, stack, polls: 0, started: new Date().toISOString() });
    return id;
  }
}

type Params = Readonly<Record<string, string>>;

function driftInformation(statusElement: string, status: string, checked?: string): string {
  return `<DriftInformation>${el(statusElement, status)}${el('LastCheckTimestamp', checked)}</DriftInformation>`;
}

export function cloudFormationService(state: CloudFormationState): ServiceDefinition {
  const stackSummary = (s: FixtureStack): string =>
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
    driftInformation('StackDriftStatus', s.driftStatus ?? 'NOT_CHECKED', s.driftChecked);

  const stackDetail = (s: FixtureStack): string =>
    el('StackId', s.id) +
    el('StackName', s.name) +
    el('Description', s.description) +
    members('Parameters', s.parameters.map((p) => el('ParameterKey', p.key) + el('ParameterValue', p.value))) +
    el('CreationTime', s.created) +
    el('LastUpdatedTime', s.lastUpdated) +
    el('DeletionTime', s.deleted) +
    el('StackStatus', s.status) +
    el('StackStatusReason', s.statusReason) +
    el('DisableRollback', 'false') +
    members('NotificationARNs', []) +
    members('Capabilities', []) +
    members('Outputs', s.outputs.map((o) => el('OutputKey', o.key) + el('OutputValue', o.value) + el('Description', o.description) + el('ExportName', o.exportName))) +
    members('Tags', s.tags.map((t) => el('Key', t.key) + el('Value', t.value))) +
    el('ParentId', s.parentId) +
    el('RootId', s.rootId) +
    driftInformation('StackDriftStatus', s.driftStatus ?? 'NOT_CHECKED', s.driftChecked);

  return {
    name: 'cloudformation',
    protocol: 'awsQuery',
    version: '2010-05-15',
    xmlNamespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
    tokenMember: 'NextToken',
    errors: awsQueryErrors(),
    pageOf: (operation, input) => pageNumber(operation, input as Params),
    operations: {
      ListStacks: {
        input: { StackStatusFilter: { type: 'list', enum: STACK_STATUSES } },
        handle(input) {
          const filter = queryList(input as Params, 'StackStatusFilter');
          const stacks = filter.length > 0 ? state.stacks.filter((s) => filter.includes(s.status)) : state.stacks;
          const { page, nextToken } = cloudFormationPage('ListStacks', stacks, input as Params);
          return members('StackSummaries', page.map(stackSummary)) + el('NextToken', nextToken);
        },
      },
      DescribeStacks: {
        handle(input) {
          const stacks = input.StackName !== undefined ? [state.find(input.StackName)] : state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE');
          const { page, nextToken } = cloudFormationPage('DescribeStacks', stacks, input as Params);
          return members('Stacks', page.map(stackDetail)) + el('NextToken', nextToken);
        },
      },
      ListStackResources: {
        input: { StackName: { required: true } },
        handle(input) {
          const stack = state.find(input.StackName);
          const { page, nextToken } = cloudFormationPage('ListStackResources', stack.resources, input as Params);
          const items = page.map(
            (r) =>
              el('LogicalResourceId', r.logicalId) +
              el('PhysicalResourceId', r.physicalId) +
              el('ResourceType', r.type) +
              el('LastUpdatedTimestamp', r.lastUpdated) +
              el('ResourceStatus', r.status) +
              driftInformation('StackResourceDriftStatus', 'NOT_CHECKED'),
          );
          return members('StackResourceSummaries', items) + el('NextToken', nextToken);
        },
      },
      DescribeStackEvents: {
        input: { StackName: { required: true } },
        handle(input) {
          const stack = state.find(input.StackName);
          const newestFirst = [...stack.events].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
          const { page, nextToken } = cloudFormationPage('DescribeStackEvents', newestFirst, input as Params);
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
        },
      },
      GetTemplate: {
        input: { TemplateStage: { enum: ['Original', 'Processed'] } },
        handle(input) {
          const stack = state.find(input.StackName);
          // AWS returns the Processed stage when none is asked for.
          const stage = (input.TemplateStage as string | undefined) ?? 'Processed';
          const stages = stack.stagesAvailable ?? ['Original', 'Processed'];
          // A stage not available yet (a stack still in review) comes back without a body.
          const body = !stages.includes(stage as 'Original') ? undefined : stage === 'Processed' ? stack.templateProcessed : stack.templateOriginal;
          return el('TemplateBody', body) + members('StagesAvailable', stages.map(esc));
        },
      },
      DetectStackDrift: {
        input: { StackName: { required: true } },
        handle: (input) => el('StackDriftDetectionId', state.startDetection(state.find(input.StackName))),
      },
      DescribeStackDriftDetectionStatus: {
        input: { StackDriftDetectionId: { required: true } },
        handle(input) {
          const id = input.StackDriftDetectionId as string;
          const detection = state.detections.get(id);
          if (!detection) throw new ServiceError('ValidationError', `Stack drift detection ${id} does not exist`);
          detection.polls += 1;
          const complete = detection.polls > state.driftPollsBeforeComplete;
          const drifted = detection.stack.drifts.filter((d) => d.status === 'MODIFIED' || d.status === 'DELETED').length;
          return (
            el('StackId', detection.stack.id) +
            el('StackDriftDetectionId', detection.id) +
            (complete ? el('StackDriftStatus', drifted > 0 ? 'DRIFTED' : 'IN_SYNC') : '') +
            el('DetectionStatus', complete ? 'DETECTION_COMPLETE' : 'DETECTION_IN_PROGRESS') +
            (complete ? el('DriftedStackResourceCount', drifted) : '') +
            el('Timestamp', detection.started)
          );
        },
      },
      DescribeStackResourceDrifts: {
        input: { StackName: { required: true }, StackResourceDriftStatusFilters: { type: 'list', enum: RESOURCE_DRIFT_STATUSES, length: [1, 4] }, MaxResults: { type: 'integer', range: [1, 100] } },
        handle(input) {
          const stack = state.find(input.StackName);
          const statusFilter = queryList(input as Params, 'StackResourceDriftStatusFilters');
          const drifts = statusFilter.length > 0 ? stack.drifts.filter((d) => statusFilter.includes(d.status)) : stack.drifts;
          const { page, nextToken } = cloudFormationPage('DescribeStackResourceDrifts', drifts, input as Params);
          const items = page.map(
            (d) =>
              el('StackId', stack.id) +
              el('LogicalResourceId', d.logicalId) +
              el('PhysicalResourceId', d.physicalId) +
              el('ResourceType', d.type) +
              el('ExpectedProperties', d.expected) +
              el('ActualProperties', d.actual) +
              members('PropertyDifferences', (d.differences ?? []).map((p) => el('PropertyPath', p.path) + el('ExpectedValue', p.expected) + el('ActualValue', p.actual) + el('DifferenceType', p.type))) +
              el('StackResourceDriftStatus', d.status) +
              el('Timestamp', new Date().toISOString()),
          );
          return members('StackResourceDrifts', items) + el('NextToken', nextToken);
        },
      },
    },
  };
}
