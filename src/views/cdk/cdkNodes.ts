// The CDK tree's nodes: apps > stacks (environment, stale marker) > constructs (L2/L3 folders,
// L1 leaves with their CloudFormation type and logical id), finding counts as badges. Plain data
// (src/views never imports `vscode`); the extension adds the badge decoration and accessibility
// label from `CdkNodeItem`, and runs the commands named here.
import { CONTEXT } from '../contextValues';
import { md } from '../markdown';
import type { NodeItem, ViewNode } from '../viewNode';
import {
  addCounts,
  constructSource,
  isStale,
  NO_FINDINGS,
  subtreeFindings,
  subtreeResources,
  type CdkApp,
  type CdkConstruct,
  type CdkStack,
  type FindingCounts,
  type SourcePosition,
  type SynthesizedResource,
} from './cdkModel';

/** Command ids the nodes name (contributed in package.json, registered in src/extension/cdk). */
export const CDK_COMMANDS = {
  synthesize: 'archlens.cdk.synthesize',
  openSource: 'archlens.cdk.openSource',
  openTemplate: 'archlens.cdk.openTemplate',
  showInDiagram: 'archlens.cdk.showInDiagram',
} as const;

/** A node item plus what only the CDK tree shows: a badge (finding count) and a screen-reader label. */
export interface CdkNodeItem extends NodeItem {
  /** Read by screen readers instead of label + description (which are terse for sighted users). */
  readonly accessibilityLabel: string;
  /** Finding count badge; `tone` picks the colour. */
  readonly badge?: { readonly count: number; readonly tone: 'error' | 'warning' | 'info' };
}

export interface CdkNode extends ViewNode {
  item(): CdkNodeItem;
}

/** Framework constructs every stack has that say nothing about the user's architecture. */
const FRAMEWORK_IDS = new Set(['CDKMetadata', 'BootstrapVersion', 'CheckBootstrapVersion']);

/** "2 errors, 1 warning" (empty when clean). */
export function countsText(counts: FindingCounts): string {
  const parts: string[] = [];
  const say = (n: number, word: string): void => {
    if (n > 0) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  };
  say(counts.errors, 'error');
  say(counts.warnings, 'warning');
  say(counts.infos, 'info');
  return parts.join(', ');
}

function badgeOf(counts: FindingCounts): CdkNodeItem['badge'] {
  const count = counts.errors + counts.warnings + counts.infos;
  if (count === 0) return undefined;
  return { count, tone: counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'info' };
}

function joined(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' · ');
}

/** `aws-cdk-lib.aws_s3.Bucket` -> `s3.Bucket`; `constructs.Construct` -> `Construct`. */
export function shortFqn(fqn: string | undefined): string | undefined {
  if (!fqn) return undefined;
  const parts = fqn.split('.');
  const type = parts[parts.length - 1];
  const module = parts.length > 2 ? parts[parts.length - 2]?.replace(/^aws_/, '') : undefined;
  return module ? `${module}.${type}` : type;
}

function sourceText(source: SourcePosition | undefined): string {
  if (!source) return 'Source line unknown (the assembly has no creation stack for it, and no construct id matched in the sources).';
  const where = `${md(source.file)}:${source.line + 1}`;
  return source.precision === 'trace' ? `Created at ${where}` : `Created at ${where} (inferred from the construct id: the assembly has no creation stack)`;
}

function openSourceCommand(source: SourcePosition | undefined, resource: SynthesizedResource | undefined): NodeItem['command'] {
  if (source) return { command: CDK_COMMANDS.openSource, title: 'Open Source', arguments: [source] };
  if (resource) return { command: CDK_COMMANDS.openTemplate, title: 'Open Synthesized Template', arguments: [resource] };
  return undefined;
}

/** The constructs worth showing under a node: those that synthesized something, framework ones left out. */
export function visibleChildren(construct: CdkConstruct): CdkConstruct[] {
  return construct.children.filter((child) => !FRAMEWORK_IDS.has(child.id) && subtreeResources(child).length > 0);
}

