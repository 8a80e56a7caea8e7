import type { Catalog, PropertyInfo, TypeRef } from '../catalog/catalogTypes';

/**
 * A YAML snippet for a property: nested structures get their required
 * properties as tab stops. Indentation is relative: editors re-indent the
 * following lines of a snippet to the line it is inserted on.
 */
export function propertySnippet(catalog: Catalog, name: string, property: PropertyInfo): string {
  let stop = 1;
  const next = (placeholder = ''): string => (placeholder ? `\${${stop++}:${placeholder}}` : `$${stop++}`);
  const requiredOf = (type: TypeRef): string[] => {
    if (type.kind !== 'struct') return [];
    const info = catalog.propertyType(type.name);
    return info ? Object.entries(info.properties).filter(([, p]) => p.required).map(([n]) => n) : [];
  };
  // For unions (e.g. "list of KeySchema, or Json") the structured alternative gives the useful snippet.
  const type = property.type.kind === 'union' ? (property.type.types.find((t) => t.kind !== 'primitive') ?? property.type.types[0]!) : property.type;
  if (type.kind === 'struct') {
    const required = requiredOf(type);
    if (required.length === 0) return `${name}:\n  ${next()}`;
    return `${name}:\n${required.map((key) => `  ${key}: ${next()}`).join('\n')}`;
  }
  if (type.kind === 'list') {
    const required = requiredOf(type.element);
    if (required.length === 0) return `${name}:\n  - ${next()}`;
    return `${name}:\n${required.map((key, i) => `  ${i === 0 ? '- ' : '  '}${key}: ${next()}`).join('\n')}`;
  }
  if (type.kind === 'map' || (type.kind === 'primitive' && type.name === 'json')) return `${name}:\n  ${next('Key')}: ${next()}`;
  if (type.kind === 'primitive' && type.name === 'boolean') return `${name}: \${1|true,false|}`;
  return `${name}: ${next()}`;
}
