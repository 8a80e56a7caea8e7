/**
 * "ArchLens: Refresh Prices": list prices of one region from the AWS Price List API into the
 * refreshed-prices cache, which then overrides the shipped table for that region. Only when
 * connected and asked: the command confirms the region, runs behind a cancellable progress,
 * saves nothing when a call fails, and says what failed in ArchLens's words (never the SDK's).
 */
import * as vscode from 'vscode';
import { pricingService } from '../../aws/services/pricing';
import { isRegionCode, priceQueries } from '../../engine/cost/priceList';
import { SHIPPED_PRICES } from '../../engine/cost/priceTable';
import { costInputsFor } from '../../node/costInputs';
import type { AwsConnection } from '../aws/awsConnection';
import { registerAwsCommand, requireServices } from '../aws/awsCommand';
import { withAwsProgress } from '../aws/awsProgress';
import { priceStoreIn } from './priceStore';
import { fetchRegionPrices } from './priceRefresh';

export const REFRESH_PRICES_COMMAND = 'archlens.cost.refreshPrices';

/** The region to offer: the open template's cost region, else the connection's. */
function suggestedRegion(connectionRegion: string): string {
  const document = vscode.window.activeTextEditor?.document;
  return document?.uri.scheme === 'file' ? costInputsFor(document.uri.fsPath, connectionRegion).region : connectionRegion;
}

export function registerRefreshPrices(context: vscode.ExtensionContext, connection: AwsConnection, log: vscode.LogOutputChannel): vscode.Disposable {
  return registerAwsCommand(REFRESH_PRICES_COMMAND, log, { what: 'Refreshing prices from the AWS Price List API' }, async (invocation) => {
    const services = await requireServices(connection);
    if (!services) return undefined;
    const given = typeof invocation.arg === 'string' ? invocation.arg : undefined;
    const region =
      given ??
      (await vscode.window.showInputBox({
        title: 'ArchLens: Refresh Prices',
        prompt: `List prices of which region? They are read from the AWS Price List API with ${services.label} and override the shipped prices of that region.`,
        value: suggestedRegion(services.region),
        validateInput: (text) => (isRegionCode(text.trim()) ? undefined : 'A region code, e.g. eu-west-1'),
      }));
    if (region === undefined) return undefined;
    const chosen = region.trim();
    if (!isRegionCode(chosen)) {
      void vscode.window.showWarningMessage(`ArchLens: "${chosen.slice(0, 40)}" is not a region code (e.g. eu-west-1).`);
      return undefined;
    }
    const queries = priceQueries(SHIPPED_PRICES);
    const now = new Date().toISOString();
    const result = await withAwsProgress({ title: `ArchLens: refreshing ${chosen} prices`, what: `the price refresh of ${chosen}`, connection, services }, (progress, signal) =>
      fetchRegionPrices(services.gateway(pricingService), chosen, queries, {
        signal,
        date: now.slice(0, 10),
        onProgress: (done, total) => progress.report({ message: `${done} of ${total} prices`, increment: 100 / total }),
      }),
    );
    if (!result) return undefined;
    for (const problem of result.problems) log.warn(`Refresh Prices: ${problem}`);
    if (result.prices.size === 0) {
      void vscode.window.showWarningMessage(`ArchLens: the AWS Price List has no prices ArchLens uses for ${chosen}; nothing was saved. Check the region code.`);
      return result;
    }
    priceStoreIn(context.globalStorageUri.fsPath).saveRegion(chosen, now, result.prices);
    log.info(`Refresh Prices: ${result.prices.size} of ${queries.length} prices of ${chosen} saved`);
    const skipped = queries.length - result.prices.size;
    void vscode.window.showInformationMessage(`ArchLens: ${result.prices.size} prices of ${chosen} refreshed${skipped > 0 ? `; ${skipped} kept their shipped price or stay unknown (see the log)` : ''}. Cost estimates for ${chosen} use them now.`);
    return result;
  });
}
