/**
 * Creation frames as aws-cdk-lib records them (`aws:cdk:creationStack`, `trace`, validation
 * report `stackTraces`): `new DataStack (/app/build/lib/dataStack.js:12:9)`,
 * `at Object.<anonymous> (/app/bin/app.ts:10:1)`, `/app/x.js:3:4`, and summaries such as
 * `...new Function2 in aws-cdk-lib...` or `...node internals...` that name no file.
 */
import type { CdkMetadataEntry } from './assemblyModel';
import { CREATION_STACK, LOGICAL_ID, PROPERTY_ASSIGNMENT } from './metadataKeys';

/** One frame with a file: 1-based line and column, as V8 prints them. */
export interface CreationFrame {
  readonly functionName?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Python frames (`JSII_HOST_STACK_TRACES=1`): `File "/app/stack.py", line 12, in __init__`. */
const PYTHON_FRAME = /^\s*File "([^"]+)", line (\d+)(?:, in (\S+))?/;

/** Parses one frame line; undefined for summaries and anything without `file:line:column`. */
export function parseFrame(raw: string): CreationFrame | undefined {
  const line = raw.length > 4_096 ? raw.slice(0, 4_096) : raw;
  const python = PYTHON_FRAME.exec(line);
  if (python) return { file: python[1]!, line: Number(python[2]), column: 1, ...(python[3] ? { functionName: python[3] } : {}) };
  let text = line.trim().replace(/^at\s+/, '');
  let functionName: string | undefined;
  if (text.endsWith(')')) {
    const open = text.lastIndexOf(' (');
    if (open < 0) return undefined;
    functionName = text.slice(0, open);
    text = text.slice(open + 2, -1);
  }
  const match = /^(.*):(\d+):(\d+)$/.exec(text);
  if (!match || !match[1]) return undefined;
  const file = match[1].replace(/^file:\/\//, '');
  return { file, line: Number(match[2]), column: Number(match[3]), ...(functionName ? { functionName } : {}) };
}

/** The recorded frame lines of a construct: its creation stack, else an older `trace`. */
export function creationFrameLines(entries: readonly CdkMetadataEntry[] | undefined): readonly string[] {
  if (!entries) return [];
  for (const entry of entries) {
    if (entry.type === CREATION_STACK && Array.isArray(entry.data)) return entry.data.filter((frame): frame is string => typeof frame === 'string');
  }
  for (const entry of entries) if (entry.type === LOGICAL_ID && entry.trace) return entry.trace;
  return [];
}

/** Parsed frames of a construct, innermost first. */
export function creationFrames(entries: readonly CdkMetadataEntry[] | undefined): CreationFrame[] {
  return creationFrameLines(entries).map(parseFrame).filter((frame): frame is CreationFrame => frame !== undefined);
}

/** `aws:cdk:propertyAssignment` data: the CloudFormation property set after the construct call, and where. */
export interface PropertyAssignment {
  /** Top-level CloudFormation property name (`SSESpecification`, `Runtime`). */
  readonly propertyName: string;
  /** Frame lines of the assignment, innermost first. */
  readonly frames: readonly string[];
}

/**
 * The last recorded assignment of `propertyName` (compared case- and `_`-insensitively): the
 * last one set the value the template holds. Recorded in debug mode only (`CDK_DEBUG=true`),
 * by L1 property setters, `addPropertyOverride` and L2s that fill properties late.
 */
export function lastPropertyAssignment(entries: readonly CdkMetadataEntry[] | undefined, propertyName: string): PropertyAssignment | undefined {
  if (!entries) return undefined;
  const wanted = propertyName.replace(/_/g, '').toLowerCase();
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    if (entry.type !== PROPERTY_ASSIGNMENT || typeof entry.data !== 'object' || entry.data === null || Array.isArray(entry.data)) continue;
    const data = entry.data as Readonly<Record<string, unknown>>;
    const name = Object.hasOwn(data, 'propertyName') ? data['propertyName'] : undefined;
    const trace = Object.hasOwn(data, 'stackTrace') ? data['stackTrace'] : undefined;
    if (typeof name !== 'string' || name.replace(/_/g, '').toLowerCase() !== wanted || !Array.isArray(trace)) continue;
    return { propertyName: name, frames: trace.filter((frame): frame is string => typeof frame === 'string') };
  }
  return undefined;
}
