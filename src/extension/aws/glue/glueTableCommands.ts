// Commands on one Glue table (a table node of the view, or a search hit): the read-only table
// document, Athena DDL and a sample SELECT in new SQL editors, copy ARN / S3 location, open in the
// console (not through a custom endpoint), and partition health behind a cancellable progress.
import * as vscode from 'vscode';
import type { GlueTable, GlueTableRef } from '../../../aws/glueGateway';
import { glueService } from '../../../aws/services/glue';
import type { AwsServices } from '../../../views/awsServices';
import { UserFacingError } from '../../../views/errorMessages';
import { explainGlueError } from '../../../views/glue/glueEnv';
import { glueTableArn, glueTableConsoleUrl } from '../../../views/glue/glueLinks';
import { partitionHealth, partitionHealthReport } from '../../../views/glue/partitionHealth';
import { athenaDdl, sampleSelect } from '../../../views/glue/tableDdl';
import { tableDocument } from '../../../views/glue/tableDocument';
import { projectionRanges, tableKind } from '../../../views/glue/tableKind';
import { TableNode } from '../../../views/glue/tableNode';
import { registerAwsCommand, requireServices, type CommandInvocation } from '../awsCommand';
import type { AwsConnection } from '../awsConnection';
import { withAwsProgress } from '../awsProgress';
import type { GlueDocuments } from './glueDocuments';

/** What a table command acts on: a table node, or a plain `{ databaseName, tableName, catalogId? }` (search hits, tests). */
export function tableRefOf(arg: unknown): GlueTableRef | undefined {
  if (arg instanceof TableNode) return arg.ref;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { databaseName, tableName, catalogId } = arg as Record<string, unknown>;
  if (typeof databaseName !== 'string' || typeof tableName !== 'string') return undefined;
  return { databaseName, tableName, ...(typeof catalogId === 'string' ? { catalogId } : {}) };
}

export interface TableTarget {
  readonly ref: GlueTableRef;
  readonly table: GlueTable;
  readonly services: AwsServices;
}

export interface GlueCommandContext {
  readonly connection: AwsConnection;
  readonly documents: GlueDocuments;
  readonly log: vscode.LogOutputChannel;
  readonly selection: () => readonly unknown[];
}

/** The table (details read now unless the node has them), or undefined after saying how to pick one. */
export async function tableTarget(context: GlueCommandContext, invocation: CommandInvocation, signal?: AbortSignal): Promise<TableTarget | undefined> {
  const node = invocation.one(TableNode);
  const ref = node?.ref ?? tableRefOf(invocation.arg);
  if (!ref) {
    void vscode.window.showInformationMessage('ArchLens: run this on a table of the Glue Data Catalog view, or find one with Search Tables….');
    return undefined;
  }
  const services = await requireServices(context.connection);
  if (!services) return undefined;
  const abort = signal ?? new AbortController().signal;
  try {
    const table = node ? (node.table ?? (await node.loadTable(abort))) : await services.gateway(glueService).table(ref, { signal: abort });
    return { ref, table, services };
  } catch (error) {
    throw explainGlueError(error, ref.catalogId);
  }
}

const fileName = (t: GlueTable, suffix: string): string => `${encodeURIComponent(t.databaseName)}.${encodeURIComponent(t.name)}${suffix}`;

async function openSql(content: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'sql', content });
  await vscode.window.showTextDocument(document, { preview: false });
}

