// `archlens origin plan|apply|restore|check`: CodeArtifact origin controls for CI and
// administrators, on the standard AWS credential chain (AWS_PROFILE / --profile, environment keys,
// the default profile) and endpoint settings (AWS_ENDPOINT_URL[_CODEARTIFACT], profile
// endpoint_url). JSON on stdout; exit codes like `lint`: 0 nothing to report, 1 findings (check),
// changes pending (plan) or items failed (apply, restore), 2 usage, I/O or AWS errors.
// Writes go through src/operations exactly as in the extension: preflight, journal before each
// write (a new file per run under --journal-dir), compare-and-set, adaptive concurrency.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseRegion, chooseSource, openSession } from '../aws/credentials/connect';
import { loadProfileCatalog, sharedFilePaths } from '../aws/credentials/profiles';
import { AwsError } from '../aws/errors';
import { nextStepFor } from '../aws/errorNextSteps';
import type { AwsSession } from '../aws/session';
import { GROUP_RESTRICTION_TYPES, type GroupModes, type GroupRestrictionMode, type GroupRestrictionType, type OriginRestriction, type PackageFilter, type PackageGroupSummary, type PackageSummary } from '../aws/codeArtifactGateway';
import { codeArtifactService } from '../aws/services/codeArtifact';
import { stsService } from '../aws/services/sts';
import { createFileJournalStore } from '../node/fileJournalStore';
import { FileReadError, readTextFile, MAX_DOCUMENT_BYTES } from '../node/readRegularFile';
import { checkDependencies, CONFUSION_RULE } from '../operations/codeArtifact/dependencyConfusion';
import { manifestReader, readManifest } from '../operations/codeArtifact/manifests';
import { ORIGIN_RUN_TUNING, originCodec, originPlanFromFilter, originTarget, restoreIntent, type OriginIntent, type OriginPlan, type OriginPlanTarget } from '../operations/codeArtifact/originOperation';
import { ManifestError, originPlanAuto, originPlanFromManifest, planFromJson, planRows, planToCsv, planToJson, planToMarkdown, type BuiltPlan } from '../operations/codeArtifact/originPlans';
import { connectionMismatch, originTargetOf } from '../operations/codeArtifact/originRecovery';
import { OperationStop, runOperation, type RunReport } from '../operations/executor';
import { groupCoverage, groupPlan, groupState, groupTarget, isGroupMissing, type GroupPlan } from '../operations/codeArtifact/groupOperation';
import type { JournalStore, RunRelation } from '../operations/journal';
import { failedItems, remainingPlan, restorePlan, retryFailedPlan } from '../operations/recovery';
import { ExitCode, type CliIo } from './cliIo';
import { scanOptions } from './optionScanner';
import { UsageError } from './usageError';

export const ORIGIN_HELP = `Usage: archlens origin <plan|apply|restore|check> [options]

  plan   --domain D --repository R (--csv FILE | --auto | filter options) [--out PLAN.json]
         Re-reads every package (a dry run) and prints the plan as JSON. Filter options:
         --format F --namespace N --prefix P --publish-is ALLOW|BLOCK --upstream-is ALLOW|BLOCK,
         with --set-publish ALLOW|BLOCK and/or --set-upstream ALLOW|BLOCK.
         --csv FILE: the toolkit's manifest columns (format,namespace,package,publish,upstream).
         --auto: block upstream where nothing upstream can supply a package, publish where every
         version came from upstream. --table FILE.md and --export-csv FILE write the plan for review.
  plan   --domain D --group PATTERN --set-group TYPE=MODE[,TYPE=MODE] [--repository R]
         A package group's dry run (read-only): the group now (or missing), after, and, with
         --repository, the packages it would cover with their effective origin before/after.
         TYPE: PUBLISH, EXTERNAL_UPSTREAM, INTERNAL_UPSTREAM; MODE: ALLOW, BLOCK,
         ALLOW_SPECIFIC_REPOSITORIES, INHERIT. Apply it from the extension (Suggest Package Group…).
  apply  PLAN.json --yes          Applies a plan (account and region must be the plan's).
         --resume RUN | --retry-failed RUN --yes   Continues a journal.
  restore RUN --yes               Puts back what a run wrote. --list: every run.
         --failed RUN: the failed items of a run (read-only).
  check  --domain D --repository R [PATH]   Dependency-confusion check of the manifests under PATH.

Common: --domain-owner ACCOUNT --region REGION --profile NAME --journal-dir DIR
        (default $ARCHLENS_JOURNAL_DIR or ~/.archlens/operation-journals) -f json|text (check).
Exit codes: 0 nothing to report, 1 findings / changes pending / items failed, 2 usage, I/O or AWS error.
`;

