// Builds the CDK view model (src/views/cdk/cdkModel.ts) of one app from disk: the cloud assembly
// reader (src/node/cdk/loadCdkApp.ts), each stack's template indexed and linted by the engine (so
// the tree's badges are the rules' own counts), source positions from the assembly's creation
// frames through an injected locator, and the reader's `staleSource` for the stale marker. No
// `vscode` here: unit-tested on the real fixture app.
import * as path from 'node:path';
import type { AnalyzedDocument } from '../../engine/analyzedDocument';
import type { Analyzer } from '../../engine/analyzer';
import type { CdkAssembly, CdkConstructNode, CdkStack as AssemblyStack } from '../../engine/cdk/assemblyModel';
import { findConstruct } from '../../engine/cdk/tree';
import { staleSource } from '../../node/cdk/findCdkApps';
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

/** Reads, lints and indexes each template once (a nested stack's template is shared by the tree). */
class TemplateIndexes {
  private readonly cache = new Map<string, TemplateIndex | undefined>();

  constructor(
    private readonly assemblyDir: string,
    private readonly analyzer: Analyzer,
    /** The templates the assembly reader already parsed (by the same relative path): not parsed again. */
    private readonly parsed: ReadonlyMap<string, AnalyzedDocument>,
  ) {}

  get(relative: string): TemplateIndex | undefined {
    if (this.cache.has(relative)) return this.cache.get(relative);
    let index: TemplateIndex | undefined;
    try {
      const file = this.absolute(relative);
      const analyzed = this.parsed.get(relative) ?? this.analyzer.analyze(file, readTextFile(file, MAX_DOCUMENT_BYTES));
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
  if (!loaded.assembly) return { ...base, assembly: { kind: 'missing' } };
  const { assembly } = loaded;
  const stale = staleSource(rootDir, loaded.assemblyDir);
  const withStale = stale ? { staleSource: { file: stale.file, mtimeMs: stale.modified.getTime() } } : {};
  if (assembly.stacks.length === 0 && assembly.problems.length > 0) return { ...base, assembly: { kind: 'unreadable', reason: assembly.problems[0]! }, ...withStale };
  const templates = new TemplateIndexes(loaded.assemblyDir, options.analyzer, assembly.templates);
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
  return { ...base, assembly: { kind: 'ready', stacks }, ...withStale };
}
