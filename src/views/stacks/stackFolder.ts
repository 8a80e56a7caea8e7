// The folders under a stack (Resources, Events, Outputs, ...) share their look and the
// "Refresh" action (`archlens:stackFolder`, `archlens.tree.refreshNode`); each kind is its own subclass.
import { CONTEXT } from '../contextValues';
import type { NodeItem, RefreshableNode, ViewNode } from '../viewNode';
import type { StackEnv } from './stackInfo';

export abstract class StackFolderNode implements RefreshableNode {
  constructor(
    readonly id: string,
    protected readonly env: StackEnv,
    private readonly label: string,
    private readonly iconId: string,
  ) {}

  item(): NodeItem {
    return { label: this.label, description: this.description(), icon: { id: this.iconId }, contextValue: CONTEXT.stackFolder, collapsible: 'collapsed' };
  }

  protected description(): string | undefined {
    return undefined;
  }

  abstract children(signal: AbortSignal): Promise<ViewNode[]>;

  /** Forget what was loaded and re-render: the next expand asks AWS again. */
  refresh(): void {
    this.clear();
    this.env.sink.changed(this);
  }

  protected abstract clear(): void;
}
