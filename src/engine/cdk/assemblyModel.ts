/**
 * The model of a CDK cloud assembly (`cdk.out`) as ArchLens reads it: apps > stacks >
 * constructs, each construct with its path, fqn, CloudFormation type, logical id, template file
 * and (once mapped) its source location. Pure data: `readAssembly` (assembly.ts) builds it from
 * an injected file reader; `src/node/cdk/` reads the disk and maps sources.
 *
 * Paths: every file path in this model is relative to the root assembly folder and
 * `/`-separated (`assembly-Prod/ProdData90A795AA.template.json`); construct paths have no
 * leading `/` (`Prod/Data/Orders`), as in `aws:cdk:path` and `tree.json`.
 */

import type { AnalyzedDocument } from '../analyzedDocument';

/** One metadata entry of a construct (`{ type, data, trace? }` in manifest.json / `*.metadata.json`). */
export interface CdkMetadataEntry {
  readonly type: string;
  readonly data: unknown;
  /** Stack frames recorded by older aws-cdk-lib with `--debug` (`trace` on `aws:cdk:logicalId`). */
  readonly trace?: readonly string[];
}

/** A deployment environment from `aws://account/region` (`unknown-account` / `unknown-region` become undefined). */
export interface CdkEnvironment {
  readonly raw: string;
  readonly account?: string;
  readonly region?: string;
}

/** One resource of a synthesized template, linked to its construct. */
export interface CdkResource {
  readonly logicalId: string;
  /** `Type` of the resource (`AWS::S3::Bucket`), '' when missing. */
  readonly type: string;
  /** `Metadata["aws:cdk:path"]`, without leading `/`; undefined when synthesized without path metadata. */
  readonly constructPath?: string;
  /** The template that holds it (relative to the root assembly folder). */
  readonly templateFile: string;
  /** For an `AWS::CloudFormation::Stack` made by a `NestedStack`: its template (`aws:asset:path`). */
  readonly nestedTemplateFile?: string;
}

/** A CloudFormation stack artifact (top level, in a Stage's nested assembly, or a nested stack). */
export interface CdkStack {
  /** Artifact id in its manifest (`ProdData90A795AA`); for a nested stack, `<parent>/<logicalId>`. */
  readonly artifactId: string;
  /** Human name (`Prod/Data`): `displayName`, else the artifact id. */
  readonly displayName: string;
  /** `properties.stackName` when the app set one. */
  readonly stackName?: string;
  readonly environment?: CdkEnvironment;
  /** The template (relative to the root assembly folder). */
  readonly templateFile: string;
  /** The assembly folder the artifact was declared in ('' = root, `assembly-Prod`...). */
  readonly assemblyDir: string;
  /** Construct path of the stack (`Prod/Data`), from its metadata or its display name. */
  readonly constructPath: string;
  /** For a nested stack: the parent stack's artifact id. */
  readonly parentArtifactId?: string;
  /** Metadata by construct path *with* leading `/` (inline `metadata` merged with `additionalMetadataFile`). */
  readonly metadata: ReadonlyMap<string, readonly CdkMetadataEntry[]>;
  /** Resources of the template, in template order; empty when the template could not be read. */
  readonly resources: readonly CdkResource[];
}

/** A Stage's nested assembly (`cdk:cloud-assembly`). */
export interface CdkStage {
  readonly artifactId: string;
  readonly displayName: string;
  /** Its folder, relative to the root assembly folder (`assembly-Prod`, `assembly-Prod/assembly-Prod-Eu`). */
  readonly directory: string;
}

/** A node of `tree.json` (split `trees-N.json` forests already followed). */
export interface CdkConstructNode {
  readonly id: string;
  /** Construct path without leading `/` ('' for the App). */
  readonly path: string;
  /** `constructInfo.fqn` (`aws-cdk-lib.aws_s3.Bucket`). */
  readonly fqn?: string;
  readonly version?: string;
  /** `aws:cdk:cloudformation:type` for L1 constructs. */
  readonly cfnType?: string;
  /** Logical id: from the tree's attribute or, when absent, from the template resource with this path. */
  readonly logicalId?: string;
  /** Artifact id of the stack whose template holds this construct's resource(s), when known. */
  readonly stackArtifactId?: string;
  /** Template file of that stack (relative to the root assembly folder). */
  readonly templateFile?: string;
  readonly children: readonly CdkConstructNode[];
}

/** What the assembly records, so mapping never assumes (see docs/ARCHITECTURE.md, CDK apps). */
export interface AssemblyCapabilities {
  /** `aws:cdk:creationStack` entries (recent aws-cdk-lib, no flag needed). */
  readonly creationStack: boolean;
  /** `trace` on `aws:cdk:logicalId` entries (older aws-cdk-lib with `--debug` / `CDK_DEBUG`). */
  readonly trace: boolean;
  /** `aws:cdk:propertyAssignment` entries (debug only). */
  readonly propertyAssignment: boolean;
  /** Resources carry `aws:cdk:path`. */
  readonly pathMetadata: boolean;
  /** `tree.json` present (and split into `trees-N.json`). */
  readonly tree: boolean;
  readonly splitTree: boolean;
}

/** One violation of `validation-report.json` (policy validation plugins run during synth). */
export interface CdkValidationViolation {
  readonly pluginName: string;
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly constructPath?: string;
  /** Template path relative to the root assembly folder, logical id and property paths (`Properties.Runtime`). */
  readonly templateFile?: string;
  readonly logicalId?: string;
  readonly propertyPaths: readonly string[];
  /** Stack trace lines, one frame each. */
  readonly frames: readonly string[];
}

/** A whole cloud assembly. */
export interface CdkAssembly {
  /**
   * Every template read, parsed once by the engine's parser while the assembly was read (by
   * template path relative to the root assembly folder): lint reuses these documents instead of
   * parsing each template a second time.
   */
  readonly templates: ReadonlyMap<string, AnalyzedDocument>;
  /** `manifest.json` `version` (schema version). */
  readonly version?: string;
  /** Every stack, depth first: top level, Stage stacks, nested stacks after their parent. */
  readonly stacks: readonly CdkStack[];
  readonly stages: readonly CdkStage[];
  /** The construct tree's root (the App), when `tree.json` exists. */
  readonly tree?: CdkConstructNode;
  readonly violations: readonly CdkValidationViolation[];
  readonly capabilities: AssemblyCapabilities;
  /** What could not be read, in words for the user (missing template, bad JSON...). */
  readonly problems: readonly string[];
}

/** `cdk.json` as far as ArchLens uses it. */
export interface CdkAppConfig {
  /** The `app` command (`npx ts-node bin/app.ts`). */
  readonly app?: string;
  /** The assembly folder, relative to the app folder (default `cdk.out`). */
  readonly output: string;
  /** Problems with the file, in words. */
  readonly problems: readonly string[];
}

/** Reads a file of the assembly by its path relative to the root assembly folder; undefined when absent. */
export type AssemblyFileReader = (relativePath: string) => string | undefined;
