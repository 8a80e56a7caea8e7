// `archlens.logs.search`: FilterLogEvents over one group with a pattern and a time range, in a
// cancellable progress notification that counts events found and pages scanned (empty pages
// included: FilterLogEvents can page through a quiet range for a while). A cancel aborts the
// SDK call in flight; after it nothing is written and no document opens.
import * as vscode from 'vscode';
import type { LogEvent } from '../../../aws/logsGateway';
import { formatEvents, isoTime } from '../../../views/logs/logFormat';
import { filterPatternHint, givenTimeRange, searchTitle } from '../../../views/logs/logInputs';
import type { AwsConnection } from '../awsConnection';
import { withAwsProgress } from '../awsProgress';
import type { LogsDocuments } from './logsDocuments';
import type { CommandInvocation } from '../awsCommand';
import { logGroupTargets, logsSettings } from './logsUi';
import { pickTimeRange } from './timeRangePick';
import { logsService } from '../../../aws/services/logs';

/** A pattern given with the command (`{ group, pattern }`), when it is a valid one. */
function givenPattern(arg: unknown): string | undefined {
  const pattern = arg && typeof arg === 'object' ? (arg as { pattern?: unknown }).pattern : undefined;
  return typeof pattern === 'string' && filterPatternHint(pattern) === undefined ? pattern : undefined;
}

/**
 * The argument is a tree node, or `{ group, pattern?, startTime?, endTime? }` (keybindings, tests;
 * epoch milliseconds), which skips the matching prompts. Failures are the command wrapper's.
 */
export async function searchLogGroup(invocation: CommandInvocation, connection: AwsConnection, documents: LogsDocuments, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  const arg = invocation.arg;
  const given = await logGroupTargets(invocation, connection, { none: 'this log group does not exist yet, so there is nothing to search.' });
  if (!given) return undefined;
  const { services, targets } = given;
  const group = targets.length === 1 ? targets[0]!.name : await vscode.window.showQuickPick(targets.map((t) => t.name), { title: 'Search which log group?' });
  if (!group) return undefined;

  const pattern =
    givenPattern(arg) ??
    (await vscode.window.showInputBox({
      title: `Search ${group}`,
      prompt: 'CloudWatch Logs filter pattern: ERROR, "exact phrase", ?ERROR ?WARN, { $.status = 500 }; empty for every event',
      placeHolder: 'ERROR',
      ignoreFocusOut: true,
      validateInput: (value) => filterPatternHint(value),
    }));
  if (pattern === undefined) return undefined;
  const range = givenTimeRange(arg) ?? (await pickTimeRange(`Search ${group}: time range`));
  if (!range) return undefined;
  const { searchMaxEvents } = logsSettings();

  const events: LogEvent[] = [];
  let pagesScanned = 0;
  const finished = await withAwsProgress({ title: `Searching ${group}`, what: `the search of ${group}`, connection, services }, async (progress, signal) => {
    for await (const page of services.gateway(logsService).search(group, {
      pattern: pattern.trim(),
      startTime: range.startTime,
      endTime: range.endTime,
      maxEvents: searchMaxEvents,
      signal,
      onPage: (p) => {
        pagesScanned = p.pages;
        progress.report({ message: `${p.events} events found, ${p.pages} pages scanned` });
      },
    })) {
      events.push(...page);
    }
    return true;
  });
  const outcome = finished ? 'done' : 'stopped';
  // Counts and ids only: event messages can hold secrets.
  log.info(`Search of ${group}: ${outcome}, ${events.length} events, ${pagesScanned} pages scanned`);
  if (!finished) return undefined;

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
}
