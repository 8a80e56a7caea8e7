import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file the CLI will consider linting. */
export interface CandidateFile {
  /** Path as the user gave it, or joined onto the folder they gave (so output stays relative). */
  readonly path: string;
  /** True when named on the command line (not found by walking a folder). */
  readonly explicit: boolean;
}

/** An I/O problem with a path named on the command line: exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Extensions a template may have; everything else is ignored when walking a folder. */
export const TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.template']);

// Build output, dependencies and VCS data: never user-authored templates, and often huge.
// Cloud assemblies (`cdk.out`, or any folder CDK synthesized into) are linted as CDK apps
// (src/cli/cdkLint.ts), with findings on the sources: walking them would repeat each finding.
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out', 'dist']);

/**
 * Expands command-line paths into candidate files: files are kept as given (whatever their
 * extension, since the user asked for them), folders are walked recursively in sorted order
 * so output is deterministic. Symbolic links to folders are not followed (avoids cycles).
 * A subfolder that cannot be read goes to `onUnreadable` (with the reason) and the walk goes on.
 * @throws {InputError} when a path does not exist or cannot be read.
 */
export function collectFiles(paths: readonly string[], onUnreadable: (message: string) => void = () => undefined): CandidateFile[] {
  const result: CandidateFile[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ path: file, explicit });
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      throw new InputError(`cannot read '${given}': ${errorText(error)}`);
    }
    if (stat.isDirectory()) {
      const entries = readFolder(given);
      if (entries instanceof Error) throw new InputError(`cannot read '${given}': ${errorText(entries)}`);
      walk(given, entries, (file) => add(file, false), onUnreadable);
    } else {
      add(given, true);
    }
  }
  return result;
}

function readFolder(dir: string): fs.Dirent[] | Error {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function walk(dir: string, entries: fs.Dirent[], visit: (file: string) => void, onUnreadable: (message: string) => void): void {
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) || isCloudAssembly(full)) continue;
      // One unreadable folder must not stop the others from being linted.
      const children = readFolder(full);
      if (children instanceof Error) onUnreadable(`cannot read folder '${full}': ${errorText(children)}`);
      else walk(full, children, visit, onUnreadable);
      continue;
    }
    if (!TEMPLATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
    // Hidden files (.archlens.yml, .prettierrc.json, ...) are configuration, not templates.
    if (entry.name.startsWith('.')) continue;
    // Links to folders are not followed. Anything else named like a template (a link to a
    // device, a FIFO, a dangling link) is kept: reading it reports what it is.
    if (entry.isSymbolicLink() && isFolder(full)) continue;
    visit(full);
  }
}

function isCloudAssembly(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json')) && (fs.existsSync(path.join(dir, 'cdk.out')) || fs.existsSync(path.join(dir, 'tree.json')));
}

/** Whether `file` is a folder (following links); false when it cannot be read. */
export function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `ENOENT: no such file or directory`: Node's message without the syscall and path it repeats. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/, \w+ '.*'$/, '');
  return String(error);
}