/** An L2/L3 construct (a folder) or an L1 construct (a leaf with its resource). */
export class ConstructNode implements CdkNode {
  readonly id: string;

  constructor(
    readonly construct: CdkConstruct,
    readonly stack: CdkStack,
    parentId: string,
  ) {
    this.id = `${parentId}/${construct.id}`;
  }

  /** The resources this construct synthesized (itself for an L1), for the template and diagram commands. */
  resources(): SynthesizedResource[] {
    return subtreeResources(this.construct);
  }

  source(): SourcePosition | undefined {
    return constructSource(this.construct);
  }

  item(): CdkNodeItem {
    const { construct } = this;
    const counts = subtreeFindings(construct);
    const found = countsText(counts);
    const source = this.source();
    const resource = construct.resource;
    if (resource && visibleChildren(construct).length === 0) {
      // L1: what it made, where, and its findings.
      return {
        label: construct.id,
        description: joined(resource.type, resource.logicalId, found),
        tooltip: [`**${md(resource.type)}** \`${resource.logicalId}\``, `Path: \`${construct.path}\``, sourceText(source), found ? `Findings: ${found}` : undefined].filter(Boolean).join('\n\n'),
        icon: { id: 'symbol-field' },
        contextValue: CONTEXT.cdkResource,
        collapsible: 'none',
        command: openSourceCommand(source, resource),
        accessibilityLabel: joined(`${construct.id}, ${resource.type} resource, logical id ${resource.logicalId}`, found || 'no findings'),
        badge: badgeOf(counts),
      };
    }
    const kind = shortFqn(construct.fqn);
    const types = [...new Set(this.resources().map((r) => r.type))];
    return {
      label: construct.id,
      description: joined(kind, found),
      tooltip: [`**${md(construct.id)}**${kind ? ` (${md(kind)})` : ''}`, `Path: \`${construct.path}\``, sourceText(source), `Creates ${types.join(', ')}`, found ? `Findings: ${found}` : undefined]
        .filter(Boolean)
        .join('\n\n'),
      icon: { id: 'symbol-class' },
      contextValue: CONTEXT.cdkConstruct,
      collapsible: 'collapsed',
      command: openSourceCommand(source, this.resources()[0]),
      accessibilityLabel: joined(`${construct.id}, ${kind ?? 'construct'}, creates ${types.length} resource type${types.length === 1 ? '' : 's'}`, found || 'no findings'),
      badge: badgeOf(counts),
    };
  }

  children(): Promise<ViewNode[]> {
    return Promise.resolve(visibleChildren(this.construct).map((child) => new ConstructNode(child, this.stack, this.id)));
  }
}

/** A stack, with its environment; stale when the app's sources are newer than the assembly. */
export class StackNode implements CdkNode {
  readonly id: string;

  constructor(
    readonly app: CdkApp,
    readonly stack: CdkStack,
    parentId: string,
  ) {
    this.id = `${parentId}/${stack.artifactId}`;
  }

  stale(): boolean {
    return isStale(this.app);
  }

  item(): CdkNodeItem {
    const stale = this.stale();
    const counts = this.stack.construct ? subtreeFindings(this.stack.construct) : NO_FINDINGS;
    const found = countsText(counts);
    const environment = this.stack.environment ?? 'environment-agnostic';
    const newest = this.app.staleSource;
    const staleLine = stale && newest ? `**Stale**: ${md(newest.file)} changed after the last synth. Synthesize to see what the code makes now.` : undefined;
    return {
      label: this.stack.displayName,
      description: joined(environment, stale ? 'stale' : undefined, found),
      tooltip: [`**${md(this.stack.displayName)}**`, `Environment: \`${environment}\``, `Template: ${md(this.stack.templateFile)}`, staleLine, found ? `Findings: ${found}` : undefined].filter(Boolean).join('\n\n'),
      icon: stale ? { id: 'warning', color: 'list.warningForeground' } : { id: 'layers' },
      contextValue: stale ? CONTEXT.cdkStackStale : CONTEXT.cdkStack,
      collapsible: 'collapsed',
      command: { command: CDK_COMMANDS.openTemplate, title: 'Open Synthesized Template', arguments: [this] },
      accessibilityLabel: joined(`Stack ${this.stack.displayName}`, `environment ${environment}`, stale ? 'stale: sources changed after the last synth' : undefined, found || 'no findings'),
      badge: badgeOf(counts),
    };
  }

