// Small write targets for the operation-layer tests, shaped like CodeArtifact origin controls
// (state {publish, upstream}, intent a partial of it). No AWS client is involved: src/operations is
// service-agnostic, so its tests write to a map (MemoryTarget) or, to survive a killed process, to
// an append-only file (FileTarget). The CodeArtifact feature tests its target through the real SDK.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { AwsError, type AwsErrorCode } from '../../../../src/aws/errors';
import type { OperationTarget } from '../../../../src/operations/executor';
import { itemKey, type OperationPlan, type PlanItem } from '../../../../src/operations/plan';
import type { JournalCodec } from '../../../../src/operations/recovery';

export type Restriction = 'ALLOW' | 'BLOCK';
export interface OriginState {
  readonly publish: Restriction;
  readonly upstream: Restriction;
}
export type OriginIntent = Partial<OriginState>;

export const MIXED: OriginState = { publish: 'ALLOW', upstream: 'ALLOW' };
export const BLOCK_UPSTREAM: OriginIntent = { upstream: 'BLOCK' };

export function packageKey(index: number): string {
  return itemKey('npm', '@team', `pkg-${String(index).padStart(4, '0')}`);
}

export function originPlan(count: number, intent: OriginIntent = BLOCK_UPSTREAM): OperationPlan<OriginState, OriginIntent> {
  return {
    operation: 'codeartifact.originControl',
    target: { account: '111122223333', region: 'us-east-1', domain: 'acme', repository: 'internal' },
    items: Array.from({ length: count }, (_, index) => ({ key: packageKey(index), before: MIXED, intent })),
  };
}

const isRestriction = (value: unknown): value is Restriction => value === 'ALLOW' || value === 'BLOCK';

export const originCodec: JournalCodec<OriginState, OriginIntent> = {
  state(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const { publish, upstream } = value as Record<string, unknown>;
    return isRestriction(publish) && isRestriction(upstream) ? { publish, upstream } : undefined;
  },
  intent(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const { publish, upstream } = value as Record<string, unknown>;
    if ((publish !== undefined && !isRestriction(publish)) || (upstream !== undefined && !isRestriction(upstream))) return undefined;
    return { ...(publish ? { publish } : {}), ...(upstream ? { upstream } : {}) };
  },
};

const originRules = {
  desired: (current: OriginState, intent: OriginIntent): OriginState => ({ publish: intent.publish ?? current.publish, upstream: intent.upstream ?? current.upstream }),
  same: (a: OriginState, b: OriginState): boolean => a.publish === b.publish && a.upstream === b.upstream,
};

export function awsError(code: AwsErrorCode, message = `simulated ${code}`): AwsError {
  return new AwsError(code, 'codeartifact', 'PutPackageOriginConfiguration', message);
}

export interface MemoryTargetHooks {
  /** Called when a write starts, before it lands; throw to fail it. */
  beforeWrite?: (key: string, inFlight: number) => void;
  writeDelayMs?: number;
}

/** Packages in a map. Counts every landed write per key, and writes in flight. */
export class MemoryTarget implements OperationTarget<OriginState, OriginIntent> {
  readonly states = new Map<string, OriginState>();
  readonly landed = new Map<string, number>();
  readonly writeOrder: string[] = [];
  reads = 0;
  writesStarted = 0;
  inFlight = 0;
  readonly desired = originRules.desired;
  readonly same = originRules.same;

  constructor(
    plan: OperationPlan<OriginState, OriginIntent>,
    private readonly hooks: MemoryTargetHooks = {},
  ) {
    for (const item of plan.items) this.states.set(item.key, item.before);
  }

  read(item: PlanItem<OriginState, OriginIntent>): Promise<OriginState> {
    this.reads += 1;
    const state = this.states.get(item.key);
    return state ? Promise.resolve(state) : Promise.reject(awsError('NotFound'));
  }

  async write(item: PlanItem<OriginState, OriginIntent>, desired: OriginState): Promise<void> {
    this.writesStarted += 1;
    this.inFlight += 1;
    try {
      this.hooks.beforeWrite?.(item.key, this.inFlight);
      await new Promise((resolve) => setTimeout(resolve, this.hooks.writeDelayMs ?? 0));
      this.states.set(item.key, desired);
      this.landed.set(item.key, (this.landed.get(item.key) ?? 0) + 1);
      this.writeOrder.push(item.key);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Keys written more than once: must stay empty. */
  writtenTwice(): string[] {
    return [...this.landed].filter(([, count]) => count > 1).map(([key]) => key);
  }
}

/**
 * Packages whose writes go to an append-only file (one JSON line per landed write), so the state
 * outlives a killed process. `started` (optional) logs each write as it starts.
 */
export class FileTarget implements OperationTarget<OriginState, OriginIntent> {
  readonly desired = originRules.desired;
  readonly same = originRules.same;

  constructor(
    readonly writesFile: string,
    private readonly behaviour: { startedFile?: string; write?: (key: string, land: () => void) => Promise<void> } = {},
  ) {}

  landedWrites(): { key: string; state: OriginState }[] {
    if (!existsSync(this.writesFile)) return [];
    return readFileSync(this.writesFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { key: string; state: OriginState });
  }

  read(item: PlanItem<OriginState, OriginIntent>): Promise<OriginState> {
    // Every package starts "mixed" (ALLOW/ALLOW); the last landed write wins.
    let state = MIXED;
    for (const write of this.landedWrites()) if (write.key === item.key) state = write.state;
    return Promise.resolve(state);
  }

  async write(item: PlanItem<OriginState, OriginIntent>, desired: OriginState): Promise<void> {
    if (this.behaviour.startedFile) appendFileSync(this.behaviour.startedFile, `${item.key}\n`);
    const land = (): void => appendFileSync(this.writesFile, `${JSON.stringify({ key: item.key, state: desired })}\n`);
    if (this.behaviour.write) await this.behaviour.write(item.key, land);
    else land();
  }
}
