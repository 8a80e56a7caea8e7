// "Check Dependencies Against CodeArtifact…": the workspace's manifests and lockfiles against one
// repository, on demand only (never in the background, never in an untrusted workspace). Each
// internal package whose effective origin allows upstream gets a diagnostic on the dependency's
// line (rule `ca-dependency-confusion`) with a quick fix that plans "upstream BLOCK" for it and
// goes through the one confirmed, journaled write path.
import * as vscode from 'vscode';
import type { PackageCoordinates, RepositoryLocation, RepositorySummary } from '../../../aws/codeArtifactGateway';
import { codeArtifactService } from '../../../aws/services/codeArtifact';
import { stsService } from '../../../aws/services/sts';
import { checkDependencies, CONFUSION_RULE, type PackageVerdict } from '../../../operations/codeArtifact/dependencyConfusion';
import { MAX_MANIFEST_BYTES, readManifest, type ManifestDependency } from '../../../operations/codeArtifact/manifests';
import { originPlan, originTarget, type OriginPlanTarget } from '../../../operations/codeArtifact/originOperation';
import { runOperation } from '../../../operations/executor';
import { packageDisplayName } from '../../../views/codeArtifact/originBadges';
import { registerAwsCommand, requireServices } from '../awsCommand';
import { withAwsProgress } from '../awsProgress';
import type { OriginRunner } from './originRunner';
import type { CodeArtifactView } from './registerCodeArtifact';

const MANIFEST_GLOB = '**/{package.json,package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,requirements*.txt,Pipfile.lock,poetry.lock,pom.xml,*.csproj,packages.lock.json}';
const EXCLUDE_GLOB = '**/{node_modules,.git,dist,out,target,.venv,venv}/**';
const MAX_FILES = 2_000;
const REPOSITORY_KEY = 'archlens.codeArtifact.checkRepository';

/** What a diagnostic's quick fix needs: the package and the repository it was checked against. */
interface FixData {
  readonly coordinates: PackageCoordinates;
  readonly location: RepositoryLocation;
}

