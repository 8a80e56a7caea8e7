import type { GraphGroup, GraphNode } from './graphTypes';

/** Where the diagram's region comes from, when it is known. */
export interface RegionInfo {
  /** `eu-west-1`. */
  readonly name: string;
  /** Why this region, in a few words: `CDK stack environment`, `deployed stack`, `your AWS region setting`. */
  readonly source: string;
}

/** Ids of the frame's two boxes (made unique against the template's own group ids). */
export const CLOUD_GROUP = 'aws:cloud';
export const REGION_GROUP = 'aws:region';

/**
 * Services whose resources are global (not in any region): drawn in the AWS Cloud box,
 * outside the Region box, as AWS architecture diagrams draw IAM, CloudFront and Route 53.
 */
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['IAM', 'CloudFront', 'Route53', 'WAF', 'Organizations', 'GlobalAccelerator', 'Budgets', 'Route53RecoveryControl', 'Route53RecoveryReadiness', 'Shield']);

/** A CloudFront-scope web ACL is global too (WAFv2 says so in `Scope`); a regional one stays in the region. */
function isGlobal(node: GraphNode): boolean {
  if (GLOBAL_SERVICES.has(node.service)) return true;
  return node.type.startsWith('AWS::WAFv2::') && node.details['Scope'] === 'CLOUDFRONT';
}

/**
 * The outer frame of an AWS architecture diagram: an **AWS Cloud** box around everything,
 * and inside it a **Region** box around every regional resource and every top-level group
 * (VPCs, constructs...). Global resources (IAM, CloudFront, Route 53...) sit in the cloud,
 * outside the region.
 *
 * The region is named when the caller knows it (a CDK stack's environment, a deployed
 * stack's region, the user's AWS region setting: `details.region` and `details.source`);
 * otherwise the box reads just "Region", since a template deploys to whichever region its
 * stack is created in (the header says so on hover). An empty template gets no frame.
 */
export function addAwsFrame(nodes: readonly GraphNode[], groups: readonly GraphGroup[], region: RegionInfo | undefined): { nodes: GraphNode[]; groups: GraphGroup[] } {
  if (nodes.length === 0) return { nodes: [...nodes], groups: [...groups] };
  const used = new Set(groups.map((group) => group.id));
  const unique = (base: string): string => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}#${i}`;
    used.add(id);
    return id;
  };
  const cloud = unique(CLOUD_GROUP);
  const regionId = unique(REGION_GROUP);
  const frame: GraphGroup[] = [
    { id: cloud, kind: 'cloud', label: 'AWS Cloud' },
    {
      id: regionId,
      kind: 'region',
      label: region ? region.name : 'Region',
      parent: cloud,
      details: region ? { region: region.name, source: region.source } : { region: 'the region the stack is deployed to' },
    },
  ];
  const known = new Set(groups.map((group) => group.id));
  const framedGroups = groups.map((group) => (group.parent === undefined || !known.has(group.parent) ? { ...group, parent: regionId } : group));
  const framedNodes = nodes.map((node) => (node.group === undefined || !known.has(node.group) ? { ...node, group: isGlobal(node) ? cloud : regionId } : node));
  return { nodes: framedNodes, groups: [...frame, ...framedGroups] };
}
