// Which nodes of a tree are on screen with their children showing. VS Code reports expand and
// collapse per node, and collapsing a stack says nothing about the Events folder under it: the
// folder stays "expanded" (VS Code restores it when the stack opens again, without an event for
// the folder). So a node is open only when it and every ancestor are expanded; the stacks view
// polls only the Events folders that are open. Tracked by id, as VS Code remembers expansion,
// so it survives a refresh that replaces the node objects.
import type { ViewNode } from './viewNode';

export class ExpandedNodes {
  private readonly expanded = new Set<string>();

  /** `parentOf`: the tree's parent of a node (undefined at the top level). */
  constructor(private readonly parentOf: (node: ViewNode) => ViewNode | undefined) {}

  expand(node: ViewNode): void {
    this.expanded.add(node.id);
  }

  collapse(node: ViewNode): void {
    this.expanded.delete(node.id);
  }

  /** Expanded, and so is every ancestor: its children are showing. */
  isOpen(node: ViewNode): boolean {
    const seen = new Set<ViewNode>();
    for (let at: ViewNode | undefined = node; at !== undefined; at = this.parentOf(at)) {
      // A cycle would be a bug in the tree; treat it as closed rather than loop.
      if (!this.expanded.has(at.id) || seen.has(at)) return false;
      seen.add(at);
    }
    return true;
  }
}
