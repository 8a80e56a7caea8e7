import type { Rule } from './rule';
import { TEMPLATE_KINDS } from './rule';
import { collectReferences } from '../cfn/references';
import type { TemplateModel } from '../cfn/template';
import type { ParsedDocument, Span } from '../document/located';
import { getValue } from '../document/located';
import { spendBudget } from '../util/workBudget';

/** References that make CloudFormation create one resource before another. */
const DEPENDENCY_KINDS = new Set(['ref', 'getatt', 'sub', 'dependsOn']);

/** The resource dependency graph: resources in source order and, per resource, the indexes it depends on. */
interface DependencyGraph {
  readonly names: readonly string[];
  readonly edges: readonly (readonly number[])[];
}

function buildGraph(document: ParsedDocument, template: TemplateModel): DependencyGraph {
  const names = [...template.resources.keys()].filter((name) => !name.startsWith('Fn::'));
  const index = new Map(names.map((name, i) => [name, i]));
  const sets = names.map(() => new Set<number>());
  const moved = samEventSpans(template);
  for (const reference of collectReferences(document, template)) {
    if (reference.section !== 'Resources' || !DEPENDENCY_KINDS.has(reference.kind)) continue;
    if (moved.get(reference.from)?.some((span) => reference.span.start >= span.start && reference.span.end <= span.end)) continue;
    if (reference.locals?.has(reference.name)) continue;
    const from = index.get(reference.from);
    const to = index.get(reference.name);
    if (from === undefined || to === undefined) continue;
    // A resource that DependsOn itself is cfn-depends-on's finding.
    if (from === to && reference.kind === 'dependsOn') continue;
    sets[from]!.add(to);
  }
  return { names, edges: sets.map((set) => [...set].sort((a, b) => a - b)) };
}

/**
 * Spans of SAM `Events` per resource. The SAM transform turns each event into
 * resources of their own (permissions, event source mappings, rules) that
 * depend on the function; the function itself does not depend on what its
 * events name, so an API whose definition invokes the function is no cycle.
 */
function samEventSpans(template: TemplateModel): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  if (!template.isSam) return out;
  for (const resource of template.resources.values()) {
    if (!resource.type?.startsWith('AWS::Serverless::')) continue;
    const events = getValue(resource.properties, 'Events');
    if (events) out.set(resource.name, [events.span]);
  }
  return out;
}

/**
 * Strongly connected components with more than one node, or with a self-loop,
 * by Tarjan's algorithm made iterative (a recursive version overflows the
 * stack on long dependency chains). Components are in no particular order.
 */
export function findCycles(edges: readonly (readonly number[])[]): number[][] {
  const count = edges.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const work: Array<{ node: number; next: number }> = [];
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    work.push({ node: root, next: 0 });
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      spendBudget();
      const frame = work[work.length - 1]!;
      const targets = edges[frame.node]!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, order[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== order[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges[frame.node]!.includes(frame.node)) components.push(component);
    }
  }
  return components;
}

/** A shortest cycle through `start` inside its component (breadth-first), as node indexes ending at `start`. */
function cycleThrough(start: number, members: ReadonlySet<number>, edges: readonly (readonly number[])[]): number[] {
  if (edges[start]!.includes(start)) return [start, start];
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of edges[node]!) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.push(at);
        path.push(start);
        // `path` runs backwards from the closing edge: start <- node <- ... <- start.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Resources must not depend on each other in a circle (Ref, Fn::GetAtt, Fn::Sub, DependsOn). */
export const circularDependencyRule: Rule = {
  id: 'cfn-circular-dependency',
  description: 'Resources must not depend on each other in a cycle through Ref, Fn::GetAtt, Fn::Sub or DependsOn; CloudFormation cannot order their creation.',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const { document, template } = context;
    if (!template) return;
    const graph = buildGraph(document, template);
    const cycles = findCycles(graph.edges).map((component) => component.sort((a, b) => a - b));
    cycles.sort((a, b) => a[0]! - b[0]!);
    for (const component of cycles) {
      const first = component[0]!;
      const path = cycleThrough(first, new Set(component), graph.edges).map((i) => graph.names[i]!);
      const shown = path.length - 1;
      const more = component.length > shown ? ` (${component.length - shown} more resource${component.length - shown === 1 ? ' is' : 's are'} in the same cycle)` : '';
      const keyNode = template.resources.get(graph.names[first]!)!.keyNode;
      context.report(keyNode.span, `Circular dependency: ${path.join(' -> ')}${more}. Break it by removing a Ref, Fn::GetAtt, Fn::Sub or DependsOn, or by moving the link into a separate resource.`);
    }
  },
};
