/**
 * TEST ONLY: the smallest panel protocol built on the webview kit (`protocolKit.ts`), used by
 * the kit's own tests (`test/unit/webview/protocolKit.test.ts` in Node, and
 * `test/unit/webview/kitPanel.browser.test.ts` with the bundle `main.ts` next to this file).
 * Not listed in scripts/build.mjs: the browser test builds it. It is also the shape a new
 * panel's protocol file takes (see docs/ARCHITECTURE.md, "Add a webview panel").
 */
import { array, messageType, object, offset, oneOf, string, THEME_KINDS, unknownType, validateMessage } from '../../src/shared/webview/protocolKit';
import type { ReadyMessage, StructureLimits, Validation, WebviewThemeKind } from '../../src/shared/webview/protocolKit';
import type { WebviewPage } from '../../src/shared/webview/webviewHtml';

export const TEST_PANEL = 'kitTest';

/** Its page: no worker, so no `connect-src` and no `worker-src`. */
export const TEST_PANEL_PAGE: WebviewPage = { bundle: 'kitTest', title: 'Kit test panel' };

/** Host -> UI: text to show (as text, never markup). */
export interface ShowTextMessage {
  readonly type: 'kitTest/text/show';
  readonly text: string;
}

/** Host -> UI: the colour theme kind. */
export interface ThemeMessage {
  readonly type: 'kitTest/theme/changed';
  readonly kind: WebviewThemeKind;
}

export type TestHostMessage = ShowTextMessage | ThemeMessage;

/** UI -> host: a note the user typed. */
export interface AddNoteMessage {
  readonly type: 'kitTest/note/add';
  readonly text: string;
  readonly tags: readonly string[];
}

/** UI -> host: a counter. */
export interface SetCountMessage {
  readonly type: 'kitTest/count/set';
  readonly count: number;
}

export type TestUiMessage = ReadyMessage<typeof TEST_PANEL> | AddNoteMessage | SetCountMessage;

const LIMITS: StructureLimits = { maxChars: 64 * 1024, maxDepth: 4 };

/** Validates a message the host received. */
export function validateTestUiMessage(value: unknown): Validation<TestUiMessage> {
  return validateMessage(value, LIMITS, (raw): TestUiMessage => {
    const type = messageType(raw);
    switch (type) {
      case 'kitTest/ready':
        object(raw, type, ['type']);
        return { type };
      case 'kitTest/note/add': {
        const message = object(raw, type, ['type', 'text', 'tags']);
        const tags = array(message.tags, `${type}.tags`, 10).map((tag, i) => string(tag, `${type}.tags[${i}]`, 40));
        return { type, text: string(message.text, `${type}.text`, 200), tags };
      }
      case 'kitTest/count/set': {
        const message = object(raw, type, ['type', 'count']);
        return { type, count: offset(message.count, `${type}.count`) };
      }
      default:
        return unknownType(type);
    }
  });
}

/** Validates a message the UI received. */
export function validateTestHostMessage(value: unknown): Validation<TestHostMessage> {
  return validateMessage(value, LIMITS, (raw): TestHostMessage => {
    const type = messageType(raw);
    switch (type) {
      case 'kitTest/text/show': {
        const message = object(raw, type, ['type', 'text']);
        return { type, text: string(message.text, `${type}.text`, 10_000, { empty: true }) };
      }
      case 'kitTest/theme/changed': {
        const message = object(raw, type, ['type', 'kind']);
        return { type, kind: oneOf(message.kind, `${type}.kind`, THEME_KINDS) };
      }
      default:
        return unknownType(type);
    }
  });
}
