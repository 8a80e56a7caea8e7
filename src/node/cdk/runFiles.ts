/**
 * How the CDK locators read the app's files and folders: text is undefined when a file is
 * missing or not readable (a placement then falls back, it never fails), a folder's entries
 * come sorted by name (dirEntries.ts). One lint run shares one `RunFiles` (SourceLocator makes
 * it), so each file is read and each folder listed once per run, whoever asks: the frame files,
 * the static index, the staged-asset search and the overrideLogicalId scan.
 */
import type * as fs from 'node:fs';
import { MAX_DOCUMENT_BYTES, readTextFile } from '../readRegularFile';
import { sortedEntries } from './dirEntries';

/** Reads files and lists folders. */
export interface FileAccess {
  /** A file's text; undefined when missing or unreadable. */
  text(file: string): string | undefined;
  /** A folder's entries in name order; empty when unreadable. */
  entries(dir: string): readonly fs.Dirent[];
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readTextFile(file, MAX_DOCUMENT_BYTES);
  } catch {
    return undefined;
  }
}

/** The disk, uncached. */
export const DISK: FileAccess = { text: readTextOrUndefined, entries: sortedEntries };

/** The disk, cached for one lint run. */
export class RunFiles implements FileAccess {
  private readonly texts = new Map<string, string | undefined>();
  private readonly folders = new Map<string, readonly fs.Dirent[]>();

  text(file: string): string | undefined {
    if (!this.texts.has(file)) this.texts.set(file, readTextOrUndefined(file));
    return this.texts.get(file);
  }

  entries(dir: string): readonly fs.Dirent[] {
    let entries = this.folders.get(dir);
    if (!entries) this.folders.set(dir, (entries = sortedEntries(dir)));
    return entries;
  }
}
