/**
 * The architecture diagram panel (host side). One panel follows the active template: it
 * switches when another CloudFormation/SAM editor becomes active, re-renders 300 ms after
 * the last edit, reveals a resource's logical id when its box is clicked, saves exports and
 * copies Mermaid.
 *
 * The webview itself (CSP, resource roots, ready handshake, validation, dispatch, dispose) is
 * the kit's `PanelHost`: this class gives it the diagram's page, validator and handlers, and
 * sends the state on every `diagram/ready` (the panel is not retained when hidden).
 */
import * as vscode from 'vscode';
import type { ArchitectureGraph } from '../../engine/graph/graphTypes';
import { toMermaid } from '../../engine/graph/mermaid';
import { statusTone, withLiveStatus } from '../../engine/graph/liveStatus';
import type { LiveResource } from '../../engine/graph/liveStatus';
import { DEFAULT_DIAGRAM_OPTIONS, DIAGRAM_MAX_EDGES, DIAGRAM_MAX_NODES, DIAGRAM_PAGE, DIAGRAM_PANEL, validateDiagramUiMessage } from '../../shared/webview/diagramProtocol';
import type { DiagramHostMessage, DiagramOptions, DiagramUiMessage } from '../../shared/webview/diagramProtocol';
import { PanelHost, themeKind } from '../webview/panelHost';
import type { PanelHandlers } from '../webview/panelHost';
import { computeDiagramGraph, isTemplateCandidate } from './diagramGraph';
import type { DiagramGraphResult } from './diagramGraph';
import { saveExport } from './diagramExport';
import { diagramRegion } from './diagramRegion';
import { answerLayoutRequest } from '../../node/diagramLayoutService';
import type { DiagramLayoutService } from '../../node/diagramLayoutService';

/** Delay after the last edit before the diagram is rebuilt. */
export const DIAGRAM_DEBOUNCE_MS = 300;
const OPTIONS_KEY = 'archlens.diagram.options';
/** The setting that says whether security groups are drawn as boundaries by default. */
export const SECURITY_GROUPS_SETTING = 'archlens.diagram.showSecurityGroups';

/**
 * Whether security groups are drawn as boundaries: the panel's toggle when the user used it
 * (kept with the other view options), else the setting (default off).
 */
export function showSecurityGroups(state: vscode.Memento): boolean {
  const saved = state.get<{ showSecurityGroups?: unknown }>(OPTIONS_KEY)?.showSecurityGroups;
  return typeof saved === 'boolean' ? saved : vscode.workspace.getConfiguration().get<boolean>(SECURITY_GROUPS_SETTING, false) === true;
}

/** What the panel needs from the extension. */
export interface DiagramPanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** Keeps `showAuxiliary` and `direction` between sessions. */
  readonly state: vscode.Memento;
  /** The window's warm layout worker, shared by every panel (`registerDiagram.ts` owns it). */
  readonly layouts: DiagramLayoutService;
}

/** Distinguishes panels' layout jobs in the shared worker. */
let panelCount = 0;

/** The template the panel shows, with the graph of its last good version. */
interface Shown {
  readonly uri: vscode.Uri;
  readonly name: string;
  graph: ArchitectureGraph | undefined;
  hash: string;
  /** The document version `graph` was built from (`-1`: none yet). */
  version: number;
  /** A line for the status bar of the panel (empty: none). */
  status: { level: 'info' | 'error'; text: string };
}

