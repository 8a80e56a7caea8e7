/**
 * Go to definition, find references and rename for OpenAPI documents. A `$ref` leads to its
 * target (in this file or a relative file read through the host); references of a component
 * are the `$ref`s of this document that point at or into it (and, for security schemes, the
 * security requirements naming it); rename rewrites the component key and every local
 * `$ref` to it, with JSON-pointer escaping, keeping each token's quotes.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { ScalarNode, Span } from '../../document/located';
import { getValue } from '../../document/located';
import type { FixEdit } from '../../findings';
import type { OpenApiModel } from '../model';
import { escapeFragmentToken } from '../pointer';
import type { OpenApiLanguageHost, OpenApiLocation, Target } from './languageModel';
import { allRefs, languageModel, locationOfNode, refAt, refMatches, sectionOfKey, segmentSpan, targetAt } from './languageModel';

/** The definition of what is under the cursor: the target of a `$ref`, a component, a security scheme. */
export function openApiDefinitionAt(analyzed: AnalyzedDocument, offset: number, host?: OpenApiLanguageHost): OpenApiLocation | undefined {
  const model = languageModel(analyzed, host);
  if (!model) return undefined;
  const occurrence = refAt(model, offset);
  if (occurrence && !occurrence.bareName) {
    const resolution = model.resolve(occurrence.ref);
    return resolution.ok ? locationOfNode(model, resolution.node, resolution.base) : undefined;
  }
  const target = targetAt(model, offset);
  if (!target?.keySpan) return undefined;
  return target.local ? { span: target.keySpan } : { fileName: target.file, span: target.keySpan };
}

/**
 * References of the component under the cursor (on its key or on a `$ref` to it) in this
 * document, optionally with its definition first (in another file for a cross-file component).
 */
export function openApiReferencesAt(analyzed: AnalyzedDocument, offset: number, includeDeclaration: boolean, host?: OpenApiLanguageHost): OpenApiLocation[] {
  const model = languageModel(analyzed, host);
  const target = model ? targetAt(model, offset) : undefined;
  if (!model || !target) return [];
  const out: OpenApiLocation[] = [];
  if (includeDeclaration && target.keySpan) out.push(target.local ? { span: target.keySpan } : { fileName: target.file, span: target.keySpan });
  for (const span of referenceSpans(model, target)) out.push({ span });
  return out;
}

function referenceSpans(model: OpenApiModel, target: Target): Span[] {
  const spans = allRefs(model).filter((occurrence) => refMatches(model, occurrence, target)).map((occurrence) => occurrence.value.span);
  if (target.isSecurityScheme && target.local) for (const requirement of securityNames(model, target.name)) spans.push(requirement.span);
  return spans.sort((a, b) => a.start - b.start);
}

function securityNames(model: OpenApiModel, name: string): ScalarNode[] {
  return model.index.security.filter((requirement) => requirement.name.text === name).map((requirement) => requirement.name);
}

/** What a rename starts from: the span to show and the current name. */
export interface OpenApiRenameTarget {
  readonly span: Span;
  readonly name: string;
}

/** Where a rename can start: a component of this document, on its key, a `$ref` to it or a security requirement. */
export function openApiPrepareRename(analyzed: AnalyzedDocument, offset: number, host?: OpenApiLanguageHost): OpenApiRenameTarget | undefined {
  const model = languageModel(analyzed, host);
  const target = model ? renameTarget(model, offset) : undefined;
  if (!model || !target) return undefined;
  // On a `$ref`, the name's segment inside the string when it can be found.
  const onRef = refAt(model, offset);
  if (onRef && !onRef.bareName) return { span: segmentSpan(analyzed.text, onRef.value, target.tokens.length - 1) ?? target.span, name: target.name };
  return { span: target.span, name: target.name };
}

function renameTarget(model: OpenApiModel, offset: number): Target | undefined {
  const target = targetAt(model, offset);
  if (!target?.local || !target.node || !target.keySpan) return undefined;
  return sectionOfKey(model, target.tokens) ? target : undefined;
}

