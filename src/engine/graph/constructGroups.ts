import { getValue } from '../document/located';
import type { GraphContext } from './graphContext';
import type { GraphGroup } from './graphTypes';

/** CDK's construct path of a resource: `Stack/Api/Handler/Resource`. */
const CDK_PATH = 'aws:cdk:path';
/** Deeper construct trees are cut here (a hostile path of 100,000 segments stays bounded). */
const MAX_DEPTH = 12;
/** The child id CDK gives an L2 construct's main CloudFormation resource. */
const PRIMARY_CHILDREN: ReadonlySet<string> = new Set(['Resource', 'Default']);

/** Construct groups of a CDK template, where its resources go, and friendlier labels. */
export interface ConstructGroups {
  readonly groups: readonly GraphGroup[];
  /** Resource -> innermost construct group. */
  readonly nodeGroup: ReadonlyMap<string, string>;
  /** Resource -> construct name, for an L2's main resource (`Handler` instead of `HandlerF2A1B3C4`). */
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * Groups by construct path, from each resource's `Metadata["aws:cdk:path"]`:
 *
 * - the first segment (the stack) and the last (the CloudFormation resource's own id) are
 *   dropped; every prefix in between is a `construct` group (`Api`, `Api/Handler`...);
 * - an **L2 construct** (a group with a direct `Resource` or `Default` child) takes that
 *   resource's type; with two or more resources inside (a function with its role and
 *   policy) it is collapsed by default, so it reads as the one thing the author wrote;
 *   with a single resource it is no group at all: the resource is labelled with the
 *   construct's name instead;
 * - resources already placed in the network (`placed`) keep their network group.
 *
 * Group ids are `construct:<path>`, made unique against `taken` (VPC and subnet groups are
 * named after logical ids, which a hostile template could spell the same way).
 */
export function buildConstructGroups(context: GraphContext, placed: ReadonlyMap<string, string>, taken: ReadonlySet<string>): ConstructGroups {
  const paths = new Map<string, readonly string[]>();
  for (const resource of context.resources) {
    const path = getValue(getValue(resource.node, 'Metadata'), CDK_PATH);
    if (path?.kind !== 'scalar' || typeof path.value !== 'string') continue;
    const segments = path.value.split('/', MAX_DEPTH + 2).filter((segment) => segment !== '');
    if (segments.length >= 3) paths.set(resource.name, segments.slice(1));
  }
  const groups: GraphGroup[] = [];
  const nodeGroup = new Map<string, string>();
  const labels = new Map<string, string>();
  if (paths.size === 0) return { groups, nodeGroup, labels };

  // Members per construct path (joined with '/'), and each L2's main resource.
  const members = new Map<string, string[]>();
  const primary = new Map<string, string>();
  for (const [name, segments] of paths) {
    for (let depth = 1; depth < segments.length; depth++) {
      const key = segments.slice(0, depth).join('/');
      const list = members.get(key);
      if (list) list.push(name);
      else members.set(key, [name]);
    }
    const leaf = segments[segments.length - 1]!;
    if (PRIMARY_CHILDREN.has(leaf)) primary.set(segments.slice(0, -1).join('/'), name);
  }

  const ids = new Map<string, string>();
  const used = new Set(taken);
  const idOf = (key: string): string => {
    let id = ids.get(key);
    if (id !== undefined) return id;
    id = `construct:${key}`;
    for (let i = 2; used.has(id); i++) id = `construct:${key}#${i}`;
    used.add(id);
    ids.set(key, id);
    return id;
  };
  // A construct holding a single resource is that resource: no box, the construct's name as its label.
  const boxed = (key: string): boolean => (members.get(key)?.length ?? 0) >= 2;
  for (const [key, list] of members) {
    if (!boxed(key)) continue;
    const slash = key.lastIndexOf('/');
    let parentKey: string | undefined = slash < 0 ? undefined : key.slice(0, slash);
    while (parentKey !== undefined && !boxed(parentKey)) {
      const up = parentKey.lastIndexOf('/');
      parentKey = up < 0 ? undefined : parentKey.slice(0, up);
    }
    const main = primary.get(key);
    const type = main !== undefined ? context.resource(main)?.type : undefined;
    groups.push({
      id: idOf(key),
      kind: 'construct',
      label: key.slice(slash + 1),
      ...(parentKey !== undefined ? { parent: idOf(parentKey) } : {}),
      ...(type !== undefined ? { type, collapsed: true as const } : {}),
      ...(list.length > 0 && main !== undefined ? { details: { resources: String(list.length) } } : {}),
    });
  }
  for (const [name, segments] of paths) {
    const leaf = segments[segments.length - 1]!;
    if (PRIMARY_CHILDREN.has(leaf)) labels.set(name, segments[segments.length - 2]!);
    if (placed.has(name)) continue;
    for (let depth = segments.length - 1; depth >= 1; depth--) {
      const key = segments.slice(0, depth).join('/');
      if (boxed(key)) {
        nodeGroup.set(name, idOf(key));
        break;
      }
    }
  }
  return { groups, nodeGroup, labels };
}
