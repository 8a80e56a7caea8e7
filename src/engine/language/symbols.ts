import type { AnalyzedDocument } from '../analyzedDocument';
import type { Span } from '../document/located';
import { lookupTable } from '../util/lookup';

/** Kinds of outline entries. */
export type SymbolKind = 'section' | 'parameter' | 'resource' | 'condition' | 'mapping' | 'output' | 'property';

/** An outline entry: whole span, name span, and children. */
export interface DocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

const SECTION_KINDS: Readonly<Record<string, SymbolKind>> = lookupTable({
  Parameters: 'parameter',
  Resources: 'resource',
  Conditions: 'condition',
  Mappings: 'mapping',
  Outputs: 'output',
});

/** The outline of a template: one node per section, with its entries (resources show their type). */
export function documentSymbols(analyzed: AnalyzedDocument): DocumentSymbol[] {
  const template = analyzed.template;
  if (!template) return [];
  return template.root.pairs.map((pair) => {
    const childKind = SECTION_KINDS[pair.key.text];
    const children: DocumentSymbol[] = [];
    if (childKind && pair.value.kind === 'mapping') {
      for (const entry of pair.value.pairs) {
        const detail = childKind === 'resource' ? template.resources.get(entry.key.text)?.type : undefined;
        children.push({
          name: entry.key.text,
          kind: childKind,
          span: { start: entry.key.span.start, end: Math.max(entry.value.span.end, entry.key.span.end) },
          selectionSpan: entry.key.span,
          children: [],
          ...(detail ? { detail } : {}),
        });
      }
    }
    return {
      name: pair.key.text,
      kind: 'section' as const,
      span: { start: pair.key.span.start, end: Math.max(pair.value.span.end, pair.key.span.end) },
      selectionSpan: pair.key.span,
      children,
    };
  });
}
