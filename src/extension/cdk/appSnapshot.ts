// Builds the CDK view model (src/views/cdk/cdkModel.ts) of one app from disk: the cloud assembly
// reader (src/node/cdk/loadCdkApp.ts), each stack's template indexed and linted by the engine (so
// the tree's badges are the rules' own counts), source positions from the assembly's creation
// frames through an injected locator, and the newest source file for the stale marker. No
// `vscode` here: unit-tested on the real fixture app.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analyzer } from '../../engine/analyzer';
import type { CdkAssembly, CdkConstructNode, CdkStack as AssemblyStack } from '../../engine/cdk/assemblyModel';
import { findConstruct } from '../../engine/cdk/tree';
import { loadCdkApp } from '../../node/cdk/loadCdkApp';
import { MAX_DOCUMENT_BYTES, readTextFile } from '../../node/readRegularFile';
import type { CdkApp, CdkConstruct, CdkStack, SourcePosition, SynthesizedResource } from '../../views/cdk/cdkModel';
import { indexTemplate, type TemplateIndex } from '../../views/cdk/templateIndex';

/** Where the user's code created a construct (the stack it belongs to, its path without `/`). */
export type SourceLocator = (stack: AssemblyStack, constructPath: string) => SourcePosition | undefined;

export interface SnapshotOptions {
  readonly analyzer: Analyzer;
  /** Makes the locator of one app's assembly (its caches live for one read). */
  readonly locator: (appDir: string, assembly: CdkAssembly) => SourceLocator;
  /** The name shown for the app (its folder relative to the workspace folder). */
  readonly name: string;
}

/** Folders never searched for sources (dependencies, VCS, build caches); the assembly folder is added per app. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', '.pytest_cache', 'cdk.out', '.idea', '.vscode']);
const SOURCE_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.cjs', '.py', '.java', '.cs', '.go', '.json']);
/** Bounds on the newest-source walk: a huge monorepo must not stall the view. */
const MAX_FILES = 5_000;
const MAX_DEPTH = 8;

/** The newest source file under `appDir`, outside dependencies and the assembly folder. */
export function newestSource(appDir: string, assemblyDir: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || seen >= MAX_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (seen >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && full !== assemblyDir && !entry.name.startsWith('.')) walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile() || !SOURCE_EXTENSIONS.has(path.extname(entry.name)) || entry.name === 'cdk.context.json') continue;
      seen++;
      try {
        const mtimeMs = fs.statSync(full).mtimeMs;
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: full, mtimeMs };
      } catch {
        // Vanished while walking: not a source any more.
      }
    }
  };
  walk(appDir, 0);
  return newest;
}

/** Reads, lints and indexes each template once (a nested stack's template is shared by the tree). */
class TemplateIndexes {
  private readonly cache = new Map<string, TemplateIndex | undefined>();

  constructor(
    private readonly assemblyDir: string,
    private readonly analyzer: Analyzer,
  ) {}

  get(relative: string): TemplateIndex | undefined {
    if (this.cache.has(relative)) return this.cache.get(relative);
    let index: TemplateIndex | undefined;
    try {
      const file = this.absolute(relative);
      const analyzed = this.analyzer.analyze(file, readTextFile(file, MAX_DOCUMENT_BYTES));
      index = indexTemplate(analyzed, this.analyzer.lintAnalyzed(analyzed).findings);
    } catch {
      index = undefined;
    }
    this.cache.set(relative, index);
    return index;
  }

  absolute(relative: string): string {
    return path.join(this.assemblyDir, ...relative.split('/'));
  }
}

function stackOf(assembly: CdkAssembly, node: CdkConstructNode): AssemblyStack | undefined {
  return node.stackArtifactId !== undefined ? assembly.stacks.find((s) => s.artifactId === node.stackArtifactId) : undefined;
}

function toConstruct(node: CdkConstructNode, owner: AssemblyStack, assembly: CdkAssembly, templates: TemplateIndexes, locate: SourceLocator): CdkConstruct {
  const stack = stackOf(assembly, node) ?? owner;
  let resource: SynthesizedResource | undefined;
  if (node.cfnType !== undefined && node.logicalId !== undefined) {
    const templateFile = node.templateFile ?? stack.templateFile;
    const indexed = templates.get(templateFile)?.resources.get(node.logicalId);
    resource = {
      logicalId: node.logicalId,
      type: node.cfnType,
      templateFile: templates.absolute(templateFile),
      line: indexed?.line ?? 0,
      findings: indexed?.findings ?? { errors: 0, warnings: 0, infos: 0 },
    };
  }
  const source = locate(stack, node.path);
  return {
    path: node.path,
    id: node.id,
    ...(node.fqn !== undefined ? { fqn: node.fqn } : {}),
    ...(resource ? { resource } : {}),
    ...(source ? { source } : {}),
    children: node.children.map((child) => toConstruct(child, stack, assembly, templates, locate)),
  };
}

/** The app's view model: its stacks (nested stacks appear inside their parent's constructs). */
export function appSnapshot(folder: string, options: SnapshotOptions): CdkApp {
  const loaded = loadCdkApp(folder);
  const rootDir = loaded.appDir ?? path.dirname(loaded.assemblyDir);
  const base = {
    rootDir,
    name: options.name,
    ...(loaded.config?.app !== undefined ? { appCommand: loaded.config.app } : {}),
    outDir: loaded.assemblyDir,
  };
  const newest = newestSource(rootDir, loaded.assemblyDir);
  const withSource = newest ? { newestSource: newest } : {};
  if (!loaded.assembly) return { ...base, assembly: { kind: 'missing' }, ...withSource };
  const { assembly } = loaded;
  let synthesizedAtMs: number;
  try {
    synthesizedAtMs = fs.statSync(path.join(loaded.assemblyDir, 'manifest.json')).mtimeMs;
  } catch {
    return { ...base, assembly: { kind: 'missing' }, ...withSource };
  }
  if (assembly.stacks.length === 0 && assembly.problems.length > 0) return { ...base, assembly: { kind: 'unreadable', reason: assembly.problems[0]! }, ...withSource };
  const templates = new TemplateIndexes(loaded.assemblyDir, options.analyzer);
  const locate = options.locator(rootDir, assembly);
  const stacks: CdkStack[] = assembly.stacks
    .filter((stack) => stack.parentArtifactId === undefined)
    .map((stack) => {
      const node = assembly.tree ? findConstruct(assembly.tree, stack.constructPath) : undefined;
      return {
        artifactId: stack.artifactId,
        displayName: stack.displayName,
        ...(stack.environment ? { environment: stack.environment.raw } : {}),
        templateFile: templates.absolute(stack.templateFile),
        ...(node ? { construct: toConstruct(node, stack, assembly, templates, locate) } : {}),
      };
    });
  return { ...base, assembly: { kind: 'ready', stacks, synthesizedAtMs }, ...withSource };
}