interface OriginOptions {
  sub: string;
  positional: string[];
  flags: Map<string, string>;
  switches: Set<string>;
}

const VALUE_FLAGS = new Set(['--domain', '--repository', '--domain-owner', '--region', '--profile', '--journal-dir', '--csv', '--out', '--table', '--export-csv', '--format', '--namespace', '--prefix', '--publish-is', '--upstream-is', '--set-publish', '--set-upstream', '--resume', '--retry-failed', '--failed', '--group', '--set-group', '-f']);
const SWITCHES = new Set(['--auto', '--yes', '--list']);

export function parseOriginArgs(args: readonly string[]): OriginOptions {
  const [sub, ...rest] = args;
  if (!sub || !['plan', 'apply', 'restore', 'check'].includes(sub)) throw new UsageError(`archlens origin needs a subcommand: plan, apply, restore or check`);
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  const positional = scanOptions(rest, (option) => {
    if (SWITCHES.has(option.flag) && !option.hasInlineValue) switches.add(option.flag);
    else if (VALUE_FLAGS.has(option.flag)) flags.set(option.flag === '-f' ? '--output' : option.flag, option.value());
    else throw new UsageError(`unknown option '${option.flag}' for archlens origin ${sub}`);
  });
  return { sub, positional, flags, switches };
}

function restrictionFlag(o: OriginOptions, flag: string): OriginRestriction | undefined {
  const v = o.flags.get(flag);
  if (v === undefined) return undefined;
  if (v !== 'ALLOW' && v !== 'BLOCK') throw new UsageError(`${flag} must be ALLOW or BLOCK`);
  return v;
}

function required(o: OriginOptions, flag: string): string {
  const v = o.flags.get(flag);
  if (!v) throw new UsageError(`archlens origin ${o.sub} needs ${flag}`);
  return v;
}

