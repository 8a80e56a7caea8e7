// Bulk origin-control commands on a repository of the CodeArtifact view:
// - Plan Origin Changes…: from a filter, a CSV manifest or auto mode; a dry run re-reads every
//   package; the plan opens as a read-only Markdown table with Apply…, Export CSV…, Export JSON…;
//   Apply confirms with account, region, count and writes through the one journaled write path.
// - Filter Packages… / Clear Filter: ListPackages' server-side filters on the tree.
// - Suggest Package Group…: the smallest group pattern covering the risky packages, then the
//   package-group plan -> dry run -> apply -> restore cycle (groupCommands.ts).
// - Origin-Control Runs…: every journal (unfinished, with failures, finished), then Resume,
//   Retry Failed, Restore or List Failed (read-only; never writes a journal).
import * as vscode from 'vscode';
import type { CodeArtifactFormat, OriginRestriction, PackageFilter, PackageSummary } from '../../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../../aws/services/codeArtifact';
import { stsService } from '../../../aws/services/sts';
import { originPlanFromFilter, originTarget, packageFromKey, originCodec, restoreIntent, describeIntent, type OriginIntent, type OriginPlan, type OriginPlanTarget } from '../../../operations/codeArtifact/originOperation';
import { ManifestError, originPlanAuto, originPlanFromManifest, planRows, planToCsv, planToJson, planToMarkdown, type BuiltPlan } from '../../../operations/codeArtifact/originPlans';
import { connectionMismatch, originTargetOf } from '../../../operations/codeArtifact/originRecovery';
import { GROUP_OPERATION } from '../../../operations/codeArtifact/groupOperation';
import { suggestGroupPatterns } from '../../../operations/codeArtifact/packageGroups';
import { runOperation } from '../../../operations/executor';
import type { JournalInfo } from '../../../operations/journal';
import { failedItems, remainingPlan, restorePlan, retryFailedPlan, unfinishedJournals } from '../../../operations/recovery';
import { CodeArtifactRepositoryNode } from '../../../views/codeArtifact/codeArtifactNodes';
import { describeFilter, packageDisplayName } from '../../../views/codeArtifact/originBadges';
import type { AwsServices } from '../../../views/awsServices';
import { registerAwsCommand, requireServices, type CommandInvocation } from '../awsCommand';
import { withAwsProgress } from '../awsProgress';
import type { OriginRunner, RepositoryRef } from './originRunner';
import { changePackageGroup, restoreGroupRun } from './groupCommands';
import { exportText, type PlanDocuments } from './planDocuments';
import type { CodeArtifactView } from './registerCodeArtifact';

/** The largest CSV manifest read (a 10,000-package plan is well under 1 MB). */
const MAX_CSV_BYTES = 20 * 1024 * 1024;

const FORMATS: readonly CodeArtifactFormat[] = ['npm', 'pypi', 'maven', 'nuget', 'generic', 'ruby', 'swift', 'cargo'];

type Pick<T> = vscode.QuickPickItem & { value: T };

async function pick<T>(title: string, items: Pick<T>[], placeHolder?: string): Promise<T | 'cancel'> {
  const chosen = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true, ...(placeHolder ? { placeHolder } : {}) });
  return chosen ? chosen.value : 'cancel';
}

/** Format, prefix and restriction, asked in turn; undefined when cancelled. */
async function askFilter(current: PackageFilter): Promise<PackageFilter | undefined> {
  const format = await pick<CodeArtifactFormat | undefined>('Filter packages: format', [{ label: 'Any format', value: undefined }, ...FORMATS.map((f) => ({ label: f, value: f, picked: current.format === f }))]);
  if (format === 'cancel') return undefined;
  const prefix = await vscode.window.showInputBox({ title: 'Filter packages: name prefix', prompt: 'Packages whose name starts with this (empty: any name). Filtered by CodeArtifact, not in the window.', value: current.prefix ?? '', ignoreFocusOut: true, validateInput: (v) => (v.length > 255 ? 'At most 255 characters.' : undefined) });
  if (prefix === undefined) return undefined;
  type R = { publish?: OriginRestriction; upstream?: OriginRestriction };
  const restriction = await pick<R>('Filter packages: origin controls', [
    { label: 'Any origin controls', value: {} },
    { label: '⚠ Risky: publish ALLOW and upstream ALLOW', description: 'open to dependency confusion', value: { publish: 'ALLOW', upstream: 'ALLOW' } },
    { label: 'Upstream ALLOW', value: { upstream: 'ALLOW' } },
    { label: 'Publish ALLOW', value: { publish: 'ALLOW' } },
    { label: 'Upstream BLOCK', value: { upstream: 'BLOCK' } },
    { label: 'Publish BLOCK', value: { publish: 'BLOCK' } },
  ]);
  if (restriction === 'cancel') return undefined;
  return { ...(format ? { format } : {}), ...(prefix ? { prefix } : {}), ...restriction };
}

