/**
 * The outline of an OpenAPI document: every top-level key, with paths (and webhooks) broken
 * down into operations (`GET /pets`, operationId as detail) and the component sections
 * (`components.*` in 3.x; `definitions`, `parameters`, `responses`, `securityDefinitions`
 * in 2.0) into their named entries.
 */
import type { AnalyzedDocument } from '../../analyzedDocument';
import type { LocatedNode, Pair, Span } from '../../document/located';
import { getValue } from '../../document/located';
import { openApiVersion } from '../version';
import { lookupTable } from '../../util/lookup';

/** Kinds of OpenAPI outline entries. */
export type OpenApiSymbolKind = 'section' | 'path' | 'operation' | 'webhook' | 'schema' | 'parameter' | 'response' | 'securityScheme' | 'component';

/** An outline entry: the same shape as the CloudFormation `DocumentSymbol`, with OpenAPI kinds. */
export interface OpenApiDocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OpenApiSymbolKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OpenApiDocumentSymbol[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query', 'x-amazon-apigateway-any-method'];

const ENTRY_KINDS: Readonly<Record<string, OpenApiSymbolKind>> = lookupTable({
  schemas: 'schema',
  definitions: 'schema',
  parameters: 'parameter',
  responses: 'response',
  securitySchemes: 'securityScheme',
  securityDefinitions: 'securityScheme',
});

function pairSpan(pair: Pair): Span {
  return { start: pair.key.span.start, end: Math.max(pair.value.span.end, pair.key.span.end) };
}

function symbol(pair: Pair, kind: OpenApiSymbolKind, children: readonly OpenApiDocumentSymbol[] = [], detail?: string, name = pair.key.text): OpenApiDocumentSymbol {
  return { name, kind, span: pairSpan(pair), selectionSpan: pair.key.span, children, ...(detail ? { detail } : {}) };
}

function stringField(node: LocatedNode | undefined, key: string): string | undefined {
  const value = getValue(node, key);
  if (value?.kind !== 'scalar' || value.value === null) return undefined;
  return typeof value.value === 'string' ? value.value : value.text;
}

/** Operations of a path item as `GET /pets` (webhooks: `POST newPet`). */
function operations(item: LocatedNode, label: string): OpenApiDocumentSymbol[] {
  if (item.kind !== 'mapping') return [];
  return item.pairs
    .filter((pair) => METHODS.includes(pair.key.text))
    .map((pair) => {
      const method = pair.key.text === 'x-amazon-apigateway-any-method' ? 'ANY' : pair.key.text.toUpperCase();
      return symbol(pair, 'operation', [], stringField(pair.value, 'operationId') ?? stringField(pair.value, 'summary'), `${method} ${label}`);
    });
}

function entries(section: LocatedNode, kind: OpenApiSymbolKind): OpenApiDocumentSymbol[] {
  if (section.kind !== 'mapping') return [];
  return section.pairs.map((pair) => symbol(pair, kind, [], kind === 'schema' ? stringField(pair.value, 'type') : kind === 'securityScheme' ? stringField(pair.value, 'type') : undefined));
}

/** The outline of an OpenAPI document (empty when it does not parse). */
export function openApiDocumentSymbols(analyzed: AnalyzedDocument): OpenApiDocumentSymbol[] {
  const root = analyzed.document.root;
  if (root?.kind !== 'mapping') return [];
  const version = openApiVersion(root)?.version;
  return root.pairs.map((pair) => {
    const key = pair.key.text;
    const value = pair.value;
    if ((key === 'paths' || key === 'webhooks') && value.kind === 'mapping') {
      const kind: OpenApiSymbolKind = key === 'paths' ? 'path' : 'webhook';
      return symbol(pair, 'section', value.pairs.map((item) => symbol(item, kind, operations(item.value, item.key.text))));
    }
    if (key === 'components' && version !== '2.0' && value.kind === 'mapping') {
      return symbol(pair, 'section', value.pairs.map((section) => symbol(section, 'section', entries(section.value, ENTRY_KINDS[section.key.text] ?? 'component'))));
    }
    if (version === '2.0' && ENTRY_KINDS[key] && key !== 'schemas' && key !== 'securitySchemes') return symbol(pair, 'section', entries(value, ENTRY_KINDS[key]));
    if (key === 'info') {
      const title = stringField(value, 'title');
      const apiVersion = stringField(value, 'version');
      return symbol(pair, 'section', [], [title, apiVersion].filter(Boolean).join(' ') || undefined);
    }
    if (key === 'openapi' || key === 'swagger') return symbol(pair, 'section', [], value.kind === 'scalar' ? value.text : undefined);
    return symbol(pair, 'section');
  });
}
