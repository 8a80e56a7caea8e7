/**
 * Static fallback for assemblies without creation frames (older aws-cdk-lib without `--debug`,
 * or Python apps synthesized without `JSII_HOST_STACK_TRACES`): the app's sources are scanned
 * for construct calls (`new X(scope, 'Id', ...)` in TypeScript/JavaScript, `X(self, "Id", ...)`
 * in Python) and a construct path is matched id by id. Placement found this way is inferred,
 * and every message says so.
 */
import * as path from 'node:path';
import { DISK, type FileAccess } from './runFiles';

/** One construct call found in a source file (zero-based line and column). */
export interface ConstructCall {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly className: string;
  readonly id: string;
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.py']);
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', '.git', '__pycache__', '.venv', 'venv', 'site-packages', 'dist']);
const MAX_FILES = 5_000;
const MAX_DEPTH = 12;

// A line comment may follow the opening parenthesis (`new X( // why`, `X(  # why`): the first
// characters of the alternatives differ, so the repetition stays linear.
const SCRIPT_CALL = /new\s+([A-Za-z_$][\w$.]*)\s*\((?:\s|\/\/[^\n]*\n)*[A-Za-z_$][\w$.]*\s*,\s*(['"`])([^'"`\\\n]{1,256})\2/g;
const PYTHON_CALL = /([A-Za-z_][\w.]*)\((?:\s|#[^\n]*\n)*[A-Za-z_][\w.]*\s*,\s*(?:id\s*=\s*)?(['"])([^'"\\\n]{1,256})\2/g;
/** Ids aws-cdk-lib gives to the resources inside its constructs: never written by the user. */
const LIBRARY_IDS = new Set(['Resource', 'Default']);

/** Source files of an app folder (compiled `.js` next to its `.ts` is skipped), bounded; folders listed by `files`. */
export function listSourceFiles(appDir: string, files: FileAccess = DISK): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    for (const entry of files.entries(dir)) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('cdk.out')) walk(full, depth + 1);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        out.push(full);
      }
    }
  };
  walk(appDir, 0);
  return out;
}

/**
 * Line and column of increasing offsets of one text: each call counts lines from where the last
 * stopped, so a file with many construct calls is scanned once, not once per call.
 */
function lineCounter(text: string): (offset: number) => { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  return (offset) => {
    for (let index = text.indexOf('\n', lineStart); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
      line++;
      lineStart = index + 1;
    }
    return { line, column: offset - lineStart };
  };
}

/** Construct calls of the app's sources, indexed by id. */
export class ConstructCallIndex {
  private readonly byId = new Map<string, ConstructCall[]>();
  private readonly classFiles = new Map<string, Set<string>>();

  /** `access` reads the files (the source locator passes its run's cache). */
  constructor(files: readonly string[], access: FileAccess = DISK) {
    for (const file of files) {
      const text = access.text(file);
      if (text === undefined) continue;
      // Compiled output of a TypeScript app: its .ts twin is the source to show.
      if (file.endsWith('.js') && /\/\/# sourceMappingURL=/.test(text.slice(-8_192))) continue;
      const pattern = file.endsWith('.py') ? new RegExp(PYTHON_CALL.source, 'g') : new RegExp(SCRIPT_CALL.source, 'g');
      const lineAndColumn = lineCounter(text);
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const id = match[3]!;
        const calls = this.byId.get(id) ?? [];
        calls.push({ file, ...lineAndColumn(match.index), className: match[1]!.split('.').pop()!, id });
        this.byId.set(id, calls);
      }
      for (const match of text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)/g)) {
        const files = this.classFiles.get(match[1]!) ?? new Set<string>();
        files.add(file);
        this.classFiles.set(match[1]!, files);
      }
    }
  }

  /**
   * The call that most likely made the construct at `constructPath`: the deepest path segment
   * with a call of that id, preferring calls in the file that defines the class of an
   * enclosing construct (`new DataStack(app, 'DataStack')` -> the file with `class DataStack`).
   */
  find(constructPath: string): { call: ConstructCall; matchedId: string } | undefined {
    const segments = constructPath.split('/').filter((segment) => segment !== '');
    const enclosingFiles = new Set<string>();
    let best: { call: ConstructCall; matchedId: string } | undefined;
    for (const segment of segments) {
      if (LIBRARY_IDS.has(segment)) continue;
      const calls = this.byId.get(segment);
      if (!calls || calls.length === 0) continue;
      const preferred = calls.find((call) => enclosingFiles.has(call.file)) ?? (enclosingFiles.size === 0 || !best ? calls[0]! : undefined);
      if (!preferred) continue;
      best = { call: preferred, matchedId: segment };
      for (const file of this.classFiles.get(preferred.className) ?? []) enclosingFiles.add(file);
    }
    return best;
  }
}
