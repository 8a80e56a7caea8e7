/**
 * The cost estimate panel (host side), on the webview kit's `PanelHost`. One panel follows one
 * template: it re-prices 300 ms after the last edit of the template, and when the usage file or
 * `.archlens.yml` is saved. The user's edits (a usage figure, the preset) are written to the
 * usage file; what-ifs and the comparison with HEAD live only in the panel.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EMPTY_USAGE, serializeUsageFile, withResourceFigure, type PresetName } from '../../engine/cost/usage';
import type { PriceTable } from '../../engine/cost/priceTable';
import { DEFAULT_WHAT_IF_RATES, type WhatIfId } from '../../engine/cost/whatIfTypes';
import { costInputsFor, USAGE_FILE_NAME } from '../../node/costInputs';
import { fileAtRevision, GitRevisionError } from '../../node/gitShow';
import { COST_PAGE, COST_PANEL, validateCostUiMessage } from '../../shared/webview/costProtocol';
import type { CostHostMessage, CostUiMessage } from '../../shared/webview/costProtocol';
import { PanelHost, themeKind } from '../webview/panelHost';
import type { PanelHandlers } from '../webview/panelHost';
import { buildCostView, type CostRequest } from './costViewModel';

const DEBOUNCE_MS = 300;

export interface CostPanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** After the panel wrote the usage file (the code lenses re-price at once, not on the file watcher's delay). */
  readonly onUsageWritten: () => void;
  /** The prices to estimate with (refreshed regions over the shipped table). */
  readonly prices: () => PriceTable;
}

/** The panel; {@link CostPanel.open} creates it, and it disposes itself when closed. */
export class CostPanel implements vscode.Disposable {
  private readonly host: PanelHost<CostUiMessage, CostHostMessage, typeof COST_PANEL>;
  private uri: vscode.Uri;
  private readonly whatIfsOn = new Set<WhatIfId>();
  private compare: CostRequest['compare'];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  private constructor(
    private readonly services: CostPanelServices,
    document: vscode.TextDocument,
    private readonly onDisposed: () => void,
  ) {
    this.uri = document.uri;
    this.host = new PanelHost({
      panel: COST_PANEL,
      viewType: 'archlens.cost',
      title: `Cost: ${path.basename(document.fileName)}`,
      page: COST_PAGE,
      extensionUri: services.extensionUri,
      log: services.log,
      validate: validateCostUiMessage,
      handlers: this.handlers,
      onReady: () => {
        this.host.post({ type: 'cost/theme/changed', kind: themeKind(vscode.window.activeColorTheme.kind) });
        void this.send();
      },
      onDidDispose: () => this.dispose(),
    });
    this.host.own(
      vscode.workspace.onDidChangeTextDocument(({ document: changed }) => {
        if (changed.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument(({ fileName }) => {
        const base = path.basename(fileName);
        if (base === USAGE_FILE_NAME || base.startsWith('.archlens.') || fileName === this.usageFile()) this.schedule();
      }),
      vscode.window.onDidChangeActiveColorTheme((theme) => this.host.post({ type: 'cost/theme/changed', kind: themeKind(theme.kind) })),
    );
  }

  static open(services: CostPanelServices, document: vscode.TextDocument, onDisposed: () => void): CostPanel {
    return new CostPanel(services, document, onDisposed);
  }

  /** Shows another template (or the same one again). */
  show(document: vscode.TextDocument): void {
    if (document.uri.toString() !== this.uri.toString()) {
      this.uri = document.uri;
      this.compare = undefined;
      this.host.title = `Cost: ${path.basename(document.fileName)}`;
    }
    this.host.reveal();
    void this.send();
  }

  /** Compares with the file at `ref` (git), then shows the panel. */
  compareWith(ref: string): void {
    try {
      this.compare = { ref, text: fileAtRevision(this.uri.fsPath, ref) };
    } catch (error) {
      this.compare = { ref, problem: error instanceof GitRevisionError ? error.message : `git failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    void this.send();
  }

  private readonly handlers: PanelHandlers<CostUiMessage, typeof COST_PANEL> = {
    'cost/usage/set': async ({ logicalId, key, value }) => {
      const inputs = costInputsFor(this.uri.fsPath);
      await this.writeUsage(inputs.usageFile, serializeUsageFile(withResourceFigure(inputs.fileUsage, logicalId, key, value)));
    },
    'cost/preset/set': async ({ preset }) => {
      const inputs = costInputsFor(this.uri.fsPath);
      await this.writeUsage(inputs.usageFile, serializeUsageFile({ ...inputs.fileUsage, preset: preset === '' ? undefined : (preset as PresetName) }));
    },
    'cost/whatIf/toggle': ({ id, on }) => {
      if (on) this.whatIfsOn.add(id as WhatIfId);
      else this.whatIfsOn.delete(id as WhatIfId);
      void this.send();
    },
    'cost/compare/run': () => this.compareWith('HEAD'),
    'cost/resource/reveal': async ({ logicalId }) => {
      await vscode.commands.executeCommand('archlens.cost.revealResource', this.uri, logicalId);
    },
  };

  private usageFile(): string {
    return this.uri.scheme === 'file' ? costInputsFor(this.uri.fsPath).usageFile : '';
  }

  private async writeUsage(file: string, text: string): Promise<void> {
    if (this.uri.scheme !== 'file') throw new Error('save the template to a file first: usage figures are kept in a file beside it');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(text));
    this.services.log.info(`cost: usage written to ${file}`);
    this.services.onUsageWritten();
    await this.send();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), DEBOUNCE_MS);
  }

  private async send(): Promise<void> {
    if (this.disposed || !this.host.isReady) return;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const inputs = this.uri.scheme === 'file' ? costInputsFor(this.uri.fsPath) : undefined;
    const state = buildCostView({
      fileName: vscode.workspace.asRelativePath(this.uri),
      text: document.getText(),
      region: inputs?.region ?? 'us-east-1',
      usage: inputs?.usage ?? EMPTY_USAGE,
      usageFile: inputs ? vscode.workspace.asRelativePath(inputs.usageFile) : '',
      rates: inputs?.rates ?? DEFAULT_WHAT_IF_RATES,
      preset: undefined,
      whatIfsOn: this.whatIfsOn,
      compare: this.compare,
      problems: inputs?.problems ?? [],
      prices: this.services.prices(),
    });
    if (!state) {
      this.services.log.warn(`cost: ${this.uri.toString()} is not a CloudFormation or SAM template any more`);
      return;
    }
    this.host.post({ type: 'cost/state/show', state });
  }

  /** Re-prices now (the prices changed). */
  refresh(): void {
    void this.send();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.host.dispose();
    this.onDisposed();
  }
}
