// Names in templates often come from parameters without a default (`!Sub '${Env}_events'`):
// only a deployed stack knows their values. A live Glue table does not say which stack made it,
// so Reveal in Local Template and Show Schema Drift try each deployed stack's parameters when the
// template defaults resolve nothing. Bounded: the first MAX_STACKS stacks.
import type { CloudFormationGateway } from '../../aws/cloudFormationGateway';
import { definesTable, glueTablesInTemplate, type NameContext, type TemplateGlueTable } from './templateTables';

/** A deployed stack's name and parameter values, as a NameContext takes them. */
export interface StackParameters {
  readonly stackName: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** At most this many stacks are read (one DescribeStacks page is 100). */
export const MAX_STACKS = 200;

/** The parameters of the account's live stacks that have any, at most MAX_STACKS stacks. */
export async function deployedStackParameters(gateway: CloudFormationGateway, signal?: AbortSignal): Promise<StackParameters[]> {
  const found: StackParameters[] = [];
  let seen = 0;
  for await (const page of gateway.describeStacks({ ...(signal ? { signal } : {}) })) {
    for (const stack of page.items) {
      if (++seen > MAX_STACKS) return found;
      const parameters = new Map<string, string>();
      for (const parameter of stack.Parameters ?? []) {
        // Resolved SSM parameters carry their value in ResolvedValue; NoEcho ones read "****": skip those.
        const value = parameter.ResolvedValue ?? parameter.ParameterValue;
        if (parameter.ParameterKey && value !== undefined && value !== '****') parameters.set(parameter.ParameterKey, value);
      }
      if (parameters.size > 0 && stack.StackName) found.push({ stackName: stack.StackName, parameters });
    }
  }
  return found;
}

/** A template file's text, as the workspace has it. */
export interface TemplateFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The AWS::Glue::Table resources of `files` that define `database.table`: with the templates'
 * own defaults first; when none does, with each deployed stack's parameters (`stacks`, fetched
 * only then). Each match names the stack whose parameters resolved it.
 */
export async function tableDefinitions(
  files: readonly TemplateFile[],
  target: { readonly databaseName: string; readonly tableName: string; readonly region: string; readonly accountId?: string },
  stacks: () => Promise<readonly StackParameters[]>,
): Promise<Array<{ readonly file: TemplateFile; readonly defined: TemplateGlueTable; readonly stackName?: string }>> {
  const base: NameContext = { region: target.region, ...(target.accountId ? { accountId: target.accountId } : {}) };
  const matches = (context: NameContext) =>
    files.flatMap((file) => glueTablesInTemplate(file.path, file.text, context).filter((defined) => definesTable(defined, target.databaseName, target.tableName)).map((defined) => ({ file, defined })));
  const direct = matches(base);
  if (direct.length > 0) return direct;
  // Only templates that define a Glue table can match: skip the stacks call otherwise.
  const candidates = files.filter((file) => file.text.includes('AWS::Glue::Table'));
  if (candidates.length === 0) return [];
  const found: Array<{ file: TemplateFile; defined: TemplateGlueTable; stackName: string }> = [];
  for (const stack of await stacks()) {
    const context: NameContext = { ...base, parameters: stack.parameters, stackName: stack.stackName };
    for (const file of candidates) {
      for (const defined of glueTablesInTemplate(file.path, file.text, context)) {
        if (definesTable(defined, target.databaseName, target.tableName) && !found.some((f) => f.file === file && f.defined.logicalId === defined.logicalId)) found.push({ file, defined, stackName: stack.stackName });
      }
    }
  }
  return found;
}
