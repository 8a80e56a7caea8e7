import type { LocatedNode, Pair, ParsedDocument, Span } from '../document/located';
import { moveSpan } from '../util/edits';
import { EntryMemo, keepsEntries, NO_ENVIRONMENT } from './entryMemo';
import { asIntrinsic, subVariables } from './intrinsics';
import type { TemplateModel } from './template';
import { spendBudget } from '../util/workBudget';

/** What a reference points at. */
export type ReferenceKind = 'ref' | 'getatt' | 'sub' | 'dependsOn' | 'condition' | 'findInMap';

/** One reference from somewhere in the template to a named entry. */
export interface Reference {
  readonly kind: ReferenceKind;
  /** The referenced name (a resource, parameter, condition, mapping or pseudo parameter). */
  readonly name: string;
  /** Span of the name itself, for diagnostics, go-to-definition and rename. */
  readonly span: Span;
  /** For `getatt` and `${A.B}`: the attribute (`B`, nested names keep dots). */
  readonly attribute?: string;
  readonly attributeSpan?: Span;
  /** For `findInMap`: the literal top-level and second-level keys, when literal. */
  readonly mapKeys?: readonly (LocatedNode | undefined)[];
  /** Section and entry the reference sits in, e.g. `Resources` / `MyBucket`. */
  readonly section: string;
  readonly from: string;
  /** Names that are local where the reference sits (Sub variable maps, ForEach identifiers). */
  readonly locals?: ReadonlySet<string>;
  /** True when `span` is the whole Sub string, not the name (escapes made exact offsets impossible). */
  readonly inexact?: true;
}

/** Pseudo parameters usable with `Ref` and in `Fn::Sub`. */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const WALKED_SECTIONS = ['Resources', 'Outputs', 'Conditions', 'Rules', 'Metadata', 'Globals'];
const cache = new WeakMap<ParsedDocument, Reference[]>();
/** Each entry's references, kept across analyses: they depend on nothing outside the entry. */
const entryReferences = new EntryMemo<readonly Reference[]>(moveReferences);

/**
 * Every reference in the template, in source order. Computed once per document; an entry that an
 * edit left alone keeps its references from the previous analysis (cfn/entryMemo.ts).
 */
export function collectReferences(document: ParsedDocument, template: TemplateModel): readonly Reference[] {
  const cached = cache.get(document);
  if (cached) return cached;
  const out: Reference[] = [];
  const keep = keepsEntries(document);
  for (const section of WALKED_SECTIONS) {
    const value = template.sections.get(section)?.value;
    if (value?.kind !== 'mapping') continue;
    for (const pair of value.pairs) {
      if (!keep) {
        referencesOfEntry(document.text, section, pair, out);
        continue;
      }
      const references = entryReferences.through(document, pair, NO_ENVIRONMENT, () => referencesOfEntry(document.text, section, pair, []));
      for (const reference of references) out.push(reference);
    }
  }
  cache.set(document, out);
  return out;
}

/** Adds the references of one section entry to `out`. */
function referencesOfEntry(text: string, section: string, pair: Pair, out: Reference[]): Reference[] {
  const collector = new ReferenceCollector(text, section, pair.key.text, out);
  const conditionContext = section === 'Conditions' || section === 'Rules';
  if (pair.key.text.startsWith('Fn::ForEach::')) {
    collector.walkForEach(pair.value, conditionContext, new Set());
    return out;
  }
  if (section === 'Resources' || section === 'Outputs') collector.entryAttributes(pair.value);
  collector.walk(pair.value, conditionContext, new Set());
  return out;
}

/** An entry's references after an edit above it moved them by `delta` (map keys are nodes: the re-parse moved those). */
function moveReferences(references: readonly Reference[], delta: number): readonly Reference[] {
  return references.map((reference) => ({ ...reference, span: moveSpan(reference.span, delta), ...(reference.attributeSpan ? { attributeSpan: moveSpan(reference.attributeSpan, delta) } : {}) }));
}

class ReferenceCollector {
  constructor(
    private readonly text: string,
    private readonly section: string,
    private readonly from: string,
    private readonly out: Reference[],
  ) {}

  private add(reference: Omit<Reference, 'section' | 'from'>, locals: ReadonlySet<string>): void {
    // Mutating the fresh literal avoids a second allocation per reference (templates hold thousands).
    const out = reference as { section?: string; from?: string; locals?: ReadonlySet<string> };
    out.section = this.section;
    out.from = this.from;
    if (locals.size > 0) out.locals = locals;
    this.out.push(out as Reference);
  }

  /** `DependsOn` and `Condition` attributes of a resource or output. */
  entryAttributes(entry: LocatedNode): void {
    if (entry.kind !== 'mapping') return;
    for (const pair of entry.pairs) {
      if (pair.key.text === 'DependsOn' && this.section === 'Resources') {
        const items = pair.value.kind === 'sequence' ? pair.value.items : [pair.value];
        for (const item of items) if (item.kind === 'scalar' && typeof item.value === 'string') this.add({ kind: 'dependsOn', name: item.text, span: item.span }, new Set());
      } else if (pair.key.text === 'Condition' && pair.value.kind === 'scalar' && typeof pair.value.value === 'string') {
        this.add({ kind: 'condition', name: pair.value.text, span: pair.value.span }, new Set());
      }
    }
  }

