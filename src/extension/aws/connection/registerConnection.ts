// Composition of the AWS connection: the controller (the AwsConnection the views use), its status
// bar item, the archlens.aws.* commands, and the triggers that reconnect: settings, workspace
// trust, edits of the AWS files, and a fresh SSO token after `aws sso login`.
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { sharedFilePaths, type ProfileCatalog } from '../../../aws/credentials/profiles';
import type { AwsConnection } from '../awsConnection';
import { registerAwsCommand } from '../awsCommand';
import { ConnectionController } from './connectionController';
import { connectionMenu, pickProfile, pickRegion, showConnection } from './connectionPickers';
import { affectsConnection } from './connectionSettings';
import { registerStatusItem } from './connectionStatusItem';

/** Creates the connection; it connects on first use (`ensureStarted`), not at activation. */
export function registerConnection(_context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AwsConnection {
  const controller = new ConnectionController(log);
  const reconnect = (reason: string, catalog?: ProfileCatalog): void => {
    controller.connect(reason, catalog).catch((error: unknown) => log.error(`AWS: connecting failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`));
  };
  const disposables: vscode.Disposable[] = [
    registerStatusItem(controller),
    registerAwsCommand('archlens.aws.selectProfile', log, { what: 'Selecting the AWS profile' }, () => pickProfile(controller)),
    registerAwsCommand('archlens.aws.selectRegion', log, { what: 'Selecting the AWS region' }, () => pickRegion(controller)),
    registerAwsCommand('archlens.aws.showConnection', log, { what: 'Showing the AWS connection' }, () => showConnection(controller, log)),
    registerAwsCommand('archlens.aws.reconnect', log, { what: 'Reconnecting to AWS' }, () => reconnect('reconnect requested')),
    // Internal (the status bar item's click); not contributed to the palette.
    registerAwsCommand('archlens.aws.connectionMenu', log, { what: 'The AWS connection menu' }, () => connectionMenu()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event)) reconnect('settings changed');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (controller.started) reconnect('workspace trusted');
    }),
    ...watchAwsFiles(controller, reconnect),
  ];
  const dispose = (): void => {
    for (const d of disposables) d.dispose();
    controller.dispose();
  };
  return {
    get state() {
      return controller.state;
    },
    get lastError() {
      return controller.lastError;
    },
    get customEndpoint() {
      return controller.customEndpoint;
    },
    onDidChange: controller.onDidChange,
    services: () => controller.services(),
    ensureStarted: () => controller.ensureStarted(),
    dispose,
  };
}

/** Watches the config and credentials files (they may not exist yet) and the SSO token cache. */
function watchAwsFiles(controller: ConnectionController, reconnect: (reason: string, catalog?: ProfileCatalog) => void): vscode.Disposable[] {
  const { configFile, credentialsFile } = sharedFilePaths(process.env);
  let timer: NodeJS.Timeout | undefined;
  const fingerprintOf = (catalog: ProfileCatalog | undefined): string => {
    const s = controller.snapshot;
    const profile = s.source?.kind === 'profile' ? catalog?.profiles.get(s.source.profile) : undefined;
    return JSON.stringify([s.source, profile ? [...profile.settings].map(([k, v]) => [k, v.value]) : null]);
  };
  const onFilesChanged = (): void => {
    if (!controller.started) return;
    clearTimeout(timer);
    // Editors save in several steps; one re-read per burst.
    timer = setTimeout(() => {
      controller
        .readProfiles()
        .then((catalog) => {
          // Reconnect only when the selected profile's settings changed (re-running a
          // credential_process or an MFA prompt on every unrelated edit would be hostile), or
          // when not connected (a fix may have made it work).
          if (controller.snapshot.state !== 'ready' || fingerprintOf(catalog) !== fingerprintOf(controller.snapshot.catalog)) reconnect('AWS files changed', catalog);
        })
        .catch(() => reconnect('AWS files changed'));
    }, 500);
  };
  const watch = (file: string): vscode.FileSystemWatcher => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(file)), basename(file)));
  const watchers = [...new Set([configFile, credentialsFile])].map(watch);
  for (const w of watchers) {
    w.onDidCreate(onFilesChanged);
    w.onDidChange(onFilesChanged);
    w.onDidDelete(onFilesChanged);
  }
  // After `aws sso login` a new token lands in the cache: retry a connection that failed for it.
  // The SDK reads the token cache from $HOME/.aws/sso/cache, wherever AWS_CONFIG_FILE points.
  const ssoCache = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(join(process.env.HOME || homedir(), '.aws', 'sso', 'cache')), '*.json'));
  const onToken = (): void => {
    if (controller.started && controller.snapshot.state === 'error' && controller.snapshot.remedy?.kind === 'ssoLogin') reconnect('new SSO token');
  };
  ssoCache.onDidCreate(onToken);
  ssoCache.onDidChange(onToken);
  return [...watchers, ssoCache, new vscode.Disposable(() => clearTimeout(timer))];
}
