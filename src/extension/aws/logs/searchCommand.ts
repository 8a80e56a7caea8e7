// `archlens.logs.search`: FilterLogEvents over one group with a pattern and a time range, in a
// cancellable progress notification that counts events found and pages scanned (empty pages
// included: FilterLogEvents can page through a quiet range for a while). A cancel aborts the
// SDK call in flight; after it nothing is written and no document opens.
import * as vscode from 'vscode';
import type { LogEvent } from '../../../aws/logsGateway';
import { formatEvents, isoTime } from '../../../views/logs/logFormat';
import { filterPatternHint, searchTitle, type TimeRange } from '../../../views/logs/logInputs';
import type { AwsConnection } from '../awsConnection';
import type { LogsDocuments } from './logsDocuments';
import { logsSettings, reportError, requireServices, targetGroups } from './logsUi';
import { pickTimeRange } from './timeRangePick';

/**
 * Inputs given with the command (keybindings, tests): `{ group, pattern?, startTime?, endTime? }`
 * skips the matching prompts. Epoch milliseconds.
 */
function presetInputs(arg: unknown): { pattern?: string; range?: TimeRange } {
  if (!arg || typeof arg !== 'object') return {};
  const { pattern, startTime, endTime } = arg as { pattern?: unknown; startTime?: unknown; endTime?: unknown };
  const range = typeof startTime === 'number' && typeof endTime === 'number' && endTime > startTime ? { startTime, endTime, label: 'given range' } : undefined;
  return { ...(typeof pattern === 'string' && filterPatternHint(pattern) === undefined ? { pattern } : {}), ...(range ? { range } : {}) };
}

export async function searchLogGroup(arg: unknown, connection: AwsConnection, documents: LogsDocuments, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  try {
    const services = requireServices(connection);
    if (!services) return undefined;
    const listing = new AbortController();
    const targets = await targetGroups(arg, services, listing.signal).finally(() => listing.abort());
    const preset = presetInputs(arg);
    if (!targets) return undefined;
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('ArchLens: this log group does not exist yet, so there is nothing to search.');
      return undefined;
    }
    const group = targets.length === 1 ? targets[0]!.name : (await vscode.window.showQuickPick(targets.map((t) => t.name), { title: 'Search which log group?' }));
    if (!group) return undefined;

    const pattern = preset.pattern ?? await vscode.window.showInputBox({
      title: `Search ${group}`,
      prompt: 'CloudWatch Logs filter pattern: ERROR, "exact phrase", ?ERROR ?WARN, { $.status = 500 }; empty for every event',
      placeHolder: 'ERROR',
      ignoreFocusOut: true,
      validateInput: (value) => filterPatternHint(value),
    });
    if (pattern === undefined) return undefined;
    const range = preset.range ?? (await pickTimeRange(`Search ${group}: time range`));
    if (!range) return undefined;
    const { searchMaxEvents } = logsSettings();

    const events: LogEvent[] = [];
    let pagesScanned = 0;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Searching ${group}`, cancellable: true },
      async (progress, token): Promise<'done' | 'cancelled'> => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          for await (const page of services.logs().search(group, {
            pattern: pattern.trim(),
            startTime: range.startTime,
            endTime: range.endTime,
            maxEvents: searchMaxEvents,
            signal: controller.signal,
            onPage: (p) => {
              pagesScanned = p.pages;
              progress.report({ message: `${p.events} events found, ${p.pages} pages scanned` });
            },
          })) {
            events.push(...page);
          }
          return token.isCancellationRequested ? 'cancelled' : 'done';
        } catch (error) {
          if (token.isCancellationRequested) return 'cancelled';
          throw error;
        } finally {
          sub.dispose();
        }
      },
    );
    // Counts and ids only: event messages can hold secrets.
    log.info(`Search of ${group}: ${outcome}, ${events.length} events, ${pagesScanned} pages scanned`);
    if (outcome === 'cancelled') return undefined;

    const capped = events.length >= searchMaxEvents ? ` (stopped at archlens.logs.searchMaxEvents = ${searchMaxEvents})` : '';
    const header = [
      `# Search of ${group}`,
      `# Pattern: ${pattern.trim() === '' ? '(all events)' : pattern.trim()}`,
      `# Range: ${isoTime(range.startTime)} – ${isoTime(range.endTime)} (${range.label})`,
      `# ${events.length} events${capped}, ${pagesScanned} pages scanned, ${services.label}`,
      '',
    ].join('\n');
    const body = events.length > 0 ? formatEvents(events, { showStream: true }) : 'No matching events.\n';
    const uri = documents.addResult(searchTitle(group, pattern, range), `${header}\n${body}`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return uri;
  } catch (error) {
    reportError(log, 'Log search', error);
    return undefined;
  }
}
