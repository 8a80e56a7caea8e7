// Builds the credential provider for a selection, over @aws-sdk/credential-providers (never a
// re-implementation): `fromIni` for profiles (it handles static keys, source_profile / role
// chains, credential_process, SSO sessions, web identity and MFA through `mfaCodeProvider`) and
// `fromEnv` for AWS_* environment variables. What we add around it: a check of the source_profile
// chain before the SDK runs (the SDK's messages do not name the broken link), the file paths
// passed explicitly, and the cache bypass so edited files are re-read on reconnect.
import type { SdkLogger } from '../sdkLogger';
import { fileProblemError } from './credentialErrors';
import { walkSourceProfiles, type ProfileCatalog } from './profiles';
import type { CredentialProvider } from './sessionCredentials';
import type * as CredentialProvidersSdk from '@aws-sdk/credential-providers';

/** Where credentials come from: a named profile, or the AWS_* environment variables. */
export type CredentialSource = { readonly kind: 'profile'; readonly profile: string } | { readonly kind: 'env' };

/** Asks the user for the current code of the MFA device `serial`; rejects with an AbortError on cancel. */
export type MfaCodePrompt = (serial: string) => Promise<string>;

export interface ProviderOptions {
  readonly source: CredentialSource;
  readonly catalog: ProfileCatalog;
  readonly mfaCodeProvider?: MfaCodePrompt;
  /** The endpoint for STS AssumeRole in a role chain (emulators); undefined: AWS. */
  readonly stsEndpoint?: string;
  /** Region for the nested STS client of a role chain; default: the profile's or the caller's. */
  readonly region?: string;
  readonly logger?: SdkLogger;
}

/** Rejects with a NoCredentials AwsError naming the broken link, when there is one. */
export function checkSourceChain(catalog: ProfileCatalog, profile: string): void {
  const info = catalog.profiles.get(profile);
  if (!info) throw fileProblemError(profile, `profile ${profile} does not exist in ${catalog.configFile} or ${catalog.credentialsFile}`);
  if (info.kind !== 'role' || !info.settings.has('source_profile')) return;
  const chain = walkSourceProfiles(profile, catalog.profiles);
  if (!chain.ok) {
    // The broken link: the source_profile line of the last profile that names a missing or repeated one.
    const culprit = catalog.profiles.get(chain.chain[chain.chain.length - 2]!) ?? info;
    const where = culprit.settings.get('source_profile');
    const location = where ? { file: where.file, line: where.line } : undefined;
    const prefix = chain.reason === 'cycle' ? `profile ${profile}: ` : '';
    throw fileProblemError(profile, `${prefix}${chain.message}${location ? ` (${location.file}:${location.line})` : ''}`, location);
  }
}

/** The SDK provider for `source`. Chain problems are reported when the provider is called. */
export function buildCredentialProvider(options: ProviderOptions): CredentialProvider {
  // Required on the first connection, not imported: the providers bring the SSO, STS and
  // identity clients, which the extension must not evaluate while it starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fromEnv, fromIni } = require('@aws-sdk/credential-providers') as typeof CredentialProvidersSdk;
  const { source, catalog, logger } = options;
  if (source.kind === 'env') return fromEnv({ logger });
  const profile = source.profile;
  const info = catalog.profiles.get(profile);
  const chain = info ? walkSourceProfiles(profile, catalog.profiles) : undefined;
  const clientConfig: Record<string, unknown> = {};
  // The nested STS client (AssumeRole) follows the emulator endpoint; an SSO leaf must still reach
  // the real IAM Identity Center portal, and fromIni hands `clientConfig` to the SSO client too.
  if (options.stsEndpoint !== undefined && !(chain?.ok && chain.leaf === 'sso')) clientConfig.endpoint = options.stsEndpoint;
  if (options.region !== undefined) clientConfig.region = options.region;
  if (logger) clientConfig.logger = logger;
  const provider = fromIni({
    profile,
    filepath: catalog.credentialsFile,
    configFilepath: catalog.configFile,
    // The SDK caches file contents for the process lifetime; reconnecting must see edits.
    ignoreCache: true,
    mfaCodeProvider: options.mfaCodeProvider,
    clientConfig,
    logger,
  });
  return (async (ctx?: Parameters<CredentialProvider>[0]) => {
    checkSourceChain(catalog, profile);
    return provider(ctx);
  }) as CredentialProvider;
}