async function connect(o: OriginOptions, io: CliIo): Promise<{ session: AwsSession; account: string }> {
  const catalog = await loadProfileCatalog(sharedFilePaths(io.env, io.env.HOME || os.homedir()));
  const choice = chooseSource(o.flags.get('--profile'), io.env, catalog);
  if (!choice.source) throw new UsageError('no AWS credentials: set AWS_PROFILE (or --profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  const profile = catalog.profiles.get(choice.source.kind === 'profile' ? choice.source.profile : 'default');
  const { region } = chooseRegion(o.flags.get('--region'), io.env, profile?.settings);
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const opened = openSession({ source: choice.source, catalog, env: io.env, region, timeoutMs: 60_000, log: silent, services: [codeArtifactService, stsService] });
  const identity = await opened.session.identity().whoAmI();
  return { session: opened.session, account: identity.account };
}

function journalStore(o: OriginOptions, io: CliIo): JournalStore {
  const dir = o.flags.get('--journal-dir') ?? io.env.ARCHLENS_JOURNAL_DIR ?? path.join(io.env.HOME || os.homedir(), '.archlens', 'operation-journals');
  return createFileJournalStore(path.resolve(io.cwd, dir));
}

function print(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function readInput(io: CliIo, file: string): string {
  return readTextFile(path.resolve(io.cwd, file), MAX_DOCUMENT_BYTES);
}

async function plan(o: OriginOptions, io: CliIo): Promise<number> {
  if (o.flags.has('--group')) return planGroup(o, io);
  const { session, account } = await connect(o, io);
  try {
    const gateway = session.gateway(codeArtifactService);
    const domainOwner = o.flags.get('--domain-owner');
    const target: OriginPlanTarget = { account, region: session.region, domain: required(o, '--domain'), repository: required(o, '--repository'), ...(domainOwner ? { domainOwner } : {}) };
    const filter: PackageFilter = {
      ...(o.flags.get('--format') ? { format: o.flags.get('--format') as PackageFilter['format'] } : {}),
      ...(o.flags.get('--namespace') ? { namespace: o.flags.get('--namespace')! } : {}),
      ...(o.flags.get('--prefix') ? { prefix: o.flags.get('--prefix')! } : {}),
      ...(restrictionFlag(o, '--publish-is') ? { publish: restrictionFlag(o, '--publish-is')! } : {}),
      ...(restrictionFlag(o, '--upstream-is') ? { upstream: restrictionFlag(o, '--upstream-is')! } : {}),
    };
    let built: BuiltPlan;
    if (o.flags.has('--csv')) built = await originPlanFromManifest(gateway, target, readInput(io, o.flags.get('--csv')!));
    else if (o.switches.has('--auto')) built = await originPlanAuto(gateway, target, filter);
    else {
      const intent: OriginIntent = { ...(restrictionFlag(o, '--set-publish') ? { publish: restrictionFlag(o, '--set-publish')! } : {}), ...(restrictionFlag(o, '--set-upstream') ? { upstream: restrictionFlag(o, '--set-upstream')! } : {}) };
      if (!intent.publish && !intent.upstream) throw new UsageError('say what to set: --set-publish and/or --set-upstream (or use --csv FILE or --auto)');
      built = { plan: await originPlanFromFilter(gateway, target, filter, intent), reasons: new Map(), skipped: [] };
    }
    const dryRun = await runOperation({ plan: built.plan, target: originTarget(gateway, target), mode: 'dry-run' });
    const rows = planRows(built.plan, dryRun, built.reasons);
    const write = (flag: string, text: string): void => {
      const file = o.flags.get(flag);
      if (file) fs.writeFileSync(path.resolve(io.cwd, file), text, { flag: 'wx' });
    };
    write('--out', planToJson(built.plan, rows));
    write('--table', planToMarkdown(built.plan, rows, built.skipped));
    write('--export-csv', planToCsv(rows));
    print(io, { target: built.plan.target, counts: dryRun.counts, items: rows.map((r) => ({ ...r.coordinates, before: r.before, intent: r.intent, status: r.status, ...(r.reason ? { reason: r.reason } : {}) })), skipped: built.skipped });
    return dryRun.counts['would-write'] > 0 ? ExitCode.ErrorFindings : ExitCode.Ok;
  } finally {
    session.dispose();
  }
}

/** `--set-group EXTERNAL_UPSTREAM=BLOCK,PUBLISH=INHERIT` as modes; a usage error names what is wrong. */
function groupModesFlag(o: OriginOptions): Partial<GroupModes> {
  const modes: Partial<Record<GroupRestrictionType, GroupRestrictionMode>> = {};
  for (const part of required(o, '--set-group').split(',')) {
    const [type, mode] = part.split('=').map((x) => x.trim());
    if (!(GROUP_RESTRICTION_TYPES as readonly string[]).includes(type ?? '') || !['ALLOW', 'BLOCK', 'ALLOW_SPECIFIC_REPOSITORIES', 'INHERIT'].includes(mode ?? '')) {
      throw new UsageError(`--set-group takes TYPE=MODE pairs (TYPE: ${GROUP_RESTRICTION_TYPES.join(', ')}; MODE: ALLOW, BLOCK, ALLOW_SPECIFIC_REPOSITORIES, INHERIT), not '${part.slice(0, 100)}'`);
    }
    modes[type as GroupRestrictionType] = mode as GroupRestrictionMode;
  }
  return modes;
}

async function planGroup(o: OriginOptions, io: CliIo): Promise<number> {
  const modes = groupModesFlag(o);
  const { session, account } = await connect(o, io);
  try {
    const gateway = session.gateway(codeArtifactService);
    const calls = gateway.packageGroups();
    const domainOwner = o.flags.get('--domain-owner');
    const domain = { domain: required(o, '--domain'), ...(domainOwner ? { domainOwner } : {}) };
    const pattern = required(o, '--group');
    let groupPlanned: GroupPlan;
    try {
      groupPlanned = groupPlan({ account, region: session.region, ...domain }, pattern, groupState(await calls.describe(domain, pattern)), modes);
    } catch (error) {
      if (error instanceof OperationStop) throw new UsageError(error.message);
      throw error;
    }
    const dryRun = await runOperation({ plan: groupPlanned, target: groupTarget(calls, domain), mode: 'dry-run' });
    const result = dryRun.results[0]!;
    const after = result.desired ?? result.current;
    let covered: unknown[] | undefined;
    const repository = o.flags.get('--repository');
    if (repository && after && !isGroupMissing(after)) {
      const groups: PackageGroupSummary[] = [];
      for await (const page of gateway.packageGroupPages(domain)) groups.push(...page.items);
      const packages: PackageSummary[] = [];
      for await (const page of gateway.packagePages({ ...domain, repository }, {}, { pageSize: 1000 })) packages.push(...page.items);
      covered = groupCoverage(groups, packages, pattern, after.modes).map((c) => ({ ...c.coordinates, before: { publish: c.before.publish.value, upstream: c.before.upstream.value }, after: { publish: c.after.publish.value, upstream: c.after.upstream.value } }));
    }
    print(io, { target: groupPlanned.target, group: pattern, status: result.status, before: groupPlanned.items[0]!.before, after, ...(covered ? { covered } : {}), ...(result.error ? { error: result.error } : {}) });
    return result.status === 'would-write' ? ExitCode.ErrorFindings : result.status === 'failed' ? ExitCode.UsageOrIo : ExitCode.Ok;
  } finally {
    session.dispose();
  }
}

async function run(o: OriginOptions, io: CliIo, planToRun: OriginPlan, parent?: { runId: string; relation: RunRelation }): Promise<number> {
  const target = originTargetOf({ target: planToRun.target } as never);
  if (!target) throw new ManifestError('The plan does not name account, region, domain and repository.');
  if (!o.switches.has('--yes')) throw new UsageError(`this writes to ${planToRun.items.length} package(s) in ${target.domain}/${target.repository} (account ${target.account}, ${target.region}); add --yes to proceed`);
  const { session, account } = await connect(o, io);
  try {
    const mismatch = connectionMismatch(target, { account, region: session.region });
    if (mismatch) throw new UsageError(mismatch.replace('Select a profile of', 'Use credentials of').replace('Select region', 'Use --region'));
    const report: RunReport<unknown> = await runOperation({ plan: planToRun, target: originTarget(session.gateway(codeArtifactService), target), journal: journalStore(o, io), ...ORIGIN_RUN_TUNING, ...(parent ? { parent } : {}) });
    print(io, { runId: report.runId, outcome: report.outcome, counts: report.counts, ...(report.stopReason ? { stopReason: report.stopReason } : {}), failed: report.results.filter((r) => r.status === 'failed').map((r) => ({ key: r.key, error: r.error })) });
    return report.counts.failed > 0 || report.outcome !== 'completed' ? ExitCode.ErrorFindings : ExitCode.Ok;
  } finally {
    session.dispose();
  }
}

async function apply(o: OriginOptions, io: CliIo): Promise<number> {
  const journal = journalStore(o, io);
  for (const [flag, relation, build] of [
    ['--resume', 'resume', remainingPlan],
    ['--retry-failed', 'retry-failed', retryFailedPlan],
  ] as const) {
    const runId = o.flags.get(flag);
    if (runId) return run(o, io, build(await journal.read(runId), originCodec).plan, { runId, relation });
  }
  const file = o.positional[0];
  if (!file) throw new UsageError('archlens origin apply needs PLAN.json (from archlens origin plan --out), or --resume RUN / --retry-failed RUN');
  return run(o, io, planFromJson(readInput(io, file)));
}

async function restore(o: OriginOptions, io: CliIo): Promise<number> {
  const journal = journalStore(o, io);
  if (o.switches.has('--list')) {
    const infos = await journal.list();
    print(io, infos.map((i) => ({ runId: i.runId, operation: i.header?.operation, mode: i.header?.mode, startedAt: i.header?.startedAt, target: i.header?.target, items: i.header?.itemCount, finished: i.finished, ...(i.header?.parent ? { parent: i.header.parent } : {}) })));
    return ExitCode.Ok;
  }
  const failedOf = o.flags.get('--failed');
  if (failedOf) {
    const failed = failedItems(await journal.read(failedOf));
    print(io, failed);
    return failed.length > 0 ? ExitCode.ErrorFindings : ExitCode.Ok;
  }
  const runId = o.positional[0];
  if (!runId) throw new UsageError('archlens origin restore needs RUN (see archlens origin restore --list)');
  // The run and the resumes / retries that continued it: their writes are restored together.
  const infos = await journal.list();
  const chainIds = [runId, ...infos.filter((i) => i.header?.parent?.runId === runId && i.header.parent.relation !== 'restore').map((i) => i.runId)];
  const chain = await Promise.all(chainIds.map((id) => journal.read(id)));
  const recovered = restorePlan(chain, originCodec, restoreIntent);
  for (const s of recovered.skipped) io.stderr.write(`archlens origin: not restored: ${s.key}: ${s.reason}\n`);
  return run(o, io, recovered.plan, { runId, relation: 'restore' });
}

/** Manifests under PATH (a file or a folder), skipping node_modules, .git and hidden folders; bounded. */
function manifestFiles(root: string): string[] {
  const stat = fs.statSync(root);
  if (stat.isFile()) return [root];
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0 && out.length < 10_000) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : -1))) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && entry.name !== 'dist' && entry.name !== 'target') stack.push(path.join(dir, entry.name));
      else if (entry.isFile() && manifestReader(entry.name)) out.push(path.join(dir, entry.name));
    }
  }
  return out.sort();
}