export function registerGlueTableCommands(context: GlueCommandContext): vscode.Disposable[] {
  const { connection, documents, log } = context;
  const register = (id: string, what: string, handler: (invocation: CommandInvocation) => unknown): vscode.Disposable => registerAwsCommand(id, log, { what, selection: context.selection }, handler);
  return [
    register('archlens.glue.openTable', 'Opening the table document', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (!target) return undefined;
      const versions = await target.services.gateway(glueService).tableVersionCount(target.ref);
      const editor = await documents.show(target.services.region, fileName(target.table, '.md'), tableDocument(target.table, { region: target.services.region, versions }));
      return editor.document.uri.toString();
    }),
    register('archlens.glue.generateDdl', 'Generating Athena DDL', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (target) await openSql(athenaDdl(target.table));
    }),
    register('archlens.glue.generateSelect', 'Generating a SELECT', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (!target) return;
      const { table } = target;
      // The newest registered partition costs a round trip only for tables that use them.
      let values: readonly string[] | undefined;
      if (table.partitionKeys.length > 0 && !projectionRanges(table) && tableKind(table).kind !== 'Iceberg') {
        const first = await target.services.gateway(glueService).partitionPages(target.ref, { pageSize: 1 })[Symbol.asyncIterator]().next();
        values = first.done ? undefined : first.value.items[0]?.values;
      }
      await openSql(sampleSelect(table, values));
    }),
    register('archlens.glue.copyArn', 'Copying the table ARN', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (!target) return;
      const arn = glueTableArn(target.services.region, target.table.catalogId ?? target.ref.catalogId, target.table.databaseName, target.table.name);
      if (!arn) throw new UserFacingError(`The account of ${target.table.databaseName}.${target.table.name}'s catalog is not known, so its ARN cannot be built.`);
      await vscode.env.clipboard.writeText(arn);
      void vscode.window.showInformationMessage(`Copied ${arn}`);
    }),
    register('archlens.glue.copyLocation', 'Copying the S3 location', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (!target) return;
      const location = target.table.storage.location;
      if (!location) throw new UserFacingError(`${target.table.databaseName}.${target.table.name} has no storage location (a view, or a table whose data lives elsewhere).`);
      await vscode.env.clipboard.writeText(location);
      void vscode.window.showInformationMessage(`Copied ${location}`);
    }),
    register('archlens.glue.openInConsole', 'Opening the AWS console', async (invocation) => {
      const ref = invocation.one(TableNode)?.ref ?? tableRefOf(invocation.arg);
      if (!ref) return;
      // The menu entry is hidden then (`archlens.aws.customEndpoint`); this covers keybindings.
      if (connection.customEndpoint) {
        void vscode.window.showInformationMessage(
          "ArchLens: Open in AWS Console is not available while ArchLens talks to a custom endpoint (archlens.aws.endpointUrl, AWS_ENDPOINT_URL or a profile's endpoint_url): the AWS console would not show this table.",
        );
        return;
      }
      const services = await requireServices(connection);
      if (services) await vscode.env.openExternal(vscode.Uri.parse(glueTableConsoleUrl(services.region, ref.catalogId, ref.databaseName, ref.tableName), true));
    }),
    register('archlens.glue.partitionHealth', 'Checking partition health', async (invocation) => {
      const target = await tableTarget(context, invocation);
      if (!target) return undefined;
      const { table, ref, services } = target;
      const name = `${table.databaseName}.${table.name}`;
      if (table.partitionKeys.length === 0 || tableKind(table).kind === 'Iceberg' || tableKind(table).kind === 'Delta') {
        throw new UserFacingError(`${name} has no registered partitions to check (${table.partitionKeys.length === 0 ? 'it has no partition keys' : `a ${tableKind(table).kind} table keeps partitions in its own metadata`}).`);
      }
      if (projectionRanges(table)) throw new UserFacingError(`${name} uses partition projection: Athena ignores its registered partitions, so their health says nothing. Its projection ranges are under the table in the view.`);
      const health = await withAwsProgress({ title: `Counting the partitions of ${name}`, what: `the partition health check of ${name}`, connection, services }, (progress, signal) =>
        partitionHealth(services.gateway(glueService), ref, table.partitionKeys, { signal, onProgress: (n) => progress.report({ message: `${n.toLocaleString('en-US')} partitions so far` }) }).catch((error: unknown) => {
          throw explainGlueError(error, ref.catalogId);
        }),
      );
      if (!health) return undefined;
      log.info(`Glue: ${name} has ${health.count}${health.truncated ? '+' : ''} partitions${health.dates ? `, ${health.dates.missing.length} missing days in the last ${health.dates.windowDays}` : ''}.`);
      const editor = await documents.show(services.region, fileName(table, ' (partition health).md'), partitionHealthReport(name, table.partitionKeys, health));
      return editor.document.uri.toString();
    }),
  ];
}
