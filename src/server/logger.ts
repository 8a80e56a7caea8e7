import type { Connection } from 'vscode-languageserver';

/** The server's logger: lines go to the client's "ArchLens" output channel. Never log document contents. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A logger over the LSP connection's console. */
export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message, error) => connection.console.error(error instanceof Error ? `${message}: ${error.message}\n${error.stack ?? ''}` : error === undefined ? message : `${message}: ${JSON.stringify(error)}`),
  };
}
