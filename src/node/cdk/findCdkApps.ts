/**
 * CDK apps under folders: a folder with cdk.json is an app (its assembly is cdk.json's `output`),
 * a folder with manifest.json is an assembly. Several apps per workspace are normal (a monorepo
 * with an app per service), each with its own assembly folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sortedEntries } from './dirEntries';
import { isAssemblyDir, isCdkAppDir } from './loadCdkApp';
import { listSourceFiles } from './staticLocator';

const SKIPPED = new Set(['node_modules', '.git', 'dist', '__pycache__', '.venv', 'venv', 'build']);
const MAX_DEPTH = 5;
const MAX_APPS = 200;

/** App folders (cdk.json) under `root`, depth-bounded, without descending into an app's assembly. */
export function findCdkApps(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (out.length >= MAX_APPS || depth > MAX_DEPTH) return;
    if (isCdkAppDir(dir)) out.push(dir);
    for (const entry of sortedEntries(dir)) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name) && !entry.name.startsWith('cdk.out')) walk(path.join(dir, entry.name), depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** What a folder is for ArchLens's CDK support. */
export function cdkFolderKind(folder: string): 'app' | 'assembly' | undefined {
  if (isAssemblyDir(folder)) return 'assembly';
  if (isCdkAppDir(folder)) return 'app';
  return undefined;
}

/**
 * Staleness of an app's assembly: the newest source file when it is newer than the assembly's
 * manifest. `sources` is the app's source list when the caller has it already (a lint run's
 * `SourceLocator.sourceFiles()`), so the folder is not walked twice.
 */
export function staleSource(appDir: string, assemblyDir: string, sources?: readonly string[]): { file: string; modified: Date } | undefined {
  let assemblyTime: number;
  try {
    assemblyTime = fs.statSync(path.join(assemblyDir, 'manifest.json')).mtimeMs;
  } catch {
    return undefined;
  }
  let newest: { file: string; time: number } | undefined;
  for (const file of [...(sources ?? listSourceFiles(appDir)), path.join(appDir, 'cdk.json')]) {
    try {
      const time = fs.statSync(file).mtimeMs;
      if (!newest || time > newest.time) newest = { file, time };
    } catch {
      // gone meanwhile
    }
  }
  return newest && newest.time > assemblyTime + 1_000 ? { file: newest.file, modified: new Date(newest.time) } : undefined;
}
