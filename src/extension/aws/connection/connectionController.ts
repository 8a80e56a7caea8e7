// The AwsConnection: re-reads the AWS files, picks credentials and region, builds a session and
// proves it with STS GetCallerIdentity, and exposes the result as a state the views and welcome
// views follow (`archlens.aws.state`). Every decision is in src/aws/credentials (unit-tested);
// this class sequences them and owns the UI side effects.
import * as vscode from 'vscode';
import { chooseRegion, chooseSource, openSession, verifySession, type OpenedSession } from '../../../aws/credentials/connect';
import { describeFailure, type Remedy } from '../../../aws/credentials/credentialErrors';
import { formatLocation, loadProfileCatalog, sharedFilePaths, type ProfileCatalog } from '../../../aws/credentials/profiles';
import type { CredentialSource } from '../../../aws/credentials/providers';
import type { AwsErrorCode } from '../../../aws/errors';
import type { CallerIdentity } from '../../../aws/identityGateway';
import { redactSecrets } from '../../../aws/redact';
import { createSdkLogger } from '../../../aws/sdkLogger';
import type { SessionLogger } from '../../../aws/session';
import type { AwsServices } from '../../../views/awsServices';
import { noProfileSelectedMessage, usesCustomEndpoint } from '../../../views/connectionText';
import type { AwsConnection, ConnectionState } from '../awsConnection';
import { mfaPrompt, progressOnSlow, PromptGate, showFailure } from './connectionPrompts';
import { readConnectionSettings } from './connectionSettings';

/** STS answered, but not about the credentials: the gateways may still work (e.g. an emulator without STS). */
const SOFT_FAILURES = new Set<AwsErrorCode>(['Throttling', 'InvalidInput', 'NotFound', 'Unknown', 'Conflict', 'QuotaExceeded', 'BadResponse']);

/** What the status bar and the pickers show. */
export interface ConnectionSnapshot {
  readonly state: ConnectionState;
  readonly source?: CredentialSource;
  readonly region?: string;
  readonly regionOrigin?: string;
  readonly identity?: CallerIdentity;
  readonly opened?: OpenedSession;
  readonly catalog?: ProfileCatalog;
  readonly lastError?: string;
  readonly remedy?: Remedy;
}

