// Where the user's code created each construct of the tree, through the assembly reader's
// `SourceLocator` (src/node/cdk/sourceLocator.ts: creation frames -> first project frame ->
// source map -> the construct call; the static id match when the assembly has no frames), so a
// click in the tree, a code lens and a squiggle land on the same line.
//
// The tree asks per construct, and an L2 has no frames of its own: the reader would answer with
// its nearest ancestor's (the stack's `new` line in bin/app.ts). So with frames in the assembly,
// only constructs that have their own are placed, and an L2 takes its L1 child's place
// (`constructSource` in src/views/cdk/cdkModel.ts); without frames, every construct is matched by id.
import type { CdkAssembly } from '../../engine/cdk/assemblyModel';
import { creationFrames } from '../../engine/cdk/frames';
import { SourceLocator as AssemblySourceLocator } from '../../node/cdk/sourceLocator';
import type { SourceLocator } from './appSnapshot';

export function constructLocator(appDir: string, assembly: CdkAssembly): SourceLocator {
  const locator = new AssemblySourceLocator(appDir);
  const hasFrames = assembly.capabilities.creationStack || assembly.capabilities.trace;
  return (stack, constructPath) => {
    if (hasFrames) {
      // The recorded frame alone: no need to parse the source for the call's range (that loads the
      // TypeScript compiler), the tree opens the line.
      if (creationFrames(stack.metadata.get(`/${constructPath}`)).length === 0) return undefined;
      const position = locator.creationPosition(stack, constructPath);
      return position ? { ...position, precision: 'trace' } : undefined;
    }
    const placement = locator.place(stack, constructPath);
    if (!placement) return undefined;
    return { file: placement.file, line: placement.range.start.line, column: placement.range.start.character, precision: placement.inferred ? 'inferred' : 'trace' };
  };
}
