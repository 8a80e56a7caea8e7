// The messages between the language server and its lint worker (lintWorker.ts). Plain data:
// they cross a thread boundary by structured clone.
import type { Finding, LintOptions } from '../engine/findings';
import type { DocumentKind } from '../engine/documentKind';
import type { CdkAppLint } from '../node/cdk/appLint';

/** One document to lint, with what the worker needs to read the files it refers to. */
export interface LintJob {
  readonly id: number;
  /** The document's path as the engine sees it (`documentPath`). */
  readonly fileName: string;
  readonly text: string;
  readonly options: LintOptions;
  /** The open documents (URI and text): unsaved edits win over the disk for `$ref`s and includes. */
  readonly openDocuments: ReadonlyArray<readonly [uri: string, text: string]>;
  /** Real paths of the workspace folders: the only places other files are read from. */
  readonly roots: readonly string[];
}

/** The worker's answer: the lint result and the files it read, or why it could not lint. */
export type LintJobResult =
  | { readonly id: number; readonly kind: DocumentKind; readonly findings: readonly Finding[]; readonly reads: readonly string[] }
  | { readonly id: number; readonly error: string };

/** A CDK app to lint on the worker (src/server/cdkDiagnostics.ts): its assembly's templates, placed on sources. */
export interface CdkLintJob {
  readonly id: number;
  readonly kind: 'cdk';
  readonly appDir: string;
  readonly options: LintOptions;
}

/** The worker's answer to a CDK job. */
export type CdkLintJobResult = { readonly id: number; readonly cdk: CdkAppLint } | { readonly id: number; readonly error: string };
