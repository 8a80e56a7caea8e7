// Text for the connection UI (profile picker rows, status bar), computed here so it is tested.
// Nothing here ever includes a key, a token or a credential_process command line.
import { ENV_PROFILE_SETTING, hasEnvCredentials, type Env } from './connect';
import { formatLocation, walkSourceProfiles, type FileProblem, type ProfileCatalog, type ProfileInfo, type ProfileKind } from './profiles';
import type { CredentialSource } from './providers';

/** One row of the profile picker. */
export interface ProfilePick {
  /** What `archlens.aws.profile` is set to when picked. */
  readonly value: string;
  readonly label: string;
  /** Kind: sso / process / keys / role / env ... */
  readonly description: string;
  /** Problems as `file:line message`, joined; undefined when there are none. */
  readonly detail?: string;
  readonly problems: readonly FileProblem[];
  readonly current: boolean;
}

const KIND_LABEL: Record<ProfileKind, string> = {
  sso: 'sso',
  process: 'process',
  keys: 'keys',
  role: 'role',
  'web-identity': 'web identity',
  login: 'console login',
  none: 'no credentials',
};

function describeKind(profile: ProfileInfo, catalog: ProfileCatalog): string {
  if (profile.kind === 'role') {
    const source = profile.settings.get('source_profile')?.value;
    if (source === undefined) return `role via ${profile.settings.get('credential_source')?.value ?? 'credential_source'}`;
    const chain = walkSourceProfiles(profile.name, catalog.profiles);
    const mfa = profile.settings.has('mfa_serial') ? ', MFA' : '';
    return chain.ok ? `role via ${chain.chain.slice(1).join(' → ')} (${chain.leaf})${mfa}` : `role via ${source}${mfa}`;
  }
  if (profile.kind === 'sso') {
    const session = profile.settings.get('sso_session')?.value;
    const account = profile.settings.get('sso_account_id')?.value;
    return ['sso', session && `session ${session}`, account].filter(Boolean).join(' · ');
  }
  return KIND_LABEL[profile.kind];
}

/** Picker rows: every profile (sorted, `default` first), then environment credentials if present. */
export function profilePicks(catalog: ProfileCatalog, env: Env, current?: CredentialSource): ProfilePick[] {
  const names = [...catalog.profiles.keys()].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  const rows: ProfilePick[] = names.map((name) => {
    const profile = catalog.profiles.get(name)!;
    const problems = profile.problems;
    return {
      value: name,
      label: name,
      description: describeKind(profile, catalog),
      detail: problems.length > 0 ? problems.map((p) => `${formatLocation(p)} ${p.message}`).join('; ') : undefined,
      problems,
      current: current?.kind === 'profile' && current.profile === name,
    };
  });
  if (hasEnvCredentials(env)) {
    rows.push({
      value: ENV_PROFILE_SETTING,
      label: 'Environment variables',
      description: env.AWS_SESSION_TOKEN ? 'env · temporary (AWS_SESSION_TOKEN)' : 'env',
      problems: [],
      current: current?.kind === 'env',
    });
  }
  return rows;
}

/** File problems not tied to a listed profile (e.g. a broken section header), for the picker's footer. */
export function orphanProblems(catalog: ProfileCatalog): FileProblem[] {
  const attached = new Set([...catalog.profiles.values()].flatMap((p) => p.problems));
  return catalog.problems.filter((p) => !attached.has(p));
}

export type StatusState = 'noCredentials' | 'connecting' | 'ready' | 'error';

export interface StatusInput {
  readonly state: StatusState;
  readonly source?: CredentialSource;
  readonly region?: string;
  readonly account?: string;
  /** True when any endpoint is overridden (an emulator). */
  readonly customEndpoint?: boolean;
}

/** The status bar text, e.g. `$(cloud) demo · us-east-1 · 123456789012`. */
export function statusText(input: StatusInput): string {
  if (input.state === 'noCredentials' || !input.source) return '$(cloud) AWS: no credentials';
  const who = input.source.kind === 'env' ? 'env' : input.source.profile;
  const icon = input.state === 'connecting' ? '$(loading~spin)' : input.state === 'error' ? '$(warning)' : '$(cloud)';
  const parts = [who, input.region ?? ''];
  if (input.state === 'ready' && input.account) parts.push(input.account);
  if (input.customEndpoint) parts.push('custom endpoint');
  return `${icon} ${parts.filter(Boolean).join(' · ')}`;
}