  children(): Promise<ViewNode[]> {
    const root = this.stack.construct;
    return Promise.resolve(root ? visibleChildren(root).map((child) => new ConstructNode(child, this.stack, this.id)) : []);
  }
}

/** A leaf that says something and may offer an action (no assembly yet: Synthesize). */
export class CdkMessageNode implements CdkNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly tooltip: string,
    private readonly iconId: string,
    private readonly command?: NodeItem['command'],
  ) {}

  item(): CdkNodeItem {
    return { label: this.label, tooltip: md(this.tooltip), icon: { id: this.iconId }, contextValue: CONTEXT.message, collapsible: 'none', command: this.command, accessibilityLabel: this.label };
  }
}

/** A CDK app (a folder with cdk.json) and its assembly's stacks. */
export class AppNode implements CdkNode {
  readonly id: string;

  constructor(readonly app: CdkApp) {
    this.id = `cdk/${app.rootDir}`;
  }

  item(): CdkNodeItem {
    const { app } = this;
    const stale = isStale(app);
    const stacks = app.assembly.kind === 'ready' ? app.assembly.stacks.length : 0;
    const state =
      app.assembly.kind === 'missing' ? 'not synthesized' : app.assembly.kind === 'unreadable' ? 'assembly unreadable' : `${stacks} stack${stacks === 1 ? '' : 's'}${stale ? ', stale' : ''}`;
    let counts: FindingCounts = NO_FINDINGS;
    if (app.assembly.kind === 'ready') for (const s of app.assembly.stacks) if (s.construct) counts = addCounts(counts, subtreeFindings(s.construct));
    const found = countsText(counts);
    return {
      label: app.name,
      description: joined(state, found),
      tooltip: [`**CDK app** ${md(app.rootDir)}`, app.appCommand ? `Synth runs: \`${app.appCommand.replace(/`/g, "'")}\`` : 'cdk.json has no "app" command.', `Assembly: ${md(app.outDir)}`].join('\n\n'),
      icon: { id: 'package' },
      contextValue: CONTEXT.cdkApp,
      collapsible: 'expanded',
      accessibilityLabel: joined(`CDK app ${app.name}`, state, found || undefined),
      badge: badgeOf(counts),
    };
  }

  children(): Promise<ViewNode[]> {
    const { app } = this;
    const synth = { command: CDK_COMMANDS.synthesize, title: 'Synthesize CDK App', arguments: [app.rootDir] };
    if (app.assembly.kind === 'missing') {
      return Promise.resolve([new CdkMessageNode(`${this.id}/missing`, `No cloud assembly in ${lastSegment(app.outDir)}: Synthesize…`, `Nothing has been synthesized into ${app.outDir} yet. Synthesize the app (it runs ${app.appCommand ?? 'the app'}), or run "cdk synth" in a terminal.`, 'play', synth)]);
    }
    if (app.assembly.kind === 'unreadable') {
      return Promise.resolve([new CdkMessageNode(`${this.id}/unreadable`, `Cannot read ${lastSegment(app.outDir)}: ${app.assembly.reason}`, `${app.assembly.reason} Synthesize the app again to replace it.`, 'error', synth)]);
    }
    if (app.assembly.stacks.length === 0) return Promise.resolve([new CdkMessageNode(`${this.id}/empty`, 'The assembly has no stacks', 'The cloud assembly lists no CloudFormation stack.', 'info')]);
    return Promise.resolve(app.assembly.stacks.map((stack) => new StackNode(app, stack, this.id)));
  }
}

function lastSegment(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
