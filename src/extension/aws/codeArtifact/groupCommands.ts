// Package groups on the operations layer: after "Suggest Package Group…" picks a pattern, the
// user picks the modes; ArchLens reads the group (missing or its modes), runs a dry run and opens
// a read-only table of the packages of the repository the group would cover with their effective
// origin before and after; a modal naming account, region, domain, the group and the count
// confirms; the journaled run creates the group if missing and sets its origin configuration.
// The result offers Restore (the journaled before-state: a group the run created is deleted).
import * as vscode from 'vscode';
import type { GroupModes, PackageGroupSummary, PackageSummary, RepositoryLocation } from '../../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../../aws/services/codeArtifact';
import { stsService } from '../../../aws/services/sts';
import { describeGroupModes, groupCodec, groupCoverage, groupPlan, groupRestoreIntent, groupState, groupTarget, isGroupMissing, type GroupPlan, type GroupPlanTarget, type GroupState } from '../../../operations/codeArtifact/groupOperation';
import { describeEffective } from '../../../operations/codeArtifact/packageGroups';
import { runOperation, type RunReport } from '../../../operations/executor';
import type { JournalStore } from '../../../operations/journal';
import { restorePlan } from '../../../operations/recovery';
import type { AwsServices } from '../../../views/awsServices';
import { packageDisplayName } from '../../../views/codeArtifact/originBadges';
import { withAwsProgress } from '../awsProgress';
import type { PlanDocuments } from './planDocuments';
import type { CodeArtifactView } from './registerCodeArtifact';

type ModeChoice = vscode.QuickPickItem & { modes: Partial<GroupModes> };

const PRESETS: ModeChoice[] = [
  { label: 'Block external upstream', description: 'EXTERNAL_UPSTREAM BLOCK', detail: 'The dependency-confusion fix: versions of these names never come from a public registry.', modes: { EXTERNAL_UPSTREAM: 'BLOCK' } },
  { label: 'Block external upstream and publishing', description: 'EXTERNAL_UPSTREAM BLOCK, PUBLISH BLOCK', modes: { EXTERNAL_UPSTREAM: 'BLOCK', PUBLISH: 'BLOCK' } },
  { label: 'Block all upstreams', description: 'EXTERNAL_UPSTREAM BLOCK, INTERNAL_UPSTREAM BLOCK', modes: { EXTERNAL_UPSTREAM: 'BLOCK', INTERNAL_UPSTREAM: 'BLOCK' } },
  { label: 'Inherit everything from the parent group', description: 'PUBLISH, EXTERNAL_UPSTREAM, INTERNAL_UPSTREAM INHERIT', modes: { PUBLISH: 'INHERIT', EXTERNAL_UPSTREAM: 'INHERIT', INTERNAL_UPSTREAM: 'INHERIT' } },
];

export interface GroupChange {
  readonly services: AwsServices;
  readonly repository: RepositoryLocation;
  /** The repository's listing (the coverage preview is computed over it). */
  readonly packages: readonly PackageSummary[];
  readonly pattern: string;
}

export interface GroupCommandDeps {
  readonly view: CodeArtifactView;
  readonly journal: JournalStore | undefined;
  readonly documents: PlanDocuments;
  readonly log: vscode.LogOutputChannel;
}

function summary(report: RunReport<GroupState>): string {
  const c = report.counts;
  if (c.ok > 0) return 'done';
  if (c.unchanged > 0) return 'already as asked';
  if (c.conflict > 0) return 'changed by someone else since the dry run, so left alone';
  return report.stopReason?.message ?? report.results[0]?.error?.message ?? 'not written';
}

