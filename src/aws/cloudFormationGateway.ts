// CloudFormation gateway: a thin layer over `@aws-sdk/client-cloudformation` (docs:
// architecture.md, layer src/aws). Listings are async iterables of pages driven by NextToken;
// every call takes an AbortSignal that reaches `send(..., { abortSignal })`; every failure is an
// `AwsError` (user cancel -> code `Cancelled`). Pages already yielded stay with the caller when a
// later page fails: the iteration throws after them, and `Page.nextToken` lets the caller
// resume from the last good page.
import {
  type CloudFormationClient,
  DescribeStackDriftDetectionStatusCommand,
  type DescribeStackDriftDetectionStatusCommandOutput,
  DescribeStackEventsCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  type Stack,
  type StackEvent,
  type StackResourceDrift,
  type StackResourceSummary,
  type StackStatus,
  type StackSummary,
} from '@aws-sdk/client-cloudformation';
import { abortableSleep, awsCall, tokenPages, type CallOptions, type Page, type PageOptions, type ServiceTarget } from './awsCall';
import { AwsError } from './errors';

// The SDK shapes the views use, re-exported so nothing outside src/aws imports `@aws-sdk/*`.
export type { Output, Parameter, Stack, StackEvent, StackResourceDrift, StackResourceSummary, StackSummary } from '@aws-sdk/client-cloudformation';
export type { StackStatus };

/** Every stack status the SDK knows, in the SDK's order (for status filters). */
export { STACK_STATUSES } from './stackStatuses';

const SERVICE = 'CloudFormation';

export type { CallOptions, Page, PageOptions } from './awsCall';

export type TemplateStage = 'Original' | 'Processed';

export interface DriftResult {
  detectionId: string;
  detectionStatus: 'DETECTION_COMPLETE' | 'DETECTION_FAILED';
  detectionStatusReason?: string;
  stackDriftStatus?: string;
  driftedResourceCount?: number;
  drifts: StackResourceDrift[];
}

export interface DetectDriftOptions extends CallOptions {
  /** Delay between status polls; default 2 s. */
  pollIntervalMs?: number;
  /** Give up (code `Unknown`) after this many polls; default 300. */
  maxPolls?: number;
  /** Called with each in-progress status (for progress UI). */
  onProgress?: (status: DescribeStackDriftDetectionStatusCommandOutput) => void;
}

export class CloudFormationGateway {
  constructor(
    private readonly client: CloudFormationClient,
    /** Who the calls go to, for error messages (the session passes the resolved endpoint). */
    private readonly target: ServiceTarget = { service: SERVICE },
  ) {}

  /** Sends one command with the signal; maps every failure (including a prior abort) to AwsError. */
  private call<T>(operation: string, signal: AbortSignal | undefined, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    return awsCall(this.target, operation, signal, () => run(signal));
  }

  private pages<T>(operation: string, options: PageOptions, fetch: (token: string | undefined, abortSignal: AbortSignal | undefined) => Promise<Page<T>>): AsyncIterable<Page<T>> {
    return tokenPages(this.target, operation, options, (token) => fetch(token, options.signal));
  }

  /** Stack summaries page by page (100 per page). Without `statuses`, deleted stacks are included (90 days). */
  listStacks(options: PageOptions & { statuses?: StackStatus[] } = {}): AsyncIterable<Page<StackSummary>> {
    const filter = options.statuses && options.statuses.length > 0 ? options.statuses : undefined;
    return this.pages('ListStacks', options, async (NextToken, abortSignal) => {
      const out = await this.client.send(new ListStacksCommand({ NextToken, StackStatusFilter: filter }), { abortSignal });
      return { items: out.StackSummaries ?? [], nextToken: out.NextToken };
    });
  }

  /** Every live stack with its parameters and outputs, page by page (DescribeStacks without a name). */
  describeStacks(options: PageOptions = {}): AsyncIterable<Page<Stack>> {
    return this.pages('DescribeStacks', options, async (NextToken, abortSignal) => {
      const out = await this.client.send(new DescribeStacksCommand({ NextToken }), { abortSignal });
      return { items: out.Stacks ?? [], nextToken: out.NextToken };
    });
  }

