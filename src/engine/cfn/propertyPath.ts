import type { Catalog, PropertyInfo, TypeRef } from '../catalog/catalogTypes';

/** What a path inside a resource's `Properties` refers to in the catalogue. */
export interface ResolvedProperty {
  readonly resourceType: string;
  /** Full name of the type that owns the property (`AWS::S3::Bucket` or `AWS::S3::Bucket.VersioningConfiguration`). */
  readonly ownerType: string;
  /** Properties of the owner, for completion of siblings. */
  readonly ownerProperties: Readonly<Record<string, PropertyInfo>>;
  /** The property itself, when the path ends on a known property name. */
  readonly name?: string;
  readonly property?: PropertyInfo;
}

/**
 * Resolves a path below `Properties` (e.g. `['VersioningConfiguration', 'Status']`,
 * list indexes as numbers) to the catalogue. `Fn::If` steps are transparent: their
 * branches have the type of the position they sit in.
 */
export function resolvePropertyPath(catalog: Catalog, resourceType: string, steps: readonly (string | number)[]): ResolvedProperty | undefined {
  const resource = catalog.resourceType(resourceType);
  if (!resource) return undefined;
  let ownerType = resourceType;
  let ownerProperties = resource.properties;
  let current: { name: string; property: PropertyInfo } | undefined;
  let type: TypeRef | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step === 'Fn::If') {
      i++; // the branch index
      continue;
    }
    if (type === undefined) {
      // Expecting a property name of the current owner.
      if (typeof step !== 'string') return undefined;
      const property = ownerProperties[step];
      if (!property) return i === steps.length - 1 ? { resourceType, ownerType, ownerProperties, name: step } : undefined;
      current = { name: step, property };
      type = property.type;
      continue;
    }
    // Descend into the value of the current property.
    const next = descend(catalog, type, step);
    if (!next) return undefined;
    if (next.kind === 'owner') {
      ownerType = next.ownerType;
      ownerProperties = next.properties;
      type = undefined;
      i--; // re-read this step as a property name of the new owner
      current = undefined;
      continue;
    }
    type = next.type;
  }
  if (type !== undefined && current) return { resourceType, ownerType, ownerProperties, name: current.name, property: current.property };
  return { resourceType, ownerType, ownerProperties };
}

type Descent = { kind: 'type'; type: TypeRef } | { kind: 'owner'; ownerType: string; properties: Readonly<Record<string, PropertyInfo>> };

function descend(catalog: Catalog, type: TypeRef, step: string | number): Descent | undefined {
  switch (type.kind) {
    case 'list':
      return typeof step === 'number' ? { kind: 'type', type: type.element } : descend(catalog, type.element, step);
    case 'map':
      return typeof step === 'string' ? { kind: 'type', type: type.element } : undefined;
    case 'struct': {
      const propertyType = catalog.propertyType(type.name);
      return propertyType && typeof step === 'string' ? { kind: 'owner', ownerType: type.name, properties: propertyType.properties } : undefined;
    }
    case 'union':
      for (const alternative of type.types) {
        const result = descend(catalog, alternative, step);
        if (result) return result;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A readable name for a type: `String`, `List of Tag`, `Map of String`, `VersioningConfiguration`. */
export function describeType(type: TypeRef): string {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'json' ? 'JSON object' : type.name.charAt(0).toUpperCase() + type.name.slice(1);
    case 'list':
      return `List of ${describeType(type.element)}`;
    case 'map':
      return `Map of ${describeType(type.element)}`;
    case 'struct':
      return type.name.includes('.') ? type.name.slice(type.name.lastIndexOf('.') + 1) : type.name;
    case 'union':
      return type.types.map(describeType).join(' or ');
  }
}