/** Result of a rename request: edits, or a reason it is refused. */
export type OpenApiRenameResult = { readonly edits: readonly FixEdit[] } | { readonly error: string };

const COMPONENT_NAME_3 = /^[a-zA-Z0-9.\-_]+$/;

/** Renames a component of this document: its key and every `$ref` (and discriminator mapping, security requirement) to it. */
export function openApiRenameAt(analyzed: AnalyzedDocument, offset: number, newName: string, host?: OpenApiLanguageHost): OpenApiRenameResult {
  const model = languageModel(analyzed, host);
  const target = model ? renameTarget(model, offset) : undefined;
  if (!model || !target) {
    const onOtherFile = model ? targetAt(model, offset) : undefined;
    if (onOtherFile && !onOtherFile.local) return { error: `'${onOtherFile.name}' is defined in ${onOtherFile.file}: open that file to rename it.` };
    return { error: 'Nothing to rename here: place the cursor on a component name or on a $ref to a component of this file.' };
  }
  if (model.version !== '2.0' && !COMPONENT_NAME_3.test(newName)) return { error: `'${newName}' is not a valid component name: OpenAPI ${model.version} allows only letters, digits, '.', '-' and '_'.` };
  if (model.version === '2.0' && (newName.trim() === '' || newName !== newName.trim() || /["'\\#%\u0000-\u001f]/.test(newName))) {
    return { error: `'${newName}' is not a usable name: avoid quotes, backslashes, '#', '%', control characters and leading or trailing spaces.` };
  }
  if (newName === target.name) return { edits: [] };
  const section = target.tokens.slice(0, -1);
  const sectionNode = section.length === 1 ? getValue(model.root, section[0]!) : getValue(getValue(model.root, section[0]!), section[1]!);
  if (getValue(sectionNode, newName) !== undefined) return { error: `'${newName}' already exists in ${section.join('.')}.` };

  const text = analyzed.text;
  const json = analyzed.document.format === 'json';
  const edits: FixEdit[] = [{ span: target.keySpan!, newText: scalarText(text, target.keySpan!, newName, json) }];
  const index = target.tokens.length - 1;
  for (const occurrence of allRefs(model)) {
    if (!refMatches(model, occurrence, target)) continue;
    const value = occurrence.bareName ? newName : rewriteRef(String(occurrence.value.value), index, newName);
    if (value === undefined) return { error: `Cannot rename safely: the $ref '${String(occurrence.value.value)}' could not be rewritten; edit it by hand first.` };
    edits.push({ span: occurrence.value.span, newText: scalarText(text, occurrence.value.span, value, json) });
  }
  if (target.isSecurityScheme) for (const name of securityNames(model, target.name)) edits.push({ span: name.span, newText: scalarText(text, name.span, newName, json) });
  edits.sort((a, b) => a.span.start - b.span.start);
  return { edits };
}

/** Replaces pointer token `index` of a `$ref` with a new name (escaped per RFC 6901 and for a URI fragment). */
export function rewriteRef(ref: string, index: number, newName: string): string | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const segments = ref.slice(hash + 1).split('/');
  if (segments[index + 1] === undefined) return undefined;
  segments[index + 1] = escapeFragmentToken(newName);
  return ref.slice(0, hash + 1) + segments.join('/');
}

/** Source text for a scalar with a new value, keeping its quoting style (and quoting plain YAML that would change meaning). */
function scalarText(text: string, span: Span, value: string, json: boolean): string {
  const first = text[span.start];
  const quoted = (first === '"' || first === "'") && text[span.end - 1] === first && span.end - span.start >= 2;
  if (json || (quoted && first === '"')) return JSON.stringify(value);
  if (quoted) return `'${value.replace(/'/g, "''")}'`;
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_./~#-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[0-9.+-]+)$/i.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}
