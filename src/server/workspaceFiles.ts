import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTextFile } from '../node/readRegularFile';
import { pathOfFileUri } from './fileUris';

const MAX_REF_FILE_BYTES = 5 * 1024 * 1024;

function realPath(filePath: string): string | undefined {
  try {
    return fs.realpathSync(filePath);
  } catch {
    return undefined;
  }
}

/** The real path of a file, or of its folder for a file that exists only in the editor (or was deleted). */
export function canonicalPath(filePath: string): string | undefined {
  const real = realPath(filePath);
  if (real) return real;
  const dir = realPath(path.dirname(filePath));
  return dir ? path.join(dir, path.basename(filePath)) : undefined;
}

/** `canonical` applied to the local path of a `file:` URI; undefined for URIs without one. */
function canonicalOfUri(uri: string, canonical: (filePath: string) => string | undefined): string | undefined {
  const filePath = pathOfFileUri(uri);
  return filePath === undefined ? undefined : canonical(filePath);
}

function isInside(filePath: string, root: string): boolean {
  const relative = path.relative(root, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The open documents, as far as reading other files needs them: URI and current text. */
export interface OpenDocuments {
  all(): ReadonlyArray<{ readonly uri: string; getText(): string }>;
}

/**
 * The server's access to other files: multi-file `$ref`s and included OpenAPI files are read
 * here, open documents first (so unsaved edits count), then the disk, only inside the
 * workspace folders. Every read can be recorded for the document being validated: the
 * dependency index that re-validates a template when the file it includes changes.
 */
export class WorkspaceFiles {
  /** Real paths of the workspace folders: the only places other files are read from. */
  private roots: string[] = [];
  private recording: Set<string> | undefined;

  /** `documents` gives the open documents (the server's `TextDocuments`, or a lint worker's snapshot of them). */
  constructor(private readonly documents: OpenDocuments) {}

  /** The folders' real paths (for a lint worker's copy of this reader). */
  get folderRoots(): readonly string[] {
    return this.roots;
  }

  /** Sets the folders' real paths directly (a lint worker's copy of the server's reader). */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  /** Sets the workspace folders (URIs from `initialize`). */
  setFolders(folderUris: readonly string[]): void {
    this.roots = folderUris.map((uri) => canonicalOfUri(uri, realPath)).filter((root): root is string => root !== undefined);
  }

  /**
   * Runs `work` while recording into `reads` the canonical path of every file it asks for,
   * found or not (a missing file that appears later matters too).
   */
  recordReads<T>(reads: Set<string>, work: () => T): T {
    const previous = this.recording;
    this.recording = reads;
    try {
      return work();
    } finally {
      this.recording = previous;
    }
  }

  /**
   * File access for the engine (`AnalyzerHost.readFile`). The engine hands over the linted
   * file's path joined with the reference (validation passes absolute paths for `file:`
   * documents). Only files inside a workspace folder are read (symlinks resolved first, so a
   * link cannot lead out), trusted or not; without a folder, only files below the folder of an
   * open document. Remote refs never get here.
   */
  readonly read = (filePath: string): string | undefined => {
    if (!path.isAbsolute(filePath)) return undefined;
    const real = canonicalPath(path.resolve(filePath));
    this.recording?.add(real ?? path.resolve(filePath));
    if (!real) return undefined;
    const openFiles = this.documents.all().filter((document) => pathOfFileUri(document.uri) !== undefined);
    const roots = this.roots.length > 0 ? this.roots : openFiles.map((document) => canonicalOfUri(document.uri, (file) => realPath(path.dirname(file)))).filter((dir): dir is string => dir !== undefined);
    if (!roots.some((root) => isInside(real, root))) return undefined;
    const open = openFiles.find((document) => canonicalOfUri(document.uri, canonicalPath) === real);
    if (open) return open.getText();
    try {
      // A regular file under the limit, read with a bounded read (a link to /dev/zero or a FIFO is refused).
      return readTextFile(real, MAX_REF_FILE_BYTES);
    } catch {
      return undefined;
    }
  };

  /** The canonical path of a `file:` URI (the key of the dependency index); undefined for other schemes. */
  pathOfUri(uri: string): string | undefined {
    return canonicalOfUri(uri, canonicalPath);
  }

  /**
   * The URI to publish a finding of another file on: the open document's own URI when the file
   * is open (editors compare URIs as strings), else the file's `file:` URI. Undefined for a
   * path that is not absolute (a finding of an untitled buffer cannot name a file).
   */
  uriOf(filePath: string): string | undefined {
    if (!path.isAbsolute(filePath)) return undefined;
    const real = canonicalPath(filePath) ?? filePath;
    const open = this.documents.all().find((document) => canonicalOfUri(document.uri, canonicalPath) === real);
    return open?.uri ?? pathToFileURL(filePath).href;
  }
}
