// `archlens.logs.runInsightsQuery`: a Logs Insights query over a group or a stack's groups
// (up to 50), polled in a cancellable progress notification; a cancel sends StopQuery. Results
// open as a read-only Markdown table, with CSV one click away.
import * as vscode from 'vscode';
import { INSIGHTS_MAX_GROUPS } from '../../../aws/logs/logsLimits';
import { insightsCsv, insightsMarkdown, isoTime, markdownCell } from '../../../views/logs/logFormat';
import { givenTimeRange, groupShortName, safeFragment } from '../../../views/logs/logInputs';
import type { AwsConnection } from '../awsConnection';
import { withAwsProgress } from '../awsProgress';
import type { LogsDocuments } from './logsDocuments';
import { reportCommandFailure, type CommandInvocation } from '../awsCommand';
import { logGroupTargets } from './logsUi';
import { pickTimeRange } from './timeRangePick';
import { logsService } from '../../../aws/services/logs';

export const DEFAULT_INSIGHTS_QUERY = 'fields @timestamp, @message | sort @timestamp desc | limit 100';

/** Failures are the command wrapper's. */
export async function runInsightsQuery(invocation: CommandInvocation, connection: AwsConnection, documents: LogsDocuments, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  const arg = invocation.arg;
  const given = await logGroupTargets(invocation, connection, {
    none: 'no existing log group to query here.',
    max: { count: INSIGHTS_MAX_GROUPS, warning: () => `a Logs Insights query takes at most ${INSIGHTS_MAX_GROUPS} log groups; querying the first ${INSIGHTS_MAX_GROUPS}.` },
  });
  if (!given) return undefined;
  const { services } = given;
  const groups = given.targets.map((t) => t.name);
  const presetQuery = arg && typeof arg === 'object' ? (arg as { query?: unknown }).query : undefined;
  const query =
    typeof presetQuery === 'string' && presetQuery.trim() !== ''
      ? presetQuery
      : await vscode.window.showInputBox({
          title: `Logs Insights: ${groups.length === 1 ? groups[0] : `${groups.length} log groups`}`,
          prompt: 'Logs Insights query',
          value: DEFAULT_INSIGHTS_QUERY,
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() === '' ? 'Enter a query' : undefined),
        });
  if (!query) return undefined;
  const range = givenTimeRange(arg) ?? (await pickTimeRange('Logs Insights: time range'));
  if (!range) return undefined;

  // A cancel (or a connection change) aborts the polling, and the gateway sends StopQuery.
  const results = await withAwsProgress({ title: 'Running Logs Insights query', what: 'the Logs Insights query', connection, services }, (progress, signal) =>
    services.gateway(logsService).runQuery(
      { groups, query, startTime: range.startTime, endTime: range.endTime },
      { signal, onPoll: (r) => progress.report({ message: `${r.status}: ${r.rows.length} rows, ${r.statistics.recordsScanned} records scanned` }) },
    ),
  );
  if (!results) {
    log.info('Logs Insights query stopped before it completed (StopQuery sent)');
    return undefined;
  }
  log.info(`Logs Insights query ${results.queryId}: ${results.status}, ${results.rows.length} rows, ${results.statistics.recordsScanned} records scanned`);
  if (results.status !== 'Complete') {
    void vscode.window.showWarningMessage(`ArchLens: the Logs Insights query ended as ${results.status}${results.status === 'Timeout' ? ' (queries time out after 60 minutes; narrow the time range)' : ''}.`);
  }
  const title = `Insights ${safeFragment(groups.length === 1 ? groupShortName(groups[0]!) : `${groups.length} groups`)}`;
  const header = [
    `# Logs Insights: ${groups.map(markdownCell).join(', ')}`,
    '',
    `Query: \`${query.replace(/`/g, "'")}\``,
    '',
    `Range: ${isoTime(range.startTime)} – ${isoTime(range.endTime)} · status ${results.status} · ${results.rows.length} rows · ${results.statistics.recordsScanned} records scanned · ${services.label}`,
    '',
  ].join('\n');
  const uri = documents.addResult(`${title}.md`, `${header}\n${insightsMarkdown(results)}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  void vscode.window.showInformationMessage(`ArchLens: ${results.rows.length} rows.`, 'Open as CSV').then(async (choice) => {
    if (choice !== 'Open as CSV') return;
    try {
      const csv = documents.addResult(`${title}.csv`, insightsCsv(results));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(csv), { preview: false });
    } catch (error) {
      reportCommandFailure(log, 'Opening the Insights results as CSV', error);
    }
  });
  return uri;
}
