// From a live Glue table (or database) to the local template that defines it: Reveal in Local
// Template (the AWS::Glue::Table or AWS::Glue::Database resource, matched by its resolved name)
// and Show Schema Drift (the template's columns and partition keys against the live ones, in a
// diff editor with a summary).
import * as vscode from 'vscode';
import { splitCatalogId } from '../../../views/glue/glueLinks';
import { driftSummary, schemaDrift, schemaSide } from '../../../views/glue/schemaDrift';
import { DatabaseNode } from '../../../views/glue/catalogNodes';
import { glueDatabasesInTemplate, type TemplateGlueDatabase, type TemplateGlueTable } from '../../../views/glue/templateTables';
import { deployedStackParameters, tableDefinitions, type TemplateFile } from '../../../views/glue/stackParameters';
import { cloudFormationService } from '../../../aws/services/cloudFormation';
import { registerAwsCommand, type CommandInvocation } from '../awsCommand';
import { candidateFiles, readLocal } from '../stacks/localTemplates';
import { tableTarget, type GlueCommandContext, type TableTarget } from './glueTableCommands';

interface Definition {
  readonly uri: vscode.Uri;
  readonly defined: TemplateGlueTable;
}

const basename = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/**
 * The templates' tables that define the target (all of them: the user picks when there are
 * several), resolved with the templates' defaults, else with each deployed stack's parameters.
 */
async function definitions(target: TableTarget): Promise<Definition[]> {
  const { table, services } = target;
  const accountId = splitCatalogId(table.catalogId ?? target.ref.catalogId).account;
  const files: Array<TemplateFile & { uri: vscode.Uri }> = [];
  for (const uri of await candidateFiles()) {
    const file = await readLocal(uri);
    if (file) files.push({ uri, path: uri.path, text: file.text });
  }
  const found = await tableDefinitions(files, { databaseName: table.databaseName, tableName: table.name, region: services.region, ...(accountId ? { accountId } : {}) }, () =>
    deployedStackParameters(services.gateway(cloudFormationService)),
  );
  return found.map(({ file, defined }) => ({ uri: (file as (typeof files)[number]).uri, defined }));
}

/** The one of several definitions the user picks (the only one without asking); undefined if the pick was closed. */
async function pickOne<T extends { readonly uri: vscode.Uri; readonly defined: { readonly logicalId: string } }>(name: string, found: readonly T[]): Promise<T | undefined> {
  if (found.length <= 1) return found[0];
  const choice = await vscode.window.showQuickPick(
    found.map((d) => ({ label: d.defined.logicalId, description: vscode.workspace.asRelativePath(d.uri), definition: d })),
    { title: `${name} is defined in ${found.length} places` },
  );
  return choice?.definition;
}

/** The one definition to use, or undefined after saying none was found (or the pick was closed). */
async function pickDefinition(target: TableTarget): Promise<Definition | undefined> {
  const name = `${target.table.databaseName}.${target.table.name}`;
  const found = await definitions(target);
  if (found.length === 0) {
    void vscode.window.showInformationMessage(
      `No local template in this workspace defines ${name} (an AWS::Glue::Table whose TableInput.Name resolves to ${target.table.name}). Names from parameters are resolved with their defaults, then with each deployed stack's parameters; names from !ImportValue or !GetAtt cannot be resolved.`,
    );
    return undefined;
  }
  return pickOne(name, found);
}

/** The AWS::Glue::Database that defines a database node's database (a pick among several). */
async function databaseDefinition(node: DatabaseNode): Promise<{ uri: vscode.Uri; defined: { logicalId: string; span: { start: number; end: number } } } | undefined> {
  const name = node.database.name;
  const accountId = splitCatalogId(node.catalogId ?? node.database.catalogId).account;
  const found: { uri: vscode.Uri; defined: TemplateGlueDatabase }[] = [];
  for (const uri of await candidateFiles()) {
    const file = await readLocal(uri);
    if (!file) continue;
    for (const defined of glueDatabasesInTemplate(uri.path, file.text, accountId ? { accountId } : {})) {
      if (defined.name?.toLowerCase() === name.toLowerCase()) found.push({ uri, defined });
    }
  }
  if (found.length === 0) {
    void vscode.window.showInformationMessage(`No local template in this workspace defines the Glue database ${name} (an AWS::Glue::Database whose DatabaseInput.Name resolves to it).`);
    return undefined;
  }
  return pickOne(name, found);
}

async function reveal(definition: { readonly uri: vscode.Uri; readonly defined: { readonly span: { readonly start: number; readonly end: number } } }): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(definition.uri);
  const range = new vscode.Range(document.positionAt(definition.defined.span.start), document.positionAt(definition.defined.span.end));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

export function registerGlueTemplateCommands(context: GlueCommandContext): vscode.Disposable[] {
  const register = (id: string, what: string, handler: (invocation: CommandInvocation) => unknown): vscode.Disposable => registerAwsCommand(id, context.log, { what, selection: context.selection }, handler);
  return [
    register('archlens.glue.revealInTemplate', 'Revealing the definition in its local template', async (invocation) => {
      const database = invocation.one(DatabaseNode);
      if (database) {
        const found = await databaseDefinition(database);
        if (found) await reveal(found);
        return;
      }
      const target = await tableTarget(context, invocation);
      const definition = target && (await pickDefinition(target));
      if (definition) await reveal(definition);
    }),
    register('archlens.glue.showSchemaDrift', 'Comparing the table with its template', async (invocation) => {
      const target = await tableTarget(context, invocation);
      const definition = target && (await pickDefinition(target));
      if (!target || !definition) return undefined;
      const { table, services } = target;
      const name = `${table.databaseName}.${table.name}`;
      const drift = schemaDrift(definition.defined, table);
      const file = basename(definition.uri);
      const path = `${encodeURIComponent(name)}`;
      const left = context.documents.put(services.region, `${path} (${encodeURIComponent(file)}).json`, schemaSide(definition.defined.columns, definition.defined.partitionKeys));
      const right = context.documents.put(services.region, `${path} (live).json`, schemaSide(table.storage.columns, table.partitionKeys));
      await vscode.commands.executeCommand('vscode.diff', left, right, `${name}: ${file} ↔ live schema`);
      const summary = driftSummary(name, file, drift);
      context.log.info(`Glue: ${summary}`);
      void vscode.window.showInformationMessage(summary);
      return drift.differences.length;
    }),
  ];
}
