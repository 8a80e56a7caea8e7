// Types for installCodeServer.mjs, so the TypeScript integration tests can import it.
export declare const CODE_SERVER_VERSION: string;
export declare const NODE24_VERSION: string;
export interface CodeServerPaths {
  dir: string;
  marker: string;
  log: string;
  lock: string;
  codeServer: string;
  node: string;
  nodedir: string;
  binDir: string;
}
export interface InstallInfo {
  codeServerVersion: string;
  nodeVersion: string;
  vscodeVersion: string;
  installedAt: string;
  seconds: number;
  megabytes?: number;
}
export interface InstallResult extends CodeServerPaths {
  info: InstallInfo;
  installedNow: boolean;
}
export declare function cacheRoot(): string;
export declare function codeServerPaths(root?: string): CodeServerPaths;
export declare function missingPrerequisites(): string[];
export declare function installedInfo(paths?: CodeServerPaths): InstallInfo | undefined;
export declare function installCodeServer(options?: { log?: (line: string) => void }): Promise<InstallResult>;
export declare function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
