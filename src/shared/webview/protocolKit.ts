/**
 * The parts every webview panel's protocol shares (the diagram's `diagramProtocol.ts` is the
 * first user; a new panel writes only its own messages on top of this):
 *
 * - the envelope: every message is a plain object with a `type` of the form
 *   `<panel>/<noun>/<verb>` (the ready message is `<panel>/ready`);
 * - the ready handshake: the UI sends `<panel>/ready` when it can take state, and again on
 *   every reload (panels are not retained when hidden); only then does the host send state;
 * - validator combinators: a structural pass over the whole value first (JSON-like data only,
 *   no `__proto__` key, bounded depth and size), then one validator per message type;
 * - exhaustive handler maps: one handler per message type, a missing one fails to compile;
 * - a receiver that validates, dispatches, and logs a rejection by its reason only.
 *
 * Rejection reasons never quote the message's content, except names that look like our own
 * (message types, and keys or ids made of letters only): they go to the log, where a hostile
 * payload must not forge lines, leak a token it carries, or hide in megabytes.
 *
 * No dependencies, no DOM, no `node:*`: the extension host and every webview bundle import it.
 */

/** The envelope of every message. */
export interface WebviewMessage {
  readonly type: string;
}

/** The UI's first message after every load (`<panel>/ready`). */
export interface ReadyMessage<Panel extends string> {
  readonly type: `${Panel}/ready`;
}

/** The type of a panel's ready message. */
export function readyType<Panel extends string>(panel: Panel): `${Panel}/ready` {
  return `${panel}/ready`;
}

/** VS Code's colour theme kinds, as panels receive them (CSS variables follow the theme by themselves; this is for canvas drawing and high-contrast tweaks). */
export type WebviewThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** Every {@link WebviewThemeKind}, for validators (`oneOf`). */
export const THEME_KINDS: ReadonlySet<WebviewThemeKind> = new Set<WebviewThemeKind>(['light', 'dark', 'highContrast', 'highContrastLight']);

/** The outcome of validating a message. */
export type Validation<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

/** A validator for one direction of a panel's protocol. */
export type Validator<T> = (value: unknown) => Validation<T>;

/**
 * One handler per message type. The mapped type makes a missing (or misspelt) handler a
 * compile error, so a new message cannot be silently ignored. `R` is the handlers' result
 * (`void` in the UI, `void | Promise<void>` in the host).
 */
export type MessageHandlers<M extends WebviewMessage, R = void | Promise<void>> = {
  readonly [T in M['type']]: (message: Extract<M, { type: T }>) => R;
};

/** Calls the handler for a (validated) message. */
export function dispatchMessage<M extends WebviewMessage, R>(handlers: MessageHandlers<M, R>, message: M): R {
  // Own properties only: a validated type is one of ours, but never walk the prototype chain.
  const handler = Object.hasOwn(handlers, message.type) ? (handlers[message.type as M['type']] as (message: M) => R) : undefined;
  if (!handler) throw new Error('no handler for this message type');
  return handler(message);
}

// ---------------------------------------------------------------------------------------------
// Validator combinators. They throw `InvalidMessage` with a path; `validateMessage` turns that
// into `{ ok: false }` at the edge, so a panel's validator reads as straight-line code.

/** Thrown inside a validator; turned into `{ ok: false }` by {@link validateMessage}. */
class InvalidMessage extends Error {}

/** Rejects the message: `path` says where, `what` says why. */
export function fail(path: string, what: string): never {
  throw new InvalidMessage(`${path}: ${what}`);
}

/** A JSON-like object (plain prototype or none). */
export type PlainObject = Record<string, unknown>;

/** Whether a value is a plain object (not an array, a class instance, or a proxy of either). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

// What a rejection reason may quote from the message: names made of letters (a key such as
// `extra`, a logical id such as `Fn`) and message types (`diagram/node/reveal`). Credentials,
// tokens and payloads almost always have digits or other characters, so they are never
// echoed, nor is anything that could forge a log line.
const QUOTABLE_NAME = /^[A-Za-z][A-Za-z_-]{0,39}$/;
const QUOTABLE_TYPE = /^[a-z][A-Za-z]{0,31}(\/[a-z][A-Za-z]{0,31}){1,3}$/;

/** A name from the message, fit for a log line: quoted when made of letters only, else only its length. */
export function quoteName(name: string): string {
  return QUOTABLE_NAME.test(name) ? `'${name}'` : `(a ${name.length}-character name)`;
}

/** A key from the message as a segment of a path (`details.Runtime`), with the same rule as {@link quoteName}. */
export function pathSegment(key: string): string {
  return QUOTABLE_NAME.test(key) ? key : `(a ${key.length}-character key)`;
}

/** Limits of the structural pass. */
export interface StructureLimits {
  /** Characters of strings and keys, all together (numbers count 8, array slots 1). */
  readonly maxChars: number;
  /** Nesting depth of objects and arrays. */
  readonly maxDepth: number;
}

/**
 * One pass over the whole value before any field is read: only JSON-like data (plain
 * objects, arrays, strings, finite numbers, booleans, null), no `__proto__` key anywhere,
 * bounded depth and size. Iterative, so a deep value cannot overflow the stack.
 */
