// The link from a live Glue table to the infrastructure code that defines it: the
// `AWS::Glue::Table` resources of a local template (read with the engine's located parser, so a
// name is found as a property and never as a look-alike string), their names resolved where they
// are intrinsics (`!Ref` to a parameter or to the AWS::Glue::Database, `!Sub` with parameters and
// pseudo parameters), and their columns and partition keys for the schema drift comparison.
// Template text is hostile input: names are looked up in Maps, `${}` scanning is linear.
import { resolveTemplateTag } from '../../engine/cfn/shortForms';
import { getValue, type LocatedNode, type MappingNode, type Span } from '../../engine/document/located';
import { parseDocument } from '../../engine/document/parseDocument';
import type { GlueColumn } from '../../aws/glueGateway';

/** Values for `!Ref` / `${}` beyond the template's parameter defaults (a deployed stack's parameters, pseudo parameters). */
export interface NameContext {
  readonly parameters?: ReadonlyMap<string, string>;
  readonly accountId?: string;
  readonly region?: string;
  readonly stackName?: string;
}

export interface TemplateGlueTable {
  readonly logicalId: string;
  /** The span of the resource's logical id key (where "reveal" puts the cursor). */
  readonly span: Span;
  /** The table name, resolved; undefined when it could not be (an unknown parameter, a GetAtt). */
  readonly name?: string;
  readonly databaseName?: string;
  readonly columns: readonly GlueColumn[];
  readonly partitionKeys: readonly GlueColumn[];
}

/** At most this many tables (or databases) are read from one template (a generated one can hold thousands). */
const MAX_TABLES = 2000;

function scalarText(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node.text : undefined;
}

