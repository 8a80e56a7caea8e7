// Types for codeServer.mjs, so the TypeScript integration tests can import it.
import type { InstallResult } from './installCodeServer.mjs';

export declare const repoRoot: string;
export declare const EXTENSION_ID: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function checkChromium(): void;
export declare const QUIET_SETTINGS: Record<string, unknown>;
export declare function freePort(): Promise<number>;
export declare function writeUserSettings(userDataDir: string, settings?: Record<string, unknown>): void;
export declare function packageExtension(out: string): string;
export declare function installVsix(options: { install: InstallResult; vsix: string; extensionsDir: string; userDataDir: string }): string;
export declare function listExtensions(options: { install: InstallResult; extensionsDir: string; userDataDir: string }): string[];
export interface RunningCodeServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export declare function startCodeServer(options: {
  install: InstallResult;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  trust: boolean;
  port?: number;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  /** Extra environment for code-server and its extension hosts. */
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningCodeServer>;
export declare function tail(file: string, lines?: number): string;
