/**
 * One pass over an OpenAPI document that indexes what the rules look at: path items and
 * operations (in `paths`, 3.1 `webhooks` and callbacks), parameter and schema objects,
 * examples with the schema they illustrate, security requirements and every `$ref`.
 * Reference objects are indexed as refs, not followed: each target is indexed where it is
 * defined, so nothing is visited twice and recursive schemas cannot loop.
 */
import type { LocatedNode, MappingNode, ScalarNode } from '../document/located';
import { getValue, isStringScalar } from '../document/located';
import type { OpenApiVersion } from './version';
import { isJsonSchemaDialect } from './version';

/** A path item in `paths`, `webhooks` or a callback. */
export interface PathItemSite {
  /** The path template (`/pets/{id}`), webhook name or callback expression. */
  readonly key: ScalarNode;
  readonly node: MappingNode;
  readonly container: 'paths' | 'webhooks' | 'callbacks';
  readonly operations: OperationSite[];
}

/** An operation (`get`, `post`...) of a path item. */
export interface OperationSite {
  readonly method: string;
  readonly methodKey: ScalarNode;
  readonly node: MappingNode;
  readonly pathItem: PathItemSite;
}

/** A schema object defined in this file. */
export interface SchemaSite {
  readonly node: MappingNode;
  /**
   * `simple` for the Swagger 2.0 schema-like objects (non-body parameters, headers, items),
   * `response` for a 2.0 response schema (whose root may be `type: file`).
   */
  readonly flavor: 'schema' | 'simple' | 'simple-form' | 'response';
}

/** An example value and the schema it must match. */
export interface ExampleSite {
  readonly value: LocatedNode;
  /** The schema (possibly a `$ref`), undefined when there is none to check against. */
  readonly schema: LocatedNode | undefined;
  /** The media type it is an example of, when it is one. */
  readonly mediaType?: string;
  /** True when `schema` is the schema that holds the example (its own `example`). */
  readonly inSchema: boolean;
}

/** A `$ref` in this file (not inside examples or extensions). */
export interface RefSite {
  /** The object that holds the `$ref`. */
  readonly holder: MappingNode;
  readonly value: ScalarNode;
  readonly ref: string;
}

/** A security requirement entry: the scheme name key and its scope list. */
export interface SecurityRequirementSite {
  readonly name: ScalarNode;
  readonly scopes: LocatedNode;
}

/** Everything the OpenAPI rules need from one document. */
export interface OpenApiIndex {
  readonly pathItems: PathItemSite[];
  readonly operations: OperationSite[];
  /** Parameter objects (not references) defined in this file. */
  readonly parameters: MappingNode[];
  readonly schemas: SchemaSite[];
  readonly examples: ExampleSite[];
  readonly security: SecurityRequirementSite[];
  readonly refs: RefSite[];
  /** `discriminator.mapping` values: schema names or refs. */
  readonly discriminatorMappings: ScalarNode[];
}

const METHODS_2 = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const METHODS_3 = [...METHODS_2, 'trace'];
/** 3.2 adds `query` (OpenAPI 3.2.0 section 4.10); other methods go in `additionalOperations`. */
const METHODS_32 = [...METHODS_3, 'query'];

/** Keys whose value maps names to schemas, in the schema vocabularies OpenAPI uses. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** How each subschema keyword holds its subschemas: one look-up per key of every schema. */
const SUBSCHEMAS = new Map<string, 'map' | 'one' | 'list'>([...SCHEMA_MAPS.map((key) => [key, 'map'] as const), ...SCHEMA_ONE.map((key) => [key, 'one'] as const), ...SCHEMA_LISTS.map((key) => [key, 'list'] as const)]);

/** Builds the index of a document. */
export function indexOpenApi(root: MappingNode, version: OpenApiVersion): OpenApiIndex {
  const index: OpenApiIndex = { pathItems: [], operations: [], parameters: [], schemas: [], examples: [], security: [], refs: [], discriminatorMappings: [] };
  new Indexer(index, version).document(root);
  collectRefs(root, false, version, index.refs);
  return index;
}

function isRef(node: LocatedNode | undefined): boolean {
  return node?.kind === 'mapping' && getValue(node, '$ref') !== undefined;
}

/** Calls `visit` for each value of a mapping, skipping `x-` extensions. */
function eachValue(node: LocatedNode | undefined, visit: (value: LocatedNode, key: ScalarNode) => void): void {
  if (node?.kind !== 'mapping') return;
  for (const pair of node.pairs) if (!pair.key.text.startsWith('x-')) visit(pair.value, pair.key);
}

function eachItem(node: LocatedNode | undefined, visit: (value: LocatedNode) => void): void {
  if (node?.kind === 'sequence') node.items.forEach(visit);
}

class Indexer {
  private readonly methods: readonly string[];

