import type { Span } from '../document/located';

/**
 * The architecture graph of a template: the data behind the diagram webview and
 * `archlens diagram`. JSON-serialisable (spans are plain objects).
 */

/** Why one resource points at another. Edges go from the referencing resource to the referenced one. */
export type EdgeKind = 'ref' | 'getatt' | 'sub' | 'dependsOn' | 'eventSource' | 'iam';

/** Broad categories for icons, colours and default visibility. */
export type NodeCategory =
  | 'compute'
  | 'storage'
  | 'database'
  | 'networking'
  | 'integration'
  | 'api'
  | 'security'
  | 'monitoring'
  | 'management'
  | 'analytics'
  | 'other';

/** One resource. */
export interface GraphNode {
  /** The logical id. */
  readonly id: string;
  /** CloudFormation type, e.g. `AWS::Lambda::Function` (SAM types kept as written). */
  readonly type: string;
  /** Service namespace, e.g. `Lambda`. */
  readonly service: string;
  readonly category: NodeCategory;
  /** Display label: the logical id, or a friendlier name when the template gives one. */
  readonly label: string;
  /** Innermost group the node sits in (a subnet, AZ, VPC or nested stack id). */
  readonly group?: string;
  /** Span of the resource's logical id in the template, for "reveal in editor". */
  readonly span: Span;
  /** IAM, permissions, log groups and similar plumbing: hidden by default, with a toggle. */
  readonly auxiliary: boolean;
  /** A few key properties shown on hover (name -> short text). */
  readonly details: Readonly<Record<string, string>>;
}

/** A directed edge from the referencing resource (`from`) to the referenced one (`to`). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** A grouping box. Groups nest through `parent` (VPC > AZ > subnet). */
export interface GraphGroup {
  readonly id: string;
  readonly kind: 'vpc' | 'availabilityZone' | 'subnet' | 'nestedStack' | 'construct';
  readonly label: string;
  readonly parent?: string;
}

/** The whole graph. */
export interface ArchitectureGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
}
