/**
 * TEST ONLY: the smallest bundle built on the webview kit, loaded by
 * `test/unit/webview/kitPanel.browser.test.ts` (which builds it; it is not shipped). It is
 * also what a new panel's `main.ts` looks like: connect, build the view with the shared
 * toolkit and DOM helpers, listen, and the kit says `ready`.
 */
import { WEBVIEW_ROOT_ID } from '../../src/shared/webview/webviewHtml';
import { applyThemeKind, focusOnKey, html } from '../shared/dom';
import { connectToHost } from '../shared/hostConnection';
import { createButton, createTextField } from '../shared/toolkit';
import { TEST_PANEL, validateTestHostMessage } from './kitTestProtocol';
import type { TestHostMessage, TestUiMessage } from './kitTestProtocol';

function start(): void {
  const host = connectToHost<TestUiMessage, { notes: number }>();
  const root = document.getElementById(WEBVIEW_ROOT_ID);
  if (!root) throw new Error(`kitTest: the page has no #${WEBVIEW_ROOT_ID} root`);
  const saved = host.savedState as { notes?: unknown } | undefined;
  let notes = typeof saved?.notes === 'number' ? saved.notes : 0;

  const toolbar = html('div', { className: 'toolbar', attributes: { role: 'toolbar', 'aria-label': 'Notes' } }, root);
  const note = createTextField({
    placeholder: 'Write a note',
    label: 'Note',
    onInput: () => undefined,
    onEnter: () => add(),
  });
  toolbar.append(note.element, createButton({ text: 'Add', title: 'Add the note', onClick: () => add() }));
  const shown = html('p', { className: 'shown', attributes: { 'aria-live': 'polite' } }, root);
  const status = html('p', { className: 'status', attributes: { role: 'status' } }, root);
  focusOnKey('/', () => note.element);

  function add(): void {
    notes++;
    host.post({ type: 'kitTest/note/add', text: note.value(), tags: [] });
    host.post({ type: 'kitTest/count/set', count: notes });
    host.saveState({ notes });
  }

  host.listen<TestHostMessage>({
    panel: TEST_PANEL,
    validate: validateTestHostMessage,
    handlers: {
      'kitTest/text/show': ({ text }) => {
        shown.textContent = text;
      },
      'kitTest/theme/changed': ({ kind }) => applyThemeKind(kind),
    },
    onProblem: ({ reason }) => {
      status.textContent = `Ignored a message: ${reason}`;
    },
  });
}

start();