  constructor(
    private readonly index: OpenApiIndex,
    private readonly version: OpenApiVersion,
  ) {
    this.methods = version === '2.0' ? METHODS_2 : version === '3.2' ? METHODS_32 : METHODS_3;
  }

  document(root: MappingNode): void {
    eachValue(getValue(root, 'paths'), (item, key) => this.pathItem(key, item, 'paths'));
    this.securityList(getValue(root, 'security'));
    if (this.version === '2.0') {
      eachValue(getValue(root, 'definitions'), (schema) => this.schema(schema));
      eachValue(getValue(root, 'parameters'), (parameter) => this.parameter(parameter));
      eachValue(getValue(root, 'responses'), (response) => this.response(response));
      return;
    }
    if (isJsonSchemaDialect(this.version)) eachValue(getValue(root, 'webhooks'), (item, key) => this.pathItem(key, item, 'webhooks'));
    const components = getValue(root, 'components');
    eachValue(getValue(components, 'schemas'), (schema) => this.schema(schema));
    eachValue(getValue(components, 'parameters'), (parameter) => this.parameter(parameter));
    eachValue(getValue(components, 'responses'), (response) => this.response(response));
    eachValue(getValue(components, 'requestBodies'), (body) => this.content(getValue(body, 'content')));
    eachValue(getValue(components, 'headers'), (header) => this.parameter(header, true));
    eachValue(getValue(components, 'callbacks'), (callback) => this.callback(callback));
    eachValue(getValue(components, 'pathItems'), (item, key) => this.pathItem(key, item, 'paths', false));
  }

  private pathItem(key: ScalarNode, node: LocatedNode, container: PathItemSite['container'], listed = true): void {
    if (node.kind !== 'mapping') return;
    const site: PathItemSite = { key, node, container, operations: [] };
    // Component path items (3.1 `components.pathItems`) have no path: index their content only.
    if (listed) this.index.pathItems.push(site);
    eachItem(getValue(node, 'parameters'), (parameter) => this.parameter(parameter));
    const add = (methodKey: ScalarNode, value: MappingNode): void => {
      const operation: OperationSite = { method: methodKey.text, methodKey, node: value, pathItem: site };
      site.operations.push(operation);
      if (listed) this.index.operations.push(operation);
      this.operation(value);
    };
    for (const pair of node.pairs) if (this.methods.includes(pair.key.text) && pair.value.kind === 'mapping') add(pair.key, pair.value);
    if (this.version === '3.2') {
      // `additionalOperations: {COPY: {...}}`: methods outside the fixed fields, keyed as sent on the wire.
      const more = getValue(node, 'additionalOperations');
      if (more?.kind === 'mapping') for (const pair of more.pairs) if (pair.value.kind === 'mapping' && !pair.key.text.startsWith('x-')) add(pair.key, pair.value);
    }
  }

  private operation(node: MappingNode): void {
    eachItem(getValue(node, 'parameters'), (parameter) => this.parameter(parameter));
    const body = getValue(node, 'requestBody');
    if (!isRef(body)) this.content(getValue(body, 'content'));
    eachValue(getValue(node, 'responses'), (response) => this.response(response));
    eachValue(getValue(node, 'callbacks'), (callback) => this.callback(callback));
    this.securityList(getValue(node, 'security'));
  }

  private callback(node: LocatedNode): void {
    if (isRef(node)) return;
    eachValue(node, (item, key) => this.pathItem(key, item, 'callbacks'));
  }

  /** A parameter object, or (with `header`) a header object, which has the same shape. */
  private parameter(node: LocatedNode, header = false): void {
    if (node.kind !== 'mapping' || isRef(node)) return;
    if (!header) this.index.parameters.push(node);
    const schema = getValue(node, 'schema');
    if (this.version === '2.0') {
      const location = getValue(node, 'in');
      const where = isStringScalar(location) ? String(location.value) : undefined;
      if (where === 'body') this.schema(schema);
      else this.simple(node, !header && where === 'formData');
      return;
    }
    this.schema(schema);
    this.examples(node, schema);
    this.content(getValue(node, 'content'));
  }

  /** Swagger 2.0 schema-like objects: non-body parameters, headers and their `items`. */
  private simple(node: LocatedNode, form = false): void {
    if (node.kind !== 'mapping') return;
    this.index.schemas.push({ node, flavor: form ? 'simple-form' : 'simple' });
    const items = getValue(node, 'items');
    if (items) this.simple(items);
  }

  private response(node: LocatedNode): void {
    if (node.kind !== 'mapping' || isRef(node)) return;
    if (this.version === '2.0') {
      const schema = getValue(node, 'schema');
      this.schema(schema, 'response');
      eachValue(getValue(node, 'headers'), (header) => this.simple(header));
      eachValue(getValue(node, 'examples'), (value, mediaType) => this.index.examples.push({ value, schema, mediaType: mediaType.text, inSchema: false }));
      return;
    }
    eachValue(getValue(node, 'headers'), (header) => this.parameter(header, true));
    this.content(getValue(node, 'content'));
  }