export function registerDependencyCheck(context: vscode.ExtensionContext, view: CodeArtifactView, runner: OriginRunner, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('archlens-codeartifact');
  const fixes = new WeakMap<vscode.Diagnostic, FixData>();
  const cache = new Map<string, PackageVerdict>();

  async function chooseRepository(): Promise<RepositoryLocation | undefined> {
    const services = await requireServices(view.connection);
    if (!services) return undefined;
    const gateway = services.gateway(codeArtifactService);
    const repositories = await withAwsProgress({ title: 'Listing CodeArtifact repositories', what: 'listing repositories', connection: view.connection, services }, async (_p, signal) => {
      const out: RepositorySummary[] = [];
      for await (const domains of gateway.domainPages({ signal })) {
        for (const d of domains.items) {
          for await (const page of gateway.repositoryPages({ domain: d.name, ...(d.owner ? { domainOwner: d.owner } : {}) }, { signal })) out.push(...page.items);
          if (out.length > 1000) break;
        }
      }
      return out;
    });
    if (!repositories) return undefined;
    if (repositories.length === 0) {
      void vscode.window.showInformationMessage(`ArchLens: no CodeArtifact repositories in ${services.region}; select the region of your repositories first.`);
      return undefined;
    }
    const last = context.workspaceState.get<string>(REPOSITORY_KEY);
    const items = repositories.map((r) => ({ label: `${r.domain}/${r.name}`, ...(r.description ? { description: r.description } : {}), picked: `${r.domain}/${r.name}` === last, r }));
    items.sort((a, b) => (a.picked === b.picked ? 0 : a.picked ? -1 : 1));
    const chosen = await vscode.window.showQuickPick(items, { title: 'Check dependencies against which repository?', placeHolder: 'The repository your builds install from', ignoreFocusOut: true });
    if (!chosen) return undefined;
    await context.workspaceState.update(REPOSITORY_KEY, chosen.label);
    return { domain: chosen.r.domain, ...(chosen.r.domainOwner ? { domainOwner: chosen.r.domainOwner } : {}), repository: chosen.r.name };
  }

  async function check(arg?: unknown): Promise<number | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('ArchLens: the dependency check reads this workspace and asks AWS about its packages; trust the workspace first (Manage Workspace Trust).');
      return undefined;
    }
    // A location argument (tests, other commands) skips the picker.
    const given = arg as Partial<RepositoryLocation> | undefined;
    const location = typeof given?.domain === 'string' && typeof given.repository === 'string' ? { domain: given.domain, repository: given.repository, ...(typeof given.domainOwner === 'string' ? { domainOwner: given.domainOwner } : {}) } : await chooseRepository();
    if (!location) return undefined;
    const services = await requireServices(view.connection);
    if (!services) return undefined;
    const files = await vscode.workspace.findFiles(MANIFEST_GLOB, EXCLUDE_GLOB, MAX_FILES);
    const found: { uri: vscode.Uri; dependency: ManifestDependency }[] = [];
    for (const uri of files) {
      // Workspace files are hostile: a huge one is skipped before it is read into memory.
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_MANIFEST_BYTES) continue;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      for (const dependency of readManifest(uri.path, text)) found.push({ uri, dependency });
    }
    const result = await withAwsProgress({ title: `Checking ${found.length} dependencies against ${location.domain}/${location.repository}`, what: 'the dependency-confusion check', connection: view.connection, services }, (_p, signal) =>
      checkDependencies(found.map((f) => f.dependency), { gateway: services.gateway(codeArtifactService), location, signal, cache }),
    );
    if (!result) return undefined;
    diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const uriOf = new Map(found.map((f) => [f.dependency, f.uri]));
    for (const finding of result.findings) {
      const { range } = finding.dependency;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), finding.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'ArchLens';
      diagnostic.code = CONFUSION_RULE;
      fixes.set(diagnostic, { coordinates: finding.dependency.coordinates, location });
      const key = uriOf.get(finding.dependency)!.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
    }
    for (const [key, list] of byFile) diagnostics.set(vscode.Uri.parse(key), list);
    const where = `${location.domain}/${location.repository}`;
    log.info(`CodeArtifact dependency check: ${files.length} file(s), ${result.unique} package(s), ${result.inRepository} in ${where}, ${result.findings.length} finding(s).`);
    const message = result.findings.length > 0 ? `ArchLens: ${result.findings.length} dependenc${result.findings.length === 1 ? 'y is' : 'ies are'} open to dependency confusion in ${where} (see Problems; each has a quick fix).` : `ArchLens: no dependency-confusion risk found: ${result.unique} package(s) checked, ${result.inRepository} in ${where}.`;
    void (result.findings.length > 0 ? vscode.window.showWarningMessage(message, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems')) : vscode.window.showInformationMessage(message));
    return result.findings.length;
  }

  /** The quick fix: plan upstream BLOCK for one package, dry run, confirm, write, re-check. */
  async function blockUpstream(data: FixData): Promise<void> {
    const services = await requireServices(view.connection);
    if (!services) return;
    const gateway = services.gateway(codeArtifactService);
    const prepared = await withAwsProgress({ title: `Reading ${packageDisplayName(data.coordinates)}`, what: 'the fix', connection: view.connection, services }, async (_p, signal) => {
      const identity = await services.gateway(stsService).whoAmI({ signal });
      const target: OriginPlanTarget = { account: identity.account, region: services.region, ...data.location };
      const current = await gateway.describePackage(data.location, data.coordinates, { signal });
      const plan = originPlan(target, current ? [current] : [], { upstream: 'BLOCK' });
      const dryRun = await runOperation({ plan, target: originTarget(gateway, data.location), mode: 'dry-run', signal });
      return { target, plan, dryRun };
    });
    if (!prepared) return;
    if (prepared.dryRun.counts['would-write'] === 0) {
      void vscode.window.showInformationMessage(`ArchLens: ${packageDisplayName(data.coordinates)} no longer needs the fix (already blocked, or gone). Run the check again.`);
      return;
    }
    if (!(await runner.confirm(prepared.target, 'upstream BLOCK', prepared.dryRun, prepared.plan.items.length))) return;
    const report = await runner.apply(services, { location: data.location, refresh: () => view.refresh() }, prepared.plan);
    if (report && report.counts.ok > 0) {
      cache.clear();
      await check(data.location);
    }
  }

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(_document, _range, context) {
      return context.diagnostics.flatMap((diagnostic) => {
        const data = fixes.get(diagnostic);
        if (!data) return [];
        const action = new vscode.CodeAction(`Block upstream for ${packageDisplayName(data.coordinates)} in ${data.location.domain}/${data.location.repository}…`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.command = { command: 'archlens.codeArtifact.blockUpstream', title: action.title, arguments: [data] };
        return [action];
      });
    },
  };

  return [
    diagnostics,
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file', pattern: MANIFEST_GLOB }], actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    registerAwsCommand('archlens.codeArtifact.checkDependencies', log, { what: 'Checking dependencies against CodeArtifact' }, (invocation) => check(invocation.arg)),
    registerAwsCommand('archlens.codeArtifact.clearDependencyCheck', log, { what: 'Clearing the dependency check' }, () => {
      diagnostics.clear();
      cache.clear();
    }),
    registerAwsCommand('archlens.codeArtifact.blockUpstream', log, { what: 'Blocking upstream' }, (invocation) => blockUpstream(invocation.arg as FixData)),
  ];
}
