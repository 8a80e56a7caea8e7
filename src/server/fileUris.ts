import { fileURLToPath } from 'node:url';

/**
 * The local path of a `file:` URI, or undefined when it has none. `fileURLToPath` throws for
 * `file://host/share/x.yaml` on Linux and macOS (a UNC-style URI a client may send): called
 * unguarded while scanning the open documents, that one document made every other document's
 * relative `$ref` reads fail.
 */
export function pathOfFileUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
