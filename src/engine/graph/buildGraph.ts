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
import { addAwsFrame } from './awsFrame';
import type { RegionInfo } from './awsFrame';
import { autoScalingContainers, securityGroupContainers } from './resourceContainers';

/** What the caller knows beyond the template. */
export interface BuildGraphOptions {
  /** The region the template is (to be) deployed to, when known: the Region box is named after it. */
  readonly region?: RegionInfo;
  /** Draw security groups as dashed boundaries around the resources they protect (off by default). */
  readonly securityGroups?: boolean;
}

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
 *   SAM type; `details.creates` names the CloudFormation type they become), except
 *   containers (VPCs, subnets, Auto Scaling groups that launch something, security groups
 *   drawn as boundaries): their group carries their type, span and details.
 * - **Edges** (`from` = the referencing resource, `to` = the referenced one, unique per
 *   `(from, to, kind)`): `ref`, `getatt`, `sub` and `dependsOn` for every reference between
 *   resources, then `eventSource` and `iam` edges (see `semanticEdges.ts` for their direction);
 *   `reverse` and `auxiliary` say how the picture draws them (`edgeFlow.ts`). Edges to or
 *   from a VPC, subnet or security group are left out (being inside the box says it); those
 *   of an Auto Scaling group go to what it launches.
 * - **Groups**: VPC > availability zone > subnet (see `networkGroups.ts`), Auto Scaling
 *   groups and, when asked, security-group boundaries (`resourceContainers.ts`), CDK
 *   construct paths (`constructGroups.ts`), the AWS Cloud > Region frame (`awsFrame.ts`),
 *   then the default level of detail for big templates (`levelsOfDetail.ts`: repeated
 *   structures, services, collapsed by default).
 *
 * Pure and linear in the size of the template: references come from the shared
 * `collectReferences` result, not a second walk.
 */
export function buildGraph(analyzed: AnalyzedDocument, options: BuildGraphOptions = {}): ArchitectureGraph {
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
  const placed = new Map(network.nodeGroup);
  const scaling = autoScalingContainers(context, placed, network.subnetsOf);
  for (const [member, group] of scaling.nodeGroup) placed.set(member, group);
  const networkIds = new Set([...network.groups, ...scaling.groups].map((group) => group.id));
  const guarded = options.securityGroups ? securityGroupContainers(context, placed, networkIds) : undefined;
  for (const [member, group] of guarded?.nodeGroup ?? []) placed.set(member, group);
  const containerGroups = [...network.groups, ...scaling.groups, ...(guarded?.groups ?? [])];
  // Group id -> the resource it is: a VPC, subnet, Auto Scaling group or security group is drawn as its box only.
  const boxOf = new Map<string, string>([...network.groups.filter((group) => group.kind === 'vpc' || group.kind === 'subnet').map((group): [string, string] => [group.id, group.id]), ...scaling.boxOf, ...(guarded?.boxOf ?? [])]);
  const containerNames = new Set(boxOf.values());
  const constructs = buildConstructGroups(context, placed, new Set(containerGroups.map((group) => group.id)));
  const containers = new Map<string, GraphNode>();
  const nodes: GraphNode[] = [];
  for (const resource of context.resources) {
    const node = toNode(resource, placed.get(resource.name) ?? constructs.nodeGroup.get(resource.name), globals, constructs.labels.get(resource.name));
    if (containerNames.has(resource.name)) containers.set(resource.name, node);
    else nodes.push(node);
    for (const reference of context.referencesOf(resource.name)) {
      if (reference.kind === 'condition' || reference.kind === 'findInMap' || reference.locals?.has(reference.name)) continue;
      const target = context.resolve(reference.name);
      if (target !== undefined) add(resource.name, target, reference.kind);
    }
    addSemanticEdges(context, resource, add);
  }
  const groups: GraphGroup[] = containerGroups.map((group) => {
    const name = boxOf.get(group.id);
    const resource = name !== undefined ? containers.get(name) : undefined;
    return resource ? { ...group, type: resource.type, span: resource.span, details: { ...resource.details, ...group.details } } : group;
  });
  const framed = addAwsFrame(nodes, [...groups, ...constructs.groups], options.region);
  return applyLevelsOfDetail({ nodes: framed.nodes, edges: containerEdges(annotateFlow(edges, [...nodes, ...containers.values()]), containers, scaling), groups: framed.groups });
}

/**
 * Edges once containers are boxes: an edge to or from a VPC, subnet or security group is
 * left out (being inside the box says it), and so is one between an Auto Scaling group and
 * its own members; any other edge of an Auto Scaling group is redrawn to what it launches
 * (`redirect`), keeping its flow direction.
 */
function containerEdges(edges: readonly GraphEdge[], containers: ReadonlyMap<string, GraphNode>, { redirect, nodeGroup }: { redirect: ReadonlyMap<string, string>; nodeGroup: ReadonlyMap<string, string> }): GraphEdge[] {
  const out: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    // A scaling policy naming its own Auto Scaling group: being inside the box says it.
    if (nodeGroup.get(edge.from) === edge.to || nodeGroup.get(edge.to) === edge.from) continue;
    const from = redirect.get(edge.from) ?? edge.from;
    const to = redirect.get(edge.to) ?? edge.to;
    if (from === to || containers.has(from) || containers.has(to)) continue;
    const key = `${from}\u0000${to}\u0000${edge.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(from === edge.from && to === edge.to ? edge : { ...edge, from, to });
  }
  return out;
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