/** The status line of a live diagram: how many resources are failed, drifted or in progress, and when this was read. */
function liveSummary(resources: readonly LiveResource[], at: Date): string {
  const tones = resources.map(statusTone);
  const count = (tone: ReturnType<typeof statusTone>): number => tones.filter((candidate) => candidate === tone).length;
  const parts = [`${count('failed')} failed`, `${count('drifted')} drifted`, `${count('progress')} in progress`];
  return `Live status of ${resources.length} deployed resources, read at ${at.toLocaleTimeString('en-GB')}: ${parts.join(', ')}. Run "Show Diagram" on the stack again to refresh.`;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** The panel. Create it with {@link DiagramPanel.open}; it disposes itself when closed. */
export class DiagramPanel implements vscode.Disposable {
  private readonly host: PanelHost<DiagramUiMessage, DiagramHostMessage, typeof DIAGRAM_PANEL>;
  private readonly collapsed = new Map<string, readonly string[]>();
  /** Live statuses of deployed stacks' templates, per document URI ("Show Diagram" on a stack). */
  private readonly live = new Map<string, { readonly resources: readonly LiveResource[]; readonly at: Date; readonly region?: string }>();
  /** Groups collapsed by default that the user expanded, per template URI (like `collapsed`). */
  private readonly expanded = new Map<string, readonly string[]>();
  private shown: Shown | undefined;
  private disposed = false;
  private readonly panelId = ++panelCount;
  /**
   * Counts page loads (each `diagram/ready`): the page reloads when its tab is shown again and
   * numbers its layout requests from 1 anew, so an answer for an older load is dropped.
   */
  private pageLoad = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly services: DiagramPanelServices,
    private readonly onDisposed: () => void,
  ) {
    // Start (or keep) the window's layout worker while the page loads, so it is warm when the first graph is posted.
    void services.layouts.warm();
    this.host = new PanelHost({
      panel: DIAGRAM_PANEL,
      viewType: 'archlens.diagram',
      title: 'Architecture diagram',
      page: DIAGRAM_PAGE,
      extensionUri: services.extensionUri,
      log: services.log,
      validate: validateDiagramUiMessage,
      handlers: this.handlers,
      onReady: () => {
        this.pageLoad++;
        this.sendState();
      },
      onDidDispose: () => this.dispose(),
    });
    this.host.own(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.uri.toString() !== this.shown?.uri.toString() && isTemplateCandidate(editor.document.fileName, editor.document.languageId)) {
          this.follow(editor.document, { quiet: true });
        }
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.uri.toString() === this.shown?.uri.toString()) this.schedule(document);
      }),
      vscode.window.onDidChangeActiveColorTheme((theme) => this.host.post({ type: 'diagram/theme/changed', kind: themeKind(theme.kind) })),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SECURITY_GROUPS_SETTING) && !event.affectsConfiguration('archlens.aws.region')) return;
        // A changed setting wins over the panel's last toggle.
        if (event.affectsConfiguration(SECURITY_GROUPS_SETTING)) void this.saveViewOptions({ showSecurityGroups: undefined });
        this.reanalyse();
      }),
    );
  }

  /** Opens the panel on a document (`result`: its analysis, when the caller already has it). */
  static open(services: DiagramPanelServices, document: vscode.TextDocument, result: DiagramGraphResult | undefined, onDisposed: () => void): DiagramPanel {
    const panel = new DiagramPanel(services, onDisposed);
    panel.follow(document, { quiet: false, result });
    return panel;
  }

  /** Shows a deployed stack's template with its resources' live statuses as badges. */
  showLive(document: vscode.TextDocument, resources: readonly LiveResource[], region?: string): void {
    this.live.set(document.uri.toString(), { resources, at: new Date(), ...(region !== undefined ? { region } : {}) });
    this.show(document);
  }

  /** Shows the panel (again) with a document. */
  show(document: vscode.TextDocument, result?: DiagramGraphResult): void {
    if (this.disposed) return;
    this.follow(document, { quiet: false, result });
    this.host.reveal();
  }

  /**
   * Switches to a document. `quiet`: a document that is not a template is ignored (the
   * panel keeps what it shows) instead of being reported.
   */
  private follow(document: vscode.TextDocument, { quiet, result = this.analyse(document) }: { quiet: boolean; result?: DiagramGraphResult }): void {
    if (result.kind === 'notTemplate' && quiet) return;
    this.shown = { uri: document.uri, name: fileName(document.uri), graph: undefined, hash: '', version: -1, status: { level: 'info', text: '' } };
    this.host.title = `Diagram: ${this.shown.name}`;
    this.apply(document, result);
  }

  private analyse(document: vscode.TextDocument): DiagramGraphResult {
    const started = Date.now();
    const region = diagramRegion(document.uri, this.live.get(document.uri.toString())?.region);
    const result = computeDiagramGraph(document.fileName, document.getText(), { region, securityGroups: showSecurityGroups(this.services.state) });
    this.services.log.debug(`diagram: ${fileName(document.uri)} v${document.version} analysed in ${Date.now() - started} ms (${result.kind === 'graph' ? `${result.graph.nodes.length} resources` : result.kind})`);
    return result;
  }

  private apply(document: vscode.TextDocument, result: DiagramGraphResult): void {
    const shown = this.shown;
    if (!shown) return;
    if (result.kind === 'graph' && (result.graph.nodes.length > DIAGRAM_MAX_NODES || result.graph.edges.length > DIAGRAM_MAX_EDGES)) {
      // Bounded work in the webview: past these limits it would refuse the message anyway.
      shown.graph = undefined;
      shown.status = {
        level: 'error',
        text: `${shown.name} has ${result.graph.nodes.length.toLocaleString('en-US')} resources and ${result.graph.edges.length.toLocaleString('en-US')} references; the diagram draws at most ${DIAGRAM_MAX_NODES.toLocaleString('en-US')} and ${DIAGRAM_MAX_EDGES.toLocaleString('en-US')}. Split the template, or use \`archlens diagram --format json\` for the data.`,
      };
    } else if (result.kind === 'graph') {
      const live = this.live.get(shown.uri.toString());
      shown.graph = live ? withLiveStatus(result.graph, live.resources) : result.graph;
      shown.hash = live ? `${result.hash}:live:${live.at.getTime()}` : result.hash;
      shown.version = document.version;
      shown.status = { level: 'info', text: live ? liveSummary(live.resources, live.at) : '' };
    } else if (result.kind === 'notTemplate') {
      shown.graph = undefined;
      shown.status = { level: 'info', text: `${shown.name} is not a CloudFormation or SAM template.` };
    } else {
      const position = document.positionAt(result.offset);
      shown.status = { level: 'error', text: `${shown.name} does not parse (line ${position.line + 1}, column ${position.character + 1}: ${result.message})${shown.graph ? '; showing the last diagram that did.' : '.'}` };
    }
    this.sendState();
  }

  /** Builds the shown template's graph again now (a graph option changed). */
  private reanalyse(): void {
    const uri = this.shown?.uri;
    const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document && !this.disposed) this.apply(document, this.analyse(document));
  }

  private async saveViewOptions(change: Record<string, unknown>): Promise<void> {
    await this.services.state.update(OPTIONS_KEY, { ...(this.services.state.get<Record<string, unknown>>(OPTIONS_KEY) ?? {}), ...change });
  }

  private schedule(document: vscode.TextDocument): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.disposed || document.isClosed || document.uri.toString() !== this.shown?.uri.toString()) return;
      this.apply(document, this.analyse(document));
    }, DIAGRAM_DEBOUNCE_MS);
  }

  private options(): DiagramOptions {
    const saved = this.services.state.get<Partial<DiagramOptions>>(OPTIONS_KEY) ?? {};
    return {
      showAuxiliary: saved.showAuxiliary === true,
      direction: saved.direction === 'DOWN' ? 'DOWN' : DEFAULT_DIAGRAM_OPTIONS.direction,
      showSecurityGroups: showSecurityGroups(this.services.state),
      collapsedGroups: (this.shown && this.collapsed.get(this.shown.uri.toString())) ?? [],
      expandedGroups: (this.shown && this.expanded.get(this.shown.uri.toString())) ?? [],
    };
  }

  /** Sends everything the UI shows: the graph (if any) and the status line. */
  private sendState(): void {
    const shown = this.shown;
    if (!shown || !this.host.isReady) return;
    this.host.post({ type: 'diagram/theme/changed', kind: themeKind(vscode.window.activeColorTheme.kind) });
    const graph = shown.graph ?? { nodes: [], edges: [], groups: [] };
    this.host.post({ type: 'diagram/graph/update', graph, template: { uri: shown.uri.toString(), name: shown.name }, hash: shown.graph ? shown.hash : 'empty', options: this.options() });
    this.host.post({ type: 'diagram/status/show', ...shown.status });
  }

  /** One handler per UI message (`diagram/ready` is the host's: it calls `sendState`). */
  private readonly handlers: PanelHandlers<DiagramUiMessage, typeof DIAGRAM_PANEL> = {
    'diagram/node/reveal': async ({ id }) => this.reveal(id),
    'diagram/layout/request': async (message) => {
      const load = this.pageLoad;
      const answer = await answerLayoutRequest(this.services.layouts, `${this.panelId}:${load}`, message);
      if (answer && load === this.pageLoad && !this.disposed) this.host.post(answer);
    },
    'diagram/export/save': async (message) => saveExport(message, this.shown?.uri, this.services.log),
    'diagram/mermaid/copy': async () => {
      const graph = this.shown?.graph;
      if (!graph) return;
      const text = toMermaid(graph, { includeAuxiliary: this.options().showAuxiliary });
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`ArchLens: copied the diagram as Mermaid (${graph.nodes.length} resources).`);
    },
    'diagram/options/changed': async ({ options }) => {
      if (this.shown) this.collapsed.set(this.shown.uri.toString(), options.collapsedGroups);
      if (this.shown) this.expanded.set(this.shown.uri.toString(), options.expandedGroups ?? []);
      const securityGroupsChanged = options.showSecurityGroups !== undefined && options.showSecurityGroups !== showSecurityGroups(this.services.state);
      await this.saveViewOptions({ showAuxiliary: options.showAuxiliary, direction: options.direction, ...(securityGroupsChanged ? { showSecurityGroups: options.showSecurityGroups } : {}) });
      // Security-group boundaries are part of the graph: build it again with (or without) them.
      if (securityGroupsChanged) this.reanalyse();
    },
  };

  /** Selects a resource's logical id in its template. */
  private async reveal(id: string): Promise<void> {
    const shown = this.shown;
    if (!shown?.graph) return;
    const document = await vscode.workspace.openTextDocument(shown.uri);
    if (this.disposed) return;
    // Spans are offsets into the analysed text: if an edit is still debounced, catch up first.
    if (document.version !== shown.version) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.apply(document, this.analyse(document));
    }
    const node = shown.graph?.nodes.find((candidate) => candidate.id === id);
    if (!node) {
      this.services.log.debug(`diagram: reveal of an unknown resource ignored`);
      return;
    }
    const range = new vscode.Range(document.positionAt(node.span.start), document.positionAt(node.span.end));
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === shown.uri.toString());
    await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    vscode.window.activeTextEditor?.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.host.dispose();
    this.onDisposed();
  }
}
