/**
 * Where in the user's source a construct was made, with a stated precision:
 * resource -> `aws:cdk:path` -> creation frames (the construct's own, else its nearest ancestor's)
 * -> first frame inside the project -> `.js` to `.ts` through source maps -> the property's key in
 * the props literal (`property`), else the construct call (`construct`); without frames, the
 * static id match (`inferred`); else nothing (the finding stays on the template).
 */
import * as path from 'node:path';
import type { CdkStack } from '../../engine/cdk/assemblyModel';
import { creationFrameLines, lastPropertyAssignment } from '../../engine/cdk/frames';
import { FrameFiles, type SourcePosition } from './frameFiles';
import { locateAssignment, locateInPython, locateInScript, type CallPlacement, type SourceRange } from './propertyLocator';
import { ConstructCallIndex, listSourceFiles } from './staticLocator';
import { RunFiles } from './runFiles';

/** How sure the placement is: on the property key, on the construct call, or inferred from ids. */
export type PlacementPrecision = 'property' | 'construct' | 'file';

/** A construct's place in source. */
export interface SourcePlacement {
  /** Absolute path of the source file. */
  readonly file: string;
  readonly range: SourceRange;
  readonly precision: PlacementPrecision;
  /** True when found by the static id match (no creation frames): messages say so. */
  readonly inferred: boolean;
  /** The construct id the static match used. */
  readonly matchedId?: string;
  /** Zero-based line of the construct call (suppression comments are read there and on the line above). */
  readonly callLine: number;
}

/**
 * Finds sources of constructs for one app; caches files, maps and the static index per instance.
 * One instance serves one lint run: every file it (and its FrameFiles, the static index and the
 * OpenAPI asset check) reads is read once, and the app folder is listed once.
 */
export class SourceLocator {
  private readonly frames: FrameFiles;
  private staticIndex: ConstructCallIndex | undefined;
  private sources: readonly string[] | undefined;
  /** What this run reads: shared with the frame files, the static index and the OpenAPI asset check. */
  readonly files = new RunFiles();
  private readonly lineCache = new Map<string, readonly string[] | undefined>();
  /** Placements already made (several findings, and stacks made by the same code, share them). */
  private readonly placements = new Map<string, SourcePlacement>();

  constructor(private readonly appDir: string | undefined) {
    this.frames = new FrameFiles(appDir, this.files);
  }

  /** The app's source files (staticLocator.ts's `listSourceFiles`), listed once per run; empty without an app folder. */
  sourceFiles(): readonly string[] {
    return (this.sources ??= this.appDir === undefined ? [] : listSourceFiles(this.appDir, this.files));
  }

  /** The lines of a source file (cached for this run). */
  lines(file: string): readonly string[] | undefined {
    if (!this.lineCache.has(file)) this.lineCache.set(file, this.text(file)?.split('\n'));
    return this.lineCache.get(file);
  }

  /** Whether a suppression comment of the placement's file names `rule` (see {@link isSuppressedInLines}). */
  isSuppressed(placement: SourcePlacement, rule: string): boolean {
    return isSuppressedInLines(this.lines(placement.file), placement, rule);
  }

  /** The text of a source file (cached for this run). */
  text(file: string): string | undefined {
    return this.files.text(file);
  }

  /** The recorded creation position of the construct at `constructPath` or its nearest ancestor with frames. */
  creationPosition(stack: CdkStack, constructPath: string): SourcePosition | undefined {
    const segments = constructPath.split('/');
    for (let length = segments.length; length > 0; length--) {
      const lines = creationFrameLines(stack.metadata.get(`/${segments.slice(0, length).join('/')}`));
      if (lines.length === 0) continue;
      const position = this.frames.firstProjectPositionOfLines(lines);
      if (position) return position;
    }
    return undefined;
  }

  /** Places a construct (and a CloudFormation property path of its resource, when given). */
  place(stack: CdkStack, constructPath: string, propertyPath: readonly (string | number)[] = []): SourcePlacement | undefined {
    const position = this.creationPosition(stack, constructPath);
    const assigned = this.assignedLater(stack, constructPath, propertyPath, position);
    if (assigned) return assigned;
    if (position) return this.atPosition(position, propertyPath, false);
    return this.inferred(constructPath, propertyPath);
  }

