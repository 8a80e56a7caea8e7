/**
 * The graph exports: Mermaid text and the static SVG. Template text is hostile data here:
 * logical ids and labels with `<script>`, quotes, brackets and `-->` must stay escaped.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { buildGraph } from '../../src/engine/graph/buildGraph';
import type { ArchitectureGraph, GraphNode } from '../../src/engine/graph/graphTypes';
import { visibleGraph } from '../../src/engine/graph/graphView';
import { mermaidText, toMermaid } from '../../src/engine/graph/mermaid';
import { toSvg, xml } from '../../src/engine/graph/svg';
import { SVG_METRICS, layoutGraph, longestPathColumns } from '../../src/engine/graph/svgLayout';
import { withoutFrame } from './graphFrame';

const HOSTILE = ['<script>alert(1)</script>', 'say "hi"', 'a]b[c', 'x-->y', 'end', 'A&amp;B#35;', "it's\u0001`md`"];

function graphOf(text: string, fileName = 't.yaml'): ArchitectureGraph {
  return withoutFrame(buildGraph(analyzeDocument(fileName, text)));
}

function node(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, type: 'AWS::SQS::Queue', service: 'SQS', category: 'integration', label: id, span: { start: 0, end: 0 }, auxiliary: false, details: {}, ...extra };
}

/** A graph whose ids, labels, types and group labels are all hostile. */
function hostileGraph(): ArchitectureGraph {
  const nodes = HOSTILE.map((id, i) => node(id, { type: `Custom::${id}`, group: i % 2 === 0 ? 'g"<1>' : undefined }));
  const edges = HOSTILE.slice(1).map((id, i) => ({ from: HOSTILE[i]!, to: id, kind: i % 2 === 0 ? ('dependsOn' as const) : ('ref' as const) }));
  return { nodes, edges, groups: [{ id: 'g"<1>', kind: 'vpc', label: '</text><script>x</script>' }] };
}

/** Same graph through a real template: JSON keys can hold anything. */
function hostileTemplateGraph(): ArchitectureGraph {
  const resources: Record<string, unknown> = {};
  HOSTILE.forEach((id, i) => {
    resources[id] = { Type: 'AWS::SQS::Queue', Properties: i > 0 ? { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [HOSTILE[i - 1], 'Arn'] } } } : {} };
  });
  return graphOf(JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }), 't.json');
}

void describe('toMermaid', () => {
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] }
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: Queue
    Properties:
      Role: !GetAtt Role.Arn
      VpcConfig: { SubnetIds: [!Ref Subnet] }
  Role:
    Type: AWS::IAM::Role
  Queue:
    Type: AWS::SQS::Queue
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Queue.Arn, FunctionName: !Ref Fn }
`;
  const graph = graphOf(template);

  void test('flowchart with nested subgraphs (a VPC and subnet as containers only), kinds as labels, auxiliary nodes and reference-only edges left out', () => {
    assert.equal(
      toMermaid(graph),
      `flowchart LR
  n_Queue["Queue<br/>AWS::SQS::Queue"]
  subgraph g_Vpc["Vpc"]
    subgraph g_Vpc_AZ_1["AZ 1"]
      subgraph g_Subnet["Subnet"]
        n_Fn["Fn<br/>AWS::Lambda::Function"]
      end
    end
  end
  n_Queue ==>|eventSource| n_Fn
