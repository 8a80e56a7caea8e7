// The contract between the AWS connection (profile, region, credentials, endpoint; implemented
// in ./connection/) and the views that use it (./stacks/, ./logs/). Views never resolve
// credentials themselves: they ask for the current services and re-render on `onDidChange`.
import type * as vscode from 'vscode';
import type { AwsServices } from '../../views/awsServices';

/**
 * `archlens.aws.state` context key values, used by the welcome views:
 * - `noCredentials`: no profile, no credential files and no environment credentials;
 * - `noProfileSelected`: profiles exist, but none is selected and none is named `default`
 *   (`lastError` lists them);
 * - `connecting`: credentials are being resolved (e.g. a credential_process or SSO is running);
 * - `ready`: gateways are usable (the account may still be unknown);
 * - `error`: the selected profile failed (message in `lastError`).
 */
export type ConnectionState = 'noCredentials' | 'noProfileSelected' | 'connecting' | 'ready' | 'error';

export interface AwsConnection extends vscode.Disposable {
  readonly state: ConnectionState;
  /** The user-facing reason of the `error` and `noProfileSelected` states. */
  readonly lastError?: string;
  /**
   * Requests go to an endpoint other than AWS's (an emulator, a proxy): links into the AWS
   * console would show another account's (or no) resources. Also the `archlens.aws.customEndpoint`
   * context key.
   */
  readonly customEndpoint: boolean;
  /** Fires when the profile, region, credentials or endpoint change. */
  readonly onDidChange: vscode.Event<void>;
  /** Gateways for the current profile and region, or undefined unless `state` is `ready`. */
  services(): AwsServices | undefined;
  /**
   * Connects on first use (the side bar shown, an AWS command run), never at activation: the
   * extension activates on any YAML or JSON file, and opening one must not run a
   * credential_process, prompt for MFA or call STS. Resolves when the latest attempt has settled.
   */
  ensureStarted(): Promise<void>;
}