  /**
   * Where the property was set after the construct call (`aws:cdk:propertyAssignment`, debug
   * mode): a later assignment or `addPropertyOverride` set the value the template holds, so the
   * finding belongs on that line. Undefined when nothing was recorded, or when the recorded
   * place is the construct call itself (an L2 filling its own resource: the props literal says more).
   */
  private assignedLater(stack: CdkStack, constructPath: string, propertyPath: readonly (string | number)[], creation: SourcePosition | undefined): SourcePlacement | undefined {
    const first = propertyPath[0];
    if (typeof first !== 'string') return undefined;
    const assignment = lastPropertyAssignment(stack.metadata.get(`/${constructPath}`), first);
    const position = assignment ? this.frames.firstProjectPositionOfLines(assignment.frames) : undefined;
    if (!position || (creation && position.file === creation.file && position.line === creation.line)) return undefined;
    const text = this.text(position.file);
    if (text === undefined) return undefined;
    const located = position.file.endsWith('.py') ? undefined : locateAssignment(position.file, text, position.line, position.column, propertyPath);
    const lineText = this.lines(position.file)?.[position.line] ?? '';
    const wholeLine: SourceRange = { start: { line: position.line, character: lineText.search(/\S|$/) }, end: { line: position.line, character: lineText.trimEnd().length } };
    // Suppression comments are read on the construct's line too (when in the same file), as for any finding of it.
    const callLine = creation?.file === position.file ? this.atPosition(creation, [], false).callLine : (located?.callLine ?? position.line);
    return { file: position.file, range: located?.property ?? located?.call ?? wholeLine, precision: 'property', inferred: false, callLine };
  }

  /** Places a position recorded in frames (validation report stack traces). */
  placeFrames(frames: Parameters<FrameFiles['firstProjectPosition']>[0], propertyPath: readonly (string | number)[]): SourcePlacement | undefined {
    const position = this.frames.firstProjectPosition(frames);
    return position ? this.atPosition(position, propertyPath, false) : undefined;
  }

  private atPosition(position: SourcePosition, propertyPath: readonly (string | number)[], inferred: boolean, matchedId?: string): SourcePlacement {
    const key = [position.file, position.line, position.column, inferred, matchedId ?? '', ...propertyPath].join('\0');
    let placement = this.placements.get(key);
    if (!placement) this.placements.set(key, (placement = this.atPositionUncached(position, propertyPath, inferred, matchedId)));
    return placement;
  }

  private atPositionUncached(position: SourcePosition, propertyPath: readonly (string | number)[], inferred: boolean, matchedId?: string): SourcePlacement {
    const text = this.text(position.file);
    let call: CallPlacement | undefined;
    if (text !== undefined) {
      call = position.file.endsWith('.py') ? locateInPython(text, position.line, propertyPath) : locateInScript(position.file, text, position.line, position.column, propertyPath);
    }
    const base = { file: position.file, inferred, ...(matchedId !== undefined ? { matchedId } : {}) };
    if (call?.property) return { ...base, range: call.property, precision: 'property', callLine: call.callLine };
    if (call) return { ...base, range: call.call, precision: 'construct', callLine: call.callLine };
    const lineLength = this.lines(position.file)?.[position.line]?.length ?? position.column;
    return { ...base, range: { start: { line: position.line, character: position.column }, end: { line: position.line, character: Math.max(position.column, lineLength) } }, precision: 'construct', callLine: position.line };
  }

  private inferred(constructPath: string, propertyPath: readonly (string | number)[]): SourcePlacement | undefined {
    if (this.appDir === undefined) return undefined;
    this.staticIndex ??= new ConstructCallIndex(this.sourceFiles(), this.files);
    const match = this.staticIndex.find(constructPath);
    if (!match) return undefined;
    return this.atPosition({ file: match.call.file, line: match.call.line, column: match.call.column }, propertyPath, true, match.matchedId);
  }

  /** A file path as shown to the user: relative to the app folder's parent when inside it. */
  static display(file: string, base: string): string {
    const relative = path.relative(base, file);
    return relative.startsWith('..') ? file : relative;
  }
}

/**
 * `// archlens-ignore rule-a, rule-b -- reason` (or `# ...` in Python; `archlens-disable-line` and
 * `archlens-disable-next-line` read the same, as in templates): the rule ids named, `*` for all.
 */
export function ignoredRulesOnLine(line: string | undefined): string[] {
  if (line === undefined) return [];
  const match = /(?:\/\/|#)\s*archlens-(?:ignore|disable-line|disable-next-line)\b([^\n\r]*)/.exec(line);
  if (!match) return [];
  const rules = match[1]!.split('--')[0]!.split(/[\s,]+/).filter((rule) => /^[a-z][a-z0-9-]*$/.test(rule));
  return rules.length > 0 ? rules : ['*'];
}

/** Whether a suppression comment (in the file's `lines`) on the construct's line, the line above it or the finding's line names `rule`. */
export function isSuppressedInLines(lines: readonly string[] | undefined, placement: SourcePlacement, rule: string): boolean {
  if (lines === undefined) return false;
  for (const line of new Set([placement.callLine, placement.callLine - 1, placement.range.start.line, placement.range.start.line - 1])) {
    const rules = ignoredRulesOnLine(lines[line]);
    if (rules.includes(rule) || rules.includes('*')) return true;
  }
  return false;
}