async function askIntent(): Promise<OriginIntent | undefined> {
  const choice = (which: string): Pick<OriginRestriction | undefined>[] => [
    { label: 'BLOCK', value: 'BLOCK' },
    { label: 'ALLOW', value: 'ALLOW' },
    { label: 'Keep as is', description: `each package keeps its current ${which} setting`, value: undefined },
  ];
  const publish = await pick('Set publish to', choice('publish'));
  if (publish === 'cancel') return undefined;
  const upstream = await pick('Set upstream to', choice('upstream'));
  if (upstream === 'cancel') return undefined;
  return publish || upstream ? { ...(publish ? { publish } : {}), ...(upstream ? { upstream } : {}) } : undefined;
}

export function registerBulkOriginCommands(view: CodeArtifactView, runner: OriginRunner, documents: PlanDocuments, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const repositoryOf = (invocation: CommandInvocation): CodeArtifactRepositoryNode | undefined => {
    const node = invocation.one(CodeArtifactRepositoryNode);
    if (!node) void vscode.window.showInformationMessage('ArchLens: run this on a repository in the CodeArtifact view (right-click the repository).');
    return node;
  };

  async function targetOf(services: AwsServices, node: CodeArtifactRepositoryNode, signal: AbortSignal): Promise<OriginPlanTarget> {
    const identity = await services.gateway(stsService).whoAmI({ signal });
    return { account: identity.account, region: services.region, ...node.location };
  }

  /** Dry run, the plan as a document, then Apply… / Export CSV… / Export JSON…. */
  async function review(services: AwsServices, repository: RepositoryRef, built: BuiltPlan, change: string): Promise<void> {
    const target = built.plan.target as unknown as OriginPlanTarget;
    const dryRun = await withAwsProgress({ title: `Re-reading ${built.plan.items.length} package(s)`, what: 'the dry run', connection: view.connection, services }, (_p, signal) =>
      runOperation({ plan: built.plan, target: originTarget(services.gateway(codeArtifactService), repository.location), mode: 'dry-run', signal }),
    );
    if (!dryRun) return;
    const rows = planRows(built.plan, dryRun, built.reasons);
    await documents.show(`Origin plan ${target.domain}-${target.repository}`, planToMarkdown(built.plan, rows, built.skipped));
    const count = dryRun.counts['would-write'];
    const skipped = built.skipped.length > 0 ? ` ${built.skipped.length} left out (see the plan).` : '';
    for (;;) {
      const buttons = count > 0 ? ['Apply…', 'Export CSV…', 'Export JSON…'] : ['Export CSV…', 'Export JSON…'];
      const choice = await vscode.window.showInformationMessage(`ArchLens: the plan for ${target.domain}/${target.repository} would change ${count} of ${built.plan.items.length} package(s).${skipped}`, ...buttons);
      if (choice === 'Export CSV…') await exportText(`origin-plan-${target.repository}.csv`, planToCsv(rows), { CSV: ['csv'] });
      else if (choice === 'Export JSON…') await exportText(`origin-plan-${target.repository}.json`, planToJson(built.plan, rows), { JSON: ['json'] });
      else if (choice === 'Apply…') {
        if (await runner.confirm(target, change, dryRun, built.plan.items.length)) await runner.apply(services, repository, built.plan);
        return;
      } else return;
    }
  }

  async function planOriginChanges(invocation: CommandInvocation): Promise<void> {
    const node = repositoryOf(invocation);
    if (!node) return;
    const source = await pick<'filter' | 'csv' | 'auto'>('Plan origin changes: where from?', [
      { label: 'Packages matching a filter', description: 'format, prefix, origin controls', value: 'filter' },
      { label: 'A CSV manifest…', description: 'columns: format, namespace, package, publish, upstream', value: 'csv' },
      { label: 'Auto mode', description: 'block upstream where nothing upstream has the package; publish where every version came from upstream', value: 'auto' },
    ]);
    if (source === 'cancel') return;
    let filter: PackageFilter = {};
    let intent: OriginIntent | undefined;
    let csv: string | undefined;
    if (source === 'filter') {
      const chosen = await askFilter(node.filter);
      if (!chosen) return;
      filter = chosen;
      intent = await askIntent();
      if (!intent) return;
    } else if (source === 'csv') {
      const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv', 'txt'] }, openLabel: 'Plan From This Manifest' })) ?? [];
      if (!file) return;
      // A manifest is at most a few MB; refuse anything larger before reading it into memory.
      if ((await vscode.workspace.fs.stat(file)).size > MAX_CSV_BYTES) {
        void vscode.window.showErrorMessage(`ArchLens: ${file.path} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; a plan manifest lists one package per line. Split it, or plan from a filter.`);
        return;
      }
      csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    }
    const services = await requireServices(view.connection);
    if (!services) return;
    const gateway = services.gateway(codeArtifactService);
    let built: BuiltPlan | undefined;
    try {
      built = await withAwsProgress({ title: 'Making the plan', what: 'planning origin changes', connection: view.connection, services }, async (_p, signal) => {
        const target = await targetOf(services, node, signal);
        if (csv !== undefined) return originPlanFromManifest(gateway, target, csv, signal);
        if (source === 'auto') return originPlanAuto(gateway, target, {}, signal);
        return { plan: await originPlanFromFilter(gateway, target, filter, intent!, signal), reasons: new Map<string, string>(), skipped: [] };
      });
    } catch (error) {
      if (error instanceof ManifestError) {
        void vscode.window.showErrorMessage(`ArchLens: the manifest cannot be used: ${error.message}`);
        return;
      }
      throw error;
    }
    if (!built) return;
    if (built.plan.items.length === 0 && built.skipped.length === 0) {
      void vscode.window.showInformationMessage(`ArchLens: nothing to plan in ${node.summary.name}${source === 'filter' ? ` (filter: ${describeFilter(filter) || 'none'})` : ''}.`);
      return;
    }
    await review(services, { location: node.location, refresh: () => node.refresh() }, built, source === 'auto' ? 'auto mode (per package, see the plan)' : source === 'csv' ? 'per package, from the manifest' : describeIntent(intent!));
  }

  async function filterPackages(invocation: CommandInvocation): Promise<void> {
    const node = repositoryOf(invocation);
    if (!node) return;
    const filter = await askFilter(node.filter);
    if (filter) node.setFilter(filter);
  }

  function clearFilter(invocation: CommandInvocation): void {
    repositoryOf(invocation)?.setFilter({});
  }

  async function suggestGroup(invocation: CommandInvocation): Promise<void> {
    const node = repositoryOf(invocation);
    if (!node) return;
    const services = await requireServices(view.connection);
    if (!services) return;
    const gateway = services.gateway(codeArtifactService);
    const listed = await withAwsProgress({ title: 'Listing packages', what: 'the package-group suggestion', connection: view.connection, services }, async (_p, signal) => {
      const all: PackageSummary[] = [];
      for await (const page of gateway.packagePages(node.location, {}, { pageSize: 1000, signal })) {
        all.push(...page.items);
        if (all.length >= 100_000) break;
      }
      return all;
    });
    if (!listed) return;
    const risky = listed.filter((p) => p.origin?.publish === 'ALLOW' && p.origin.upstream === 'ALLOW');
    const suggestions = suggestGroupPatterns(risky, listed);
    if (suggestions.length === 0) {
      void vscode.window.showInformationMessage(`ArchLens: ${risky.length} risky package(s) in ${node.summary.name}, and no group pattern covers 5 or more of them; change them with Plan Origin Changes… instead.`);
      return;
    }
    const chosen = await pick(
      `Package group patterns for ${risky.length} risky package(s)`,
      suggestions.map((s) => ({ label: s.pattern, description: `covers ${s.covers} risky`, detail: s.alsoCovers > 0 ? `also catches ${s.alsoCovers} other package(s) of this repository: review them first` : 'catches no other package of this repository', value: s })),
      'A group with EXTERNAL_UPSTREAM BLOCK protects every package it matches, also ones published later',
    );
    if (chosen === 'cancel') return;
    log.info(`CodeArtifact: package group ${chosen.pattern} chosen (${chosen.covers} risky packages, ${chosen.alsoCovers} others)`);
    await changePackageGroup({ view, journal: runner.journal, documents, log }, { services, repository: node.location, packages: listed, pattern: chosen.pattern });
  }

  /** A package-group run offers Restore only (one item: resume and retry-failed are a re-run of the suggestion). */
  async function restoreGroupFromPicker(info: JournalInfo): Promise<void> {
    const t = info.header?.target ?? {};
    const services = await requireServices(view.connection);
    if (!services) return;
    const identity = await services.gateway(stsService).whoAmI();
    const mismatch = connectionMismatch({ account: t.account ?? '', region: t.region ?? '' }, { account: identity.account, region: services.region });
    if (mismatch) {
      void vscode.window.showWarningMessage(`ArchLens: ${mismatch}`);
      return;
    }
    await restoreGroupRun({ view, journal: runner.journal, documents, log }, services, info.runId);
  }

  async function showRuns(): Promise<void> {
    const journal = runner.journal;
    if (!journal) {
      void vscode.window.showErrorMessage('ArchLens: no journal folder (the extension storage is not on the local file system).');
      return;
    }
    const infos = (await journal.list()).filter((i) => (i.header?.operation === 'codeartifact.originControl' || i.header?.operation === GROUP_OPERATION) && i.header.mode === 'apply');
    if (infos.length === 0) {
      void vscode.window.showInformationMessage('ArchLens: no origin-control runs yet. Journals appear here after Set Origin Controls… or an applied plan.');
      return;
    }
    const unfinished = new Set(unfinishedJournals(infos).map((i) => i.runId));
    const newest = [...infos].reverse().slice(0, 200);
    // Failure counts need the journal's end record: read the newest 50 (bounded).
    const failedCounts = new Map<string, number>();
    await Promise.all(newest.slice(0, 50).map(async (i) => failedCounts.set(i.runId, failedItems(await journal.read(i.runId)).length)));
    const kind = (i: JournalInfo): string => (unfinished.has(i.runId) ? 'Unfinished' : (failedCounts.get(i.runId) ?? 0) > 0 ? 'With failures' : 'Finished');
    const items: (vscode.QuickPickItem & { info?: JournalInfo })[] = [];
    for (const section of ['Unfinished', 'With failures', 'Finished']) {
      const inSection = newest.filter((i) => kind(i) === section);
      if (inSection.length === 0) continue;
      items.push({ label: section, kind: vscode.QuickPickItemKind.Separator });
      for (const i of inSection) {
        const t = i.header?.target ?? {};
        const failed = failedCounts.get(i.runId);
        items.push({
          label: i.header?.operation === GROUP_OPERATION ? `${t.domain ?? '?'}: package group` : `${t.domain ?? '?'}/${t.repository ?? '?'}`,
          description: `${i.header?.startedAt ?? ''} · ${i.header?.itemCount ?? 0} ${i.header?.operation === GROUP_OPERATION ? 'group (Restore only)' : 'package(s)'}${failed ? ` · ${failed} failed` : ''}${i.header?.parent ? ` · ${i.header.parent.relation}` : ''}`,
          detail: `account ${t.account ?? '?'}, ${t.region ?? '?'} · run ${i.runId}`,
          info: i,
        });
      }
    }
    const chosen = await vscode.window.showQuickPick(items, { title: 'Origin-control runs', placeHolder: 'Pick a run to resume, retry, restore or list its failures', matchOnDetail: true, ignoreFocusOut: true });
    const info = chosen?.info;
    if (info?.header?.operation === GROUP_OPERATION) {
      await restoreGroupFromPicker(info);
      return;
    }
    const target = originTargetOf(info?.header);
    if (!info || !target) return;
    const actions: Pick<'resume' | 'retry' | 'restore' | 'failed'>[] = [
      ...(unfinished.has(info.runId) ? [{ label: 'Resume', description: 'write the packages this run did not finish', value: 'resume' as const }] : []),
      { label: 'Retry Failed', description: 'only the packages that failed', value: 'retry' },
      { label: 'Restore', description: 'put back what this run (and its resumes and retries) wrote', value: 'restore' },
      { label: 'List Failed', description: 'read-only', value: 'failed' },
    ];
    const action = await pick(`Run in ${target.domain}/${target.repository}`, actions);
    if (action === 'cancel') return;
    const contents = await journal.read(info.runId);
    if (action === 'failed') {
      const failed = failedItems(contents);
      const lines = failed.map((f) => {
        const c = packageFromKey(f.key);
        return `| ${c ? `${c.format} ${packageDisplayName(c)}` : f.key} | ${f.error?.code ?? ''} | ${(f.error?.message ?? '').replace(/\|/g, '\\|')} |`;
      });
      await documents.show(`Failed ${target.repository} ${info.runId}`, [`# Failed packages of run ${info.runId}`, '', `${target.domain}/${target.repository}, account ${target.account}, ${target.region}: ${failed.length} failed.`, '', '| package | code | message |', '|---|---|---|', ...lines, ''].join('\n'));
      return;
    }
    const services = await requireServices(view.connection);
    if (!services) return;
    const identity = await services.gateway(stsService).whoAmI();
    const mismatch = connectionMismatch(target, { account: identity.account, region: services.region });
    if (mismatch) {
      void vscode.window.showWarningMessage(`ArchLens: ${mismatch}`);
      return;
    }
    let plan: OriginPlan;
    if (action === 'resume') plan = remainingPlan(contents, originCodec).plan;
    else if (action === 'retry') plan = retryFailedPlan(contents, originCodec).plan;
    else {
      const chainIds = [info.runId, ...infos.filter((i) => i.header?.parent?.runId === info.runId && i.header.parent.relation !== 'restore').map((i) => i.runId)];
      plan = restorePlan(await Promise.all(chainIds.map((id) => journal.read(id))), originCodec, restoreIntent).plan;
    }
    if (plan.items.length === 0) {
      void vscode.window.showInformationMessage('ArchLens: nothing to do for this run.');
      return;
    }
    const ref: RepositoryRef = { location: target, refresh: () => view.refresh() };
    const relation = action === 'retry' ? 'retry-failed' : action;
    const dryRun = await withAwsProgress({ title: 'Re-reading the packages', what: 'the dry run', connection: view.connection, services }, (_p, signal) =>
      runOperation({ plan, target: originTarget(services.gateway(codeArtifactService), target), mode: 'dry-run', signal }),
    );
    if (!dryRun) return;
    if (dryRun.counts['would-write'] === 0) {
      void vscode.window.showInformationMessage(`ArchLens: every package of this run is already as the ${action} would set it.`);
      return;
    }
    if (await runner.confirm(target, `${action} of run ${info.runId}`, dryRun, plan.items.length)) await runner.apply(services, ref, plan, { runId: info.runId, relation });
  }

  return [
    registerAwsCommand('archlens.codeArtifact.planOriginChanges', log, { what: 'Planning origin changes', selection: () => view.tree.selection }, planOriginChanges),
    registerAwsCommand('archlens.codeArtifact.filterPackages', log, { what: 'Filtering packages', selection: () => view.tree.selection }, filterPackages),
    registerAwsCommand('archlens.codeArtifact.clearPackageFilter', log, { what: 'Clearing the package filter', selection: () => view.tree.selection }, clearFilter),
    registerAwsCommand('archlens.codeArtifact.suggestPackageGroup', log, { what: 'Suggesting a package group', selection: () => view.tree.selection }, suggestGroup),
    registerAwsCommand('archlens.codeArtifact.showRuns', log, { what: 'Listing origin-control runs' }, showRuns),
  ];
}
