// An AWS SDK v3 `logger` over our log sink, used only when `archlens.aws.debugLogging` is on.
// The SDK logs every command with its `input` and `output` (requests and responses: template
// bodies, log events, AssumeRole credentials...) and credential providers log their steps. We
// keep what helps to debug a connection (client, command, status, request id, attempts, retry
// delay, error name and message) and drop the bodies outright; whatever text remains goes
// through `redactSecrets`, so keys, tokens and signatures never reach the log.
import { redactSecrets } from './redact';

/** Where the lines go (e.g. the ArchLens LogOutputChannel's `debug`). */
export interface DebugSink {
  debug(message: string): void;
}

/** The SDK's `Logger` shape (`@smithy/types`). */
export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/** Keys whose values are bodies or secrets: never formatted, whatever their content. */
const DROPPED = new Set(['input', 'output', 'body', 'Body', 'headers', 'credentials', 'Credentials', 'response', 'request', '$response', 'rawResponse', 'stdout', 'stderr']);
const MAX_LINE = 2_000;
const MAX_DEPTH = 4;

function formatError(error: Error): string {
  const meta = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata;
  const status = typeof meta?.httpStatusCode === 'number' ? ` (HTTP ${meta.httpStatusCode}, request ${typeof meta.requestId === 'string' ? meta.requestId : '?'})` : '';
  return `${error.name}: ${error.message}${status}`;
}

function summarize(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  if (value instanceof Error) return formatError(value);
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => summarize(v, depth + 1, seen));
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = DROPPED.has(key) ? '[omitted]' : summarize(v, depth + 1, seen);
  return out;
}

/** One log line from the SDK's arguments: bodies dropped, secrets masked, length capped. */
export function formatSdkLogArgs(content: readonly unknown[]): string {
  const parts = content.map((item) => {
    if (typeof item === 'string') return item;
    if (item instanceof Error) return formatError(item);
    try {
      return JSON.stringify(summarize(item, 0, new WeakSet())) ?? String(item);
    } catch {
      return '[unprintable]';
    }
  });
  // A failing credential_process surfaces as "Command failed: <command line>\n<stderr>" in the
  // providers' debug lines; either part can hold a secret that no pattern would recognise.
  const line = redactSecrets(parts.join(' ').replace(/Command failed:[\s\S]*/, 'Command failed: [command line and output omitted]'));
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

/** The SDK logger: every level goes to `sink.debug`, prefixed with the SDK's level. */
export function createSdkLogger(sink: DebugSink): SdkLogger {
  const at =
    (level: string) =>
    (...content: unknown[]): void => {
      sink.debug(`[aws-sdk ${level}] ${formatSdkLogArgs(content)}`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
