// "Set Origin Controls…" on one package or a multi-selection of one repository: pick publish and
// upstream, a dry run re-reads every package (compare-and-set, no-ops skipped), a modal
// confirmation names account, region, domain, repository and the count, then runOperation writes
// with a journal record before each write, progress and cancel; the repository is re-read
// afterwards and a summary says what happened per package (the details go to the log).
import * as vscode from 'vscode';
import { stsService } from '../../../aws/services/sts';
import { codeArtifactService } from '../../../aws/services/codeArtifact';
import { runOperation } from '../../../operations/executor';
import { remainingPlan, restorePlan } from '../../../operations/recovery';
import type { AwsServices } from '../../../views/awsServices';
import { CodeArtifactPackageNode } from '../../../views/codeArtifact/codeArtifactNodes';
import { connectionMismatch, recoveryOffer } from '../../../operations/codeArtifact/originRecovery';
import { describeIntent, originCodec, originPlan, originTarget, restoreIntent, type OriginIntent, type OriginPlanTarget } from '../../../operations/codeArtifact/originOperation';
import { registerAwsCommand, reportCommandFailure, requireServices, type CommandInvocation } from '../awsCommand';
import { withAwsProgress } from '../awsProgress';
import { summaryLine, type OriginRunner, type RepositoryRef } from './originRunner';
import type { CodeArtifactView } from './registerCodeArtifact';

type Choice = 'ALLOW' | 'BLOCK' | undefined;

async function pickRestriction(which: 'publish' | 'upstream', count: number): Promise<Choice | 'cancel'> {
  const help =
    which === 'publish' ? 'Publish: may new versions be published directly to this repository?' : 'Upstream: may versions come from upstream repositories and external connections?';
  const items: (vscode.QuickPickItem & { value: Choice })[] = [
    { label: 'BLOCK', description: which === 'upstream' ? 'internal packages: prevents dependency confusion' : 'versions only come from upstream', value: 'BLOCK' },
    { label: 'ALLOW', value: 'ALLOW' },
    { label: 'Keep as is', description: `each package keeps its current ${which} setting`, value: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Set Origin Controls (${count} package${count === 1 ? '' : 's'})`, placeHolder: help, ignoreFocusOut: true });
  return picked ? picked.value : 'cancel';
}

export function registerOriginCommands(view: CodeArtifactView, runner: OriginRunner, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const { journal } = runner;
  const apply: OriginRunner['apply'] = (...args) => runner.apply(...args);

  async function setOriginControls(invocation: CommandInvocation): Promise<void> {
    const packages = invocation.of(CodeArtifactPackageNode);
    if (packages.length === 0) {
      void vscode.window.showInformationMessage('ArchLens: select one or more packages in the CodeArtifact view first (Shift or Ctrl/Cmd-click to select several).');
      return;
    }
    const repositories = new Set(packages.map((p) => p.repository));
    if (repositories.size > 1) {
      void vscode.window.showWarningMessage('ArchLens: the selected packages are in more than one repository. Select packages of one repository and run Set Origin Controls again.');
      return;
    }
    if (!journal) {
      void vscode.window.showErrorMessage('ArchLens: origin controls are changed only with a journal on disk, and the extension storage folder is not on the local file system.');
      return;
    }
    const repository = packages[0]!.repository;
    const publish = await pickRestriction('publish', packages.length);
    if (publish === 'cancel') return;
    const upstream = await pickRestriction('upstream', packages.length);
    if (upstream === 'cancel') return;
    const intent: OriginIntent = { ...(publish ? { publish } : {}), ...(upstream ? { upstream } : {}) };
    if (!intent.publish && !intent.upstream) return;
    const services = await requireServices(view.connection);
    if (!services) return;

    const checked = await withAwsProgress({ title: 'Checking the packages', what: 'the origin-control check', connection: view.connection, services }, async (_progress, signal) => {
      const identity = await services.gateway(stsService).whoAmI({ signal });
      const target: OriginPlanTarget = { account: identity.account, region: services.region, ...repository.location };
      const plan = originPlan(target, packages.map((p) => p.summary), intent);
      const dryRun = await runOperation({ plan, target: originTarget(services.gateway(codeArtifactService), repository.location), mode: 'dry-run', signal });
      return { target, plan, dryRun };
    });
    if (!checked) return;
    const { target, plan, dryRun } = checked;
    const count = dryRun.counts['would-write'];
    if (count === 0) {
      repository.refresh();
      void vscode.window.showInformationMessage(`ArchLens: nothing to change in ${target.domain}/${target.repository}: ${summaryLine(dryRun).replace(/^0 set, /, '')}.`);
      return;
    }
    if (!(await runner.confirm(target, describeIntent(intent), dryRun, plan.items.length))) return;
    await apply(services, repository, plan);
  }

  /**
   * Once per window, when the connection is first ready: offer to resume or restore origin-control
   * runs that never finished (window reload, crash). Only on the account and region they ran on.
   */
  async function offerUnfinished(services: AwsServices): Promise<void> {
    if (!journal) return;
    const offer = recoveryOffer(await journal.list());
    if (!offer) return;
    const { run, target } = offer;
    const choice = await vscode.window.showWarningMessage(offer.message, 'Resume', 'Restore', 'Later');
    if (choice !== 'Resume' && choice !== 'Restore') return;
    const identity = await services.gateway(stsService).whoAmI();
    const mismatch = connectionMismatch(target, { account: identity.account, region: services.region });
    if (mismatch) {
      void vscode.window.showWarningMessage(`ArchLens: ${mismatch}`);
      return;
    }
    const contents = await journal.read(run.runId);
    const ref: RepositoryRef = { location: target, refresh: () => view.refresh() };
    if (choice === 'Resume') await apply(services, ref, remainingPlan(contents, originCodec).plan, { runId: run.runId, relation: 'resume' });
    else await apply(services, ref, restorePlan([contents], originCodec, restoreIntent).plan, { runId: run.runId, relation: 'restore' });
  }

  let offered = false;
  const offerOnReady = view.connection.onDidChange(() => {
    const services = view.connection.state === 'ready' ? view.connection.services() : undefined;
    if (offered || !services) return;
    offered = true;
    offerUnfinished(services).catch((error: unknown) => reportCommandFailure(log, 'Resuming an origin-control change', error));
  });

  return [offerOnReady, registerAwsCommand('archlens.codeArtifact.setOriginControls', log, { what: 'Setting origin controls', selection: () => view.tree.selection }, setOriginControls)];
}
