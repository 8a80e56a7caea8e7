/**
 * A webview bundle's side of the kit's message loop: the `acquireVsCodeApi` handle (typed by
 * the panel's protocol), and `listen`, which validates every host message, dispatches it to
 * the panel's exhaustive handler map, and then says `<panel>/ready`. A panel's `main.ts` is
 * `connectToHost()`, build the view, `listen(...)`.
 */
import { createReceiver, readyType } from '../../src/shared/webview/protocolKit';
import type { MessageHandlers, Validator, WebviewMessage } from '../../src/shared/webview/protocolKit';

/** The API VS Code injects into webviews (callable once per load). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** What a panel's UI listens with. */
export interface ListenOptions<Host extends WebviewMessage> {
  /** The protocol's panel name: `ready` is `<panel>/ready`. */
  readonly panel: string;
  /** The protocol's host -> UI validator. */
  readonly validate: Validator<Host>;
  readonly handlers: MessageHandlers<Host, void>;
  /** A host message failed validation (`reason` names the field, never its content) or a handler threw. */
  readonly onProblem: (problem: { readonly kind: 'invalid' | 'failed'; readonly reason: string }) => void;
}

/** The bundle's link to its host. */
export interface HostConnection<Ui extends WebviewMessage, State> {
  post(message: Ui): void;
  /** What the last load saved (`undefined` on a first load): data to read defensively. */
  readonly savedState: unknown;
  /** Kept by VS Code while the panel exists, across reloads when hidden. */
  saveState(state: State): void;
  /** Starts taking host messages, then says `<panel>/ready` (call once the view can take state). */
  listen<Host extends WebviewMessage>(options: ListenOptions<Host>): void;
}

/** Acquires the VS Code API (once per load). */
export function connectToHost<Ui extends WebviewMessage, State>(): HostConnection<Ui, State> {
  const vscode = acquireVsCodeApi();
  return {
    post: (message) => vscode.postMessage(message),
    savedState: vscode.getState(),
    saveState: (state) => vscode.setState(state),
    listen({ panel, validate, handlers, onProblem }) {
      const receive = createReceiver({
        panel,
        from: 'extension',
        validate,
        handlers,
        log: { warn: (reason) => onProblem({ kind: 'invalid', reason }), error: (reason) => onProblem({ kind: 'failed', reason }) },
        onInvalid: (reason) => onProblem({ kind: 'invalid', reason }),
      });
      window.addEventListener('message', (event: MessageEvent<unknown>) => void receive(event.data));
      vscode.postMessage({ type: readyType(panel) });
    },
  };
}