  /** Every resource of a stack (unlike DescribeStackResources, not capped at 100). */
  listStackResources(stack: string, options: PageOptions = {}): AsyncIterable<Page<StackResourceSummary>> {
    return this.pages('ListStackResources', options, async (NextToken, abortSignal) => {
      const out = await this.client.send(new ListStackResourcesCommand({ StackName: stack, NextToken }), { abortSignal });
      return { items: out.StackResourceSummaries ?? [], nextToken: out.NextToken };
    });
  }

  /** Stack events, newest first, page by page. Deleted stacks need the stack ID. */
  stackEvents(stack: string, options: PageOptions = {}): AsyncIterable<Page<StackEvent>> {
    return this.pages('DescribeStackEvents', options, async (NextToken, abortSignal) => {
      const out = await this.client.send(new DescribeStackEventsCommand({ StackName: stack, NextToken }), { abortSignal });
      return { items: out.StackEvents ?? [], nextToken: out.NextToken };
    });
  }

  /** One stack with parameters and outputs; a missing stack is `NotFound`. */
  async describeStack(stack: string, options: CallOptions = {}): Promise<Stack> {
    const out = await this.call('DescribeStacks', options.signal, (abortSignal) => this.client.send(new DescribeStacksCommand({ StackName: stack }), { abortSignal }));
    const found = out.Stacks?.[0];
    if (!found) throw new AwsError('NotFound', SERVICE, 'DescribeStacks', `${SERVICE} DescribeStacks: stack ${stack} not found`);
    return found;
  }

  /** The template body as submitted (`Original`) or after transforms such as SAM (`Processed`). */
  async getTemplate(stack: string, stage: TemplateStage = 'Original', options: CallOptions = {}): Promise<{ body: string; stagesAvailable: string[] }> {
    const out = await this.call('GetTemplate', options.signal, (abortSignal) =>
      this.client.send(new GetTemplateCommand({ StackName: stack, TemplateStage: stage }), { abortSignal }),
    );
    return { body: out.TemplateBody ?? '', stagesAvailable: out.StagesAvailable ?? [] };
  }

  /** The resource drifts of the stack's latest drift detection, page by page (no new detection). */
  resourceDrifts(stack: string, options: PageOptions = {}): AsyncIterable<Page<StackResourceDrift>> {
    return this.pages('DescribeStackResourceDrifts', options, async (NextToken, abortSignal) => {
      const out = await this.client.send(new DescribeStackResourceDriftsCommand({ StackName: stack, NextToken }), { abortSignal });
      return { items: out.StackResourceDrifts ?? [], nextToken: out.NextToken };
    });
  }

  /** Starts drift detection, polls its status until it ends, then reads every resource drift. */
  async detectDrift(stack: string, options: DetectDriftOptions = {}): Promise<DriftResult> {
    const { signal } = options;
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    const maxPolls = options.maxPolls ?? 300;
    const started = await this.call('DetectStackDrift', signal, (abortSignal) => this.client.send(new DetectStackDriftCommand({ StackName: stack }), { abortSignal }));
    const detectionId = started.StackDriftDetectionId;
    if (!detectionId) throw new AwsError('Unknown', SERVICE, 'DetectStackDrift', `${SERVICE} DetectStackDrift: no detection id returned`);

    let status: DescribeStackDriftDetectionStatusCommandOutput | undefined;
    for (let poll = 0; ; poll++) {
      if (poll >= maxPolls) throw new AwsError('Unknown', SERVICE, 'DescribeStackDriftDetectionStatus', `${SERVICE} drift detection did not finish after ${maxPolls} polls`);
      if (poll > 0) await abortableSleep(pollIntervalMs, SERVICE, 'DescribeStackDriftDetectionStatus', signal);
      status = await this.call('DescribeStackDriftDetectionStatus', signal, (abortSignal) =>
        this.client.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }), { abortSignal }),
      );
      if (status.DetectionStatus !== 'DETECTION_IN_PROGRESS') break;
      options.onProgress?.(status);
    }

    const drifts: StackResourceDrift[] = [];
    for await (const page of this.resourceDrifts(stack, { signal })) drifts.push(...page.items);
    return {
      detectionId,
      detectionStatus: status.DetectionStatus === 'DETECTION_FAILED' ? 'DETECTION_FAILED' : 'DETECTION_COMPLETE',
      detectionStatusReason: status.DetectionStatusReason,
      stackDriftStatus: status.StackDriftStatus,
      driftedResourceCount: status.DriftedStackResourceCount,
      drifts,
    };
  }
}
