// Which interrupted origin-control runs to offer "resume or restore" for, and whether the current
// connection is the one they ran on: a resume must never write to another account or region.
import type { HeaderRecord, JournalInfo } from '../journal';
import { unfinishedJournals } from '../recovery';
import { ORIGIN_OPERATION, type OriginPlanTarget } from './originOperation';

/** Apply runs of origin controls that never finished and were not resumed or restored since. */
export function unfinishedOriginRuns(infos: readonly JournalInfo[]): JournalInfo[] {
  return unfinishedJournals(infos).filter((info) => info.header?.operation === ORIGIN_OPERATION && originTargetOf(info.header) !== undefined);
}

/** The run's target from its journal header, or undefined when a field is missing (an edited file). */
export function originTargetOf(header: HeaderRecord | undefined): OriginPlanTarget | undefined {
  const t = header?.target;
  if (!t) return undefined;
  const field = (name: string): string | undefined => (Object.hasOwn(t, name) && typeof t[name] === 'string' && t[name] !== '' ? t[name] : undefined);
  const [account, region, domain, repository] = [field('account'), field('region'), field('domain'), field('repository')];
  if (account === undefined || region === undefined || domain === undefined || repository === undefined) return undefined;
  const domainOwner = field('domainOwner');
  return { account, region, domain, repository, ...(domainOwner ? { domainOwner } : {}) };
}

/** Why the connection cannot continue the run (another account or region), or undefined. */
export function connectionMismatch(target: Pick<OriginPlanTarget, 'account' | 'region'>, connection: { readonly account: string; readonly region: string }): string | undefined {
  if (target.account !== connection.account) return `The run was made in account ${target.account}; the connection is to account ${connection.account || 'unknown'}. Select a profile of account ${target.account} first.`;
  if (target.region !== connection.region) return `The run was made in ${target.region}; the connection is to ${connection.region}. Select region ${target.region} first.`;
  return undefined;
}

/** What the start-up offer says and acts on: the newest unfinished run, and how many there are. */
export interface RecoveryOffer {
  readonly run: JournalInfo;
  readonly target: OriginPlanTarget;
  /** Unfinished runs in all (the others are in the runs picker). */
  readonly count: number;
  readonly message: string;
}

/** The offer for `infos` (a journal listing), or undefined when every run finished or was handled. */
export function recoveryOffer(infos: readonly JournalInfo[]): RecoveryOffer | undefined {
  const runs = unfinishedOriginRuns(infos);
  const run = runs.at(-1);
  const target = originTargetOf(run?.header);
  if (!run || !target) return undefined;
  const where = `${target.domain}/${target.repository} (account ${target.account}, ${target.region})`;
  const others = runs.length > 1 ? ` ${runs.length - 1} other unfinished run(s) are listed in Origin-Control Runs….` : '';
  return { run, target, count: runs.length, message: `ArchLens: an origin-control change in ${where}, started ${run.header?.startedAt ?? 'earlier'}, did not finish.${others}` };
}
