// Finding a deployed stack's resources in local template files, with the engine's located
// parser (the same one the linter uses), so a logical id is found as a key of `Resources` and
// never as a look-alike string in a description, a `!Ref` or a comment.
import { resolveTemplateTag } from '../../engine/cfn/shortForms';
import { getPair, getValue, type Span } from '../../engine/document/located';
import { looksLikeJson, parseDocument } from '../../engine/document/parseDocument';

/** The span of the `Resources.<logicalId>` key in a template, or undefined when it is not there. */
export function findLogicalIdSpan(fileName: string, text: string, logicalId: string): Span | undefined {
  // Cheap pre-check: most workspace files do not mention the id at all.
  if (!text.includes(logicalId)) return undefined;
  const { root } = parseDocument(fileName, text, { resolveTag: resolveTemplateTag });
  const pair = getPair(getValue(root, 'Resources'), logicalId);
  return pair ? { start: pair.key.span.start, end: pair.key.span.end } : undefined;
}

/** The logical ids declared under `Resources` (empty for files that are not templates). */
export function templateLogicalIds(fileName: string, text: string): string[] {
  if (!text.includes('Resources')) return [];
  const { root } = parseDocument(fileName, text, { resolveTag: resolveTemplateTag });
  const resources = getValue(root, 'Resources');
  return resources?.kind === 'mapping' ? resources.pairs.map((p) => p.key.text) : [];
}

/**
 * How many of the deployed logical ids a local template declares, for ranking "compare with
 * local file" candidates (a SAM template shares its logical ids with the Original stage).
 */
export function templateOverlap(deployedIds: readonly string[], fileName: string, text: string): number {
  if (deployedIds.length === 0) return 0;
  const local = new Set(templateLogicalIds(fileName, text));
  return deployedIds.filter((id) => local.has(id)).length;
}

/** The language of a deployed template body: GetTemplate returns JSON or YAML as submitted. */
export function templateLanguage(body: string): 'json' | 'yaml' {
  return looksLikeJson('template', body) ? 'json' : 'yaml';
}
