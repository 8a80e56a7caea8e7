// What the CDK tree, the construct code lenses and go-to-definition know about the CDK apps of a
// workspace: plain data, built on the extension side from the cloud assembly reader
// (src/extension/cdk/cdkWorkspace.ts) and shown here without `vscode` or file access, so every
// view decision (labels, stale marker, badges, what a click opens) is unit-tested on plain values.

/** A place in a source file (zero-based line and column, like LSP). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /**
   * `trace`: from the assembly's creation stack; `inferred`: matched by construct id in the
   * sources (no trace in the assembly). Shown in tooltips so nobody mistakes a guess for a fact.
   */
  readonly precision: 'trace' | 'inferred';
}

/** Findings of the engine's rules on what a construct synthesized, by severity. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export const NO_FINDINGS: FindingCounts = { errors: 0, warnings: 0, infos: 0 };

/** A CloudFormation resource of a synthesized template (an L1 construct's output). */
export interface SynthesizedResource {
  readonly logicalId: string;
  readonly type: string;
  /** The template file that holds it (a nested stack's resources are in their own template). */
  readonly templateFile: string;
  /** Zero-based line of its logical id key in that template. */
  readonly line: number;
  readonly findings: FindingCounts;
}

/** A node of the construct tree (`tree.json`), with what it produced and where it was written. */
export interface CdkConstruct {
  /** The construct path without the leading `/`, e.g. `Storage/Bucket/Resource`. */
  readonly path: string;
  readonly id: string;
  /** `constructInfo.fqn`, e.g. `aws-cdk-lib.aws_s3.Bucket`. */
  readonly fqn?: string;
  /** For an L1 construct: the resource it synthesized. */
  readonly resource?: SynthesizedResource;
  /** Where the user's code created it, when known. */
  readonly source?: SourcePosition;
  readonly children: readonly CdkConstruct[];
}

/** A stack artifact of the assembly (or of a Stage's nested assembly). */
export interface CdkStack {
  /** The artifact id (unique within the whole assembly, Stages included). */
  readonly artifactId: string;
  /** What people call it: `displayName` (`Stage/Stack`) or the artifact id. */
  readonly displayName: string;
  /** `aws://account/region`, with `unknown-account` / `unknown-region` for agnostic stacks. */
  readonly environment?: string;
  readonly templateFile: string;
  /** The stack's construct (its children are what the tree shows below the stack). */
  readonly construct?: CdkConstruct;
}

/** The state of an app's cloud assembly folder. */
export type AssemblyState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'ready'; readonly stacks: readonly CdkStack[] };

/** One CDK app: a folder with `cdk.json`. */
export interface CdkApp {
  /** Absolute folder of `cdk.json`. */
  readonly rootDir: string;
  /** Short name for people: the folder relative to the workspace folder. */
  readonly name: string;
  /** `cdk.json` `app`: the command a synth runs (shown to the user before it runs). */
  readonly appCommand?: string;
  /** Absolute assembly folder (`cdk.json` `output`, default `cdk.out`). */
  readonly outDir: string;
  readonly assembly: AssemblyState;
  /**
   * A source file (or cdk.json) saved after the assembly was synthesized, the newest one: the
   * assembly no longer shows what the code makes (`staleSource` of the assembly reader).
   */
  readonly staleSource?: { readonly file: string; readonly mtimeMs: number };
}

/** An assembly older than the newest source file no longer shows what the code makes. */
export function isStale(app: CdkApp): boolean {
  return app.assembly.kind === 'ready' && app.staleSource !== undefined;
}

export function addCounts(a: FindingCounts, b: FindingCounts): FindingCounts {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

/** Everything a construct and its descendants synthesized, with their findings summed. */
export function subtreeFindings(construct: CdkConstruct): FindingCounts {
  let total = construct.resource?.findings ?? NO_FINDINGS;
  for (const child of construct.children) total = addCounts(total, subtreeFindings(child));
  return total;
}

/** The resources a construct and its descendants synthesized, in tree order. */
export function subtreeResources(construct: CdkConstruct): SynthesizedResource[] {
  const out: SynthesizedResource[] = [];
  const walk = (node: CdkConstruct): void => {
    if (node.resource) out.push(node.resource);
    for (const child of node.children) walk(child);
  };
  walk(construct);
  return out;
}

/**
 * Where a construct was written: its own creation frame, else that of its first descendant with
 * one (an L2 has no frame of its own; its L1 child's first frame in the project is the line
 * `new s3.Bucket(...)` in the user's code).
 */
export function constructSource(construct: CdkConstruct): SourcePosition | undefined {
  if (construct.source) return construct.source;
  for (const child of construct.children) {
    const found = constructSource(child);
    if (found) return found;
  }
  return undefined;
}
