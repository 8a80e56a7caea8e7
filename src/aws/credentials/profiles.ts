// Profile discovery over the shared config and credentials files: which profiles exist, what
// kind of credentials each uses, and what is wrong with them (with file and line), so the
// profile picker can show problems next to the profiles and one broken profile never hides the
// others. Credentials themselves are resolved by @aws-sdk/credential-providers (./providers.ts).
import { readFile as fsReadFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseIniWithLines, type IniEntry, type IniSection } from './ini';

/** How a profile gets credentials, in the order the SDK's `fromIni` checks them. */
export type ProfileKind = 'role' | 'keys' | 'web-identity' | 'process' | 'sso' | 'login' | 'none';

/** A problem located in a file. */
export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** One profile, merged from both files like the SDK does (credentials-file keys win). */
export interface ProfileInfo {
  readonly name: string;
  readonly kind: ProfileKind;
  /** Merged settings with their origin. */
  readonly settings: ReadonlyMap<string, IniEntry & { readonly file: string }>;
  /** Where the profile is declared (first section found). */
  readonly file: string;
  readonly line: number;
  /** Problems in this profile's sections (malformed lines, missing keys, broken chains). */
  readonly problems: FileProblem[];
}

export interface SsoSessionInfo {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly settings: ReadonlyMap<string, IniEntry>;
}

export interface ProfileCatalog {
  readonly configFile: string;
  readonly credentialsFile: string;
  /** Whether each file exists (a missing file is normal, not a problem). */
  readonly found: { readonly config: boolean; readonly credentials: boolean };
  readonly profiles: ReadonlyMap<string, ProfileInfo>;
  readonly ssoSessions: ReadonlyMap<string, SsoSessionInfo>;
  /** `[services name]` sections: per-service endpoint settings referenced by a profile's `services`. */
  readonly services: ReadonlyMap<string, ReadonlyMap<string, IniEntry>>;
  /** Every problem, including those not tied to a profile. */
  readonly problems: FileProblem[];
}