async function check(o: OriginOptions, io: CliIo): Promise<number> {
  const output = o.flags.get('--output') ?? 'json';
  if (output !== 'json' && output !== 'text') throw new UsageError('-f must be json or text');
  const domain = required(o, '--domain');
  const repository = required(o, '--repository');
  const root = path.resolve(io.cwd, o.positional[0] ?? '.');
  const dependencies = manifestFiles(root).flatMap((file) => readManifest(file, readTextFile(file, MAX_DOCUMENT_BYTES)).map((d) => ({ file, d })));
  const { session } = await connect(o, io);
  try {
    const domainOwner = o.flags.get('--domain-owner');
    const location = { domain, repository, ...(domainOwner ? { domainOwner } : {}) };
    const result = await checkDependencies(
      dependencies.map((x) => x.d),
      { gateway: session.gateway(codeArtifactService), location },
    );
    const fileOf = new Map(dependencies.map((x) => [x.d, x.file]));
    const printed = result.findings.map((f) => ({
      file: path.relative(io.cwd, fileOf.get(f.dependency)!) || path.basename(fileOf.get(f.dependency)!),
      line: f.dependency.range.start.line + 1,
      column: f.dependency.range.start.character + 1,
      endLine: f.dependency.range.end.line + 1,
      endColumn: f.dependency.range.end.character + 1,
      severity: 'error',
      rule: CONFUSION_RULE,
      message: f.message,
    }));
    if (output === 'json') io.stdout.write(JSON.stringify(printed, null, 2) + '\n');
    else {
      for (const p of printed) io.stdout.write(`${p.file}:${p.line}:${p.column}: error ${p.message} [${p.rule}]\n`);
      io.stdout.write(`${printed.length} finding(s); ${result.unique} package(s) checked, ${result.inRepository} in ${domain}/${repository}.\n`);
    }
    return printed.length > 0 ? ExitCode.ErrorFindings : ExitCode.Ok;
  } finally {
    session.dispose();
  }
}

