// Words of the connection UI that do not come from src/aws/credentials/presentation.ts: the
// "no profile selected" state and the rows of "Show AWS Connection". Pure (plain data in, text
// out), so the extension's status bar, welcome view and quick pick say what is tested here.

/** Profile names listed in a message at most; the picker shows them all. */
const LISTED_PROFILES = 8;

/**
 * Profiles exist, none is selected (setting, AWS_PROFILE) and none is named `default`: nothing to
 * fall back to, so the user must pick one. Lists the profiles (sorted, at most 8 named).
 */
export function noProfileSelectedMessage(profileNames: Iterable<string>): string {
  const names = [...profileNames].sort((a, b) => a.localeCompare(b));
  const shown = names.slice(0, LISTED_PROFILES).join(', ');
  const more = names.length > LISTED_PROFILES ? ` and ${names.length - LISTED_PROFILES} more` : '';
  const count = `${names.length} profile${names.length === 1 ? '' : 's'}`;
  return `No AWS profile is selected and none is named "default". Your AWS files have ${count} (${shown}${more}): select one.`;
}

/** The status bar text of the `noProfileSelected` state. */
export const NO_PROFILE_SELECTED_STATUS = '$(cloud) AWS: no profile selected';

/** One row of "Show AWS Connection". */
export interface ConnectionRow {
  readonly label: string;
  readonly value: string;
}

/** What "Show AWS Connection" lists, as plain data (the extension fills it from its snapshot). */
export interface ConnectionFacts {
  readonly state: string;
  readonly lastError?: string;
  /** `profile demo`, `environment credentials` or `no credentials`. */
  readonly credentials: string;
  /** How the credentials are obtained (sso, keys, process…), when a session was opened. */
  readonly credentialKind?: string;
  readonly region?: string;
  readonly regionOrigin?: string;
  readonly account?: string;
  readonly arn?: string;
  /** Per service: the endpoint URL (undefined: AWS's own) and where it was configured. */
  readonly endpoints: readonly { readonly service: string; readonly url?: string; readonly origin: string }[];
  readonly files?: { readonly config: string; readonly configFound: boolean; readonly credentials: string; readonly credentialsFound: boolean };
}

/** The rows of "Show AWS Connection", also written to the log. */
export function connectionRows(facts: ConnectionFacts): ConnectionRow[] {
  const rows: ConnectionRow[] = [
    { label: 'State', value: `${facts.state}${facts.lastError ? ` (${facts.lastError})` : ''}` },
    { label: 'Credentials', value: `${facts.credentials}${facts.credentialKind ? ` (${facts.credentialKind})` : ''}` },
    { label: 'Region', value: `${facts.region ?? '-'}${facts.regionOrigin ? ` (from ${facts.regionOrigin})` : ''}` },
    { label: 'Account', value: facts.account ? `${facts.account}${facts.arn ? ` (${facts.arn})` : ''}` : 'unknown' },
  ];
  for (const e of facts.endpoints) rows.push({ label: `Endpoint ${e.service}`, value: `${e.url ?? 'AWS'} (${e.origin})` });
  if (facts.files) {
    const f = facts.files;
    rows.push({ label: 'Files', value: `${f.config}${f.configFound ? '' : ' (missing)'}, ${f.credentials}${f.credentialsFound ? '' : ' (missing)'}` });
  }
  return rows;
}

/** Whether any endpoint is not AWS's own (an emulator or a proxy). */
export function usesCustomEndpoint(endpoints: Iterable<{ readonly url?: string }>): boolean {
  for (const e of endpoints) if (e.url !== undefined && e.url !== '') return true;
  return false;
}