export function checkStructure(root: unknown, { maxChars, maxDepth }: StructureLimits): void {
  let chars = 0;
  const tooLarge = (): never => fail('message', `larger than ${maxChars} characters`);
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > maxChars) tooLarge();
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail('message', 'non-finite number');
      chars += 8;
      continue;
    }
    // `undefined` is an absent optional field (structured clone keeps it, JSON drops it).
    if (typeof value === 'boolean' || value === null || value === undefined) continue;
    if (depth >= maxDepth) fail('message', `nested deeper than ${maxDepth}`);
    if (Array.isArray(value)) {
      chars += value.length;
      if (chars > maxChars) tooLarge();
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(value)) fail('message', `unexpected ${typeof value}`);
    for (const key of Object.keys(value)) {
      // JSON.parse and structured clone both create an own `__proto__` property; code that
      // later copies the object with `Object.assign` or a spread would set its prototype.
      if (key === '__proto__') fail('message', '`__proto__` key');
      chars += key.length;
      stack.push({ value: value[key], depth: depth + 1 });
    }
    if (chars > maxChars) tooLarge();
  }
}

/** An object with exactly `keys` (all present) plus any of `optional`. */
export function object(value: unknown, path: string, keys: readonly string[], optional: readonly string[] = []): PlainObject {
  if (!isPlainObject(value)) fail(path, 'expected an object');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key) && !optional.includes(key)) fail(path, `unexpected key ${quoteName(key)}`);
  }
  for (const key of keys) if (!Object.hasOwn(value, key)) fail(path, `missing '${key}'`);
  return value;
}

/** A string of at most `max` characters (not empty unless `empty`). */
export function string(value: unknown, path: string, max: number, { empty = false } = {}): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (!empty && value.length === 0) fail(path, 'empty string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  return value;
}

/** A boolean. */
export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

/** A non-negative integer (an offset, a count). */
export function offset(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(path, 'expected a non-negative integer');
  return value;
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(value: unknown, path: string, allowed: ReadonlySet<T>): T {
  if (typeof value !== 'string' || !allowed.has(value as T)) fail(path, `expected one of ${[...allowed].join(', ')}`);
  return value as T;
}

/** An array of at most `max` items (the items are checked by the caller). */
export function array(value: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value;
}

/** The message's `type`, for a `switch` over the panel's message types. */
export function messageType(value: unknown): string {
  if (!isPlainObject(value)) fail('message', 'expected an object');
  const type = value.type;
  if (typeof type !== 'string') fail('message', 'missing type');
  return type;
}

/** The rejection of a type no validator knows (the `default:` of a panel's `switch`): quoted only when shaped like a message type. */
export function unknownType(type: string): never {
  return fail('message', `unknown type ${QUOTABLE_TYPE.test(type) ? `'${type}'` : `(a ${type.length}-character name)`}`);
}

/** Runs the structural pass, then `body`; never throws (a hostile getter or a stack overflow is a rejection too). */
export function validateMessage<T>(value: unknown, limits: StructureLimits, body: (value: unknown) => T): Validation<T> {
  try {
    checkStructure(value, limits);
    return { ok: true, message: body(value) };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, error: error.message };
    return { ok: false, error: `message: ${error instanceof RangeError ? 'too deep to check' : 'could not be read'}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Receiving: validate, answer `ready`, dispatch. The host's panel host and every UI bundle use it.

/** Where a receiver reports what it ignored or what failed. */
export interface ReceiverLog {
  warn(message: string): void;
  error(message: string): void;
}

/** What a receiver needs. */
export interface ReceiverOptions<M extends WebviewMessage, Ready extends string, R> {
  /** Used in log lines (`diagram: ignored …`). */
  readonly panel: string;
  /** Who sends these messages (for log lines). */
  readonly from: 'webview' | 'extension';
  readonly validate: Validator<M>;
  /** The ready message's type, answered by `onReady` instead of a handler (UI -> host only). */
  readonly ready?: Ready;
  readonly onReady?: () => void;
  /** One handler per message type other than `ready`. */
  readonly handlers: MessageHandlers<Exclude<M, { type: Ready }>, R>;
  readonly log: ReceiverLog;
  /** Called with the reason instead of `log.warn` when a message is invalid (the UI shows it in its status line). */
  readonly onInvalid?: (reason: string) => void;
  /** After a handler failed (already logged): e.g. tell the user. */
  readonly onHandlerError?: (error: unknown) => void;
}

/**
 * A function that takes whatever arrived over `postMessage` and resolves once it is handled
 * (a handler's promise is awaited; its failure is logged and passed to `onHandlerError`, never
 * rethrown). An invalid message is ignored: its reason is logged, its content never is.
 */
export function createReceiver<M extends WebviewMessage, Ready extends string = never, R extends void | Promise<void> = void | Promise<void>>(
  options: ReceiverOptions<M, Ready, R>,
): (raw: unknown) => Promise<void> {
  const { panel, from, validate, ready, onReady, handlers, log, onInvalid, onHandlerError } = options;
  return async (raw) => {
    const result = validate(raw);
    if (!result.ok) {
      const reason = result.error.slice(0, 200);
      if (onInvalid) onInvalid(reason);
      else log.warn(`${panel}: ignored an invalid message from the ${from} (${reason})`);
      return;
    }
    const message = result.message;
    if (ready !== undefined && message.type === ready) {
      onReady?.();
      return;
    }
    try {
      await dispatchMessage(handlers as MessageHandlers<M, R>, message);
    } catch (error) {
      log.error(`${panel}: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      onHandlerError?.(error);
    }
  };
}