export class ConnectionController implements AwsConnection {
  private snapshotValue: ConnectionSnapshot = { state: 'connecting' };
  private generation = 0;
  /** The latest connection attempt; undefined until something first needs AWS. */
  private latest: Promise<void> | undefined;
  private inflight: AbortController | undefined;
  private lastNotified: string | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly gate = new PromptGate();
  private readonly viewLog: SessionLogger;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));
    // Views log through this: every line is redacted, error objects are reduced to their message.
    this.viewLog = {
      info: (m) => log.info(redactSecrets(m)),
      warn: (m) => log.warn(redactSecrets(m)),
      error: (m, e) => log.error(redactSecrets(e === undefined ? m : `${m}: ${text(e)}`)),
    };
    this.publish();
  }

  get state(): ConnectionState {
    return this.snapshotValue.state;
  }

  get lastError(): string | undefined {
    return this.snapshotValue.lastError;
  }

  get customEndpoint(): boolean {
    const opened = this.snapshotValue.opened;
    return opened ? usesCustomEndpoint(Object.values(opened.endpoints)) : false;
  }

  get snapshot(): ConnectionSnapshot {
    return this.snapshotValue;
  }

  services(): AwsServices | undefined {
    return this.snapshotValue.state === 'ready' ? this.snapshotValue.opened?.session : undefined;
  }

  /** Re-reads the AWS files only (for the profile picker). */
  async readProfiles(): Promise<ProfileCatalog> {
    return loadProfileCatalog(sharedFilePaths(process.env));
  }

  /**
   * (Re)connects with the current settings, files and environment; supersedes any connection in
   * progress. `catalog`: the AWS files as just read by the caller, so they are not read twice.
   */
  connect(reason: string, catalog?: ProfileCatalog): Promise<void> {
    const attempt = this.attempt(reason, catalog);
    this.latest = attempt;
    return attempt;
  }

  /** Whether anything asked for AWS yet (see `AwsConnection.ensureStarted`). */
  get started(): boolean {
    return this.latest !== undefined;
  }

  ensureStarted(): Promise<void> {
    return (this.latest ?? this.connect('first use')).catch(() => undefined);
  }

  private async attempt(reason: string, catalog?: ProfileCatalog): Promise<void> {
    const generation = ++this.generation;
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    if (this.snapshotValue.opened) {
      // Views must stop using the old session's clients before they are destroyed.
      const { opened, ...rest } = this.snapshotValue;
      this.update({ ...rest, state: 'connecting', identity: undefined });
      opened.session.dispose();
    }
    const settings = readConnectionSettings();
    const env = { ...process.env };
    catalog ??= await loadProfileCatalog(sharedFilePaths(env));
    if (generation !== this.generation) return;
    this.log.info(`AWS: connecting (${reason}).`);
    for (const problem of catalog.problems) this.log.warn(`AWS config: ${formatLocation(problem)} ${problem.message}`);
    if (settings.ignoredWorkspaceEndpoint !== undefined) {
      this.log.warn('AWS: ignoring archlens.aws.endpointUrl from the workspace settings: this workspace is not trusted.');
    }
    const choice = chooseSource(settings.profile, env, catalog);
    if (!choice.source) {
      // Normal first-run states, not errors: the welcome view explains and offers Select Profile.
      if (choice.reason === 'noSelection') {
        this.log.info('AWS: profiles found, but none is selected and none is named default.');
        const lastError = noProfileSelectedMessage(catalog.profiles.keys());
        this.update({ state: 'noProfileSelected', catalog, lastError, remedy: { kind: 'selectProfile' } });
        // The welcome content cannot list the profiles; this says which there are, once.
        if (this.lastNotified !== lastError) {
          this.lastNotified = lastError;
          void vscode.window.showInformationMessage(`ArchLens: ${lastError}`, 'Select Profile').then((choice) => {
            if (choice) void vscode.commands.executeCommand('archlens.aws.selectProfile');
          });
        }
      } else {
        this.update({ state: 'noCredentials', catalog });
      }
      return;
    }
    const source = choice.source;
    // Environment keys take the region of the default profile, as in the AWS CLI.
    const profileInfo = catalog.profiles.get(source.kind === 'profile' ? source.profile : 'default');
    const { region, origin: regionOrigin } = chooseRegion(settings.region, env, profileInfo?.settings);
    const label = source.kind === 'profile' ? `profile ${source.profile}` : 'environment credentials';
    this.update({ state: 'connecting', source, region, regionOrigin, catalog });
    let opened: OpenedSession;
    try {
      opened = openSession({
        source,
        catalog,
        env,
        region,
        endpointSetting: settings.endpointUrl,
        timeoutMs: settings.credentialProcessTimeoutMs,
        onSlow: progressOnSlow(() => label, this.gate),
        mfaCodeProvider: source.kind === 'profile' ? mfaPrompt(source.profile, this.gate) : undefined,
        onCredentialFailure: (failure) => {
          // Credentials that stop working mid-session (SSO expired, credential_process broken):
          // the connection is no longer usable; say so once, with the remedy.
          if (generation === this.generation && this.snapshotValue.state === 'ready' && failure.error.code !== 'Cancelled') {
            this.fail(failure, { ...this.snapshotValue });
          }
        },
        log: this.viewLog,
        sdkLogger: settings.debugLogging ? createSdkLogger({ debug: (m) => this.log.debug(m) }) : undefined,
      });
    } catch (error) {
      this.fail(describeFailure(error, { profile: source.kind === 'profile' ? source.profile : undefined }), { source, region, regionOrigin, catalog });
      return;
    }
    for (const [service, endpoint] of Object.entries(opened.endpoints)) {
      if (endpoint.url) this.log.info(`AWS: ${service} endpoint ${endpoint.url} (from ${endpoint.origin}).`);
    }
    this.update({ state: 'connecting', source, region, regionOrigin, catalog, opened });
    try {
      const identity = await verifySession(opened, controller.signal);
      if (generation !== this.generation) return;
      this.lastNotified = undefined;
      this.log.info(`AWS: connected as ${identity.arn} (account ${identity.account}) in ${region}.`);
      this.update({ state: 'ready', source, region, regionOrigin, catalog, opened, identity });
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = describeFailure(error, opened.failureContext);
      if (SOFT_FAILURES.has(failure.error.code)) {
        this.log.warn(`AWS: could not confirm the account (${failure.error.message}); the views will try anyway.`);
        this.update({ state: 'ready', source, region, regionOrigin, catalog, opened });
        return;
      }
      this.fail(failure, { source, region, regionOrigin, catalog, opened });
    }
  }

  private fail(failure: ReturnType<typeof describeFailure>, context: Omit<ConnectionSnapshot, 'state'>): void {
    const { error, remedy } = failure;
    if (error.code === 'Cancelled') {
      this.log.info('AWS: connecting was cancelled.');
      this.update({ ...context, state: 'error', lastError: 'Connecting was cancelled. Reconnect to try again.', remedy: undefined });
      return;
    }
    this.log.error(`AWS: ${error.message}`);
    this.update({ ...context, state: 'error', lastError: error.message, remedy });
    // The same failure again (e.g. after every edit of ~/.aws/config) is not re-notified.
    if (this.lastNotified === error.message) return;
    this.lastNotified = error.message;
    // A remedy action can fail too (e.g. "Open File" on a file deleted since): log it, never reject unhandled.
    showFailure(error.message, remedy, this.log).catch((actionError: unknown) => this.log.error(`AWS: the remedy action failed: ${actionError instanceof Error ? actionError.message : String(actionError)}`));
  }

  private update(next: ConnectionSnapshot): void {
    this.snapshotValue = next;
    this.publish();
    this.emitter.fire();
  }

  private publish(): void {
    void vscode.commands.executeCommand('setContext', 'archlens.aws.state', this.snapshotValue.state);
    // Hides "Open in AWS Console" where it would open the real console for an emulator's stack.
    void vscode.commands.executeCommand('setContext', 'archlens.aws.customEndpoint', this.customEndpoint);
  }

  dispose(): void {
    this.generation++;
    this.inflight?.abort();
    this.snapshotValue.opened?.session.dispose();
    this.emitter.dispose();
  }
}