/** The file locations, with the same environment overrides and defaults as the AWS CLI. */
export function sharedFilePaths(env: Readonly<Record<string, string | undefined>>, home = homedir()): { configFile: string; credentialsFile: string } {
  const expand = (path: string): string => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

export type ReadText = (path: string) => Promise<string>;

const defaultRead: ReadText = (path) => fsReadFile(path, 'utf8');

async function readIfExists(path: string, read: ReadText): Promise<string | undefined> {
  try {
    return await read(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Reads and checks both files. Unreadable files become problems, never exceptions. */
export async function loadProfileCatalog(paths: { configFile: string; credentialsFile: string }, read: ReadText = defaultRead): Promise<ProfileCatalog> {
  const problems: FileProblem[] = [];
  const load = async (file: string): Promise<string | undefined> => {
    try {
      return await readIfExists(file, read);
    } catch (error) {
      problems.push({ file, line: 0, message: `cannot be read (${(error as { code?: string }).code ?? 'error'})` });
      return undefined;
    }
  };
  const [configText, credentialsText] = await Promise.all([load(paths.configFile), load(paths.credentialsFile)]);
  return buildCatalog(paths, configText, credentialsText, problems);
}

interface Declared {
  section: IniSection;
  file: string;
}

/** Builds the catalog from file contents (undefined: file absent). */
export function buildCatalog(paths: { configFile: string; credentialsFile: string }, configText: string | undefined, credentialsText: string | undefined, initial: FileProblem[] = []): ProfileCatalog {
  const problems = [...initial];
  const profileSections = new Map<string, Declared[]>();
  const ssoSessions = new Map<string, SsoSessionInfo>();
  const services = new Map<string, Map<string, IniEntry>>();
  const sectionProblems = new Map<string, FileProblem[]>();
  const addProfileSection = (name: string, declared: Declared): void => {
    const list = profileSections.get(name) ?? [];
    list.push(declared);
    profileSections.set(name, list);
  };

  /** Parses one file; its problems are kept for the file and, per section, for the profile picker. */
  const sectionsOf = (file: string, text: string): IniSection[] => {
    const parsed = parseIniWithLines(text);
    for (const p of parsed.problems) {
      const problem = { file, line: p.line, message: p.message };
      problems.push(problem);
      if (p.section !== undefined) pushTo(sectionProblems, `${file}\u0000${p.section}`, problem);
    }
    return parsed.sections;
  };

  if (configText !== undefined) {
    const file = paths.configFile;
    for (const section of sectionsOf(file, configText)) {
      if (section.prefix === 'profile') addProfileSection(section.name, { section, file });
      else if (section.prefix === 'sso-session') ssoSessions.set(section.name, { name: section.name, file, line: section.line, settings: section.entries });
      else if (section.prefix === 'services') services.set(section.name, new Map(section.entries));
      else if (section.name === 'default') addProfileSection('default', { section, file });
      else problems.push({ file, line: section.line, message: `[${section.header}] is ignored in the config file; write [profile ${section.name}]` });
    }
  }
  if (credentialsText !== undefined) {
    const file = paths.credentialsFile;
    for (const section of sectionsOf(file, credentialsText)) {
      if (section.prefix !== undefined) {
        // The SDK names such a section `profile.x`, so it never matches profile `x`.
        problems.push({ file, line: section.line, message: `[${section.header}]: the credentials file names profiles without a prefix; write [${section.name}]` });
        continue;
      }
      addProfileSection(section.name, { section, file });
    }
  }

  const profiles = new Map<string, ProfileInfo>();
  for (const [name, declared] of profileSections) {
    const settings = new Map<string, IniEntry & { file: string }>();
    const own: FileProblem[] = [];
    for (const { section, file } of declared) {
      for (const [key, entry] of section.entries) settings.set(key, { ...entry, file });
      own.push(...(sectionProblems.get(`${file}\u0000${section.header}`) ?? []));
    }
    const first = declared[0]!;
    profiles.set(name, { name, kind: profileKind(settings), settings, file: first.file, line: first.section.line, problems: own });
  }
  for (const profile of profiles.values()) {
    const extra = checkProfile(profile, profiles, ssoSessions);
    profile.problems.push(...extra);
    problems.push(...extra);
  }
  return { configFile: paths.configFile, credentialsFile: paths.credentialsFile, found: { config: configText !== undefined, credentials: credentialsText !== undefined }, profiles, ssoSessions, services, problems };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

const has = (settings: ReadonlyMap<string, unknown>, key: string): boolean => settings.has(key);

/** The SDK's `resolveProfileData` order: role, static keys, web identity, process, SSO, login. */
export function profileKind(settings: ReadonlyMap<string, unknown>): ProfileKind {
  if (has(settings, 'role_arn') && has(settings, 'source_profile') !== has(settings, 'credential_source')) return 'role';
  if (has(settings, 'aws_access_key_id') && has(settings, 'aws_secret_access_key')) return 'keys';
  if (has(settings, 'web_identity_token_file') && has(settings, 'role_arn')) return 'web-identity';
  if (has(settings, 'credential_process')) return 'process';
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) => has(settings, k))) return 'sso';
  if (has(settings, 'login_session')) return 'login';
  return 'none';
}

function at(profile: ProfileInfo, key: string): { file: string; line: number } {
  const entry = profile.settings.get(key);
  return entry ? { file: entry.file, line: entry.line } : { file: profile.file, line: profile.line };
}

function checkProfile(profile: ProfileInfo, all: ReadonlyMap<string, ProfileInfo>, ssoSessions: ReadonlyMap<string, SsoSessionInfo>): FileProblem[] {
  const out: FileProblem[] = [];
  const s = profile.settings;
  if (has(s, 'aws_access_key_id') !== has(s, 'aws_secret_access_key')) {
    const missing = has(s, 'aws_access_key_id') ? 'aws_secret_access_key' : 'aws_access_key_id';
    out.push({ ...at(profile, has(s, 'aws_access_key_id') ? 'aws_access_key_id' : 'aws_secret_access_key'), message: `profile ${profile.name}: ${missing} is missing` });
  }
  if (has(s, 'role_arn') && has(s, 'source_profile') && has(s, 'credential_source')) {
    out.push({ ...at(profile, 'credential_source'), message: `profile ${profile.name}: set either source_profile or credential_source, not both` });
  }
  if (profile.kind === 'role' && has(s, 'source_profile')) {
    const chain = walkSourceProfiles(profile.name, all);
    if (!chain.ok) out.push({ ...at(profile, 'source_profile'), message: chain.message });
  }
  if (profile.kind === 'sso') {
    const sessionName = s.get('sso_session')?.value;
    if (sessionName !== undefined && !ssoSessions.has(sessionName)) {
      out.push({ ...at(profile, 'sso_session'), message: `profile ${profile.name}: sso-session "${sessionName}" is not defined ([sso-session ${sessionName}])` });
    }
    const required = sessionName !== undefined ? ['sso_account_id', 'sso_role_name'] : ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'];
    const missing = required.filter((k) => !has(s, k));
    if (missing.length > 0) out.push({ file: profile.file, line: profile.line, message: `profile ${profile.name}: SSO settings missing: ${missing.join(', ')}` });
  }
  return out;
}

/** The outcome of following `source_profile` links from a role profile. */
export type ChainResult =
  | { readonly ok: true; readonly chain: readonly string[]; readonly leaf: ProfileKind }
  | { readonly ok: false; readonly reason: 'cycle' | 'missing'; readonly chain: readonly string[]; readonly message: string };

/**
 * Follows `source_profile` from `start` the way the SDK does (a source profile with static keys
 * ends the chain, even when it also names a role), and reports a cycle or a missing profile
 * before the SDK is asked: the SDK's own messages do not say which link is broken.
 */
export function walkSourceProfiles(start: string, profiles: ReadonlyMap<string, ProfileInfo>): ChainResult {
  const chain = [start];
  let current = profiles.get(start);
  if (!current) return { ok: false, reason: 'missing', chain, message: `profile ${start} does not exist` };
  for (;;) {
    const source = current.settings.get('source_profile')?.value;
    if (current.kind !== 'role' || source === undefined) return { ok: true, chain, leaf: current.kind };
    const from = current.name;
    const next = profiles.get(source);
    chain.push(source);
    if (!next) return { ok: false, reason: 'missing', chain, message: `profile ${from} has source_profile = ${source}, which does not exist` };
    // Within a chain the SDK takes static keys first, even from a role profile (so a profile
    // may name itself as its source when it holds the keys).
    if (has(next.settings, 'aws_access_key_id') && has(next.settings, 'aws_secret_access_key')) return { ok: true, chain, leaf: 'keys' };
    if (chain.indexOf(source) < chain.length - 1) return { ok: false, reason: 'cycle', chain, message: `source_profile cycle: ${chain.join(' → ')}` };
    current = next;
  }
}

/** `file:line` for messages (line 0: the whole file). */
export function formatLocation(problem: { file: string; line: number }): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
}