  private content(node: LocatedNode | undefined): void {
    eachValue(node, (media, mediaType) => {
      const schema = getValue(media, 'schema');
      this.schema(schema);
      // 3.2 `itemSchema`: the schema of each item of a sequential media type (JSON Lines, SSE...).
      if (this.version === '3.2') this.schema(getValue(media, 'itemSchema'));
      this.examples(media, schema, mediaType.text);
      eachValue(getValue(media, 'encoding'), (encoding) => eachValue(getValue(encoding, 'headers'), (header) => this.parameter(header, true)));
    });
  }

  /** `example` and `examples` of a parameter, header or media type (3.x). */
  private examples(holder: LocatedNode, schema: LocatedNode | undefined, mediaType?: string): void {
    const extra = mediaType === undefined ? {} : { mediaType };
    const example = getValue(holder, 'example');
    if (example) this.index.examples.push({ value: example, schema, inSchema: false, ...extra });
    eachValue(getValue(holder, 'examples'), (entry) => {
      // A `$ref` to components.examples is checked where that example is used: resolve it there.
      const value = isRef(entry) ? entry : getValue(entry, 'value');
      if (value) this.index.examples.push({ value, schema, inSchema: false, ...extra });
    });
  }

  private schema(node: LocatedNode | undefined, flavor: SchemaSite['flavor'] = 'schema'): void {
    if (node?.kind !== 'mapping') return;
    // Before 3.1 the siblings of a `$ref` are ignored (OpenAPI 3.0.3 section 4.7.23).
    if (isRef(node) && !isJsonSchemaDialect(this.version)) return;
    this.index.schemas.push({ node, flavor });
    const example = getValue(node, 'example');
    if (example) this.index.examples.push({ value: example, schema: node, inSchema: true });
    if (isJsonSchemaDialect(this.version)) eachItem(getValue(node, 'examples'), (value) => this.index.examples.push({ value, schema: node, inSchema: true }));
    const mapping = getValue(getValue(node, 'discriminator'), 'mapping');
    if (mapping?.kind === 'mapping') for (const pair of mapping.pairs) if (isStringScalar(pair.value)) this.index.discriminatorMappings.push(pair.value);
    for (const pair of node.pairs) {
      const holds = SUBSCHEMAS.get(pair.key.text);
      if (holds === 'map') eachValue(pair.value, (sub) => this.schema(sub));
      else if (holds === 'one') this.schema(pair.value);
      else if (holds === 'list') eachItem(pair.value, (sub) => this.schema(sub));
    }
  }

  private securityList(node: LocatedNode | undefined): void {
    eachItem(node, (requirement) => {
      if (requirement.kind === 'mapping') for (const pair of requirement.pairs) this.index.security.push({ name: pair.key, scopes: pair.value });
    });
  }
}

/** Keys whose mapping value is a map from names to objects (whose keys are keywords again). */
const NAME_MAPS = new Set([
  'paths', 'webhooks', 'definitions', 'parameters', 'responses', 'securityDefinitions', 'schemas', 'requestBodies', 'headers',
  'securitySchemes', 'links', 'callbacks', 'pathItems', 'properties', 'patternProperties', '$defs', 'dependentSchemas', 'content',
  'encoding', 'variables', 'scopes', 'mapping',
]);
/** Keys whose values are instance data, never references. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);

/**
 * Collects `$ref`s. `names` is true when the mapping's keys are names (a property called
 * `example`) rather than keywords, so data keys are only skipped where they are keywords.
 */
function collectRefs(node: LocatedNode, names: boolean, version: OpenApiVersion, out: RefSite[]): void {
  // Scalars are never followed (no call for them): this walks every node of the document.
  if (node.kind === 'sequence') {
    for (const item of node.items) if (item.kind !== 'scalar') collectRefs(item, false, version, out);
    return;
  }
  if (node.kind !== 'mapping') return;
  for (const pair of node.pairs) {
    const value = pair.value;
    if (names) {
      if (value.kind !== 'scalar') collectRefs(value, false, version, out);
      continue;
    }
    const key = pair.key.text;
    if (value.kind === 'scalar') {
      if (key === '$ref' && typeof value.value === 'string') out.push({ holder: node, value, ref: value.value });
      continue;
    }
    if (key.startsWith('x-') || DATA_KEYS.has(key)) continue;
    // `examples`: a map of Example Objects in 3.x, data in a 2.0 response or a 3.1 schema (a list).
    if (key === 'examples' && (version === '2.0' || value.kind === 'sequence')) continue;
    // Parameters are a list in operations and a name map at the 2.0 root and in components.
    collectRefs(value, value.kind === 'mapping' && (NAME_MAPS.has(key) || key === 'examples'), version, out);
  }
}
