// One synthesized template as the CDK tree needs it: each resource's logical id, type, key line and
// `aws:cdk:path`, and the engine's findings counted per resource (findings outside any resource,
// e.g. on Parameters, count for the stack only). Parsed and linted once per template by the
// engine itself, so the tree's counts are the rules' own.
import type { AnalyzedDocument } from '../../engine/analyzedDocument';
import { getValue, isStringScalar } from '../../engine/document/located';
import type { Finding } from '../../engine/findings';
import { NO_FINDINGS, type FindingCounts } from './cdkModel';

export interface IndexedResource {
  readonly logicalId: string;
  readonly type: string;
  /** `Metadata["aws:cdk:path"]` without its leading `/`, when present. */
  readonly cdkPath?: string;
  /** Zero-based line and column of the logical id key. */
  readonly line: number;
  readonly column: number;
  /** Offsets of the whole entry (key to end of value), to find the resource under a cursor. */
  readonly start: number;
  readonly end: number;
  /** Offsets where go to definition answers: the logical id key and the `aws:cdk:path` value. */
  readonly anchors: readonly { readonly start: number; readonly end: number }[];
  readonly findings: FindingCounts;
}

export interface TemplateIndex {
  /** By logical id, in template order. */
  readonly resources: ReadonlyMap<string, IndexedResource>;
  /** By construct path (no leading `/`). */
  readonly byPath: ReadonlyMap<string, IndexedResource>;
}

function counted(counts: FindingCounts, finding: Finding): FindingCounts {
  switch (finding.severity) {
    case 'error':
      return { ...counts, errors: counts.errors + 1 };
    case 'warning':
      return { ...counts, warnings: counts.warnings + 1 };
    default:
      return { ...counts, infos: counts.infos + 1 };
  }
}

/** Indexes an analyzed template; `findings` are the lint findings of that same document. */
export function indexTemplate(analyzed: AnalyzedDocument, findings: readonly Finding[]): TemplateIndex {
  const resources = new Map<string, IndexedResource>();
  const byPath = new Map<string, IndexedResource>();
  const entries = [...(analyzed.template?.resources.values() ?? [])];
  const perEntry = entries.map(() => NO_FINDINGS);
  for (const finding of findings) {
    const at = finding.span.start;
    const i = entries.findIndex((e) => at >= e.keyNode.span.start && at <= e.node.span.end);
    if (i >= 0) perEntry[i] = counted(perEntry[i]!, finding);
  }
  entries.forEach((entry, i) => {
    const pathNode = getValue(getValue(entry.node, 'Metadata'), 'aws:cdk:path');
    const rawPath = isStringScalar(pathNode) ? String(pathNode.value) : undefined;
    const position = analyzed.lineIndex.positionAt(entry.keyNode.span.start);
    const resource: IndexedResource = {
      logicalId: entry.name,
      type: entry.type ?? 'unknown type',
      ...(rawPath ? { cdkPath: rawPath.replace(/^\//, '') } : {}),
      line: position.line,
      column: position.character,
      start: entry.keyNode.span.start,
      end: entry.node.span.end,
      anchors: [entry.keyNode.span, ...(pathNode ? [pathNode.span] : [])].map((span) => ({ start: span.start, end: span.end })),
      findings: perEntry[i]!,
    };
    resources.set(entry.name, resource);
    if (resource.cdkPath !== undefined && !byPath.has(resource.cdkPath)) byPath.set(resource.cdkPath, resource);
  });
  return { resources, byPath };
}

/** The resource whose entry contains `offset`. */
export function resourceAt(index: TemplateIndex, offset: number): IndexedResource | undefined {
  for (const resource of index.resources.values()) if (offset >= resource.start && offset <= resource.end) return resource;
  return undefined;
}

/**
 * The resource whose logical id key or `aws:cdk:path` value is under `offset`: go to definition
 * answers only there, so a `Ref` inside the resource keeps going to its target alone.
 */
export function resourceAnchoredAt(index: TemplateIndex, offset: number): IndexedResource | undefined {
  const resource = resourceAt(index, offset);
  return resource?.anchors.some((a) => offset >= a.start && offset <= a.end) ? resource : undefined;
}
