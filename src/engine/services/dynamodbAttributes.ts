// DynamoDB tables: `AttributeDefinitions` must list exactly the attributes used by the key schema
// and the key schemas of the secondary indexes. DynamoDB rejects a table with a defined attribute
// no key uses ("Number of attributes in KeySchema does not exactly match number of attributes
// defined in AttributeDefinitions") or a key attribute that is not defined ("Some index key
// attributes are not defined in AttributeDefinitions"). Judged only when every list involved is
// written literally: a list or a name from an intrinsic (`!If`, `!Ref`) leaves the table alone.
import type { ResourceEntry } from '../cfn/template';
import type { LocatedNode, ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { literalString } from './resourceIndex';

export interface AttributeProblem {
  readonly node: ScalarNode;
  readonly message: string;
}

/** The literal `AttributeName`s of a list of mappings; undefined when any is not literal. */
function attributeNames(list: LocatedNode | undefined): ScalarNode[] | undefined {
  if (list === undefined) return [];
  if (list.kind !== 'sequence') return undefined;
  const names: ScalarNode[] = [];
  for (const item of list.items) {
    const name = literalString(getValue(item, 'AttributeName'));
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** The key attribute names of the table and of its indexes, with where each is written. */
function keyAttributes(properties: LocatedNode): ScalarNode[] | undefined {
  const keys = attributeNames(getValue(properties, 'KeySchema'));
  if (keys === undefined) return undefined;
  for (const section of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes']) {
    const indexes = getValue(properties, section);
    if (indexes === undefined) continue;
    if (indexes.kind !== 'sequence') return undefined;
    for (const index of indexes.items) {
      const indexKeys = attributeNames(getValue(index, 'KeySchema'));
      if (indexKeys === undefined) return undefined;
      keys.push(...indexKeys);
    }
  }
  return keys;
}

/** What is wrong with one table's attribute definitions (empty when fine or not judged). */
export function checkTableAttributes(table: ResourceEntry): AttributeProblem[] {
  const properties = table.properties;
  if (properties?.kind !== 'mapping') return [];
  const definitions = getValue(properties, 'AttributeDefinitions');
  if (definitions === undefined) return [];
  const defined = attributeNames(definitions);
  const keys = keyAttributes(properties);
  if (defined === undefined || keys === undefined) return [];
  const problems: AttributeProblem[] = [];
  const definedNames = new Map<string, ScalarNode>();
  for (const name of defined) {
    const text = name.value as string;
    if (definedNames.has(text)) {
      problems.push({ node: name, message: `Attribute '${text}' is defined twice in AttributeDefinitions of ${table.name}: DynamoDB rejects duplicate attribute definitions. Remove one.` });
    } else definedNames.set(text, name);
  }
  const keyNames = new Set(keys.map((key) => key.value as string));
  for (const [text, name] of definedNames) {
    if (keyNames.has(text)) continue;
    problems.push({
      node: name,
      message: `Attribute '${text}' is defined in AttributeDefinitions of ${table.name} but no key schema or index uses it: DynamoDB rejects the table (define only key attributes; other attributes need no definition). Remove it, or add it to a KeySchema.`,
    });
  }
  for (const key of keys) {
    const text = key.value as string;
    if (definedNames.has(text)) continue;
    problems.push({ node: key, message: `Key attribute '${text}' of ${table.name} is not in AttributeDefinitions: DynamoDB rejects the table. Add { AttributeName: ${text}, AttributeType: S | N | B } to AttributeDefinitions.` });
  }
  return problems.sort((a, b) => a.node.span.start - b.node.span.start);
}
