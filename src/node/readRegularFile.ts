/**
 * Reading files named by users and repositories, which may be anything: a symbolic link to
 * `/dev/zero` (reading it never ends and exhausts memory), a FIFO (opening it blocks until a
 * writer comes), a sparse 10 GB file. Every file the CLI and the language server read goes
 * through {@link readRegularFile}: it must be a regular file under a size limit, and it is
 * read with a bounded read. Anything else is a {@link FileReadError} with a clear reason.
 */
import * as fs from 'node:fs';
import { groupDigits } from '../engine/util/compareText';

/** Templates, specs and `$ref` targets: above the engine's limits (5 MB, 50 MB for OpenAPI), so it can say so itself. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Configuration files (`.archlens.yml`). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A file that is not a readable regular file under the limit; the message says why, without the path. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
}

/** A file that is UTF-16 or binary: read, but not text ArchLens can analyse. */
export class EncodingError extends FileReadError {}

/** What a non-regular file is, for messages. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${groupDigits(bytes)} bytes`;
}

/** Throws unless `stat` is a regular file of at most `maxBytes`. */
function checkStat(stat: fs.Stats, maxBytes: number): void {
  if (!stat.isFile()) throw new FileReadError(`it is ${kindOf(stat)}, not a regular file`);
  if (stat.size > maxBytes) throw new FileReadError(`it is ${describeSize(stat.size)}; files over ${describeSize(maxBytes)} are not read`);
}

/** `ENOENT: no such file or directory, open 'x'` -> `ENOENT: no such file or directory`. */
function systemReason(error: unknown): string {
  return error instanceof Error ? error.message.replace(/, \w+ '.*'$/, '') : String(error);
}

// Opening a FIFO for reading blocks until a writer opens it; non-blocking mode returns at once
// (and changes nothing for regular files). Windows has no such flag and no FIFOs in the tree.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file of at most `maxBytes`, following symbolic links. Checked before
 * opening (so a device is never opened) and again on the open descriptor (the path may have
 * been swapped in between); the read stops at the limit even if the file grows meanwhile.
 * @throws {FileReadError} when the file is missing, unreadable, not a regular file or too big.
 */
export function readRegularFile(filePath: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    checkStat(fs.statSync(filePath), maxBytes);
    fd = fs.openSync(filePath, OPEN_FLAGS);
  } catch (error) {
    throw error instanceof FileReadError ? error : new FileReadError(systemReason(error));
  }
  try {
    const stat = fs.fstatSync(fd);
    checkStat(stat, maxBytes);
    // One byte more than allowed: reading it means the file grew past the limit.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new FileReadError(`it grew past ${describeSize(maxBytes)} while being read`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof FileReadError ? error : new FileReadError(systemReason(error));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a file read by {@link readRegularFile}, as UTF-8. UTF-16 (byte order mark, or NUL
 * bytes, which text in UTF-8 never has) is refused with a reason: decoded as UTF-8 it would be
 * noise, silently skipped as "not a template".
 * @throws {EncodingError} when the file is UTF-16 or binary.
 */
export function decodeText(bytes: Buffer): string {
  const bom = bytes.length >= 2 ? bytes.readUInt16BE(0) : 0;
  if (bom === 0xfffe || bom === 0xfeff) throw new EncodingError('it is encoded as UTF-16; ArchLens reads UTF-8 files (save it as UTF-8)');
  if (bytes.subarray(0, 8192).includes(0)) throw new EncodingError('it contains NUL bytes: a binary file, or UTF-16 without a byte order mark (save it as UTF-8)');
  return bytes.toString('utf8');
}

/** {@link readRegularFile} then {@link decodeText}. */
export function readTextFile(filePath: string, maxBytes: number): string {
  return decodeText(readRegularFile(filePath, maxBytes));
}
