/**
 * Cost in the template editor: a code lens above each resource ("≈ $32.85/mo", "usage-based",
 * "free") that opens the cost view, and a hover on the logical id with the components. The
 * estimate of a document version is computed once and shared by both.
 */
import * as vscode from 'vscode';
import type { CostEstimate } from '../../engine/cost/costTypes';
import { SHIPPED_PRICES, type PriceTable } from '../../engine/cost/priceTable';
import { EMPTY_USAGE } from '../../engine/cost/usage';
import { costInputsFor } from '../../node/costInputs';
import { estimateDocument, hoverMarkdown, lensLabel } from './costViewModel';

/** Command the lenses run: open the cost view on this document. */
export const SHOW_COST_COMMAND = 'archlens.cost.show';

/** Setting that turns the lenses off. */
export const COST_LENS_SETTING = 'archlens.cost.codeLens';

/** The estimate of a document, cached per version (lenses and hovers ask for the same one). */
export class DocumentCosts {
  private readonly cache = new Map<string, { version: number; estimate: CostEstimate | undefined }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** `prices`: the table to estimate with now (the shipped one with any refreshed regions over it). */
  constructor(private readonly prices: () => PriceTable = () => SHIPPED_PRICES) {}

  estimateOf(document: vscode.TextDocument): CostEstimate | undefined {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.estimate;
    const inputs = document.uri.scheme === 'file' ? costInputsFor(document.uri.fsPath) : undefined;
    const estimate = estimateDocument(document.fileName, document.getText(), { prices: this.prices(), region: inputs?.region ?? 'us-east-1', usage: inputs?.usage ?? EMPTY_USAGE });
    this.cache.set(key, { version: document.version, estimate });
    return estimate;
  }

  /** The usage file or `.archlens.yml` changed: every cached estimate may be stale. */
  invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class CostLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly costs: DocumentCosts) {
    this.onDidChangeCodeLenses = costs.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration().get<boolean>(COST_LENS_SETTING, true)) return [];
    const estimate = this.costs.estimateOf(document);
    if (!estimate) return [];
    return estimate.resources.map((resource) => {
      const line = document.positionAt(resource.offset).line;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: lensLabel(resource),
        tooltip: `Monthly cost of ${resource.logicalId} (${estimate.region}, list prices of ${estimate.priceDate}): open the cost estimate`,
        command: SHOW_COST_COMMAND,
        arguments: [document.uri],
      });
    });
  }
}

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(private readonly costs: DocumentCosts) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const estimate = this.costs.estimateOf(document);
    if (!estimate) return undefined;
    const offset = document.offsetAt(position);
    // On the logical id (the key, possibly quoted): its span starts at `resource.offset`.
    const resource = estimate.resources.find((entry) => offset >= entry.offset && offset <= entry.offset + entry.logicalId.length + 2);
    if (!resource) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(resource, estimate.region, estimate.priceDate));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown);
  }
}
