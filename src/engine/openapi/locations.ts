/**
 * Names the OpenAPI object at a JSON path (`paths./pets.get` is an operation), so schema
 * errors read "`responses` is required in an operation" instead of quoting schema paths.
 * A small state machine over the path: each state is an object kind, each token moves to
 * the kind of the child. It follows the 2.0 and 3.x object models; anything it does not
 * know becomes `value`.
 */

import { lookupTable } from '../util/lookup';

/** Kinds of OpenAPI objects (and maps of them) a path can end in. */
export type LocationKind =
  | 'document' | 'info' | 'contact' | 'license' | 'servers' | 'server' | 'serverVariables' | 'serverVariable'
  | 'paths' | 'pathItem' | 'operation' | 'parameters' | 'parameter' | 'requestBody' | 'content' | 'mediaType'
  | 'encodings' | 'encoding' | 'responses' | 'response' | 'headers' | 'header' | 'schema' | 'schemas'
  | 'callbacks' | 'callback' | 'links' | 'link' | 'examples' | 'example' | 'securitySchemes' | 'securityScheme'
  | 'flows' | 'flow' | 'tags' | 'tag' | 'externalDocs' | 'components' | 'security' | 'securityRequirement'
  | 'requestBodies' | 'pathItems' | 'webhooks' | 'xml' | 'discriminator' | 'list' | 'value';

/** Human names, with an article where the kind is one object of many. */
const NAMES: Record<LocationKind, string> = {
  document: 'the document', info: 'info', contact: 'contact', license: 'license', servers: 'servers', server: 'a server',
  serverVariables: 'server variables', serverVariable: 'a server variable', paths: 'paths', pathItem: 'a path item',
  operation: 'an operation', parameters: 'parameters', parameter: 'a parameter', requestBody: 'a request body', content: 'content',
  mediaType: 'a media type', encodings: 'encoding', encoding: 'an encoding', responses: 'responses', response: 'a response',
  headers: 'headers', header: 'a header', schema: 'a schema', schemas: 'schemas', callbacks: 'callbacks', callback: 'a callback',
  links: 'links', link: 'a link', examples: 'examples', example: 'an example', securitySchemes: 'security schemes',
  securityScheme: 'a security scheme', flows: 'OAuth flows', flow: 'an OAuth flow', tags: 'tags', tag: 'a tag',
  externalDocs: 'external docs', components: 'components', security: 'security', securityRequirement: 'a security requirement',
  requestBodies: 'request bodies', pathItems: 'path items', webhooks: 'webhooks', xml: 'an XML object', discriminator: 'a discriminator',
  list: 'a list', value: 'a value',
};

/** The name of a kind for messages ("an operation"). */
export function kindName(kind: LocationKind): string {
  return NAMES[kind];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

/** Children of object kinds: key -> kind (`*` any key). Maps list their entry kind under `*`. */
const CHILDREN: Partial<Record<LocationKind, Record<string, LocationKind>>> = {
  document: {
    info: 'info', servers: 'servers', paths: 'paths', webhooks: 'webhooks', components: 'components', security: 'security', tags: 'tags',
    externalDocs: 'externalDocs', definitions: 'schemas', parameters: 'parameters', responses: 'responses', securityDefinitions: 'securitySchemes',
  },
  info: { contact: 'contact', license: 'license' },
  servers: { '*': 'server' },
  server: { variables: 'serverVariables' },
  serverVariables: { '*': 'serverVariable' },
  paths: { '*': 'pathItem' },
  webhooks: { '*': 'pathItem' },
  pathItems: { '*': 'pathItem' },
  pathItem: { parameters: 'parameters', servers: 'servers' },
  operation: {
    parameters: 'parameters', requestBody: 'requestBody', responses: 'responses', callbacks: 'callbacks', security: 'security',
    servers: 'servers', externalDocs: 'externalDocs', tags: 'list',
  },
  parameters: { '*': 'parameter' },
  parameter: { schema: 'schema', items: 'schema', content: 'content', examples: 'examples', example: 'value' },
  header: { schema: 'schema', items: 'schema', content: 'content', examples: 'examples', example: 'value' },
  requestBody: { content: 'content' },
  requestBodies: { '*': 'requestBody' },
  content: { '*': 'mediaType' },
  mediaType: { schema: 'schema', examples: 'examples', example: 'value', encoding: 'encodings' },
  encodings: { '*': 'encoding' },
  encoding: { headers: 'headers' },
  responses: { '*': 'response' },
  response: { headers: 'headers', content: 'content', links: 'links', schema: 'schema', examples: 'value' },
  headers: { '*': 'header' },
  schemas: { '*': 'schema' },
  callbacks: { '*': 'callback' },
  callback: { '*': 'pathItem' },
  links: { '*': 'link' },
  link: { server: 'server' },
  examples: { '*': 'example' },
  example: { value: 'value' },
  securitySchemes: { '*': 'securityScheme' },
  securityScheme: { flows: 'flows', scopes: 'value' },
  flows: { '*': 'flow' },
  flow: { scopes: 'value' },
  tags: { '*': 'tag' },
  tag: { externalDocs: 'externalDocs' },
  components: {
    schemas: 'schemas', responses: 'responses', parameters: 'parameters', examples: 'examples', requestBodies: 'requestBodies', headers: 'headers',
    securitySchemes: 'securitySchemes', links: 'links', callbacks: 'callbacks', pathItems: 'pathItems',
  },
  security: { '*': 'securityRequirement' },
  securityRequirement: { '*': 'list' },
};

/** Schema keywords whose value is a map of schemas, one schema, or a list of schemas. */
const SCHEMA_CHILD: Record<string, 'map' | 'one' | 'list'> = lookupTable({
  properties: 'map', patternProperties: 'map', $defs: 'map', definitions: 'map', dependentSchemas: 'map',
  items: 'one', additionalProperties: 'one', not: 'one', if: 'one', then: 'one', else: 'one', contains: 'one', propertyNames: 'one',
  unevaluatedItems: 'one', unevaluatedProperties: 'one', additionalItems: 'one', contentSchema: 'one',
  allOf: 'list', anyOf: 'list', oneOf: 'list', prefixItems: 'list',
});

/** The kind of the object at a JSON path (tokens from the document root). */
export function locationKind(tokens: readonly string[]): LocationKind {
  let kind: LocationKind = 'document';
  // Inside a schema, a map keyword (properties) or list keyword (allOf) holds schemas one level down.
  let schemaContainer: 'map' | 'list' | undefined;
  for (const token of tokens) {
    if (kind === 'value') return 'value';
    if (kind === 'schema') {
      if (schemaContainer) {
        schemaContainer = undefined;
        continue;
      }
      const child = SCHEMA_CHILD[token];
      if (child === 'one') continue;
      if (child) {
        schemaContainer = child;
        continue;
      }
      kind = token === 'xml' ? 'xml' : token === 'discriminator' ? 'discriminator' : token === 'externalDocs' ? 'externalDocs' : 'value';
      continue;
    }
    if (kind === 'pathItem' && METHODS.has(token)) {
      kind = 'operation';
      continue;
    }
    const children: Record<string, LocationKind> | undefined = CHILDREN[kind];
    // `Object.hasOwn`: the token is a document key (`constructor` is not a child kind).
    kind = (children && Object.hasOwn(children, token) ? children[token] : undefined) ?? children?.['*'] ?? 'value';
  }
  return schemaContainer ? (schemaContainer === 'map' ? 'schemas' : 'list') : kind;
}
