/**
 * Custom messages between the ArchLens language server and the extension.
 * Method names follow `archlens/<noun><Verb>`.
 */

import type { DocumentKind } from '../engine/documentKind';

/** What a document was detected as; `other` documents are not analysed. */
export type DocumentKindName = DocumentKind;

/** Server -> client notification after each validation of a document. */
export const DOCUMENT_STATUS_NOTIFICATION = 'archlens/documentStatusChanged';

/** Payload of {@link DOCUMENT_STATUS_NOTIFICATION}. */
export interface DocumentStatus {
  readonly uri: string;
  readonly version: number;
  readonly kind: DocumentKindName;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Milliseconds the last analysis took. */
  readonly durationMs: number;
}

/** Settings section the server pulls per document (`archlens.lint.*`). */
export const SETTINGS_SECTION = 'archlens.lint';

/** Shape of the `archlens.lint` settings section. */
export interface LintSettings {
  readonly enabled?: boolean;
  readonly regions?: readonly string[];
  readonly ignoreRules?: readonly string[];
  readonly severityOverrides?: Readonly<Record<string, 'error' | 'warning' | 'info' | 'off'>>;
  readonly debounceMs?: number;
}
