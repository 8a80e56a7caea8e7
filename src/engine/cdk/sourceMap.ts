/**
 * A small source map v3 reader (base64 VLQ `mappings`), enough to move a creation frame of
 * compiled JavaScript to its TypeScript line: no dependency, no native code. Index maps
 * (`sections`) are not supported (tsc and esbuild never write them for single files).
 */
import { asObject, own, ownString, parseJson } from './json';

/** A position in an original source: zero-based line and column, the source as the map names it. */
export interface OriginalPosition {
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** A decoded map: per generated line, segments sorted by generated column. */
export interface DecodedSourceMap {
  readonly sources: readonly string[];
  readonly sourceRoot: string;
  /** `[generatedColumn, sourceIndex, sourceLine, sourceColumn]` per segment. */
  readonly lines: readonly (readonly (readonly [number, number, number, number])[])[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));
/** Maps of huge bundles are not what a CDK app's frames point at; bound the work. */
const MAX_MAPPINGS_LENGTH = 20_000_000;

/** Decodes one VLQ segment's fields; undefined on a character outside base64. */
export function decodeVlqSegment(segment: string): number[] | undefined {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) return undefined;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      if (shift > 30) return undefined;
      continue;
    }
    values.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return shift === 0 ? values : undefined;
}

/** Parses and decodes a source map's JSON text; undefined when it is not a usable v3 map. */
export function decodeSourceMap(text: string): DecodedSourceMap | undefined {
  const map = asObject(parseJson(text).value);
  const mappings = ownString(map, 'mappings');
  const sourcesValue = own(map, 'sources');
  if (mappings === undefined || mappings.length > MAX_MAPPINGS_LENGTH || !Array.isArray(sourcesValue)) return undefined;
  const sources = sourcesValue.map((source) => (typeof source === 'string' ? source : ''));
  const lines: [number, number, number, number][][] = [];
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: [number, number, number, number][] = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlqSegment(segmentText);
      if (!fields || fields.length === 0) return undefined;
      column += fields[0]!;
      if (fields.length < 4) continue;
      sourceIndex += fields[1]!;
      sourceLine += fields[2]!;
      sourceColumn += fields[3]!;
      segments.push([column, sourceIndex, sourceLine, sourceColumn]);
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return { sources, sourceRoot: ownString(map, 'sourceRoot') ?? '', lines };
}

/** The original position of a zero-based generated line and column (the closest segment at or before it). */
export function originalPositionFor(map: DecodedSourceMap, line: number, column: number): OriginalPosition | undefined {
  const segments = map.lines[line];
  if (!segments || segments.length === 0) return undefined;
  let found = segments[0]!;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  const source = map.sources[found[1]];
  if (source === undefined || source === '') return undefined;
  return { source: map.sourceRoot ? `${map.sourceRoot.replace(/\/$/, '')}/${source}` : source, line: found[2], column: found[3] };
}

/** The `sourceMappingURL` comment's value at the end of a generated file, if any. */
export function sourceMappingUrl(generated: string): string | undefined {
  const tail = generated.slice(-8_192);
  const match = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(tail);
  return match?.[1];
}

/** Decodes an inline `data:application/json;base64,...` source map URL's JSON text. */
export function inlineSourceMapText(url: string, decodeBase64: (base64: string) => string): string | undefined {
  const match = /^data:application\/json;(?:charset=[\w-]+;)?base64,([A-Za-z0-9+/=]+)$/.exec(url);
  return match ? decodeBase64(match[1]!) : undefined;
}
