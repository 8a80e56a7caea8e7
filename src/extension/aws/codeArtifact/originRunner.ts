// The one write path of every origin-control command (a selection, a bulk plan, a dependency
// fix, resume, retry, restore): a modal confirmation that names account, region, domain,
// repository and the count a dry run found, then a journaled runOperation with progress and
// cancel, a re-read of the repository, and a summary per package (details in the log) with
// Retry Failed.
import * as vscode from 'vscode';
import { codeArtifactService } from '../../../aws/services/codeArtifact';
import type { RepositoryLocation } from '../../../aws/codeArtifactGateway';
import { runOperation, type RunReport } from '../../../operations/executor';
import type { JournalStore, RunRelation } from '../../../operations/journal';
import { percentReporter } from '../../../operations/progress';
import { retryFailedPlan } from '../../../operations/recovery';
import { ORIGIN_RUN_TUNING, originCodec, originTarget, packageFromKey, type OriginPlan, type OriginPlanTarget, type OriginState } from '../../../operations/codeArtifact/originOperation';
import type { AwsServices } from '../../../views/awsServices';
import { packageDisplayName } from '../../../views/codeArtifact/originBadges';
import { withAwsProgress } from '../awsProgress';
import type { CodeArtifactView } from './registerCodeArtifact';

/** Where a run writes, and how to show AWS's state afterwards (a tree node, or the whole view). */
export interface RepositoryRef {
  readonly location: RepositoryLocation;
  refresh(): void;
}

export function summaryLine(report: RunReport<OriginState>): string {
  const c = report.counts;
  const parts = [`${c.ok} set`];
  if (c.unchanged > 0) parts.push(`${c.unchanged} already as asked`);
  if (c.conflict > 0) parts.push(`${c.conflict} changed since listed (left alone)`);
  if (c.failed > 0) parts.push(`${c.failed} failed`);
  if (c.cancelled > 0) parts.push(`${c.cancelled} not started`);
  return parts.join(', ');
}

function logResults(log: vscode.LogOutputChannel, report: RunReport<OriginState>): void {
  for (const result of report.results) {
    const coordinates = packageFromKey(result.key);
    const name = coordinates ? `${coordinates.format} ${packageDisplayName(coordinates)}` : result.key;
    const detail = result.error ? `: ${result.error.code} ${result.error.message}` : '';
    log.info(`CodeArtifact origin controls: ${name}: ${result.status}${detail}`);
  }
}

export interface OriginRunner {
  readonly journal: JournalStore | undefined;
  /** Runs a plan (no confirmation: callers confirm first, or continue a confirmed run). */
  apply(services: AwsServices, repository: RepositoryRef, plan: OriginPlan, parent?: { runId: string; relation: RunRelation }): Promise<RunReport<OriginState> | undefined>;
  /** The modal confirmation with the dry run's figures; true when the user chose to write. */
  confirm(target: OriginPlanTarget, change: string, dryRun: RunReport<OriginState>, total: number): Promise<boolean>;
}

export function createOriginRunner(view: CodeArtifactView, journal: JournalStore | undefined, log: vscode.LogOutputChannel): OriginRunner {
  const runner: OriginRunner = {
    journal,
    async apply(services, repository, plan, parent) {
      if (!journal) {
        void vscode.window.showErrorMessage('ArchLens: origin controls are changed only with a journal on disk, and the extension storage folder is not on the local file system.');
        return undefined;
      }
      const target = plan.target as unknown as OriginPlanTarget;
      const report = await withAwsProgress({ title: `Setting origin controls in ${target.repository}`, what: 'the origin-control change', connection: view.connection, services }, (progress, signal) =>
        runOperation({
          plan,
          target: originTarget(services.gateway(codeArtifactService), repository.location),
          journal,
          ...ORIGIN_RUN_TUNING,
          ...(parent ? { parent } : {}),
          signal,
          onProgress: percentReporter((update) => progress.report(update)),
        }),
      );
      // Re-read: the tree lists the repository's packages again, so every badge shows what AWS has now.
      repository.refresh();
      if (!report) return undefined;
      logResults(log, report);
      const stop = report.stopReason ? ` Stopped: ${report.stopReason.message}` : '';
      const message = `ArchLens: origin controls in ${target.domain}/${target.repository}: ${summaryLine(report)}.${stop}`;
      const buttons = report.counts.failed > 0 && report.runId ? ['Retry Failed', 'Show Log'] : ['Show Log'];
      const show = report.counts.failed > 0 || report.outcome !== 'completed' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(message, ...buttons).then(async (choice) => {
        if (choice === 'Show Log') log.show(true);
        if (choice === 'Retry Failed' && report.runId) {
          const { plan: retry } = retryFailedPlan(await journal.read(report.runId), originCodec);
          await runner.apply(services, repository, retry, { runId: report.runId, relation: 'retry-failed' });
        }
      });
      return report;
    },
    async confirm(target, change, dryRun, total) {
      const count = dryRun.counts['would-write'];
      const detail = [
        `Account: ${target.account || 'unknown'}`,
        `Region: ${target.region}`,
        `Domain: ${target.domain}`,
        `Repository: ${target.repository}`,
        `Change: ${change}`,
        `Packages to change: ${count} of ${total}`,
        dryRun.counts.unchanged > 0 ? `Already as asked: ${dryRun.counts.unchanged}` : '',
        dryRun.counts.conflict > 0 ? `Changed since listed (will be left alone): ${dryRun.counts.conflict}` : '',
        'Each package is re-read before it is written; a journal of every change is kept so it can be restored.',
      ];
      const confirm = `Set Origin Controls of ${count} Package${count === 1 ? '' : 's'}`;
      const answer = await vscode.window.showWarningMessage(`Change the origin controls of ${count} package${count === 1 ? '' : 's'} in ${target.repository}?`, { modal: true, detail: detail.filter(Boolean).join('\n') }, confirm);
      return answer === confirm;
    },
  };
  return runner;
}