  /** Walks a value; `conditionContext` is true inside condition functions, where `{Condition: X}` is a reference. */
  walk(node: LocatedNode, conditionContext: boolean, locals: ReadonlySet<string>): void {
    spendBudget();
    if (node.kind === 'scalar') return;
    if (node.kind === 'sequence') {
      for (const item of node.items) this.walk(item, conditionContext, locals);
      return;
    }
    const call = asIntrinsic(node, conditionContext);
    if (!call) {
      for (const pair of node.pairs) {
        if (pair.key.text.startsWith('Fn::ForEach::')) this.walkForEach(pair.value, conditionContext, locals);
        else this.walk(pair.value, conditionContext, locals);
      }
      return;
    }
    const argument = call.argument;
    if (call.name.startsWith('Fn::ForEach::')) {
      this.walkForEach(argument, conditionContext, locals);
      return;
    }
    switch (call.name) {
      case 'Ref':
        if (argument.kind === 'scalar' && typeof argument.value === 'string') this.add({ kind: 'ref', name: argument.text, span: argument.span }, locals);
        else this.walk(argument, conditionContext, locals);
        return;
      case 'Condition':
        if (argument.kind === 'scalar' && typeof argument.value === 'string') this.add({ kind: 'condition', name: argument.text, span: argument.span }, locals);
        return;
      case 'Fn::GetAtt':
        this.getAtt(argument, conditionContext, locals);
        return;
      case 'Fn::Sub':
        this.sub(argument, conditionContext, locals);
        return;
      case 'Fn::FindInMap':
        this.findInMap(argument, conditionContext, locals);
        return;
      case 'Fn::If':
        if (argument.kind === 'sequence') {
          const [condition, ...branches] = argument.items;
          if (condition?.kind === 'scalar' && typeof condition.value === 'string') this.add({ kind: 'condition', name: condition.text, span: condition.span }, locals);
          for (const branch of branches) this.walk(branch, conditionContext, locals);
        }
        return;
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Fn::Equals':
        this.walk(argument, true, locals);
        return;
      default:
        this.walk(argument, conditionContext, locals);
    }
  }

  walkForEach(value: LocatedNode, conditionContext: boolean, locals: ReadonlySet<string>): void {
    if (value.kind !== 'sequence') return;
    const identifier = value.items[0];
    const inner = new Set(locals);
    if (identifier?.kind === 'scalar') inner.add(identifier.text);
    for (const item of value.items.slice(1)) this.walk(item, conditionContext, inner);
  }

  private getAtt(argument: LocatedNode, conditionContext: boolean, locals: ReadonlySet<string>): void {
    if (argument.kind === 'scalar' && typeof argument.value === 'string') {
      const dot = argument.text.indexOf('.');
      const name = dot < 0 ? argument.text : argument.text.slice(0, dot);
      const exact = this.text.slice(argument.span.start, argument.span.end).indexOf(argument.text);
      const base = exact >= 0 ? argument.span.start + exact : argument.span.start;
      const nameSpan = exact >= 0 ? { start: base, end: base + name.length } : argument.span;
      const attribute = dot < 0 ? undefined : argument.text.slice(dot + 1);
      this.add(
        { kind: 'getatt', name, span: nameSpan, ...(attribute !== undefined ? { attribute, attributeSpan: exact >= 0 ? { start: base + dot + 1, end: base + argument.text.length } : argument.span } : {}) },
        locals,
      );
      return;
    }
    if (argument.kind === 'sequence') {
      const [resource, attribute] = argument.items;
      if (resource?.kind === 'scalar' && typeof resource.value === 'string') {
        const literalAttribute = attribute?.kind === 'scalar' && typeof attribute.value === 'string' ? attribute : undefined;
        this.add(
          { kind: 'getatt', name: resource.text, span: resource.span, ...(literalAttribute ? { attribute: literalAttribute.text, attributeSpan: literalAttribute.span } : {}) },
          locals,
        );
      }
      if (attribute && attribute.kind !== 'scalar') this.walk(attribute, conditionContext, locals);
    }
  }

  private sub(argument: LocatedNode, conditionContext: boolean, locals: ReadonlySet<string>): void {
    let template: LocatedNode | undefined = argument;
    let scope = locals;
    if (argument.kind === 'sequence') {
      template = argument.items[0];
      const variables = argument.items[1];
      if (variables?.kind === 'mapping') {
        scope = new Set([...locals, ...variables.pairs.map((pair) => pair.key.text)]);
        for (const pair of variables.pairs) this.walk(pair.value, conditionContext, locals);
      }
    }
    if (template?.kind !== 'scalar' || typeof template.value !== 'string') {
      if (template) this.walk(template, conditionContext, locals);
      return;
    }
    for (const variable of subVariables(template, this.text)) {
      const dot = variable.name.indexOf('.');
      const inexact = variable.exact ? {} : { inexact: true as const };
      if (dot < 0 || PSEUDO_PARAMETERS.has(variable.name)) {
        this.add({ kind: 'sub', name: variable.name, span: { start: variable.start, end: variable.end }, ...inexact }, scope);
      } else {
        const nameEnd = variable.exact ? variable.start + dot : variable.end;
        this.add(
          {
            kind: 'sub',
            name: variable.name.slice(0, dot),
            span: { start: variable.start, end: nameEnd },
            attribute: variable.name.slice(dot + 1),
            attributeSpan: variable.exact ? { start: nameEnd + 1, end: variable.end } : { start: variable.start, end: variable.end },
            ...inexact,
          },
          scope,
        );
      }
    }
  }

  private findInMap(argument: LocatedNode, conditionContext: boolean, locals: ReadonlySet<string>): void {
    if (argument.kind !== 'sequence') return;
    const [map, first, second, fallback] = argument.items;
    if (map?.kind === 'scalar' && typeof map.value === 'string') {
      // With a DefaultValue (AWS::LanguageExtensions) missing keys are allowed: only the map name is checked.
      this.add({ kind: 'findInMap', name: map.text, span: map.span, mapKeys: fallback ? [] : [first, second] }, locals);
    } else if (map) this.walk(map, conditionContext, locals);
    for (const key of argument.items.slice(1)) this.walk(key, conditionContext, locals);
  }
}
