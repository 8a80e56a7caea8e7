/**
 * Reads a cloud assembly into the model of assemblyModel.ts, purely: the host passes a reader
 * of files relative to the root assembly folder (src/node/cdk/assemblyFiles.ts reads the disk).
 *
 * Followed: `manifest.json` artifacts, Stage assemblies (`cdk:cloud-assembly` -> their own
 * folder and manifest), stack `metadata` merged with `additionalMetadataFile`, each template's
 * resources and `aws:cdk:path`, nested stacks through `aws:asset:path`, `tree.json` with its
 * `trees-N.json` forests, and `validation-report.json`.
 */
import { analyzeDocument, type AnalyzedDocument } from '../analyzedDocument';
import { getValue } from '../document/located';
import type { AssemblyCapabilities, AssemblyFileReader, CdkAssembly, CdkEnvironment, CdkMetadataEntry, CdkResource, CdkStack, CdkStage, CdkValidationViolation } from './assemblyModel';
import { asObject, joinPath, own, ownEntries, ownString, parseJson } from './json';
import { CREATION_STACK, LOGICAL_ID, PROPERTY_ASSIGNMENT, TEMPLATE_FILE } from './metadataKeys';
import { readConstructTree, type TreeReading } from './tree';
import { readValidationReport } from './validationReport';


/** Stage assemblies nest; real apps stay shallow, hostile manifests must not recurse forever. */
const MAX_STAGE_DEPTH = 16;
const MAX_STACKS = 10_000;


/** Parses `aws://account/region`. */
export function parseEnvironment(raw: string): CdkEnvironment {
  const match = /^aws:\/\/([^/]*)\/([^/]*)$/.exec(raw);
  if (!match) return { raw };
  const account = match[1] && match[1] !== 'unknown-account' ? match[1] : undefined;
  const region = match[2] && match[2] !== 'unknown-region' ? match[2] : undefined;
  return { raw, ...(account ? { account } : {}), ...(region ? { region } : {}) };
}

function metadataEntries(value: unknown): CdkMetadataEntry[] {
  if (!Array.isArray(value)) return [];
  const out: CdkMetadataEntry[] = [];
  for (const item of value) {
    const entry = asObject(item);
    const type = ownString(entry, 'type');
    if (type === undefined) continue;
    const trace = own(entry, 'trace');
    out.push({ type, data: own(entry, 'data'), ...(Array.isArray(trace) ? { trace: trace.filter((frame): frame is string => typeof frame === 'string') } : {}) });
  }
  return out;
}

/** Adds `source`'s entries to `into`, per construct path (inline first, then the side file). */
function mergeMetadata(into: Map<string, CdkMetadataEntry[]>, source: unknown): void {
  for (const [path, entries] of ownEntries(asObject(source))) {
    const list = into.get(path) ?? [];
    list.push(...metadataEntries(entries));
    into.set(path, list);
  }
}

/** How `readAssembly` reads. */
export interface ReadAssemblyOptions {
  /**
   * The name each template is analyzed under (the file name findings carry): the host passes the
   * absolute path on disk. Default: the path relative to the root assembly folder.
   */
  readonly documentName?: (relativePath: string) => string;
  /** Skip `tree.json` (linting does not need the construct tree; the explorer does). */
  readonly withoutTree?: boolean;
}

interface Builder {
  readonly read: AssemblyFileReader;
  readonly documentName: (relativePath: string) => string;
  /** Each template parsed once, here, with the engine's parser: lint reuses the same document. */
  readonly templates: Map<string, AnalyzedDocument>;
  readonly stacks: CdkStack[];
  readonly stages: CdkStage[];
  readonly problems: string[];
  readonly capabilities: { creationStack: boolean; trace: boolean; propertyAssignment: boolean; pathMetadata: boolean };
}

function readJsonFile(builder: Builder, file: string, what: string): unknown {
  const text = builder.read(file);
  if (text === undefined) {
    builder.problems.push(`${what} ${file} is missing: synthesize the app again.`);
    return undefined;
  }
  const parsed = parseJson(text);
  if (parsed.error !== undefined) builder.problems.push(`${what} ${file} is not valid JSON (${parsed.error}): synthesize the app again.`);
  return parsed.value;
}

