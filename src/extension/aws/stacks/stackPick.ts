// "Which stack?" for stack commands run from the palette: a quick pick over the region's stacks
// (src/views/stacks/stackChoices.ts), one ListStacks page at a time with "Load more stacks…";
// closing the pick aborts the listing. The stack selected in the tree, if any, is highlighted.
import * as vscode from 'vscode';
import type { StackInfo } from '../../../views/stacks/stackInfo';
import { initialChoice, StackChoiceNode, stackChoices } from '../../../views/stacks/stackChoices';
import { StackNode } from '../../../views/stacks/stackNode';
import type { StacksRoot } from '../../../views/stacks/stacksRoot';
import { ErrorNode, LoadMoreNode } from '../../../views/standardNodes';
import type { ViewNode } from '../../../views/viewNode';

interface ChoiceItem extends vscode.QuickPickItem {
  readonly stack?: StackInfo;
  readonly node?: ViewNode;
}

/** The picked stack, or undefined when the user closed the pick. */
export async function pickStack(root: StacksRoot, title: string, selection: readonly unknown[]): Promise<StackInfo | undefined> {
  const selected = selection.find((n): n is StackNode => n instanceof StackNode)?.info.id;
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.title = title;
  pick.placeholder = `Pick a stack (${root.services.label})`;
  pick.matchOnDescription = true;
  const listing = new AbortController();
  let rendering = 0;
  // "Load more" and "retry" ask for a new render through the sink.
  const choices = stackChoices(root.services, { changed: () => void render() });
  const render = async (): Promise<void> => {
    const generation = ++rendering;
    pick.busy = true;
    const nodes = await choices.children(listing.signal);
    // A newer render (a second "load more") or a closed pick wins.
    if (generation !== rendering || listing.signal.aborted) return;
    const items = nodes.map(toItem);
    pick.items = items;
    const initial = initialChoice(nodes, selected);
    if (initial) pick.activeItems = [items[nodes.indexOf(initial)]!];
    pick.busy = false;
  };
  try {
    return await new Promise<StackInfo | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (item?.stack) return resolve(item.stack);
        // "Load more" and "retry" re-render the pick through the sink (the pick stays open).
        if (item?.node instanceof LoadMoreNode) item.node.loadMore();
        else if (item?.node instanceof ErrorNode) item.node.retry();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
      void render();
    });
  } finally {
    listing.abort();
    pick.dispose();
  }
}

function toItem(node: ViewNode): ChoiceItem {
  const item = node.item();
  if (node instanceof StackChoiceNode) return { label: item.label, description: item.description, stack: node.info };
  if (node instanceof LoadMoreNode) return { label: '$(ellipsis) Load more stacks…', description: item.description, alwaysShow: true, node };
  if (node instanceof ErrorNode) return { label: `$(error) ${item.label}`, detail: 'Pick to retry', alwaysShow: true, node };
  return { label: item.label, alwaysShow: true };
}
