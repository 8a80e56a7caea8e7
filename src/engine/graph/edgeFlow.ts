import type { GraphEdge, GraphNode } from './graphTypes';
import { lookupTable } from '../util/lookup';

/**
 * Which edges an architect reads as request or data flow, and which way it runs.
 *
 * References point from the resource that names another to the one it names (Lambda ->
 * Role, Deployment -> Method, Method -> RestApi). An architecture picture instead shows the
 * flow: client -> API -> method -> function -> table; queue -> consumer; bucket -> target.
 * Most references already point the flow's way (a function names the table it writes);
 * the ones that name their *parent* or *upstream* are turned around here (`reverse`), and
 * reference-only edges go to the auxiliary layer (`auxiliary`):
 *
 * - `dependsOn` (deployment order) and `iam` (grants) edges;
 * - references to a security group (the group is a boundary, not a hop);
 * - a plain reference behind an `eventSource` edge of the same pair (the function's event
 *   names the queue; the picture shows queue -> function once).
 */

/** `fromType -> toType` references whose flow runs `to -> from`. */
const REVERSED: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::ApiGateway::Method': ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Resource'],
  'AWS::ApiGateway::Resource': ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Resource'],
  'AWS::ApiGateway::Stage': ['AWS::ApiGateway::RestApi'],
  'AWS::ApiGateway::Authorizer': ['AWS::ApiGateway::RestApi'],
  'AWS::ApiGatewayV2::Route': ['AWS::ApiGatewayV2::Api'],
  'AWS::ApiGatewayV2::Integration': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Route'],
  'AWS::ApiGatewayV2::Stage': ['AWS::ApiGatewayV2::Api'],
  'AWS::ElasticLoadBalancingV2::Listener': ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  'AWS::ElasticLoadBalancingV2::ListenerRule': ['AWS::ElasticLoadBalancingV2::Listener'],
  'AWS::ECS::Service': ['AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  'AWS::AutoScaling::AutoScalingGroup': ['AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  'AWS::AppSync::Resolver': ['AWS::AppSync::GraphQLApi'],
  'AWS::AppSync::DataSource': ['AWS::AppSync::GraphQLApi'],
});

/** Types that are boundaries: a reference to one is not a hop of the flow. */
const BOUNDARY_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::SecurityGroup']);

/** Returns the edges with `reverse` and `auxiliary` set per the rules above (same order, same ends). */
export function annotateFlow(edges: readonly GraphEdge[], nodes: readonly GraphNode[]): GraphEdge[] {
  const typeOf = new Map(nodes.map((node) => [node.id, node.type]));
  const eventPairs = new Set<string>();
  for (const edge of edges) if (edge.kind === 'eventSource') eventPairs.add(`${edge.to}\u0000${edge.from}`);
  return edges.map((edge) => {
    if (edge.kind === 'dependsOn' || edge.kind === 'iam') return { ...edge, auxiliary: true };
    if (edge.kind === 'eventSource') return edge;
    const toType = typeOf.get(edge.to) ?? '';
    if (BOUNDARY_TYPES.has(toType) && typeOf.get(edge.from) !== toType) return { ...edge, auxiliary: true };
    if (eventPairs.has(`${edge.from}\u0000${edge.to}`)) return { ...edge, auxiliary: true };
    const fromType = typeOf.get(edge.from) ?? '';
    if (Object.hasOwn(REVERSED, fromType) && REVERSED[fromType]!.includes(toType)) return { ...edge, reverse: true };
    return edge;
  });
}

/** The ends of an edge in flow order: `[source, target]` of the arrow drawn. */
export function flowEnds(edge: GraphEdge): readonly [string, string] {
  return edge.reverse ? [edge.to, edge.from] : [edge.from, edge.to];
}
