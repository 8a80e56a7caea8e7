// Outputs and parameters: one DescribeStacks call feeds both folders (cached per stack until a
// refresh), and each value can be copied (`archlens.stacks.copyValue`).
import type { Output, Parameter, Stack } from '../../aws/cloudFormationGateway';
import { CONTEXT } from '../contextValues';
import { ErrorNode, MessageNode } from '../standardNodes';
import type { NodeItem, ViewNode } from '../viewNode';
import { StackFolderNode } from './stackFolder';
import { type StackEnv, type StackInfo } from './stackInfo';
import { md } from '../markdown';
import { cloudFormationService } from '../../aws/services/cloudFormation';

/** One DescribeStacks per stack, shared by Outputs and Parameters; failures are not cached. */
export class StackDetails {
  private value: Stack | undefined;
  private inflight: { promise: Promise<Stack>; signal: AbortSignal } | undefined;

  constructor(
    private readonly env: StackEnv,
    private readonly stack: () => StackInfo,
  ) {}

  get(signal: AbortSignal): Promise<Stack> {
    if (this.value) return Promise.resolve(this.value);
    if (this.inflight && !this.inflight.signal.aborted) return this.inflight.promise;
    const promise = this.env.services
      .gateway(cloudFormationService)
      .describeStack(this.stack().id, { signal })
      .then((stack) => (this.value = stack))
      .finally(() => {
        if (this.inflight?.promise === promise) this.inflight = undefined;
      });
    this.inflight = { promise, signal };
    return promise;
  }

  clear(): void {
    this.value = undefined;
    this.inflight = undefined;
  }
}

/** A copyable key/value leaf (an output or a parameter). */
abstract class ValueNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly key: string,
    /** What "Copy Value" copies. */
    readonly value: string,
  ) {}

  abstract item(): NodeItem;
}

export class OutputNode extends ValueNode {
  constructor(
    id: string,
    readonly output: Output,
  ) {
    super(id, output.OutputKey ?? '', output.OutputValue ?? '');
  }

  item(): NodeItem {
    const o = this.output;
    const lines = [`**${md(this.key)}**`, md(this.value)];
    if (o.Description) lines.push(md(o.Description));
    if (o.ExportName) lines.push(`Exported as \`${o.ExportName.replace(/`/g, '')}\``);
    return { label: this.key, description: this.value, tooltip: lines.join('\n\n'), icon: { id: 'output' }, contextValue: CONTEXT.stackOutput, collapsible: 'none' };
  }
}

export class ParameterNode extends ValueNode {
  constructor(
    id: string,
    readonly parameter: Parameter,
  ) {
    // An SSM parameter type shows the name it was given; the resolved value is what was used.
    super(id, parameter.ParameterKey ?? '', parameter.ResolvedValue ?? parameter.ParameterValue ?? '');
  }

  item(): NodeItem {
    const p = this.parameter;
    const shown = p.ResolvedValue !== undefined ? `${p.ParameterValue ?? ''} → ${p.ResolvedValue}` : (p.ParameterValue ?? '');
    return {
      label: this.key,
      description: shown,
      tooltip: `**${md(this.key)}**\n\n${md(shown)}`,
      icon: { id: 'symbol-parameter' },
      contextValue: CONTEXT.stackParameter,
      collapsible: 'none',
    };
  }
}

/** What one folder over the stack's DescribeStacks answer shows. */
export interface DetailsFolderKind {
  readonly label: string;
  readonly iconId: string;
  readonly emptyMessage: string;
  readonly nodes: (stack: Stack, folderId: string) => ViewNode[];
}

export const OUTPUTS_FOLDER: DetailsFolderKind = {
  label: 'Outputs',
  iconId: 'output',
  emptyMessage: 'No outputs',
  nodes: (stack, folderId) => (stack.Outputs ?? []).map((o) => new OutputNode(`${folderId}/${o.OutputKey ?? ''}`, o)),
};

export const PARAMETERS_FOLDER: DetailsFolderKind = {
  label: 'Parameters',
  iconId: 'symbol-parameter',
  emptyMessage: 'No parameters',
  nodes: (stack, folderId) => (stack.Parameters ?? []).map((p) => new ParameterNode(`${folderId}/${p.ParameterKey ?? ''}`, p)),
};

/** Outputs or Parameters of one stack (`kind` says which). */
export class DetailsFolderNode extends StackFolderNode {
  constructor(
    id: string,
    env: StackEnv,
    private readonly kind: DetailsFolderKind,
    private readonly details: StackDetails,
  ) {
    super(id, env, kind.label, kind.iconId);
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    try {
      const nodes = this.kind.nodes(await this.details.get(signal), this.id);
      return nodes.length > 0 ? nodes : [new MessageNode(`${this.id}/empty`, this.kind.emptyMessage)];
    } catch (error) {
      // A stack deleted since it was listed fails here: an error on this folder only.
      return [new ErrorNode(`${this.id}/error`, error, () => this.refresh())];
    }
  }

  protected clear(): void {
    this.details.clear();
  }
}
