/** Metadata entry types ArchLens reads from a cloud assembly. */
export const CREATION_STACK = 'aws:cdk:creationStack';
export const LOGICAL_ID = 'aws:cdk:logicalId';
export const PROPERTY_ASSIGNMENT = 'aws:cdk:propertyAssignment';
export const TEMPLATE_FILE = 'aws:cdk:templateFile';
