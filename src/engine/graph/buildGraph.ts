import type { AnalyzedDocument } from '../analyzedDocument';
import type { LocatedNode, SyntaxProblemCode } from '../document/located';
import { getValue } from '../document/located';
import { collectReferences } from '../cfn/references';
import type { ResourceEntry } from '../cfn/template';
import { AUXILIARY_TYPES, DETAIL_PROPERTIES, categoryOf, own, serviceOf } from './categories';
import { SAM_CREATES, SAM_GLOBALS_SECTION } from '../cfn/samTypes';
import { GraphContext } from './graphContext';
import type { ArchitectureGraph, EdgeKind, GraphEdge, GraphGroup, GraphNode } from './graphTypes';
import { buildConstructGroups } from './constructGroups';
import { annotateFlow } from './edgeFlow';
import { applyLevelsOfDetail } from './levelsOfDetail';
import { buildNetworkGroups } from './networkGroups';
import { addSemanticEdges } from './semanticEdges';

const EMPTY_GRAPH: ArchitectureGraph = { nodes: [], edges: [], groups: [] };
const MAX_DETAILS = 4;
const MAX_DETAIL_LENGTH = 200;

/**
 * Problems after which the tree is missing or incomplete, so a drawing would be wrong.
 * Duplicate keys, unknown tags and complex keys leave a usable tree (lint reports them).
 */
const FATAL_PROBLEMS: ReadonlySet<SyntaxProblemCode> = new Set(['syntax', 'size-limit', 'depth-limit', 'alias-limit', 'multi-document', 'analysis-limit']);

/**
 * Why a CloudFormation / SAM template cannot be drawn (`offset`: where, UTF-16), or
 * undefined when it can. Shared by `archlens diagram` and the diagram panel.
 */
export function unparsableTemplate(analyzed: AnalyzedDocument): { readonly message: string; readonly offset: number } | undefined {
  const problem = analyzed.document.problems.find((candidate) => candidate.severity === 'error' && FATAL_PROBLEMS.has(candidate.code));
  if (!problem && analyzed.template) return undefined;
  return { message: problem?.message ?? 'the template root is not a mapping', offset: problem?.span.start ?? 0 };
}

/**
 * The architecture graph of a CloudFormation or SAM template (empty for anything else).
 *
 * - **Nodes**: one per resource, in source order (SAM resources stay one node with their
 *   SAM type; `details.creates` names the CloudFormation type they become), except VPCs and
 *   subnets, which are containers: their group carries their type, span and details.
 * - **Edges** (`from` = the referencing resource, `to` = the referenced one, unique per
 *   `(from, to, kind)`): `ref`, `getatt`, `sub` and `dependsOn` for every reference between
 *   resources, then `eventSource` and `iam` edges (see `semanticEdges.ts` for their direction);
 *   `reverse` and `auxiliary` say how the picture draws them (`edgeFlow.ts`). Edges to or
 *   from a VPC or subnet are left out: being inside the box says it.
 * - **Groups**: VPC > availability zone > subnet (see `networkGroups.ts`), CDK construct
 *   paths (`constructGroups.ts`), then the default level of detail for big templates
 *   (`levelsOfDetail.ts`: repeated structures, services, collapsed by default).
 *
 * Pure and linear in the size of the template: references come from the shared
 * `collectReferences` result, not a second walk.
 */
export function buildGraph(analyzed: AnalyzedDocument): ArchitectureGraph {
  const template = analyzed.template;
  if (!template || (analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam')) return EMPTY_GRAPH;
  const context = new GraphContext(template, collectReferences(analyzed.document, template));
  const globals = getValue(template.root, 'Globals');

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, kind: EdgeKind): void => {
    if (from === to) return;
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, kind });
  };

  const network = buildNetworkGroups(context);
  const containerIds = new Set(network.groups.filter((group) => group.kind === 'vpc' || group.kind === 'subnet').map((group) => group.id));
  const constructs = buildConstructGroups(context, network.nodeGroup, new Set(network.groups.map((group) => group.id)));
  const containers = new Map<string, GraphNode>();
  const nodes: GraphNode[] = [];
  for (const resource of context.resources) {
    const node = toNode(resource, network.nodeGroup.get(resource.name) ?? constructs.nodeGroup.get(resource.name), globals, constructs.labels.get(resource.name));
    if (containerIds.has(resource.name)) containers.set(resource.name, node);
    else nodes.push(node);
    for (const reference of context.referencesOf(resource.name)) {
      if (reference.kind === 'condition' || reference.kind === 'findInMap' || reference.locals?.has(reference.name)) continue;
      const target = context.resolve(reference.name);
      if (target !== undefined) add(resource.name, target, reference.kind);
    }
    addSemanticEdges(context, resource, add);
  }
  const groups: GraphGroup[] = network.groups.map((group) => {
    const resource = containers.get(group.id);
    return resource ? { ...group, type: resource.type, span: resource.span, details: resource.details } : group;
  });
  const drawn = edges.filter((edge) => !containers.has(edge.from) && !containers.has(edge.to));
  return applyLevelsOfDetail({ nodes, edges: annotateFlow(drawn, nodes), groups: [...groups, ...constructs.groups] });
}

function toNode(resource: ResourceEntry, group: string | undefined, globals: LocatedNode | undefined, label: string | undefined): GraphNode {
  const type = resource.type ?? (resource.rainModule ? 'Rain::Module' : '');
  return {
    id: resource.name,
    type,
    service: resource.rainModule ? 'Rain' : serviceOf(type),
    category: categoryOf(type),
    label: label ?? resource.name,
    ...(group !== undefined ? { group } : {}),
    span: resource.keyNode.span,
    auxiliary: AUXILIARY_TYPES.has(type),
    details: details(resource, type, globals),
  };
}

/** A few literal scalar properties (SAM falls back to `Globals`); intrinsics are skipped, not evaluated. */
function details(resource: ResourceEntry, type: string, globals: LocatedNode | undefined): Record<string, string> {
  // Keys come from our own table, never from the template, so a plain object is safe.
  const out: Record<string, string> = {};
  let count = 0;
  const creates = own(SAM_CREATES, type);
  if (creates !== undefined) {
    out['creates'] = creates;
    count++;
  }
  const paths = own(DETAIL_PROPERTIES, type);
  if (!paths) return out;
  const globalsKey = own(SAM_GLOBALS_SECTION, type);
  const defaults = globalsKey !== undefined ? getValue(globals, globalsKey) : undefined;
  for (const path of paths) {
    if (count >= MAX_DETAILS) break;
    const text = literalText(readPath(resource.properties, path) ?? readPath(defaults, path));
    if (text === undefined) continue;
    out[path.slice(path.lastIndexOf('.') + 1)] = text;
    count++;
  }
  return out;
}

function readPath(node: LocatedNode | undefined, path: string): LocatedNode | undefined {
  let current = node;
  for (const segment of path.split('.')) current = getValue(current, segment);
  return current;
}

function literalText(node: LocatedNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  // Numbers keep their source text (`1024`, not a re-formatted float); booleans read true/false.
  const text = typeof node.value === 'string' ? node.value : typeof node.value === 'number' ? node.text : String(node.value);
  if (text === '') return undefined;
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}
