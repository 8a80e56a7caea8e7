import type { AnalyzedDocument } from '../analyzedDocument';
import type { Finding, Fix } from '../findings';

/**
 * Fixes offered for a finding: its own fixes ("did you mean", "add required
 * properties"), then suppressions for the line, the resource and the file.
 * Comment-based suppressions exist only in YAML (JSON has no comments).
 */
export function codeActionsFor(analyzed: AnalyzedDocument, finding: Finding): Fix[] {
  const fixes: Fix[] = [...(finding.fixes ?? [])];
  if (analyzed.document.format !== 'yaml' || finding.rule === 'cfn-syntax') return fixes;
  const text = analyzed.text;
  const lineStart = analyzed.lineIndex.lineStart(finding.range.start.line);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  fixes.push({
    title: `Suppress ${finding.rule} for this line`,
    edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}# archlens-disable-next-line ${finding.rule}\n` }],
  });
  const resource = resourceContaining(analyzed, finding.span.start);
  if (resource && !resource.hasMetadata) {
    fixes.push({
      title: `Suppress ${finding.rule} for resource ${resource.name}`,
      edits: [{ span: { start: resource.insertAt, end: resource.insertAt }, newText: `\n${resource.indent}Metadata:\n${resource.indent}  archlens:\n${resource.indent}    ignore: [${finding.rule}]` }],
    });
  }
  fixes.push({ title: `Suppress ${finding.rule} for this file`, edits: [{ span: { start: 0, end: 0 }, newText: `# archlens-disable ${finding.rule}\n` }] });
  return fixes;
}

interface ResourceInsertion {
  readonly name: string;
  readonly hasMetadata: boolean;
  /** Where a new resource-level key goes: after the `Type` line. */
  readonly insertAt: number;
  readonly indent: string;
}

function resourceContaining(analyzed: AnalyzedDocument, offset: number): ResourceInsertion | undefined {
  const template = analyzed.template;
  if (!template) return undefined;
  for (const resource of template.resources.values()) {
    if (offset < resource.keyNode.span.start || offset > resource.node.span.end || resource.node.kind !== 'mapping') continue;
    const typePair = resource.node.pairs.find((pair) => pair.key.text === 'Type');
    if (!typePair) return undefined;
    const keyStart = typePair.key.span.start;
    const lineStart = analyzed.text.lastIndexOf('\n', keyStart - 1) + 1;
    const indent = analyzed.text.slice(lineStart, keyStart);
    if (indent.trim() !== '') return undefined; // flow style: no safe insertion
    return { name: resource.name, hasMetadata: resource.node.pairs.some((pair) => pair.key.text === 'Metadata'), insertAt: typePair.value.span.end, indent };
  }
  return undefined;
}
