// Drift: the folder shows the stack's last detection (from this session, or the one CloudFormation
// kept from an earlier run), each resource with its drift status as a badge; "Detect drift"
// starts a new detection through the gateway (which polls until it ends).
import { isCancelled } from '../../aws/errors';
import type { DriftResult, StackResourceDrift } from '../../aws/cloudFormationGateway';
import { CONTEXT } from '../contextValues';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, ViewNode } from '../viewNode';
import { StackFolderNode } from './stackFolder';
import { formatTime, type StackEnv, type StackInfo } from './stackInfo';
import { md } from '../markdown';
import { statusIcon, statusText } from './stackStatus';
import { cloudFormationService } from '../../aws/services/cloudFormation';

/** Drifted first, so the resources that need attention are at the top. */
const ORDER: Record<string, number> = { MODIFIED: 0, DELETED: 1, NOT_CHECKED: 2, IN_SYNC: 3 };

export class DriftResourceNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly drift: StackResourceDrift,
    readonly stack: StackInfo,
  ) {}

  get logicalId(): string {
    return this.drift.LogicalResourceId ?? '';
  }

  /** MODIFIED and DELETED resources have a diff to show. */
  get drifted(): boolean {
    const s = this.drift.StackResourceDriftStatus;
    return s === 'MODIFIED' || s === 'DELETED';
  }

  item(): NodeItem {
    const d = this.drift;
    const status = d.StackResourceDriftStatus ?? 'UNKNOWN';
    const changed = d.PropertyDifferences?.length ?? 0;
    const badge = status === 'MODIFIED' && changed > 0 ? `${status} · ${changed} ${changed === 1 ? 'property' : 'properties'}` : status;
    const lines = [`**${md(this.logicalId)}** (${md(d.ResourceType ?? '')}): ${md(statusText(status))}`];
    for (const p of d.PropertyDifferences ?? []) lines.push(`\`${(p.PropertyPath ?? '').replace(/`/g, '')}\`: ${md(p.DifferenceType ?? '')}`);
    return {
      label: this.logicalId,
      description: badge,
      tooltip: lines.join('\n\n'),
      icon: statusIcon(status),
      contextValue: this.drifted ? CONTEXT.driftedResource : undefined,
      collapsible: 'none',
      command: this.drifted ? { command: 'archlens.stacks.showDriftDiff', title: 'Show Drifted Properties', arguments: [this] } : undefined,
    };
  }
}

type DriftState =
  | { readonly kind: 'none' }
  | { readonly kind: 'detecting'; readonly progress?: string }
  | { readonly kind: 'result'; readonly result: DriftResult; readonly at: number }
  | { readonly kind: 'failed'; readonly error: unknown };

export class DriftFolderNode extends StackFolderNode {
  private state: DriftState = { kind: 'none' };
  /** The drifts CloudFormation kept from a detection before this session (loaded on expand). */
  private previous: StackResourceDrift[] | undefined;
  /** A detection ran in this session, so AWS has results even if the listing says NOT_CHECKED. */
  private checked = false;

  constructor(
    id: string,
    env: StackEnv,
    private readonly stack: () => StackInfo,
  ) {
    super(id, env, 'Drift', 'compare-changes');
  }

  override item(): NodeItem {
    const base = super.item();
    const status = this.stackDriftStatus();
    return { ...base, icon: status && status !== 'NOT_CHECKED' ? statusIcon(status) : { id: 'compare-changes' }, contextValue: CONTEXT.driftFolder };
  }

  private stackDriftStatus(): string | undefined {
    if (this.state.kind === 'result') return this.state.result.stackDriftStatus;
    return this.stack().driftStatus;
  }

  protected override description(): string {
    switch (this.state.kind) {
      case 'detecting':
        return this.state.progress ?? 'detecting…';
      case 'failed':
        return 'detection failed';
      case 'result': {
        const r = this.state.result;
        if (r.detectionStatus === 'DETECTION_FAILED') return `partial: ${r.detectionStatusReason ?? 'detection failed'}`;
        const drifted = r.driftedResourceCount ?? 0;
        return r.stackDriftStatus === 'DRIFTED' ? `DRIFTED · ${drifted} of ${r.drifts.length} resources` : (r.stackDriftStatus ?? 'checked');
      }
      case 'none': {
        const info = this.stack();
        if (this.checked) return 'checked';
        if (!info.driftStatus || info.driftStatus === 'NOT_CHECKED') return 'not checked';
        return `${info.driftStatus}${info.driftChecked ? ` · ${formatTime(info.driftChecked)}` : ''}`;
      }
    }
  }

  /** The stack this folder belongs to. */
  get stackInfo(): StackInfo {
    return this.stack();
  }

  /** The latest result of this session, if any. */
  get result(): DriftResult | undefined {
    return this.state.kind === 'result' ? this.state.result : undefined;
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const state = this.state;
    if (state.kind === 'detecting') return [new MessageNode(`${this.id}/detecting`, 'Detecting drift…', undefined, 'sync~spin')];
    if (state.kind === 'failed') return [new ErrorNode(`${this.id}/error`, state.error, () => this.refresh(), 'Drift detection failed')];
    if (state.kind === 'result') return this.nodes(state.result.drifts);
    const info = this.stack();
    if (!this.checked && (!info.driftStatus || info.driftStatus === 'NOT_CHECKED')) return [new MessageNode(`${this.id}/none`, 'Not checked yet: run "Detect Drift"', undefined, 'search')];
    try {
      if (!this.previous) {
        const drifts: StackResourceDrift[] = [];
        for await (const page of this.env.services.gateway(cloudFormationService).resourceDrifts(info.id, { signal })) drifts.push(...page.items);
        this.previous = drifts;
      }
      return this.nodes(this.previous);
    } catch (error) {
      return [new ErrorNode(`${this.id}/error`, error, () => this.refresh())];
    }
  }

  private nodes(drifts: readonly StackResourceDrift[]): ViewNode[] {
    if (drifts.length === 0) return [new MessageNode(`${this.id}/empty`, 'No resources were checked')];
    const sorted = [...drifts].sort(
      (a, b) => (ORDER[a.StackResourceDriftStatus ?? ''] ?? 9) - (ORDER[b.StackResourceDriftStatus ?? ''] ?? 9) || (a.LogicalResourceId ?? '').localeCompare(b.LogicalResourceId ?? ''),
    );
    return sorted.map((d) => new DriftResourceNode(`${this.id}/${d.LogicalResourceId ?? ''}`, d, this.stack()));
  }

  /**
   * Runs a new detection and shows its result. A cancel puts the folder back as it was and
   * rethrows the `Cancelled` error (the command ignores it); other failures stay on the folder.
   */
  async detect(signal: AbortSignal, onProgress?: (message: string) => void): Promise<DriftResult> {
    const before = this.state;
    this.state = { kind: 'detecting' };
    this.env.sink.changed(this);
    try {
      const result = await this.env.services.gateway(cloudFormationService).detectDrift(this.stack().id, {
        signal,
        pollIntervalMs: this.env.driftPollIntervalMs,
        onProgress: () => onProgress?.('Waiting for CloudFormation to check each resource…'),
      });
      this.state = { kind: 'result', result, at: this.env.now() };
      this.checked = true;
      return result;
    } catch (error) {
      this.state = isCancelled(error) ? before : { kind: 'failed', error };
      throw error;
    } finally {
      this.env.sink.changed(this);
    }
  }

  protected clear(): void {
    if (this.state.kind !== 'detecting') this.state = { kind: 'none' };
    this.previous = undefined;
  }
}
