/**
 * Entry point of the diagram webview (`dist/webview/diagram.js`). Validates every message
 * from the host, hands it to the view, and says `diagram/ready` once it can take state.
 */
import { dispatchHostMessage, validateDiagramHostMessage } from '../../src/shared/webview/diagramProtocol';
import type { DiagramHostHandlers, DiagramUiMessage } from '../../src/shared/webview/diagramProtocol';
import { DiagramView, readSavedState } from './view';
import type { SavedState } from './view';

/** The API VS Code injects into webviews (callable once per load). */
interface VsCodeApi {
  postMessage(message: DiagramUiMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('archlens-diagram');
  const workerUrl = root?.dataset['layoutWorker'];
  if (!root || !workerUrl) throw new Error('diagram: the page has no #archlens-diagram root with a layout worker URL');

  const view = new DiagramView(root, { post: (message) => vscode.postMessage(message), save: (state) => vscode.setState(state) }, workerUrl, readSavedState(vscode.getState()));
  const handlers: DiagramHostHandlers = {
    'diagram/graph/update': (message) => view.update(message),
    'diagram/theme/changed': (message) => view.setTheme(message.kind),
    'diagram/status/show': (message) => view.showStatus(message.level, message.text),
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const result = validateDiagramHostMessage(event.data);
    if (!result.ok) {
      view.showStatus('error', `Ignored a malformed message from the extension (${result.error}).`);
      return;
    }
    dispatchHostMessage(handlers, result.message);
  });
  vscode.postMessage({ type: 'diagram/ready' });
}

start();