`,
    );
    // The DependsOn order and the function's reference into its subnet are in the graph, just not drawn by default.
    assert.ok(graph.edges.some((edge) => edge.kind === 'dependsOn' && edge.auxiliary));
    assert.match(toMermaid(graph, { includeAuxiliary: true }), /^ {2}n_Fn -\.->\|dependsOn\| n_Queue$/m);
  });

  void test('--all keeps auxiliary nodes and their edges', () => {
    const text = toMermaid(graph, { includeAuxiliary: true });
    assert.match(text, /^ {2}n_Role\["Role<br\/>AWS::IAM::Role"\]$/m);
    assert.match(text, /^ {2}n_Fn -->\|getatt\| n_Role$/m);
    assert.match(text, /^ {2}n_Mapping -->\|ref\| n_Fn$/m);
  });

  void test('hostile ids and labels cannot break out of ids, labels or the diagram', () => {
    for (const graphUnderTest of [hostileGraph(), hostileTemplateGraph()]) {
      const text = toMermaid(graphUnderTest, { includeAuxiliary: true });
      const lines = text.trimEnd().split('\n');
      assert.equal(lines[0], 'flowchart LR');
      for (const line of lines.slice(1)) {
        const ok =
          /^\s+n_\w+\["[^"<>[\]`&]*<br\/>[^"<>[\]`&]*"\]$/.test(line) ||
          /^\s+subgraph g_\w+\["[^"<>[\]`&]*"\]$/.test(line) ||
          /^\s+end$/.test(line) ||
          /^ {2}n_\w+ (-->|-\.->|==>)\|\w+\| n_\w+$/.test(line);
        assert.ok(ok, `unexpected Mermaid line: ${line}`);
      }
      assert.doesNotMatch(text, /<script|-->y|"hi"/);
      // Every hostile node is present, each under its own id.
      const ids = new Set(lines.map((line) => /^\s+(n_\w+)\[/.exec(line)?.[1]).filter(Boolean));
      assert.equal(ids.size, HOSTILE.length);
    }
    assert.equal(mermaidText('<a href="x">[1]</a> #1 & `b`'), '#60;a href=#34;x#34;#62;#91;1#93;#60;/a#62; #35;1 #38; #96;b#96;');
    assert.equal(mermaidText('naïve 😀'), 'na#239;ve #128512;');
  });
});

void describe('toSvg', () => {
  /** A strict little well-formedness check: known tags only, balanced, attributes quoted. */
  function checkSvg(svg: string): void {
    const allowed = new Set(['svg', 'defs', 'marker', 'path', 'rect', 'text', 'g', 'title', 'line']);
    const stack: string[] = [];
    const tag = /<(\/?)([a-z]+)((?:\s+[A-Za-z][A-Za-z0-9-]*="[^"<>]*")*)\s*(\/?)>/g;
    let cursor = 0;
    for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
      const between = svg.slice(cursor, match.index);
      assert.doesNotMatch(between, /[<>]/, `stray markup before ${match[0]}`);
      assert.doesNotMatch(between, /&(?!(amp|lt|gt|quot|apos);)/, 'unescaped &');
      cursor = match.index + match[0].length;
      const [, closing, name, attributes, selfClosing] = match;
      assert.ok(allowed.has(name!), `unexpected element <${name}>`);
      assert.doesNotMatch(attributes!, /\son\w+=|href=/i);
      if (closing) assert.equal(stack.pop(), name);
      else if (!selfClosing) stack.push(name!);
    }
    assert.equal(svg.slice(cursor).trim(), '');
    assert.deepEqual(stack, []);
    for (const url of svg.match(/url\([^)]*\)/g) ?? []) assert.equal(url, 'url(#arrow)');
  }

  void test('hostile text is escaped and the document stays well-formed', () => {
    for (const graphUnderTest of [hostileGraph(), hostileTemplateGraph()]) {
      const svg = toSvg(graphUnderTest, { includeAuxiliary: true });
      assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" '));
      checkSvg(svg);
      assert.doesNotMatch(svg, /<script/);
      assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(svg, /say &quot;hi&quot;/);
      assert.match(svg, /x--&gt;y/);
    }
    assert.equal(xml(`<a b="c" d='e'>&\u0000\uD800`), '&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;\uFFFD\uFFFD');
  });

  void test('deterministic, with a node per visible resource and a box per group', () => {
    const graph = graphOf(NETWORKISH);
    const svg = toSvg(graph);
    assert.equal(svg, toSvg(graph));
    checkSvg(svg);
    const visible = visibleGraph(graph);
    assert.equal(svg.match(/<g data-id="/g)?.length, visible.nodes.length);
    assert.equal(svg.match(/<g data-group="/g)?.length, visible.groups.length);
    assert.equal(svg.match(/marker-end="url\(#arrow\)"/g)?.length, visible.edges.length);
    assert.match(toSvg({ nodes: [], edges: [], groups: [] }), /No resources to show\./);
  });

  void test('layout: columns follow edges, cycles are broken, group boxes hold exactly their members', () => {
    const graph = graphOf(NETWORKISH);
    const columns = longestPathColumns(graph);
    for (const edge of graph.edges) {
      if (edge.from === 'B' && edge.to === 'A') continue; // the back edge of the A <-> B cycle (A comes first)
      assert.ok(columns.get(edge.from)! < columns.get(edge.to)!, `${edge.from} -> ${edge.to}`);
    }
    const layout = layoutGraph(graph);
    const parents = new Map(graph.groups.map((group) => [group.id, group.parent]));
    const inGroup = (nodeGroup: string | undefined, group: string): boolean => {
      for (let current = nodeGroup; current !== undefined; current = parents.get(current)) if (current === group) return true;
      return false;
    };
    const { nodeWidth, nodeHeight } = SVG_METRICS;
    for (const box of layout.groups) {
      for (const placed of layout.nodes.values()) {
        const inside = placed.x >= box.x && placed.y >= box.y && placed.x + nodeWidth <= box.x + box.width && placed.y + nodeHeight <= box.y + box.height;
        const overlaps = placed.x < box.x + box.width && placed.x + nodeWidth > box.x && placed.y < box.y + box.height && placed.y + nodeHeight > box.y;
        if (inGroup(placed.node.group, box.group.id)) assert.ok(inside, `${placed.node.id} outside ${box.group.id}`);
        else assert.ok(!overlaps, `${placed.node.id} overlaps ${box.group.id}`);
      }
    }
    // Nodes never overlap each other.
    const boxes = [...layout.nodes.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        assert.ok(a.x + nodeWidth <= b.x || b.x + nodeWidth <= a.x || a.y + nodeHeight <= b.y || b.y + nodeHeight <= a.y, `${a.node.id} overlaps ${b.node.id}`);
      }
    }
  });
});

const NETWORKISH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] }
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ''] }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: x, VpcId: !Ref Vpc }
  Web:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref SubnetA, SecurityGroupIds: [!Ref Sg] }
  Db:
    Type: AWS::RDS::DBSubnetGroup
    Properties: { DBSubnetGroupDescription: x, SubnetIds: [!Ref SubnetA, !Ref SubnetB] }
  Cache:
    Type: AWS::ElastiCache::SubnetGroup
    Properties: { Description: x, SubnetIds: [!Ref SubnetB] }
  Bucket:
    Type: AWS::S3::Bucket
  A:
    Type: AWS::SQS::Queue
    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt B.Arn } }
  B:
    Type: AWS::SQS::Queue
    Properties: { Tags: [{ Key: k, Value: !GetAtt A.Arn }] }
  Reader:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { Q: !Ref A, BUCKET: !Ref Bucket } } }
`;
