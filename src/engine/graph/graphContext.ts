import type { LocatedNode } from '../document/located';
import { isGeneratedName } from '../cfn/generatedNames';
import { PSEUDO_PARAMETERS } from '../cfn/references';
import type { Reference } from '../cfn/references';
import type { ResourceEntry, TemplateModel } from '../cfn/template';

/**
 * What the graph builders share about one template: the resources that become nodes,
 * the references each of them makes (from `collectReferences`, never re-walked), and
 * name resolution. Built once per `buildGraph` call.
 */
export class GraphContext {
  /** Resources that become nodes, in source order. */
  readonly resources: readonly ResourceEntry[];
  private readonly byName = new Map<string, ResourceEntry>();
  private readonly refsByResource = new Map<string, Reference[]>();
  private readonly resolved = new Map<string, string | undefined>();

  constructor(
    readonly template: TemplateModel,
    references: readonly Reference[],
  ) {
    const resources: ResourceEntry[] = [];
    for (const resource of template.resources.values()) {
      // `Fn::ForEach::` loops expand into resources whose names only exist after the transform.
      if (resource.name.startsWith('Fn::ForEach::')) continue;
      resources.push(resource);
      this.byName.set(resource.name, resource);
    }
    this.resources = resources;
    for (const reference of references) {
      if (reference.section !== 'Resources' || !this.byName.has(reference.from)) continue;
      let bucket = this.refsByResource.get(reference.from);
      if (!bucket) this.refsByResource.set(reference.from, (bucket = []));
      bucket.push(reference);
    }
  }

  /** The resource named `name`, when it is a node. */
  resource(name: string): ResourceEntry | undefined {
    return this.byName.get(name);
  }

  /** References made inside a resource's entry, in source order. */
  referencesOf(resource: string): readonly Reference[] {
    return this.refsByResource.get(resource) ?? [];
  }

  /**
   * The node a referenced name stands for: the resource itself; for SAM, the declared
   * resource behind a generated name (`MyFunctionRole`, `MyApiProdStage`, `!Ref MyFunction.Alias`)
   * since the node is "shown as what it creates"; likewise a Rain module for the resources it
   * expands into. Parameters, pseudo parameters and unknown names give undefined.
   */
  resolve(name: string): string | undefined {
    if (this.byName.has(name)) return name;
    if (this.resolved.has(name)) return this.resolved.get(name);
    let target: string | undefined;
    if (!this.template.parameters.has(name) && !PSEUDO_PARAMETERS.has(name)) {
      const dot = name.indexOf('.');
      if (dot > 0 && this.byName.get(name.slice(0, dot))?.type?.startsWith('AWS::Serverless::')) target = name.slice(0, dot);
      else if (isGeneratedName(this.template, name)) target = this.generatedOwner(name);
    }
    this.resolved.set(name, target);
    return target;
  }

  /**
   * Nodes that a value inside `resource`'s entry names through Ref, GetAtt or a Sub
   * variable (the references whose span lies inside `node`), unique, in source order.
   */
  namedIn(resource: string, node: LocatedNode | undefined): string[] {
    if (!node) return [];
    const out: string[] = [];
    const { start, end } = node.span;
    for (const reference of this.referencesOf(resource)) {
      if (reference.kind === 'dependsOn' || reference.kind === 'condition' || reference.kind === 'findInMap') continue;
      if (reference.span.start < start || reference.span.end > end) continue;
      if (reference.locals?.has(reference.name)) continue;
      const target = this.resolve(reference.name);
      if (target !== undefined && !out.includes(target)) out.push(target);
    }
    return out;
  }

  /** The longest declared SAM resource or Rain module whose name prefixes a generated name. */
  private generatedOwner(name: string): string | undefined {
    let owner: string | undefined;
    for (const resource of this.resources) {
      if (!name.startsWith(resource.name) || (owner !== undefined && owner.length >= resource.name.length)) continue;
      if (resource.rainModule || resource.type?.startsWith('AWS::Serverless::')) owner = resource.name;
    }
    return owner;
  }
}
