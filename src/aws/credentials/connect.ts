// The connection's decisions, free of UI so they are unit-tested: which credentials and region
// to use, which endpoints, and building + verifying a session (credentials, then STS
// GetCallerIdentity). The extension (src/extension/aws/connection/) only adds prompts, progress
// and the status bar around these.
import { AwsError } from '../errors';
import { resolveEndpoint, resolveEndpoints, type EndpointInput, type ResolvedEndpoints } from '../endpoints';
import type { CallerIdentity } from '../identityGateway';
import { DEFAULT_REGION } from '../regions';
import type { SdkLogger } from '../sdkLogger';
import { CONNECTION_SERVICES } from '../services/registry';
import type { AwsService } from '../services/serviceDescriptor';
import { stsService } from '../services/sts';
import { AwsSession, type AwsSessionOptions, type SessionLogger } from '../session';
import { describeFailure, type ConnectionFailure, type FailureContext } from './credentialErrors';
import type { ProfileCatalog, ProfileKind } from './profiles';
import { buildCredentialProvider, type CredentialSource, type MfaCodePrompt } from './providers';
import { SessionCredentials, type SlowResolution } from './sessionCredentials';

export type Env = Readonly<Record<string, string | undefined>>;

/** The `archlens.aws.profile` value that selects AWS_* environment-variable credentials. */
export const ENV_PROFILE_SETTING = '(environment)';

export function hasEnvCredentials(env: Env): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

export type SourceChoice =
  | { readonly source: CredentialSource; readonly origin: string }
  /** Nothing at all: no files, no environment credentials (the welcome view, no error). */
  | { readonly source: undefined; readonly reason: 'noCredentials' }
  /** Profiles exist but none is selected and there is no `default`. */
  | { readonly source: undefined; readonly reason: 'noSelection' };

/**
 * Which credentials to use, in the AWS CLI's order: the setting (an explicit choice), then
 * AWS_PROFILE, then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then the `default` profile.
 */
export function chooseSource(settingProfile: string | undefined, env: Env, catalog: ProfileCatalog): SourceChoice {
  const setting = settingProfile?.trim();
  if (setting === ENV_PROFILE_SETTING) return { source: { kind: 'env' }, origin: 'setting archlens.aws.profile' };
  if (setting) return { source: { kind: 'profile', profile: setting }, origin: 'setting archlens.aws.profile' };
  const fromEnv = env.AWS_PROFILE?.trim() || env.AWS_DEFAULT_PROFILE?.trim();
  if (fromEnv) return { source: { kind: 'profile', profile: fromEnv }, origin: 'AWS_PROFILE' };
  if (hasEnvCredentials(env)) return { source: { kind: 'env' }, origin: 'AWS_ACCESS_KEY_ID' };
  if (catalog.profiles.has('default')) return { source: { kind: 'profile', profile: 'default' }, origin: 'default profile' };
  return catalog.profiles.size > 0 ? { source: undefined, reason: 'noSelection' } : { source: undefined, reason: 'noCredentials' };
}

/** The region: the setting, then AWS_REGION / AWS_DEFAULT_REGION, then the profile's `region`, then us-east-1. */
export function chooseRegion(settingRegion: string | undefined, env: Env, profile: ReadonlyMap<string, { value: string }> | undefined): { region: string; origin: string } {
  const setting = settingRegion?.trim();
  if (setting) return { region: setting, origin: 'setting archlens.aws.region' };
  if (env.AWS_REGION?.trim()) return { region: env.AWS_REGION.trim(), origin: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION?.trim()) return { region: env.AWS_DEFAULT_REGION.trim(), origin: 'AWS_DEFAULT_REGION' };
  const fromProfile = profile?.get('region')?.value;
  if (fromProfile) return { region: fromProfile, origin: 'profile region' };
  return { region: DEFAULT_REGION, origin: 'default' };
}

