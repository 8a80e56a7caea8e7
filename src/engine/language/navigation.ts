import type { AnalyzedDocument } from '../analyzedDocument';
import { collectReferences } from '../cfn/references';
import type { Reference } from '../cfn/references';
import type { SectionEntry, TemplateModel } from '../cfn/template';
import type { Span } from '../document/located';
import type { FixEdit } from '../findings';
import { keepQuotes } from '../util/edits';

/** The kinds of named template entries that can be navigated and renamed. */
export type EntryKind = 'parameter' | 'resource' | 'condition' | 'mapping' | 'output';

/** A named entry under the cursor (at its definition or at a reference to it). */
export interface SymbolTarget {
  readonly kind: EntryKind;
  readonly name: string;
  /** The span under the cursor. */
  readonly span: Span;
}

const REFERENCE_KINDS: Readonly<Record<EntryKind, readonly Reference['kind'][]>> = {
  parameter: ['ref', 'sub'],
  resource: ['ref', 'getatt', 'sub', 'dependsOn'],
  condition: ['condition'],
  mapping: ['findInMap'],
  output: [],
};

function sectionOf(template: TemplateModel, kind: EntryKind): ReadonlyMap<string, SectionEntry> {
  switch (kind) {
    case 'parameter':
      return template.parameters;
    case 'resource':
      return template.resources;
    case 'condition':
      return template.conditions;
    case 'mapping':
      return template.mappings;
    case 'output':
      return template.outputs;
  }
}

const ENTRY_KINDS: readonly EntryKind[] = ['parameter', 'resource', 'condition', 'mapping', 'output'];

/** What the reference points at, if it resolves to an entry of the template. */
function targetOfReference(template: TemplateModel, reference: Reference): EntryKind | undefined {
  if (reference.locals?.has(reference.name)) return undefined;
  switch (reference.kind) {
    case 'condition':
      return template.conditions.has(reference.name) ? 'condition' : undefined;
    case 'findInMap':
      return template.mappings.has(reference.name) ? 'mapping' : undefined;
    case 'getatt':
    case 'dependsOn':
      return template.resources.has(reference.name) ? 'resource' : undefined;
    default:
      if (reference.attribute === undefined && template.parameters.has(reference.name)) return 'parameter';
      return template.resources.has(reference.name) ? 'resource' : undefined;
  }
}

/** The entry at an offset: on its key in a section, or on a reference to it. */
export function symbolAt(analyzed: AnalyzedDocument, offset: number): SymbolTarget | undefined {
  const template = analyzed.template;
  if (!template) return undefined;
  for (const kind of ENTRY_KINDS) {
    for (const entry of sectionOf(template, kind).values()) {
      if (offset >= entry.keyNode.span.start && offset <= entry.keyNode.span.end) return { kind, name: entry.name, span: entry.keyNode.span };
    }
  }
  for (const reference of collectReferences(analyzed.document, template)) {
    if (offset < reference.span.start || offset > reference.span.end) continue;
    const kind = targetOfReference(template, reference);
    return kind ? { kind, name: reference.name, span: reference.span } : undefined;
  }
  return undefined;
}

/** The definition (key span) of the entry at an offset. */
export function definitionAt(analyzed: AnalyzedDocument, offset: number): Span | undefined {
  const target = symbolAt(analyzed, offset);
  if (!target || !analyzed.template) return undefined;
  return sectionOf(analyzed.template, target.kind).get(target.name)?.keyNode.span;
}

/** Every reference to the entry at an offset, optionally with its definition first. */
export function referencesAt(analyzed: AnalyzedDocument, offset: number, includeDeclaration: boolean): Span[] {
  const target = symbolAt(analyzed, offset);
  const template = analyzed.template;
  if (!target || !template) return [];
  const spans: Span[] = [];
  if (includeDeclaration) {
    const definition = sectionOf(template, target.kind).get(target.name);
    if (definition) spans.push(definition.keyNode.span);
  }
  for (const reference of collectReferences(analyzed.document, template)) {
    if (reference.name === target.name && REFERENCE_KINDS[target.kind].includes(reference.kind) && targetOfReference(template, reference) === target.kind) spans.push(reference.span);
  }
  return spans;
}

/** Result of a rename request: edits, or a reason it is refused. */
export type RenameResult = { readonly edits: readonly FixEdit[] } | { readonly error: string };

const VALID_ID = /^[A-Za-z0-9]{1,255}$/;

/** Where a rename can start: the entry's span under the cursor and its current name. */
export function prepareRename(analyzed: AnalyzedDocument, offset: number): SymbolTarget | undefined {
  return symbolAt(analyzed, offset);
}

/**
 * Renames a parameter, resource, condition, mapping or output and every reference to it,
 * including `${Name}` inside `Fn::Sub`. Refuses invalid names and collisions.
 */
export function renameAt(analyzed: AnalyzedDocument, offset: number, newName: string): RenameResult {
  const target = symbolAt(analyzed, offset);
  const template = analyzed.template;
  if (!target || !template) return { error: 'Nothing to rename here: place the cursor on a logical id, parameter, condition or mapping name.' };
  if (!VALID_ID.test(newName)) return { error: `'${newName}' is not a valid logical id: use 1-255 letters and digits (A-Z, a-z, 0-9).` };
  if (newName === target.name) return { edits: [] };
  // Parameters and resources share the Ref namespace; the other sections are separate.
  const namespaces: EntryKind[] = target.kind === 'parameter' || target.kind === 'resource' ? ['parameter', 'resource'] : [target.kind];
  for (const kind of namespaces) {
    if (sectionOf(template, kind).has(newName)) return { error: `A ${kind} named '${newName}' already exists.` };
  }
  const inexact = collectReferences(analyzed.document, template).find((r) => r.inexact && r.name === target.name && REFERENCE_KINDS[target.kind].includes(r.kind));
  if (inexact) {
    const line = analyzed.lineIndex.positionAt(inexact.span.start).line + 1;
    return { error: `Cannot rename safely: the Fn::Sub string on line ${line} uses escape sequences around \${${target.name}}; edit it by hand first.` };
  }
  const text = analyzed.text;
  const spans = referencesAt(analyzed, offset, true);
  const edits = spans.map((span) => ({ span, newText: keepQuotes(text, span, newName) }));
  return { edits };
}
