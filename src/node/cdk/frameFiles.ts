/**
 * From a creation frame to a position in the user's source: the first frame inside the project
 * (not node_modules), its file found even when the assembly was synthesized elsewhere (CI, a
 * container, another clone: the longest path suffix that exists under the app folder), then
 * `.js` -> `.ts` through the file's source map (inline or sibling).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrame, type CreationFrame } from '../../engine/cdk/frames';
import { decodeSourceMap, inlineSourceMapText, originalPositionFor, sourceMappingUrl, type DecodedSourceMap } from '../../engine/cdk/sourceMap';
import { DISK, type FileAccess } from './runFiles';

/** A zero-based position in a source file (absolute path). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isDependency(file: string): boolean {
  return file.split(/[\\/]/).includes('node_modules') || /[\\/](site-packages|dist-packages)[\\/]/.test(file) || file.startsWith('node:');
}

/**
 * Decoded source maps by map file (or `.js` file, for inline maps), kept while their text is the
 * same: the server lints an app again after each synth, and tsc rewrites the maps with the same
 * text when their source did not change. The text is read on every run; only decoding is saved.
 */
const decodedMaps = new Map<string, { text: string; map: DecodedSourceMap | undefined }>();
const MAX_DECODED_MAPS = 500;

function decodeCached(key: string, text: string): DecodedSourceMap | undefined {
  const cached = decodedMaps.get(key);
  if (cached && cached.text === text) return cached.map;
  if (decodedMaps.size >= MAX_DECODED_MAPS) decodedMaps.clear();
  const map = decodeSourceMap(text);
  decodedMaps.set(key, { text, map });
  return map;
}

/** Resolves files named by frames and reads their source maps, with caches for one lint run. */
export class FrameFiles {
  private readonly resolved = new Map<string, string | undefined>();
  private readonly maps = new Map<string, DecodedSourceMap | undefined>();
  /** Whether a source-map target exists, asked once per file and run (every construct of a file asks). */
  private readonly existing = new Map<string, boolean>();
  /** Position of each frame line seen (null: not a project frame). */
  private readonly byLine = new Map<string, SourcePosition | null>();
  /**
   * Lower-cased names in the app folder: a suffix candidate whose first part is not there cannot
   * exist, so it is not asked for (a frame recorded in CI names 5 to 10 folders above the app).
   * Empty (unreadable folder): every candidate is asked.
   */
  private topLevel: ReadonlySet<string> | undefined;

  /** `files` reads files and folders (the source locator passes its run's cache). */
  constructor(
    private readonly appDir: string | undefined,
    private readonly files: FileAccess = DISK,
  ) {}

  /** The frame's file on this machine, or undefined when it is not part of the project. */
  resolveFile(recorded: string): string | undefined {
    if (this.resolved.has(recorded)) return this.resolved.get(recorded);
    const answer = this.resolveUncached(recorded);
    this.resolved.set(recorded, answer);
    return answer;
  }

  private resolveUncached(recorded: string): string | undefined {
    if (isDependency(recorded)) return undefined;
    const absolute = path.resolve(this.appDir ?? '.', recorded);
    if (this.appDir === undefined) return isFile(absolute) ? absolute : undefined;
    if (inside(this.appDir, absolute) && isFile(absolute)) return absolute;
    // Synthesized elsewhere: the longest suffix of the recorded path that exists in the app.
    const parts = recorded.split(/[\\/]+/).filter((part) => part !== '');
    this.topLevel ??= new Set(this.files.entries(this.appDir).map((entry) => entry.name.toLowerCase()));
    for (let start = 0; start < parts.length; start++) {
      if (this.topLevel.size > 0 && !this.topLevel.has(parts[start]!.toLowerCase())) continue;
      const candidate = path.join(this.appDir, ...parts.slice(start));
      if (inside(this.appDir, candidate) && isFile(candidate)) return candidate;
    }
    return undefined;
  }

  /** The first frame that resolves to a project file, as a zero-based position (source-mapped when possible). */
  firstProjectPosition(frames: readonly CreationFrame[]): SourcePosition | undefined {
    for (const frame of frames) {
      const position = this.positionOf(frame);
      if (position) return position;
    }
    return undefined;
  }

  /**
   * The same from recorded frame lines, parsed only up to the first project frame (a creation
   * stack holds 10 to 50 frames; the user's is usually among the first few) and remembered by
   * line: constructs made by the same code share their outer frames.
   */
  firstProjectPositionOfLines(lines: readonly string[]): SourcePosition | undefined {
    for (const line of lines) {
      let position = this.byLine.get(line);
      if (position === undefined) {
        const frame = parseFrame(line);
        position = (frame && this.positionOf(frame)) ?? null;
        this.byLine.set(line, position);
      }
      if (position) return position;
    }
    return undefined;
  }

  private positionOf(frame: CreationFrame): SourcePosition | undefined {
    const file = this.resolveFile(frame.file);
    if (file === undefined) return undefined;
    const position = { file, line: frame.line - 1, column: Math.max(0, frame.column - 1) };
    return this.original(position) ?? position;
  }

  /** For compiled JavaScript with a source map: the original position, when that file exists. */
  original(position: SourcePosition): SourcePosition | undefined {
    if (!JS_EXTENSIONS.has(path.extname(position.file))) return undefined;
    const map = this.sourceMap(position.file);
    if (!map) return undefined;
    const original = originalPositionFor(map, position.line, position.column);
    if (!original) return undefined;
    const source = original.source.replace(/^file:\/\//, '');
    const file = path.resolve(path.dirname(position.file), source);
    let exists = this.existing.get(file);
    if (exists === undefined) this.existing.set(file, (exists = isFile(file)));
    return exists ? { file, line: original.line, column: original.column } : undefined;
  }

  private sourceMap(file: string): DecodedSourceMap | undefined {
    if (this.maps.has(file)) return this.maps.get(file);
    let map: DecodedSourceMap | undefined;
    try {
      const generated = this.files.text(file);
      const url = generated === undefined ? undefined : sourceMappingUrl(generated);
      if (url !== undefined) {
        const inline = inlineSourceMapText(url, (base64) => Buffer.from(base64, 'base64').toString('utf8'));
        const mapFile = inline === undefined && !url.includes(':') ? path.resolve(path.dirname(file), decodeURIComponent(url)) : undefined;
        const text = inline ?? (mapFile !== undefined ? this.files.text(mapFile) : undefined);
        map = text === undefined ? undefined : decodeCached(mapFile ?? file, text);
      } else if (generated !== undefined) {
        const text = this.files.text(`${file}.map`);
        map = text === undefined ? undefined : decodeCached(`${file}.map`, text);
      }
    } catch {
      map = undefined;
    }
    this.maps.set(file, map);
    return map;
  }
}
