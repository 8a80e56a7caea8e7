// The one typed accessor for the `archlens.aws.*` settings (package.json is the source of truth
// for keys, scopes and defaults). In an untrusted workspace the endpoint is taken from the user
// settings only: a cloned repository must not be able to send our signed requests elsewhere.
import * as vscode from 'vscode';
import { endpointSettingFor } from '../../../aws/endpoints';

export interface ConnectionSettings {
  /** '' = AWS_PROFILE / environment keys / default. */
  readonly profile: string;
  /** '' = AWS_REGION / profile region / us-east-1. */
  readonly region: string;
  /** The endpoint override we may honour ('' = none). */
  readonly endpointUrl: string;
  /** Set when a workspace value was ignored because the workspace is not trusted. */
  readonly ignoredWorkspaceEndpoint?: string;
  readonly credentialProcessTimeoutMs: number;
  readonly debugLogging: boolean;
}

const SECTION = 'archlens.aws';

function clampSeconds(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : 60;
  return Math.min(600, Math.max(1, n)) * 1000;
}

export function readConnectionSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const endpoint = endpointSettingFor(config.inspect<string>('endpointUrl'), vscode.workspace.isTrusted);
  return {
    profile: config.get<string>('profile') ?? '',
    region: config.get<string>('region') ?? '',
    endpointUrl: endpoint.value,
    ignoredWorkspaceEndpoint: endpoint.ignoredWorkspaceValue,
    credentialProcessTimeoutMs: clampSeconds(config.get<number>('credentialProcessTimeoutSeconds')),
    debugLogging: config.get<boolean>('debugLogging') ?? false,
  };
}

/** Persists a choice in the user settings (the settings are application-scoped). */
export async function saveConnectionSetting(key: 'profile' | 'region', value: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Whether a configuration change concerns the connection. */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
