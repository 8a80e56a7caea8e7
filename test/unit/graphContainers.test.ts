/**
 * The group styles of AWS architecture diagrams in the graph: the AWS Cloud > Region frame,
 * Auto Scaling groups as boxes inside their subnets, and security groups as boundaries when
 * asked; the same nesting in `archlens diagram`'s SVG and Mermaid.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { buildGraph, type BuildGraphOptions } from '../../src/engine/graph/buildGraph';
import type { ArchitectureGraph } from '../../src/engine/graph/graphTypes';
import { toMermaid } from '../../src/engine/graph/mermaid';
import { toSvg } from '../../src/engine/graph/svg';
import { boxCount } from '../../src/engine/graph/levelsOfDetail';
import { generateTemplate } from '../../bench/generateTemplate';

function graphOf(text: string, options: BuildGraphOptions = {}): ArchitectureGraph {
  return buildGraph(analyzeDocument('template.yaml', text), options);
}

/** Kinds of the boxes around a node or group, innermost first (`node:` or `group:` + id). */
function chain(graph: ArchitectureGraph, start: string): string[] {
  const groups = new Map(graph.groups.map((group) => [group.id, group]));
  const node = start.startsWith('node:') ? graph.nodes.find((candidate) => candidate.id === start.slice(5)) : undefined;
  let current = node ? node.group : groups.get(start.slice(6))?.parent;
  const out: string[] = [];
  for (let guard = 0; current !== undefined && guard < 50; guard++) {
    const group = groups.get(current);
    assert.ok(group, `unknown group ${current}`);
    out.push(`${group.kind}:${group.label}`);
    current = group.parent;
  }
  return out;
}

/** A web tier: ALB in two public subnets, an Auto Scaling group in one private subnet, a second in two. */
const WEB_TIER = readFileSync(join(__dirname, '..', 'fixtures', 'diagram', 'web-tier.yaml'), 'utf8');

