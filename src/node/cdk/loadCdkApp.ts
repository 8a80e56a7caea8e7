/**
 * Finds and reads a CDK app's cloud assembly from disk: the file reading half of the
 * assembly reader (the pure half is src/engine/cdk/assembly.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CdkAppConfig, CdkAssembly } from '../../engine/cdk/assemblyModel';
import { readAssembly, type ReadAssemblyOptions } from '../../engine/cdk/assembly';
import { parseCdkJson } from '../../engine/cdk/cdkJson';
import { MAX_CONFIG_BYTES, MAX_DOCUMENT_BYTES, readTextFile } from '../readRegularFile';

/** A CDK app (or a bare assembly folder) and its assembly as read from disk. */
export interface LoadedCdkApp {
  /** The app folder (holds cdk.json); undefined for an assembly folder without a cdk.json above it. */
  readonly appDir?: string;
  readonly config?: CdkAppConfig;
  /** Absolute path of the assembly folder. */
  readonly assemblyDir: string;
  /** Undefined when the assembly folder has no manifest.json (never synthesized). */
  readonly assembly?: CdkAssembly;
}

/** Reads a file of the assembly; undefined when it is missing or not a readable regular file. */
function assemblyReader(assemblyDir: string): (relative: string) => string | undefined {
  return (relative) => {
    try {
      return readTextFile(path.join(assemblyDir, ...relative.split('/')), MAX_DOCUMENT_BYTES);
    } catch {
      return undefined;
    }
  };
}

/** Reads the assembly at `assemblyDir`; templates are named by their absolute paths (the names findings carry). */
function readAssemblyAt(assemblyDir: string, options: LoadOptions): ReturnType<typeof readAssembly> {
  const readOptions: ReadAssemblyOptions = { documentName: (relative) => path.join(assemblyDir, ...relative.split('/')), ...(options.withoutTree ? { withoutTree: true } : {}) };
  return readAssembly(assemblyReader(assemblyDir), readOptions);
}

/** How much of the assembly to read. */
export interface LoadOptions {
  /** Skip the construct tree (linting does not use it). */
  readonly withoutTree?: boolean;
}

/** Whether `folder` is an assembly folder (has manifest.json). */
export function isAssemblyDir(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'manifest.json'));
}

/** Whether `folder` is a CDK app folder (has cdk.json). */
export function isCdkAppDir(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'cdk.json'));
}

/** Reads `cdk.json` of an app folder. */
export function readCdkJson(appDir: string): CdkAppConfig {
  try {
    return parseCdkJson(readTextFile(path.join(appDir, 'cdk.json'), MAX_CONFIG_BYTES));
  } catch (error) {
    return { output: 'cdk.out', problems: [`cdk.json could not be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/**
 * Loads an app folder (with cdk.json: its `output` folder) or an assembly folder (with
 * manifest.json: the app is the folder above it when that has a cdk.json).
 */
export function loadCdkApp(folder: string, options: LoadOptions = {}): LoadedCdkApp {
  const absolute = path.resolve(folder);
  if (isCdkAppDir(absolute) && !isAssemblyDir(absolute)) {
    const config = readCdkJson(absolute);
    const assemblyDir = path.join(absolute, config.output);
    return { appDir: absolute, config, assemblyDir, ...(isAssemblyDir(assemblyDir) ? { assembly: readAssemblyAt(assemblyDir, options) } : {}) };
  }
  const parent = path.dirname(absolute);
  const appDir = isCdkAppDir(parent) ? parent : undefined;
  const config = appDir !== undefined ? readCdkJson(appDir) : undefined;
  return {
    ...(appDir !== undefined ? { appDir } : {}),
    ...(config ? { config } : {}),
    assemblyDir: absolute,
    ...(isAssemblyDir(absolute) ? { assembly: readAssemblyAt(absolute, options) } : {}),
  };
}
