// The `archlens.stacks` tree: a StacksRoot per connection on the generic connection-bound host
// (filters carry over to the new region), multi-selection, and the live Events folders.
import * as vscode from 'vscode';
import { StacksRoot } from '../../../views/stacks/stacksRoot';
import { ConnectedTreeView } from '../../tree/connectedTreeView';
import type { AwsConnection } from '../awsConnection';
import { EventsRefresher } from './eventsRefresh';
import { stacksSettings } from './stacksSettings';

export function createStacksView(connection: AwsConnection, log: vscode.LogOutputChannel): { view: ConnectedTreeView<StacksRoot>; disposable: vscode.Disposable } {
  const view = new ConnectedTreeView<StacksRoot>({
    viewId: 'archlens.stacks',
    connection,
    canSelectMany: true,
    createRoot: (services, host, previous) =>
      new StacksRoot(services, host, {
        pageSize: stacksSettings().pageSize,
        filters: previous?.filters,
        // `archlens.stacks.filtered`: Clear Filters in the title bar, and which empty-view text shows.
        onDidRender: ({ filtered }) => host.setState('filtered', filtered),
      }),
  });
  view.setContext('filtered', false);
  return { view, disposable: vscode.Disposable.from(new EventsRefresher(view, log), view) };
}

export type StacksView = ConnectedTreeView<StacksRoot>;
