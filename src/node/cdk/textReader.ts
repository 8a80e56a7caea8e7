/**
 * How the CDK locators read the app's files: as text, undefined when a file is missing or not
 * readable (a placement then falls back, it never fails). One lint run shares one cached reader
 * (SourceLocator.text), so each file is read once per run whoever asks for it.
 */
import { MAX_DOCUMENT_BYTES, readTextFile } from '../readRegularFile';

/** Reads a text file; undefined when missing or unreadable. */
export type TextReader = (file: string) => string | undefined;

/** The uncached reader: the disk, through readRegularFile's checks. */
export function readTextOrUndefined(file: string): string | undefined {
  try {
    return readTextFile(file, MAX_DOCUMENT_BYTES);
  } catch {
    return undefined;
  }
}
