/**
 * Entry point of the diagram webview (`dist/webview/diagram.js`): builds the view, then
 * listens to the host (every message validated by `validateDiagramHostMessage`) and says
 * `diagram/ready`. The message loop is the kit's (`../shared/hostConnection.ts`).
 */
import { DIAGRAM_PANEL, validateDiagramHostMessage } from '../../src/shared/webview/diagramProtocol';
import type { DiagramHostMessage, DiagramUiMessage } from '../../src/shared/webview/diagramProtocol';
import { WEBVIEW_ROOT_ID } from '../../src/shared/webview/webviewHtml';
import { connectToHost } from '../shared/hostConnection';
import { DiagramView, readSavedState } from './view';
import type { SavedState } from './view';

function start(): void {
  const host = connectToHost<DiagramUiMessage, SavedState>();
  const root = document.getElementById(WEBVIEW_ROOT_ID);
  if (!root) throw new Error(`diagram: the page has no #${WEBVIEW_ROOT_ID} root`);

  const view = new DiagramView(root, { post: (message) => host.post(message), save: (state) => host.saveState(state) }, readSavedState(host.savedState));
  host.listen<DiagramHostMessage>({
    panel: DIAGRAM_PANEL,
    validate: validateDiagramHostMessage,
    handlers: {
      'diagram/graph/update': (message) => view.update(message),
      'diagram/theme/changed': (message) => view.setTheme(message.kind),
      'diagram/status/show': (message) => view.showStatus(message.level, message.text),
      'diagram/layout/result': (message) => view.layoutAnswered(message),
      'diagram/layout/failed': (message) => view.layoutAnswered(message),
    },
    onProblem: ({ kind, reason }) => view.showStatus('error', kind === 'invalid' ? `Ignored a malformed message from the extension (${reason}).` : `Could not handle a message from the extension (${reason}).`),
  });
}

start();
