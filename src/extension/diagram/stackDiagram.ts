/**
 * "Show Diagram" on a deployed stack (the stacks tree's context menu, or the palette with a
 * stack pick): fetches the stack's processed template (GetTemplate, TemplateStage Processed,
 * through the stacks view's read-only `archlens-stack:` documents) and its resources' live
 * status and drift, then opens the diagram panel on that document with a badge per resource.
 */
import * as vscode from 'vscode';
import { cloudFormationService } from '../../aws/services/cloudFormation';
import { withAwsProgress } from '../aws/awsProgress';
import { stackCommandRegistrar, stackOrPick } from '../aws/stacks/commandSupport';
import type { DeployedTemplates } from '../aws/stacks/stackDocuments';
import type { StacksView } from '../aws/stacks/stacksView';
import { readLiveResources } from './liveResources';
import { OPEN_DIAGRAM_COMMAND } from './registerDiagram';

/** Command id of "Show Diagram" on a stack. */
export const SHOW_STACK_DIAGRAM_COMMAND = 'archlens.stacks.showDiagram';

/** Registers the command (called once by the stacks view's registration). */
export function registerStackDiagram(view: StacksView, templates: DeployedTemplates, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const register = stackCommandRegistrar(view, log);
  return [
    register(SHOW_STACK_DIAGRAM_COMMAND, 'Showing the diagram of the stack', async (invocation) => {
      const stack = await stackOrPick(view, invocation, 'Show the diagram of which stack?');
      const services = stack ? view.connection.services() : undefined;
      if (!stack || !services) return;
      const loaded = await withAwsProgress(
        { title: `Reading ${stack.name}: processed template and resource status…`, what: `reading ${stack.name}`, connection: view.connection, location: vscode.ProgressLocation.Window },
        async (_progress, signal) => {
          const uri = await templates.load(stack, 'Processed', signal);
          const resources = await readLiveResources(services.gateway(cloudFormationService), stack.id, signal);
          return { uri, resources, region: services.region };
        },
      );
      if (!loaded) return;
      await vscode.commands.executeCommand(OPEN_DIAGRAM_COMMAND, loaded.uri, { live: loaded.resources, region: loaded.region });
    }),
  ];
}
