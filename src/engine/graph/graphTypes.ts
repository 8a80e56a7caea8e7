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
  /** A deployed stack's view of the resource (live diagrams only): drawn as a badge. */
  readonly status?: NodeStatus;
}

/** A deployed resource's state, from DescribeStackResources (and drift detection, when run). */
export interface NodeStatus {
  /** `CREATE_COMPLETE`, `UPDATE_FAILED`... */
  readonly state: string;
  /** `IN_SYNC`, `MODIFIED`, `DELETED`, `NOT_CHECKED`. */
  readonly drift?: string;
  /** CloudFormation's status reason, when it gives one. */
  readonly reason?: string;
  /** How the badge reads (`liveStatus.ts` decides): failed, drifted, in progress, deleted or ok. */
  readonly tone?: StatusTone;
}

/** Badge tones of a live status. */
export type StatusTone = 'failed' | 'drifted' | 'progress' | 'deleted' | 'ok';

/**
 * A directed edge from the referencing resource (`from`) to the referenced one (`to`).
 * Drawings follow the data flow instead: `to -> from` when `reverse` is set (see `edgeFlow.ts`).
 */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /**
   * Requests or data flow from `to` to `from`: a method references its API, but requests
   * flow API -> method; a listener references its load balancer, traffic flows LB -> listener.
   */
  readonly reverse?: true;
  /**
   * A reference-only edge (IAM grants, DependsOn order, a security group, the reference
   * behind an event-source edge): drawn only in the auxiliary layer, like auxiliary nodes.
   */
  readonly auxiliary?: true;
  /** In a view (`visibleGraph`): how many graph edges this drawn edge stands for, when more than one. */
  readonly count?: number;
}

/** Kinds of grouping boxes. */
export type GroupKind =
  | 'cloud'
  | 'region'
  | 'vpc'
  | 'availabilityZone'
  | 'subnet'
  | 'autoScalingGroup'
  | 'securityGroup'
  | 'nestedStack'
  | 'construct'
  | 'repeated'
  | 'service';

/**
 * A grouping box. Groups nest through `parent` (AWS Cloud > Region > VPC > AZ > subnet >
 * Auto Scaling group; construct paths).
 *
 * - `cloud`, `region`: the frame of every AWS architecture diagram (`awsFrame.ts`): global
 *   services sit in the cloud, everything else in the region; the region's `details.region`
 *   names it when known;
 * - `vpc`, `subnet`, `autoScalingGroup`, `securityGroup`: the group *is* a resource (a
 *   container, never a node as well): `type`, `span` and `details` are that resource's. A
 *   security group is a boundary only when asked (`BuildGraphOptions.securityGroups`), one
 *   box per group its members sit in;
 * - `repeated`: N resources of one shape (same type, same neighbours' shapes), e.g. 39
 *   functions; `type` is their type;
 * - `service`: resources of one service gathered to keep a big diagram readable;
 * - `construct`: a CDK construct path (`Metadata.aws:cdk:path`); `type` is the type of its
 *   `Resource` child when it is an L2 construct.
 */
export interface GraphGroup {
  readonly id: string;
  readonly kind: GroupKind;
  readonly label: string;
  readonly parent?: string;
  /** Drawn as one box until the user expands it (the default level of detail). */
  readonly collapsed?: true;
  readonly type?: string;
  readonly span?: Span;
  readonly details?: Readonly<Record<string, string>>;
}

/** The whole graph. */
export interface ArchitectureGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
}
