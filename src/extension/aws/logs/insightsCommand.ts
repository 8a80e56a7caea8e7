// `archlens.logs.runInsightsQuery`: a Logs Insights query over a group or a stack's groups
// (up to 50), polled in a cancellable progress notification; a cancel sends StopQuery. Results
// open as a read-only Markdown table, with CSV one click away.
import * as vscode from 'vscode';
import { INSIGHTS_MAX_GROUPS, type QueryResults } from '../../../aws/logsGateway';
import { insightsCsv, insightsMarkdown, isoTime, markdownCell } from '../../../views/logs/logFormat';
import { safeFragment, groupShortName, type TimeRange } from '../../../views/logs/logInputs';
import type { AwsConnection } from '../awsConnection';
import type { LogsDocuments } from './logsDocuments';
import { reportError, requireServices, targetGroups } from './logsUi';
import { pickTimeRange } from './timeRangePick';

export const DEFAULT_INSIGHTS_QUERY = 'fields @timestamp, @message | sort @timestamp desc | limit 100';

export async function runInsightsQuery(arg: unknown, connection: AwsConnection, documents: LogsDocuments, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  try {
    const services = requireServices(connection);
    if (!services) return undefined;
    const listing = new AbortController();
    let targets = await targetGroups(arg, services, listing.signal).finally(() => listing.abort());
    if (!targets) return undefined;
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('ArchLens: no existing log group to query here.');
      return undefined;
    }
    if (targets.length > INSIGHTS_MAX_GROUPS) {
      void vscode.window.showWarningMessage(`ArchLens: a Logs Insights query takes at most ${INSIGHTS_MAX_GROUPS} log groups; querying the first ${INSIGHTS_MAX_GROUPS}.`);
      targets = targets.slice(0, INSIGHTS_MAX_GROUPS);
    }
    const groups = targets.map((t) => t.name);
    const given = arg && typeof arg === 'object' ? (arg as { query?: unknown; startTime?: unknown; endTime?: unknown }) : {};
    const query =
      typeof given.query === 'string' && given.query.trim() !== ''
        ? given.query
        : await vscode.window.showInputBox({
            title: `Logs Insights: ${groups.length === 1 ? groups[0] : `${groups.length} log groups`}`,
            prompt: 'Logs Insights query',
            value: DEFAULT_INSIGHTS_QUERY,
            ignoreFocusOut: true,
            validateInput: (v) => (v.trim() === '' ? 'Enter a query' : undefined),
          });
    if (!query) return undefined;
    const range: TimeRange | undefined =
      typeof given.startTime === 'number' && typeof given.endTime === 'number' && given.endTime > given.startTime
        ? { startTime: given.startTime, endTime: given.endTime, label: 'given range' }
        : await pickTimeRange('Logs Insights: time range');
    if (!range) return undefined;

    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Running Logs Insights query', cancellable: true },
      async (progress, token): Promise<QueryResults | undefined> => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          return await services.logs().runQuery(
            { groups, query, startTime: range.startTime, endTime: range.endTime },
            { signal: controller.signal, onPoll: (r) => progress.report({ message: `${r.status}: ${r.rows.length} rows, ${r.statistics.recordsScanned} records scanned` }) },
          );
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          sub.dispose();
        }
      },
    );
    if (!results) {
      log.info('Logs Insights query cancelled (StopQuery sent)');
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
      const csv = documents.addResult(`${title}.csv`, insightsCsv(results));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(csv), { preview: false });
    });
    return uri;
  } catch (error) {
    reportError(log, 'Logs Insights query', error);
    return undefined;
  }
}
