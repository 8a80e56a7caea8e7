// The "Package groups" folder of a domain: each group's pattern (e.g. `/npm/acme/*`) and its
// effective origin modes per restriction type, with "inherited" where the group's own mode is
// INHERIT. Read-only for now; a package's effective state (its own vs its group's) is still to come.
import type { GroupRestriction, PackageGroupSummary } from '../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../aws/services/codeArtifact';
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import { PagedChildren } from '../pagedChildren';
import type { NodeItem, RefreshableNode, TreeChangeSink, ViewNode } from '../viewNode';
import type { AwsServices } from '../awsServices';

function modeText(label: string, r: GroupRestriction | undefined): string {
  if (!r) return `${label} ?`;
  const effective = r.effectiveMode ?? r.mode ?? '?';
  return r.mode === 'INHERIT' ? `${label} ${effective} (inherited)` : `${label} ${effective}`;
}

/** `publish ALLOW · external upstream BLOCK · internal upstream ALLOW (inherited)`. */
export function groupModes(group: PackageGroupSummary): string {
  return [modeText('publish', group.publish), modeText('external upstream', group.externalUpstream), modeText('internal upstream', group.internalUpstream)].join(' · ');
}

export class PackageGroupNode implements ViewNode {
  constructor(
    readonly id: string,
    readonly group: PackageGroupSummary,
  ) {}

  item(): NodeItem {
    const g = this.group;
    const inherited = [g.publish, g.externalUpstream, g.internalUpstream].find((r) => r?.inheritedFrom)?.inheritedFrom;
    return {
      label: g.pattern,
      description: groupModes(g),
      tooltip: [`Package group **${md(g.pattern)}**`, g.description ? md(g.description) : '', md(groupModes(g)), inherited ? `Inherited modes come from ${md(inherited)}` : ''].filter(Boolean).join('\n\n'),
      icon: { id: 'symbol-namespace' },
      contextValue: CONTEXT.codeArtifactGroup,
      collapsible: 'none',
    };
  }
}

export class PackageGroupFolderNode implements RefreshableNode {
  private readonly groups: PagedChildren<PackageGroupSummary>;

  constructor(
    readonly id: string,
    services: AwsServices,
    private readonly sink: TreeChangeSink,
    domain: { readonly domain: string; readonly domainOwner?: string },
  ) {
    this.groups = new PagedChildren<PackageGroupSummary>({
      idPrefix: `${id}/groups`,
      fetch: (startToken, signal) => services.gateway(codeArtifactService).packageGroupPages(domain, { startToken, signal }),
      key: (g) => g.pattern,
      toNode: (g) => new PackageGroupNode(`${id}/group/${g.pattern}`, g),
      emptyMessage: 'No package groups',
      sink,
      parent: () => this,
    });
  }

  item(): NodeItem {
    return { label: 'Package groups', icon: { id: 'symbol-namespace' }, contextValue: CONTEXT.codeArtifactGroupFolder, collapsible: 'collapsed', tooltip: 'Origin controls set on groups of packages by pattern' };
  }

  children(signal: AbortSignal): Promise<ViewNode[]> {
    return this.groups.children(signal);
  }

  refresh(): void {
    this.groups.reset();
    this.sink.changed(this);
  }
}