function coverageTable(target: GroupPlanTarget, pattern: string, current: GroupState, modes: GroupModes, rows: ReturnType<typeof groupCoverage>, repository: string): string {
  const before = isGroupMissing(current) ? 'does not exist (it will be created)' : describeGroupModes(current.modes);
  const lines = rows.slice(0, 5000).map((r) => {
    const changed = r.before.upstream.value !== r.after.upstream.value || r.before.publish.value !== r.after.publish.value;
    return `| ${r.coordinates.format} ${packageDisplayName(r.coordinates).replace(/\|/g, '\\|')} | ${describeEffective('publish', r.before.publish, r.before.group)}; ${describeEffective('upstream', r.before.upstream, r.before.group)} | ${describeEffective('publish', r.after.publish, r.after.group)}; ${describeEffective('upstream', r.after.upstream, r.after.group)} | ${changed ? 'yes' : ''} |`;
  });
  return [
    `# Package group ${pattern}: dry run`,
    '',
    `Account ${target.account}, ${target.region}, domain ${target.domain}. The group now: ${before}. After: ${describeGroupModes(modes)}.`,
    '',
    `Packages of repository ${repository} it would cover: ${rows.length}${rows.length > 5000 ? ' (first 5,000 shown)' : ''}. The group also covers packages published later, and those of other repositories of the domain.`,
    '',
    '| package | effective origin before | after | changes |',
    '|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
}

async function pickModes(): Promise<Partial<GroupModes> | undefined> {
  const chosen = await vscode.window.showQuickPick(PRESETS, { title: 'Package group: origin restrictions to set', placeHolder: 'Types not named keep their current mode (INHERIT for a new group)', ignoreFocusOut: true, matchOnDescription: true });
  return chosen?.modes;
}

/** The plan -> dry run -> confirm -> apply cycle for one group; then Restore is offered. */
export async function changePackageGroup(deps: GroupCommandDeps, change: GroupChange): Promise<void> {
  const { view, journal, documents, log } = deps;
  const { services, repository, pattern } = change;
  if (!journal) {
    void vscode.window.showErrorMessage('ArchLens: package groups are changed only with a journal on disk, and the extension storage folder is not on the local file system.');
    return;
  }
  const modes = await pickModes();
  if (!modes) return;
  const calls = services.gateway(codeArtifactService).packageGroups();
  const domain = { domain: repository.domain, ...(repository.domainOwner ? { domainOwner: repository.domainOwner } : {}) };
  const prepared = await withAwsProgress({ title: `Reading package group ${pattern}`, what: 'the package-group dry run', connection: view.connection, services }, async (_p, signal) => {
    const identity = await services.gateway(stsService).whoAmI({ signal });
    const target: GroupPlanTarget = { account: identity.account, region: services.region, ...domain };
    const groups: PackageGroupSummary[] = [];
    for await (const page of services.gateway(codeArtifactService).packageGroupPages(domain, { signal })) groups.push(...page.items);
    const current = groupState(await calls.describe(domain, pattern, { signal }));
    const plan = groupPlan(target, pattern, current, modes);
    const dryRun = await runOperation({ plan, target: groupTarget(calls, domain), mode: 'dry-run', signal });
    return { target, groups, current, plan, dryRun };
  });
  if (!prepared) return;
  const { target, groups, current, plan, dryRun } = prepared;
  if (dryRun.counts['would-write'] === 0) {
    void vscode.window.showInformationMessage(`ArchLens: package group ${pattern}: ${summary(dryRun)}; nothing to write.`);
    return;
  }
  const after = dryRun.results[0]?.desired;
  if (!after || isGroupMissing(after)) return;
  const rows = groupCoverage(groups, change.packages, pattern, after.modes);
  await documents.show(`Package group ${pattern}`, coverageTable(target, pattern, current, after.modes, rows, repository.repository));
  const confirmLabel = isGroupMissing(current) ? 'Create Package Group' : 'Update Package Group';
  const detail = [
    `Account: ${target.account || 'unknown'}`,
    `Region: ${target.region}`,
    `Domain: ${target.domain}`,
    `Group: ${pattern} (${isGroupMissing(current) ? 'new' : `now ${describeGroupModes(current.modes)}`})`,
    `Set: ${describeGroupModes(after.modes)}`,
    `Packages of ${repository.repository} it covers: ${rows.length} (see the dry-run table)`,
    'The group is re-read before it is written; a journal is kept so it can be restored.',
  ].join('\n');
  const answer = await vscode.window.showWarningMessage(`${confirmLabel} ${pattern} in domain ${target.domain}?`, { modal: true, detail }, confirmLabel);
  if (answer !== confirmLabel) return;
  const report = await run(deps, services, plan, domain);
  if (!report?.runId) return;
  const runId = report.runId;
  const message = `ArchLens: package group ${pattern} in ${target.domain}: ${summary(report)}.`;
  const choice = await (report.counts.ok > 0 ? vscode.window.showInformationMessage(message, 'Restore', 'Show Log') : vscode.window.showWarningMessage(message, 'Show Log'));
  if (choice === 'Show Log') log.show(true);
  if (choice === 'Restore') await restoreGroupRun(deps, services, runId);
}

async function run(deps: GroupCommandDeps, services: AwsServices, plan: GroupPlan, domain: { domain: string; domainOwner?: string }, parent?: { runId: string; relation: 'restore' }): Promise<RunReport<GroupState> | undefined> {
  const calls = services.gateway(codeArtifactService).packageGroups();
  const report = await withAwsProgress({ title: 'Writing the package group', what: 'the package-group change', connection: deps.view.connection, services }, (_p, signal) =>
    runOperation({ plan, target: groupTarget(calls, domain), journal: deps.journal, ...(parent ? { parent } : {}), signal }),
  );
  deps.view.refresh();
  for (const r of report?.results ?? []) deps.log.info(`CodeArtifact package group ${r.key}: ${r.status}${r.error ? `: ${r.error.code} ${r.error.message}` : ''}`);
  return report;
}

/** Restore: a group the run created is deleted, one it changed gets its journaled modes back. */
export async function restoreGroupRun(deps: GroupCommandDeps, services: AwsServices, runId: string): Promise<void> {
  if (!deps.journal) return;
  const { plan } = restorePlan([await deps.journal.read(runId)], groupCodec, groupRestoreIntent);
  const t = plan.target;
  const domain = { domain: t.domain ?? '', ...(t.domainOwner ? { domainOwner: t.domainOwner } : {}) };
  const restoring = plan.items.map((i) => ('remove' in i.intent ? 'delete the group it created' : `set back ${describeGroupModes(i.intent.modes)}`)).join('; ');
  const answer = await vscode.window.showWarningMessage(`Restore package group run ${runId}?`, { modal: true, detail: `Account ${t.account ?? '?'}, ${t.region ?? '?'}, domain ${t.domain ?? '?'}: ${restoring || 'nothing to restore'}. A group changed since is left alone.` }, 'Restore');
  if (answer !== 'Restore' || plan.items.length === 0) return;
  const report = await run(deps, services, plan, domain, { runId, relation: 'restore' });
  if (report) void vscode.window.showInformationMessage(`ArchLens: restore of package group run ${runId}: ${summary(report)}.`);
}
