/**
 * `tree.json` (`{ version: "tree-0.1", tree }`) into `CdkConstructNode`s. Very large apps split
 * the tree: a node with `fileName` and `treeId` stands for the root of `forest[treeId]` in that
 * `trees-N.json` (`{ version: "forest-0.1", forest }`). Each node is linked to the template
 * resource with the same `aws:cdk:path` (logical id, stack, template file) when the tree itself
 * has no `aws:cdk:cloudformation:logicalId` attribute (older aws-cdk-lib).
 */
import type { AssemblyFileReader, CdkConstructNode, CdkResource, CdkStack } from './assemblyModel';
import { asObject, own, ownEntries, ownString, parseJson } from './json';

/** Bounds for hostile or broken trees: real apps have far fewer nodes and shallow paths. */
const MAX_NODES = 500_000;
const MAX_DEPTH = 500;
const MAX_FOREST_FILES = 1_000;

export interface TreeReading {
  readonly root?: CdkConstructNode;
  readonly split: boolean;
}

/** Reads tree.json (named by the `cdk:tree` artifact, default `tree.json`) and its forests. */
export function readConstructTree(read: AssemblyFileReader, stacks: readonly CdkStack[], problems: string[]): TreeReading {
  const text = read('tree.json');
  if (text === undefined) return { split: false };
  const parsed = parseJson(text);
  const rootValue = asObject(own(asObject(parsed.value), 'tree'));
  if (!rootValue) {
    problems.push(`tree.json has no construct tree${parsed.error ? ` (${parsed.error})` : ''}: synthesize the app again.`);
    return { split: false };
  }
  const resourcesByPath = new Map<string, { stack: CdkStack; resource: CdkResource }>();
  for (const stack of stacks) {
    for (const resource of stack.resources) if (resource.constructPath !== undefined) resourcesByPath.set(resource.constructPath, { stack, resource });
  }
  const stackByPath = new Map(stacks.map((stack) => [stack.constructPath, stack]));
  const forests = new Map<string, Readonly<Record<string, unknown>> | undefined>();
  let split = false;
  let count = 0;

  const forestNode = (fileName: string, treeId: string): Readonly<Record<string, unknown>> | undefined => {
    if (!/^[\w.-]+\.json$/.test(fileName)) return undefined;
    if (!forests.has(fileName)) {
      if (forests.size >= MAX_FOREST_FILES) return undefined;
      const forestText = read(fileName);
      const forest = forestText === undefined ? undefined : asObject(own(asObject(parseJson(forestText).value), 'forest'));
      if (!forest) problems.push(`The construct tree refers to ${fileName}, which is missing or not a construct forest: synthesize the app again.`);
      forests.set(fileName, forest);
    }
    split = true;
    return asObject(own(forests.get(fileName), treeId));
  };

  const build = (raw: Readonly<Record<string, unknown>>, depth: number, stackFallback: CdkStack | undefined): CdkConstructNode | undefined => {
    if (++count > MAX_NODES || depth > MAX_DEPTH) return undefined;
    let value = raw;
    const fileName = ownString(raw, 'fileName');
    const treeId = ownString(raw, 'treeId');
    if (fileName !== undefined && treeId !== undefined) value = forestNode(fileName, treeId) ?? raw;
    const id = ownString(value, 'id') ?? ownString(raw, 'id') ?? '';
    const path = ownString(value, 'path') ?? ownString(raw, 'path') ?? '';
    const info = asObject(own(value, 'constructInfo'));
    const attributes = asObject(own(value, 'attributes'));
    const linked = resourcesByPath.get(path) ?? resourcesByPath.get(`${path}/Resource`);
    const stack = stackByPath.get(path) ?? linked?.stack ?? stackFallback;
    const cfnType = ownString(attributes, 'aws:cdk:cloudformation:type');
    const logicalId = ownString(attributes, 'aws:cdk:cloudformation:logicalId') ?? (cfnType !== undefined ? resourcesByPath.get(path)?.resource.logicalId : undefined);
    const fqn = ownString(info, 'fqn');
    const version = ownString(info, 'version');
    const children: CdkConstructNode[] = [];
    for (const [, child] of ownEntries(asObject(own(value, 'children')))) {
      const childObject = asObject(child);
      const node = childObject ? build(childObject, depth + 1, stack) : undefined;
      if (node) children.push(node);
    }
    return {
      id,
      path,
      ...(fqn !== undefined ? { fqn } : {}),
      ...(version !== undefined ? { version } : {}),
      ...(cfnType !== undefined ? { cfnType } : {}),
      ...(logicalId !== undefined ? { logicalId } : {}),
      ...(stack ? { stackArtifactId: stack.artifactId, templateFile: stack.templateFile } : {}),
      children,
    };
  };
  const root = build(rootValue, 0, undefined);
  if (count > MAX_NODES) problems.push(`The construct tree has more than ${MAX_NODES} nodes; the rest is not shown.`);
  return { ...(root ? { root } : {}), split };
}

/** Finds the node at a construct path (without leading `/`). */
export function findConstruct(root: CdkConstructNode, path: string): CdkConstructNode | undefined {
  if (root.path === path) return root;
  let node: CdkConstructNode | undefined = root;
  for (const segment of path.split('/')) {
    node = node.children.find((child) => child.id === segment);
    if (!node) return undefined;
  }
  return node;
}