/** `${Name}` replaced through `lookup`; undefined when one cannot be resolved. `${!X}` is a literal `${X}`. */
export function substitute(template: string, lookup: (name: string) => string | undefined): string | undefined {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('${', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 2, close);
    if (inner.startsWith('!')) out += `\${${inner.slice(1)}}`;
    else {
      const value = lookup(inner.trim());
      if (value === undefined) return undefined;
      out += value;
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

class NameResolver {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly root: LocatedNode | undefined,
    context: NameContext,
  ) {
    const parameters = getValue(root, 'Parameters');
    if (parameters?.kind === 'mapping') {
      for (const pair of parameters.pairs) {
        const fallback = scalarText(getValue(pair.value, 'Default'));
        if (fallback !== undefined) this.values.set(pair.key.text, fallback);
      }
    }
    for (const [key, value] of context.parameters ?? []) this.values.set(key, value);
    if (context.accountId) this.values.set('AWS::AccountId', context.accountId);
    if (context.region) this.values.set('AWS::Region', context.region);
    if (context.stackName) this.values.set('AWS::StackName', context.stackName);
    this.values.set('AWS::URLSuffix', context.region?.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
  }

  /** A name property's value: a literal, `Ref`, or `Fn::Sub`; a Ref to an AWS::Glue::Database is its name. */
  resolve(node: LocatedNode | undefined, depth = 0): string | undefined {
    if (node === undefined || depth > 4) return undefined;
    if (node.kind === 'scalar') return scalarText(node);
    if (node.kind !== 'mapping' || node.pairs.length !== 1) return undefined;
    const { key, value } = node.pairs[0]!;
    if (key.text === 'Ref') {
      const target = scalarText(value);
      if (target === undefined) return undefined;
      return this.values.get(target) ?? this.databaseName(target, depth);
    }
    if (key.text === 'Fn::Sub') {
      const [text, vars] = value.kind === 'sequence' ? [scalarText(value.items[0]), value.items[1]] : [scalarText(value), undefined];
      if (text === undefined) return undefined;
      return substitute(text, (name) => (vars?.kind === 'mapping' && getValue(vars, name) !== undefined ? this.resolve(getValue(vars, name), depth + 1) : this.values.get(name)));
    }
    return undefined;
  }

  private databaseName(logicalId: string, depth: number): string | undefined {
    const resource = getValue(getValue(this.root, 'Resources'), logicalId);
    if (scalarText(getValue(resource, 'Type')) !== 'AWS::Glue::Database') return undefined;
    return this.resolve(getValue(getValue(getValue(resource, 'Properties'), 'DatabaseInput'), 'Name'), depth + 1);
  }
}

function columns(list: LocatedNode | undefined): GlueColumn[] {
  if (list?.kind !== 'sequence') return [];
  return list.items.flatMap((item): GlueColumn[] => {
    const name = scalarText(getValue(item, 'Name'));
    if (name === undefined) return [];
    const type = scalarText(getValue(item, 'Type'));
    const comment = scalarText(getValue(item, 'Comment'));
    return [{ name, ...(type !== undefined ? { type } : {}), ...(comment !== undefined ? { comment } : {}) }];
  });
}

/** The parsed `Resources` of a template that mentions `type`, with its name resolver; undefined otherwise. */
function templateResources(fileName: string, text: string, type: string, context: NameContext): { resources: MappingNode; resolver: NameResolver } | undefined {
  // Cheap pre-check: most workspace files define no Glue resource.
  if (!text.includes(type)) return undefined;
  const { root } = parseDocument(fileName, text, { resolveTag: resolveTemplateTag });
  const resources = getValue(root, 'Resources');
  return resources?.kind === 'mapping' ? { resources, resolver: new NameResolver(root, context) } : undefined;
}

/** The Glue tables a template defines (empty for files that are not templates or have none). */
export function glueTablesInTemplate(fileName: string, text: string, context: NameContext = {}): TemplateGlueTable[] {
  const parsed = templateResources(fileName, text, 'AWS::Glue::Table', context);
  if (!parsed) return [];
  const out: TemplateGlueTable[] = [];
  for (const pair of parsed.resources.pairs) {
    if (out.length >= MAX_TABLES) break;
    if (scalarText(getValue(pair.value, 'Type')) !== 'AWS::Glue::Table') continue;
    const properties = getValue(pair.value, 'Properties');
    const input = getValue(properties, 'TableInput');
    const name = parsed.resolver.resolve(getValue(input, 'Name'));
    const databaseName = parsed.resolver.resolve(getValue(properties, 'DatabaseName'));
    out.push({
      logicalId: pair.key.text,
      span: { start: pair.key.span.start, end: pair.key.span.end },
      ...(name !== undefined ? { name } : {}),
      ...(databaseName !== undefined ? { databaseName } : {}),
      columns: columns(getValue(getValue(input, 'StorageDescriptor'), 'Columns')),
      partitionKeys: columns(getValue(input, 'PartitionKeys')),
    });
  }
  return out;
}

export interface TemplateGlueDatabase {
  readonly logicalId: string;
  readonly span: Span;
  /** `DatabaseInput.Name`, resolved; undefined when it could not be. */
  readonly name?: string;
}

/** The Glue databases a template defines (`AWS::Glue::Database`). */
export function glueDatabasesInTemplate(fileName: string, text: string, context: NameContext = {}): TemplateGlueDatabase[] {
  const parsed = templateResources(fileName, text, 'AWS::Glue::Database', context);
  if (!parsed) return [];
  return parsed.resources.pairs
    .filter((pair) => scalarText(getValue(pair.value, 'Type')) === 'AWS::Glue::Database')
    .slice(0, MAX_TABLES)
    .map((pair) => {
      const name = parsed.resolver.resolve(getValue(getValue(getValue(pair.value, 'Properties'), 'DatabaseInput'), 'Name'));
      return { logicalId: pair.key.text, span: { start: pair.key.span.start, end: pair.key.span.end }, ...(name !== undefined ? { name } : {}) };
    });
}

/** Whether a template table defines the live `database.table` (Glue stores names in lower case). */
export function definesTable(defined: TemplateGlueTable, databaseName: string, tableName: string): boolean {
  if (defined.name?.toLowerCase() !== tableName.toLowerCase()) return false;
  return defined.databaseName === undefined || defined.databaseName.toLowerCase() === databaseName.toLowerCase();
}