void describe('the AWS group styles in the graph', () => {
  const graph = graphOf(WEB_TIER);

  void test('an Auto Scaling group sits in its subnet, in its AZ, in the VPC, in the Region, in the AWS Cloud', () => {
    const asg = graph.groups.find((group) => group.id === 'WebAsg');
    assert.ok(asg, 'the Auto Scaling group is a box');
    assert.equal(asg.kind, 'autoScalingGroup');
    assert.equal(asg.type, 'AWS::AutoScaling::AutoScalingGroup');
    assert.deepEqual(asg.details, { MinSize: '1', MaxSize: '3' });
    assert.deepEqual(chain(graph, 'group:WebAsg'), ['subnet:PrivateA', 'availabilityZone:AZ 1', 'vpc:Vpc', 'region:Region', 'cloud:AWS Cloud']);
    // What it launches (its instances) and its own scaling policy are inside its box; it is no node itself.
    assert.deepEqual(chain(graph, 'node:WebTemplate'), ['autoScalingGroup:WebAsg', 'subnet:PrivateA', 'availabilityZone:AZ 1', 'vpc:Vpc', 'region:Region', 'cloud:AWS Cloud']);
    assert.equal(graph.nodes.find((node) => node.id === 'WebScaling')?.group, 'WebAsg');
    assert.equal(graph.nodes.some((node) => node.id === 'WebAsg'), false);
  });

  void test('an Auto Scaling group across two AZs sits in the VPC that holds both, naming its subnets', () => {
    const worker = graph.groups.find((group) => group.id === 'WorkerAsg')!;
    assert.equal(worker.parent, 'Vpc');
    assert.equal(worker.details?.['subnets'], 'PrivateA, PrivateB');
    assert.equal(graph.nodes.find((node) => node.id === 'WorkerConfig')?.group, 'WorkerAsg');
  });

  void test("traffic to an Auto Scaling group is drawn to what it launches, in the flow's direction", () => {
    const edges = graph.edges.map((edge) => (edge.reverse ? `${edge.to} -> ${edge.from}` : `${edge.from} -> ${edge.to}`));
    assert.ok(edges.includes('WebTargets -> WebTemplate'), edges.join('\n'));
    assert.ok(!edges.some((edge) => edge.includes('WebAsg')), 'no edge names the container');
  });

  void test('global services sit in the AWS Cloud, outside the Region; the Region is unnamed unless known', () => {
    assert.deepEqual(chain(graph, 'node:Cdn'), ['cloud:AWS Cloud']);
    assert.deepEqual(chain(graph, 'node:WebRole'), ['cloud:AWS Cloud']);
    assert.deepEqual(chain(graph, 'node:Jobs'), ['region:Region', 'cloud:AWS Cloud']);
    const region = graph.groups.find((group) => group.kind === 'region')!;
    assert.equal(region.details?.['region'], 'the region the stack is deployed to');
    const named = graphOf(WEB_TIER, { region: { name: 'eu-west-1', source: 'the CDK stack environment' } }).groups.find((group) => group.kind === 'region')!;
    assert.equal(named.label, 'eu-west-1');
    assert.deepEqual(named.details, { region: 'eu-west-1', source: 'the CDK stack environment' });
  });

  void test('security groups are boundaries only when asked: one dashed box per box their members sit in', () => {
    assert.equal(graph.groups.some((group) => group.kind === 'securityGroup'), false, 'off by default');
    assert.ok(graph.nodes.some((node) => node.id === 'WebSg'), 'without boundaries a security group is a node');

    const guarded = graphOf(WEB_TIER, { securityGroups: true });
    const boxes = guarded.groups.filter((group) => group.kind === 'securityGroup');
    assert.deepEqual(
      boxes.map((group) => `${group.label} in ${group.parent}`),
      ['AlbSg in Vpc', 'WebSg in WebAsg', 'WebSg in WorkerAsg'],
    );
    for (const box of boxes) assert.equal(box.type, 'AWS::EC2::SecurityGroup');
    assert.deepEqual(chain(guarded, 'node:WebTemplate'), ['securityGroup:WebSg', 'autoScalingGroup:WebAsg', 'subnet:PrivateA', 'availabilityZone:AZ 1', 'vpc:Vpc', 'region:Region', 'cloud:AWS Cloud']);
    assert.deepEqual(chain(guarded, 'node:Alb'), ['securityGroup:AlbSg', 'vpc:Vpc', 'region:Region', 'cloud:AWS Cloud']);
    // A security group drawn as its boxes is no node, and no edge names it.
    assert.equal(guarded.nodes.some((node) => node.id === 'WebSg' || node.id === 'AlbSg'), false);
    assert.equal(guarded.edges.some((edge) => edge.to === 'WebSg' || edge.from === 'WebSg'), false);
    assert.deepEqual(new Set(guarded.groups.map((group) => group.id)).size, guarded.groups.length, 'group ids are unique');
  });

  void test('a hostile logical id cannot take the frame\'s group ids', () => {
    const hostile = graphOf(`
Resources:
  'aws:cloud':
    Type: AWS::EC2::VPC
  Queue:
    Type: AWS::SQS::Queue
`);
    const ids = hostile.groups.map((group) => group.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(hostile.groups.find((group) => group.id === 'aws:cloud')?.kind, 'vpc');
    assert.deepEqual(chain(hostile, 'node:Queue'), ['region:Region', 'cloud:AWS Cloud']);
  });

  void test('an empty template has no frame', () => {
    assert.deepEqual(graphOf('Resources: {}\n').groups, []);
  });

  void test('500 resources: the frame is never collapsed, the default view stays within about 60 boxes', () => {
    const big = buildGraph(analyzeDocument('big.yaml', generateTemplate({ services: 39 })));
    assert.ok(big.nodes.length >= 490);
    const frame = big.groups.filter((group) => group.kind === 'cloud' || group.kind === 'region');
    assert.equal(frame.length, 2);
    assert.ok(frame.every((group) => !group.collapsed));
    assert.ok(boxCount(big) <= 60, `${boxCount(big)} boxes`);
  });
});

void describe('archlens diagram draws the same nesting', () => {
  void test('SVG: the AWS Cloud, Region, VPC, AZ, subnet, Auto Scaling group and security group boxes, titled as AWS draws them', () => {
    const svg = toSvg(graphOf(WEB_TIER, { securityGroups: true, region: { name: 'eu-west-1', source: 'test' } }));
    for (const title of ['AWS Cloud', 'Region eu-west-1', 'Auto Scaling group WebAsg', 'Security group WebSg', 'Vpc', 'PrivateA']) assert.ok(svg.includes(`>${title}</text>`), title);
    // The Auto Scaling group is dashed orange, the security group dashed red.
    assert.match(svg, /stroke="#ed7100" stroke-dasharray="6 4"/);
    assert.match(svg, /stroke="#dd344c" stroke-dasharray="4 3"/);
    const outer = svg.indexOf('data-group="aws:cloud"');
    const asg = svg.indexOf('data-group="WebAsg"');
    assert.ok(outer >= 0 && asg > outer, 'outer boxes first, so inner ones are drawn on top');
  });

  void test('Mermaid: nested subgraphs from the AWS Cloud down to the Auto Scaling group', () => {
    const text = toMermaid(graphOf(WEB_TIER));
    const order = ['"AWS Cloud"', '"Region"', '"Vpc"', '"AZ 1"', '"PrivateA"', '"WebAsg"'].map((title) => text.indexOf(`[${title}]`));
    assert.ok(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!)), text);
  });
});
