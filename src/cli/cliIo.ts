import type { Catalog } from '../engine/catalog/catalogTypes';

/** Exit codes of the CLI (documented in README.md). */
export const ExitCode = { Ok: 0, ErrorFindings: 1, UsageOrIo: 2 } as const;

/** The process surface the CLI uses, injected so it can be driven without a real process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Loads the resource catalogue; defaults to the one built next to the bundle. */
  readonly loadCatalog?: () => Catalog;
}
