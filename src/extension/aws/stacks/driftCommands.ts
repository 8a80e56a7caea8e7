// Drift: "Detect Drift" (on a stack or its Drift folder, or from the palette with a stack pick)
// runs with a cancellable notification (cancel aborts the SDK calls and the polling), then the
// Drift folder shows the result; a drifted resource opens a diff of its expected and actual
// properties.
import * as vscode from 'vscode';
import { DriftFolderNode, DriftResourceNode } from '../../../views/stacks/driftNodes';
import { driftDiffContent } from '../../../views/stacks/driftDiff';
import { withAwsProgress } from '../awsProgress';
import type { CommandInvocation } from '../awsCommand';
import { stackCommandRegistrar, stackOrPick } from './commandSupport';
import type { DriftDocuments } from './stackDocuments';
import type { StacksView } from './stacksView';

/** The Drift folder the command acts on: the one it was run on, or the picked stack's. */
async function driftFolder(view: StacksView, invocation: CommandInvocation): Promise<DriftFolderNode | undefined> {
  if (invocation.arg instanceof DriftFolderNode) return invocation.arg;
  const stack = await stackOrPick(view, invocation, 'Detect drift of which stack?');
  // The tree's node of that stack when it is loaded, so its Drift folder shows the result.
  return stack ? view.current()?.stackNode(stack).drift : undefined;
}

export function registerDriftCommands(view: StacksView, documents: DriftDocuments, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const register = stackCommandRegistrar(view, log);
  return [
    register('archlens.stacks.detectDrift', 'Detecting drift', async (invocation) => {
      const folder = await driftFolder(view, invocation);
      if (!folder) return;
      const name = folder.stackInfo.name;
      const result = await withAwsProgress({ title: `Detecting drift of ${name}`, what: `the drift detection of ${name}`, connection: view.connection }, (progress, signal) =>
        folder.detect(signal, (message) => progress.report({ message })),
      );
      if (!result) return;
      // Reveal needs the folder rendered under its parent; when it is not, the message is enough.
      await view.reveal(folder, { expand: true, select: false });
      const drifted = result.driftedResourceCount ?? 0;
      const summary =
        result.detectionStatus === 'DETECTION_FAILED'
          ? `Drift detection of ${name} finished with errors: ${result.detectionStatusReason ?? 'some resources could not be checked'}.`
          : result.stackDriftStatus === 'DRIFTED'
            ? `${name} has drifted: ${drifted} of ${result.drifts.length} resources differ from the template.`
            : `${name} is in sync with its template.`;
      log.info(`Stacks: ${summary}`);
      void vscode.window.showInformationMessage(summary);
    }),
    register('archlens.stacks.showDriftDiff', 'Showing the drifted properties', async (invocation) => {
      const target = invocation.one(DriftResourceNode);
      if (!target) return;
      const { expected, actual } = driftDiffContent(target.drift);
      const { left, right } = documents.put(target.stack, target.logicalId, expected, actual);
      await vscode.commands.executeCommand('vscode.diff', left, right, `${target.logicalId}: expected ↔ actual (${target.stack.name})`);
    }),
  ];
}
