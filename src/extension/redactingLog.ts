// The "ArchLens" output channel masks secrets in every line at the sink, whoever writes it:
// the extension's views and commands, the language client relaying the server's console, and
// error objects whose messages quote a connection string or an endpoint with a password in it.
// Redacting at each call site proved leaky (a connection-failure line once bypassed it).
import type * as vscode from 'vscode';
import { redactSecrets } from '../aws/redact';

/** Methods of a log channel that take text to write. */
const WRITERS: ReadonlySet<PropertyKey> = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/** An error reduced to its message and stack, redacted; anything else as text, redacted. */
function redactArgument(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return redactSecrets(value.stack ?? `${value.name}: ${value.message}`);
  return value;
}

/** Wraps a log channel so every written line and argument is redacted; all else passes through. */
export function redactingLogChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return (value as (...args: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => (value as (...args: unknown[]) => unknown).apply(target, args.map(redactArgument));
    },
  });
}