export interface OpenSessionOptions {
  readonly source: CredentialSource;
  readonly catalog: ProfileCatalog;
  readonly env: Env;
  readonly region: string;
  /** `archlens.aws.endpointUrl` as the caller is allowed to honour it (trust already applied). */
  readonly endpointSetting?: string;
  /** credential_process / resolution time box. */
  readonly timeoutMs: number;
  readonly onSlow?: (run: SlowResolution) => void;
  readonly mfaCodeProvider?: MfaCodePrompt;
  /** Every failed credential resolution (also later ones, e.g. SSO expiring mid-session), described. */
  readonly onCredentialFailure?: (failure: ConnectionFailure) => void;
  readonly log: SessionLogger;
  readonly sdkLogger?: SdkLogger;
  readonly tuning?: Pick<AwsSessionOptions, 'maxAttempts' | 'retry' | 'requestTimeoutMs'>;
  /** Services whose endpoints are resolved and checked now (default `CONNECTION_SERVICES`); others resolve on first use. */
  readonly services?: readonly AwsService<unknown>[];
}

/** A session with the credentials and endpoints it was built from. */
export interface OpenedSession {
  readonly session: AwsSession;
  readonly credentials: SessionCredentials;
  /** The endpoints of the connection's services, by service id (shown in the connection details). */
  readonly endpoints: ResolvedEndpoints;
  readonly source: CredentialSource;
  readonly kind: ProfileKind | 'env';
  readonly failureContext: FailureContext;
}

/** Builds the session (nothing is resolved or sent yet). Throws an AwsError for an unusable endpoint. */
export function openSession(options: OpenSessionOptions): OpenedSession {
  const { source, catalog, env, region } = options;
  const profile = source.kind === 'profile' ? catalog.profiles.get(source.profile) : undefined;
  const kind: ProfileKind | 'env' = source.kind === 'env' ? 'env' : (profile?.kind ?? 'none');
  const failureContext: FailureContext = {
    profile: source.kind === 'profile' ? source.profile : undefined,
    kind,
    region,
    timeoutSeconds: Math.round(options.timeoutMs / 1000),
  };
  const endpointInput: EndpointInput = {
    setting: options.endpointSetting,
    env,
    profileName: source.kind === 'profile' ? source.profile : undefined,
    profile: profile?.settings,
    services: catalog.services,
  };
  const endpoints = resolveEndpoints(options.services ?? CONNECTION_SERVICES, endpointInput);
  const bad = Object.values(endpoints).find((e) => e.problem !== undefined);
  if (bad) throw new AwsError('InvalidInput', 'Endpoint', bad.origin, `${bad.origin}: ${bad.problem}`);
  const stsEndpoint = (Object.hasOwn(endpoints, stsService.id) ? endpoints[stsService.id] : undefined) ?? resolveEndpoint(stsService, endpointInput);
  const credentials = new SessionCredentials(
    buildCredentialProvider({ source, catalog, mfaCodeProvider: options.mfaCodeProvider, stsEndpoint: stsEndpoint.url, region, logger: options.sdkLogger }),
    {
      timeoutMs: options.timeoutMs,
      onSlow: options.onSlow,
      mapError: (error) => {
        const failure = describeFailure(error, failureContext);
        options.onCredentialFailure?.(failure);
        return failure.error;
      },
    },
  );
  const session = new AwsSession({
    profile: failureContext.profile,
    region,
    credentials: credentials.provider,
    endpointFor: (service) => (Object.hasOwn(endpoints, service.id) ? endpoints[service.id] : undefined) ?? resolveEndpoint(service, endpointInput),
    log: options.log,
    sdkLogger: options.sdkLogger,
    ...options.tuning,
  });
  return { session, credentials, endpoints, source, kind, failureContext };
}

/**
 * Proves the session works: resolves credentials (time-boxed, cancellable) and asks STS who we
 * are. Rejects with an AwsError whose message names the profile and the next step
 * (`remedyFor(error)` gives the action, e.g. `aws sso login --profile x`).
 */
export async function verifySession(opened: OpenedSession, signal?: AbortSignal): Promise<CallerIdentity> {
  try {
    await opened.credentials.resolve({ signal });
    return await opened.session.identity().whoAmI({ signal });
  } catch (error) {
    throw describeFailure(error, opened.failureContext).error;
  }
}