/** Runs `archlens origin ...` (argv after `origin`). Never throws. */
export async function runOriginCli(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    io.stdout.write(ORIGIN_HELP);
    return args.length === 0 ? ExitCode.UsageOrIo : ExitCode.Ok;
  }
  try {
    const o = parseOriginArgs(args);
    if (o.sub === 'plan') return await plan(o, io);
    if (o.sub === 'apply') return await apply(o, io);
    if (o.sub === 'restore') return await restore(o, io);
    return await check(o, io);
  } catch (error) {
    const message =
      error instanceof UsageError || error instanceof ManifestError || error instanceof FileReadError
        ? error.message
        : error instanceof AwsError
          ? `${error.message} ${nextStepFor(error)}`.trim()
          : (error as NodeJS.ErrnoException).code === 'EEXIST'
            ? `${(error as NodeJS.ErrnoException).path ?? 'the output file'} exists; ArchLens does not overwrite plans: choose another name.`
            : error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).path === 'string'
              ? `cannot read or write ${(error as NodeJS.ErrnoException).path}: ${(error as NodeJS.ErrnoException).code}`
              : `unexpected ${error instanceof Error ? error.name : typeof error}: ${error instanceof Error ? error.message.slice(0, 300) : ''}`;
    // Credential messages are shared with the extension; on a terminal there is no "VS Code" environment.
    io.stderr.write(`archlens origin: ${message.replace(/ of VS Code/g, '')}\n`);
    return ExitCode.UsageOrIo;
  }
}
