// Drift: "Detect Drift" runs with a cancellable notification (cancel aborts the SDK calls and
// the polling), then the Drift folder shows the result; a drifted resource opens a diff of
// its expected and actual properties.
import * as vscode from 'vscode';
import { DriftFolderNode, DriftResourceNode } from '../../../views/stacks/driftNodes';
import { driftDiffContent } from '../../../views/stacks/driftDiff';
import { StackNode } from '../../../views/stacks/stackNode';
import { withAwsProgress } from '../awsProgress';
import { registerStackCommand, targetNode } from './commandSupport';
import type { DriftDocuments } from './stackDocuments';
import type { StacksView } from './stacksView';

export function registerDriftCommands(view: StacksView, documents: DriftDocuments, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    registerStackCommand('archlens.stacks.detectDrift', log, async (node) => {
      const target = targetNode(view, node, StackNode, DriftFolderNode);
      if (!target) return;
      const folder = target instanceof StackNode ? target.drift : target;
      const name = folder.stackInfo.name;
      const result = await withAwsProgress({ title: `Detecting drift of ${name}`, what: `the drift detection of ${name}`, connection: view.connection }, (progress, signal) =>
        folder.detect(signal, (message) => progress.report({ message })),
      );
      if (!result) return;
      // Reveal needs the folder rendered under its parent; when it is not, the message is enough.
      await Promise.resolve(view.tree.reveal(folder, { expand: true, select: false })).catch(() => undefined);
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
    registerStackCommand('archlens.stacks.showDriftDiff', log, async (node) => {
      const target = targetNode(view, node, DriftResourceNode);
      if (!target) return;
      const { expected, actual } = driftDiffContent(target.drift);
      const { left, right } = documents.put(target.stack, target.logicalId, expected, actual);
      await vscode.commands.executeCommand('vscode.diff', left, right, `${target.logicalId}: expected ↔ actual (${target.stack.name})`);
    }),
  ];
}
