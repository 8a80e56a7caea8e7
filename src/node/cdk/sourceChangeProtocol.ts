/**
 * `archlens/cdkSourceChanged`: the extension tells the language server the current text of a
 * CDK app's source file (`.ts`, `.py`...) as it is edited, so findings placed on it move with its
 * lines before it is saved (the server does not otherwise see documents of those languages).
 */
export const CDK_SOURCE_CHANGED = 'archlens/cdkSourceChanged';

export interface CdkSourceChanged {
  readonly uri: string;
  /** The editor's text; absent when the editor dropped its edits (closed unsaved): the disk's text counts again. */
  readonly text?: string;
}
