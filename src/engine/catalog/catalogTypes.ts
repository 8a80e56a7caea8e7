/**
 * The resource catalogue as the engine sees it: CloudFormation resource types,
 * their properties, property types and attributes. Compiled at build time from
 * `@aws-cdk/aws-service-spec` (see scripts/buildCatalog.mjs) and loaded lazily
 * by the host (CLI, language server), which passes a {@link Catalog} to the engine.
 */

import type { ConstraintSource } from '../constraints/constraintTypes';
import type { IamActionSource } from '../iam/iamActions';

/** How a property's value is typed. */
export type TypeRef =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'list'; readonly element: TypeRef }
  | { readonly kind: 'map'; readonly element: TypeRef }
  /** A named property type of the same resource (e.g. `AWS::S3::Bucket.VersioningConfiguration`). */
  | { readonly kind: 'struct'; readonly name: string }
  /** Any of several types (the spec's "union" types, e.g. a string or a struct). */
  | { readonly kind: 'union'; readonly types: readonly TypeRef[] };

/** Primitive types of the CloudFormation spec. `json` accepts any map (or a JSON string). */
export type PrimitiveName = 'string' | 'number' | 'integer' | 'long' | 'boolean' | 'json' | 'timestamp' | 'any';

/** Whether changing a property replaces the resource. */
export type Replacement = 'always' | 'conditional' | 'never';

/** One property of a resource type or property type. */
export interface PropertyInfo {
  readonly type: TypeRef;
  readonly required: boolean;
  readonly replacement?: Replacement;
  /** Allowed literal values when the spec knows them. */
  readonly enumValues?: readonly string[];
  readonly deprecated?: boolean;
}

/** A named property type (a nested structure). */
export interface PropertyTypeInfo {
  /** Full name, e.g. `AWS::S3::Bucket.VersioningConfiguration`. */
  readonly name: string;
  readonly properties: Readonly<Record<string, PropertyInfo>>;
}

/** One `Fn::GetAtt` attribute. Nested names keep their dots (`Endpoint.Address`). */
export interface AttributeInfo {
  readonly type: TypeRef;
}

/** A CloudFormation resource type. */
export interface ResourceTypeInfo {
  /** e.g. `AWS::S3::Bucket`. */
  readonly name: string;
  readonly properties: Readonly<Record<string, PropertyInfo>>;
  readonly attributes: Readonly<Record<string, AttributeInfo>>;
  /** Regions where the type is available; undefined when the spec does not say. */
  readonly regions?: readonly string[];
  /** The property used as `Ref` value's description, when known (e.g. "the bucket name"). */
  readonly refDescription?: string;
}

/**
 * The documentation of a resource type or a property type: its first paragraph, and its
 * properties' and attributes' (own properties only: look names up with `Object.hasOwn`).
 */
export interface TypeDocumentation {
  readonly text?: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Read access to the catalogue. Implementations load data lazily. */
export interface Catalog {
  /**
   * Value and combination constraints from the resource provider schemas
   * (data/constraints/), when the host has them; the property walk checks them.
   */
  readonly constraints?: ConstraintSource;
  /** IAM action names per service prefix (data/iam/), when the host has them; read on first use. */
  readonly iamActions?: IamActionSource;
  /** Version of the source spec, e.g. `@aws-cdk/aws-service-spec 0.1.216`. */
  readonly version: string;
  /** All resource type names, sorted. Cheap: does not load per-type data. */
  resourceTypeNames(): readonly string[];
  /** A resource type by exact name, or undefined when unknown. */
  resourceType(name: string): ResourceTypeInfo | undefined;
  /** A property type by full name (`AWS::S3::Bucket.VersioningConfiguration`), or undefined. */
  propertyType(name: string): PropertyTypeInfo | undefined;
  /**
   * A resource or property type's documentation, for hover and completion; undefined when the
   * type is unknown or has none. Kept apart from the types (a lint never reads it: it is 60% of
   * the catalogue's bytes) and read on first use.
   */
  documentation(name: string): TypeDocumentation | undefined;
  /** All region names the catalogue knows. */
  regions(): readonly string[];
}
