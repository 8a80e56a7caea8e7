// The CDK view (`archlens.cdk`): the shared tree adapter over `CdkRoot`, plus what only this tree
// shows: finding counts as badges (a FileDecoration on a private URI scheme, the one per-item
// badge a TreeView has) and accessibility labels that read the whole row. Local, not bound to the
// AWS connection: the root re-reads when the workspace's apps change. `archlens.cdk.empty` drives
// the welcome content ("No CDK app found").
import * as vscode from 'vscode';
import type { CdkNode, CdkNodeItem } from '../../views/cdk/cdkNodes';
import { CdkRoot } from '../../views/cdk/cdkRoot';
import type { ViewNode } from '../../views/viewNode';
import { ViewTreeProvider } from '../tree/treeAdapter';
import type { CdkWorkspace } from './cdkWorkspace';

export const CDK_VIEW_ID = 'archlens.cdk';
const BADGE_SCHEME = 'archlens-cdk-badge';

function isCdkItem(item: ReturnType<ViewNode['item']>): item is CdkNodeItem {
  return typeof (item as Partial<CdkNodeItem>).accessibilityLabel === 'string';
}

/** The badge text: at most two characters fit. */
function badgeText(count: number): string {
  return count > 99 ? '99' : String(count);
}

class CdkTreeProvider extends ViewTreeProvider {
  private readonly badges = new Map<string, NonNullable<CdkNodeItem['badge']>>();

  override getTreeItem(node: ViewNode): vscode.TreeItem {
    const tree = super.getTreeItem(node);
    const item = node.item();
    if (!isCdkItem(item)) return tree;
    tree.accessibilityInformation = { label: item.accessibilityLabel, role: 'treeitem' };
    if (item.badge) {
      this.badges.set(node.id, item.badge);
      tree.resourceUri = vscode.Uri.from({ scheme: BADGE_SCHEME, path: `/${encodeURIComponent(node.id)}` });
    }
    return tree;
  }

  /** The decoration of a node's badge URI. */
  decoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BADGE_SCHEME) return undefined;
    const badge = this.badges.get(decodeURIComponent(uri.path.slice(1)));
    if (!badge) return undefined;
    const color = badge.tone === 'error' ? 'list.errorForeground' : badge.tone === 'warning' ? 'list.warningForeground' : undefined;
    const decoration = new vscode.FileDecoration(badgeText(badge.count), `${badge.count} finding${badge.count === 1 ? '' : 's'}`, color ? new vscode.ThemeColor(color) : undefined);
    // Only the badge: the row's label keeps its normal colour (the icon already says "warning").
    decoration.propagate = false;
    return decoration;
  }
}

export class CdkTreeView implements vscode.Disposable {
  readonly root: CdkRoot;
  readonly provider: CdkTreeProvider;
  readonly tree: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private empty: boolean | undefined;

  constructor(workspace: CdkWorkspace) {
    this.root = new CdkRoot(() => workspace.list());
    this.provider = new CdkTreeProvider((signal) => this.roots(signal));
    this.tree = vscode.window.createTreeView(CDK_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    const decorations = new vscode.EventEmitter<undefined>();
    this.disposables.push(
      this.tree,
      this.provider,
      decorations,
      vscode.window.registerFileDecorationProvider({ onDidChangeFileDecorations: decorations.event, provideFileDecoration: (uri) => this.provider.decoration(uri) }),
      workspace.onDidChange(() => {
        this.refresh();
        decorations.fire(undefined);
      }),
    );
  }

  refresh(): void {
    this.root.refresh();
    this.provider.refresh();
  }

  private async roots(signal: AbortSignal): Promise<ViewNode[]> {
    const nodes = await this.root.children(signal);
    const empty = nodes.length === 0;
    if (!signal.aborted && empty !== this.empty) {
      this.empty = empty;
      void vscode.commands.executeCommand('setContext', `${CDK_VIEW_ID}.empty`, empty);
    }
    return nodes;
  }

  /** Nodes the user selected (a palette command without a node acts on them). */
  selection(): readonly CdkNode[] {
    return this.tree.selection as readonly CdkNode[];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
