// The editor side of the construct tree, as data: which source lines created which resources
// ("Creates AWS::S3::Bucket, AWS::S3::BucketPolicy" code lenses) and, the other way, which source
// line made the resource under the cursor of a synthesized template (go to definition).
import { constructSource, subtreeResources, type CdkApp, type CdkConstruct, type SourcePosition, type SynthesizedResource } from './cdkModel';

/** One code lens: a source line and the resources the construct created there made. */
export interface ConstructLens {
  readonly line: number;
  readonly column: number;
  /** The distinct CloudFormation types, in tree order. */
  readonly types: readonly string[];
  /** The resources, the first one is what a click opens. */
  readonly resources: readonly SynthesizedResource[];
  /** The construct path of the outermost construct written on that line. */
  readonly path: string;
}

/** The lens title; long lists are cut so the line stays readable. */
export function lensTitle(lens: ConstructLens, maxTypes = 4): string {
  const shown = lens.types.slice(0, maxTypes);
  const more = lens.types.length - shown.length;
  return `Creates ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function* stackConstructs(apps: readonly CdkApp[]): Iterable<CdkConstruct> {
  for (const app of apps) {
    if (app.assembly.kind !== 'ready') continue;
    for (const stack of app.assembly.stacks) if (stack.construct) yield* stack.construct.children;
  }
}

/**
 * The lenses of one source file. A construct whose source is on a line of this file gets the
 * line, with everything below it; a descendant on the same line (an L2's L1 child, whose frame is
 * the L2's `new` line) is already counted there, one created on another line gets its own lens.
 */
export function lensesForFile(apps: readonly CdkApp[], file: string, sameFile: (a: string, b: string) => boolean = (a, b) => a === b): ConstructLens[] {
  const byLine = new Map<number, { column: number; path: string; resources: SynthesizedResource[] }>();
  const visit = (construct: CdkConstruct, claimed: SourcePosition | undefined): void => {
    const source = constructSource(construct);
    const here = source && sameFile(source.file, file) ? source : undefined;
    const onClaimedLine = here && claimed && claimed.line === here.line && sameFile(claimed.file, here.file);
    if (here && !onClaimedLine) {
      const entry = byLine.get(here.line) ?? { column: here.column, path: construct.path, resources: [] };
      entry.resources.push(...subtreeResources(construct));
      byLine.set(here.line, entry);
      for (const child of construct.children) visitBelow(child, here);
      return;
    }
    for (const child of construct.children) visit(child, claimed);
  };
  // Below a construct already counted on a line, only descendants created on another line add a lens.
  const visitBelow = (construct: CdkConstruct, claimed: SourcePosition): void => {
    const source = construct.source;
    if (source && sameFile(source.file, file) && source.line !== claimed.line) {
      visit(construct, claimed);
      return;
    }
    for (const child of construct.children) visitBelow(child, claimed);
  };
  for (const construct of stackConstructs(apps)) visit(construct, undefined);
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, entry]) => ({
      line,
      column: entry.column,
      path: entry.path,
      resources: uniqueResources(entry.resources),
      types: [...new Set(entry.resources.map((r) => r.type))],
    }));
}

function uniqueResources(resources: readonly SynthesizedResource[]): SynthesizedResource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.templateFile}\u0000${r.logicalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The construct that synthesized `logicalId` into `templateFile`, and where the user wrote it. */
export function sourceOfResource(
  apps: readonly CdkApp[],
  templateFile: string,
  logicalId: string,
  sameFile: (a: string, b: string) => boolean = (a, b) => a === b,
): { readonly construct: CdkConstruct; readonly source: SourcePosition | undefined } | undefined {
  const find = (construct: CdkConstruct): CdkConstruct | undefined => {
    const r = construct.resource;
    if (r && r.logicalId === logicalId && sameFile(r.templateFile, templateFile)) return construct;
    for (const child of construct.children) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const construct of stackConstructs(apps)) {
    const found = find(construct);
    if (found) return { construct: found, source: constructSource(found) };
  }
  return undefined;
}

/** Whether `file` is inside one of the apps' assembly folders (a synthesized template). */
export function assemblyOf(apps: readonly CdkApp[], file: string, isInside: (file: string, folder: string) => boolean): CdkApp | undefined {
  return apps.find((app) => isInside(file, app.outDir));
}