/** A string scalar's value, or undefined. */
function stringValue(node: ReturnType<typeof getValue>): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Parses a template with the engine's parser (kept for lint); undefined when missing or unreadable. */
function analyzeTemplate(builder: Builder, templateFile: string): AnalyzedDocument | undefined {
  const text = builder.read(templateFile);
  if (text === undefined) {
    builder.problems.push(`Template ${templateFile} is missing: synthesize the app again.`);
    return undefined;
  }
  const analyzed = analyzeDocument(builder.documentName(templateFile), text);
  builder.templates.set(templateFile, analyzed);
  if (!analyzed.template) {
    const problem = analyzed.document.problems.find((candidate) => candidate.severity === 'error');
    builder.problems.push(`Template ${templateFile} is not a valid template${problem ? ` (${problem.message})` : ''}: synthesize the app again.`);
  }
  return analyzed;
}

/** Resources of one template, and the nested templates they point at. */
function templateResources(builder: Builder, templateFile: string, dir: string): CdkResource[] {
  const template = analyzeTemplate(builder, templateFile)?.template;
  const out: CdkResource[] = [];
  for (const [logicalId, resource] of template?.resources ?? []) {
    const metadata = getValue(resource.node, 'Metadata');
    const path = stringValue(getValue(metadata, 'aws:cdk:path'));
    if (path !== undefined) builder.capabilities.pathMetadata = true;
    const type = resource.type ?? '';
    const assetPath = stringValue(getValue(metadata, 'aws:asset:path'));
    const nested = type === 'AWS::CloudFormation::Stack' && assetPath !== undefined && assetPath.endsWith('.json') ? joinPath(dir, assetPath) : undefined;
    out.push({ logicalId, type, templateFile, ...(path !== undefined ? { constructPath: path.replace(/^\//, '') } : {}), ...(nested ? { nestedTemplateFile: nested } : {}) });
  }
  return out;
}

function noteCapabilities(builder: Builder, metadata: ReadonlyMap<string, readonly CdkMetadataEntry[]>): void {
  for (const entries of metadata.values()) {
    for (const entry of entries) {
      if (entry.type === CREATION_STACK) builder.capabilities.creationStack = true;
      else if (entry.type === PROPERTY_ASSIGNMENT) builder.capabilities.propertyAssignment = true;
      if (entry.type === LOGICAL_ID && entry.trace && entry.trace.length > 0) builder.capabilities.trace = true;
    }
  }
}

/** `DataStack/Archive.NestedStack/Archive.NestedStackResource` -> `DataStack/Archive`. */
function nestedStackPath(resourcePath: string | undefined): string | undefined {
  if (resourcePath === undefined) return undefined;
  const match = /^(.*)\/([^/]+)\.NestedStack\/[^/]+\.NestedStackResource$/.exec(resourcePath);
  return match ? `${match[1]}/${match[2]}` : resourcePath.replace(/\/Resource$/, '');
}

/** Adds a stack and, after it, its nested stacks (which share its metadata). */
function addStack(builder: Builder, stack: Omit<CdkStack, 'resources'>, dir: string, depth: number): void {
  if (builder.stacks.length >= MAX_STACKS) return;
  const resources = templateResources(builder, stack.templateFile, dir);
  builder.stacks.push({ ...stack, resources });
  if (depth >= MAX_STAGE_DEPTH) return;
  for (const resource of resources) {
    if (!resource.nestedTemplateFile) continue;
    const path = nestedStackPath(resource.constructPath) ?? `${stack.constructPath}/${resource.logicalId}`;
    addStack(
      builder,
      {
        artifactId: `${stack.artifactId}/${resource.logicalId}`,
        displayName: path,
        templateFile: resource.nestedTemplateFile,
        assemblyDir: stack.assemblyDir,
        constructPath: path,
        parentArtifactId: stack.artifactId,
        ...(stack.environment ? { environment: stack.environment } : {}),
        metadata: stack.metadata,
      },
      dir,
      depth + 1,
    );
  }
}

/** The stack's own construct path: the metadata key with `aws:cdk:templateFile`, else the display name. */
function stackPath(metadata: ReadonlyMap<string, readonly CdkMetadataEntry[]>, templateFile: string, displayName: string): string {
  const base = templateFile.slice(templateFile.lastIndexOf('/') + 1);
  for (const [path, entries] of metadata) {
    if (entries.some((entry) => entry.type === TEMPLATE_FILE && entry.data === base)) return path.replace(/^\//, '');
  }
  return displayName;
}

function readManifest(builder: Builder, dir: string, depth: number): string | undefined {
  const manifest = asObject(readJsonFile(builder, joinPath(dir, 'manifest.json'), 'Assembly manifest'));
  for (const [artifactId, value] of ownEntries(asObject(own(manifest, 'artifacts')))) {
    const artifact = asObject(value);
    const type = ownString(artifact, 'type');
    const properties = asObject(own(artifact, 'properties'));
    if (type === 'cdk:cloud-assembly') {
      const directory = joinPath(dir, ownString(properties, 'directoryName') ?? artifactId);
      builder.stages.push({ artifactId, displayName: ownString(properties, 'displayName') ?? artifactId, directory });
      if (depth < MAX_STAGE_DEPTH) readManifest(builder, directory, depth + 1);
      else builder.problems.push(`Stage assemblies nest deeper than ${MAX_STAGE_DEPTH} levels; ${directory} was not read.`);
      continue;
    }
    if (type !== 'aws:cloudformation:stack') continue;
    const templateName = ownString(properties, 'templateFile');
    if (templateName === undefined) {
      builder.problems.push(`Stack ${artifactId} in ${joinPath(dir, 'manifest.json')} names no templateFile.`);
      continue;
    }
    const metadata = new Map<string, CdkMetadataEntry[]>();
    mergeMetadata(metadata, own(artifact, 'metadata'));
    const sideFile = ownString(artifact, 'additionalMetadataFile');
    if (sideFile !== undefined) mergeMetadata(metadata, readJsonFile(builder, joinPath(dir, sideFile), 'Metadata file'));
    noteCapabilities(builder, metadata);
    const environment = ownString(artifact, 'environment');
    const displayName = ownString(artifact, 'displayName') ?? artifactId;
    const stackName = ownString(properties, 'stackName');
    const templateFile = joinPath(dir, templateName);
    addStack(
      builder,
      {
        artifactId,
        displayName,
        ...(stackName !== undefined ? { stackName } : {}),
        ...(environment !== undefined ? { environment: parseEnvironment(environment) } : {}),
        templateFile,
        assemblyDir: dir,
        constructPath: stackPath(metadata, templateFile, displayName),
        metadata,
      },
      dir,
      0,
    );
  }
  return ownString(manifest, 'version');
}

/** Reads the whole assembly. Never throws: what cannot be read is listed in `problems`. */
export function readAssembly(read: AssemblyFileReader, options: ReadAssemblyOptions = {}): CdkAssembly {
  const builder: Builder = {
    read,
    documentName: options.documentName ?? ((relative) => relative),
    templates: new Map(),
    stacks: [],
    stages: [],
    problems: [],
    capabilities: { creationStack: false, trace: false, propertyAssignment: false, pathMetadata: false },
  };
  const version = readManifest(builder, '', 0);
  const tree: TreeReading = options.withoutTree ? { split: false } : readConstructTree(read, builder.stacks, builder.problems);
  const violations: CdkValidationViolation[] = readValidationReport(read('validation-report.json'), builder.problems);
  const capabilities: AssemblyCapabilities = { ...builder.capabilities, tree: tree.root !== undefined, splitTree: tree.split };
  return { ...(version !== undefined ? { version } : {}), stacks: builder.stacks, stages: builder.stages, ...(tree.root ? { tree: tree.root } : {}), templates: builder.templates, violations, capabilities, problems: builder.problems };
}

/** The stack whose template holds the resource at `constructPath`, and that resource. */
export function findResourceByPath(assembly: CdkAssembly, constructPath: string): { stack: CdkStack; resource: CdkResource } | undefined {
  for (const stack of assembly.stacks) {
    const resource = stack.resources.find((candidate) => candidate.constructPath === constructPath);
    if (resource) return { stack, resource };
  }
  return undefined;
}
