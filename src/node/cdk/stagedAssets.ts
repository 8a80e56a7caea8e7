/**
 * Findings the engine places in another file of the assembly (an OpenAPI file staged as
 * `cdk.out/asset.<hash>.yaml` and included with `AWS::Include`) belong to the project file it
 * was copied from: the file of the app folder with the same bytes. `overrideLogicalId('X')`
 * calls of the app are shown with such findings, since a rename on either side breaks them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RelatedLocation } from '../../engine/findings';
import { MAX_DOCUMENT_BYTES, readRegularFile } from '../readRegularFile';
import type { LoadedCdkApp } from './loadCdkApp';
import { DISK, type FileAccess } from './runFiles';

/** An `s3://bucket/<hash>.ext` Location as the engine joins it to the template's folder. */
const S3_ASSET = /\/s3:\/+[^/]+\/([0-9a-f]{16,}(?:\.\w+)?)$/;

/**
 * The staged file for an asset URL of a synthesized template (`s3://cdk-...-assets-.../<hash>.yaml`
 * -> `<assembly>/asset.<hash>.yaml`, in the root assembly or a Stage's folder); undefined otherwise.
 */
export function stagedAssetFile(app: LoadedCdkApp, requested: string): string | undefined {
  const match = S3_ASSET.exec(requested.replace(/\\/g, '/'));
  if (!match) return undefined;
  const name = `asset.${match[1]!}`;
  for (const dir of ['', ...(app.assembly?.stages.map((stage) => stage.directory) ?? [])]) {
    const candidate = path.join(app.assemblyDir, ...dir.split('/').filter((part) => part !== ''), name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
const MAX_CANDIDATES = 2_000;

/** The file of the app folder with the same bytes as a staged asset (folders listed through `access`). */
export function sameBytesIn(appDir: string, staged: string, access: FileAccess = DISK): string | undefined {
  let wanted: Buffer;
  try {
    // A regular file under the limit, read with a bounded read: an assembly is workspace content
    // (a staged "asset" linked to /dev/zero or a FIFO must not hang the server).
    wanted = readRegularFile(staged, MAX_DOCUMENT_BYTES);
  } catch {
    return undefined;
  }
  const extension = path.extname(staged);
  const stack = [appDir];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_CANDIDATES) {
    const dir = stack.pop()!;
    const folders: string[] = [];
    for (const entry of access.entries(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules' && !entry.name.startsWith('cdk.out')) folders.push(full);
        continue;
      }
      if (!entry.isFile() || path.extname(entry.name) !== extension) continue;
      seen++;
      try {
        if (fs.statSync(full).size === wanted.length && readRegularFile(full, MAX_DOCUMENT_BYTES).equals(wanted)) return full;
      } catch {
        // unreadable: not the one
      }
    }
    // Popped in name order: of several copies, the first in a sorted walk wins on every machine.
    stack.push(...folders.reverse());
  }
  return undefined;
}

/** `overrideLogicalId('X')` calls of the app's sources (`files`, read through `access`): logical id -> place. */
export function overrideCalls(files: readonly string[], access: FileAccess = DISK): Map<string, RelatedLocation> {
  const out = new Map<string, RelatedLocation>();
  for (const file of files) {
    const text = access.text(file);
    if (text === undefined || !text.includes('verride')) continue;
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(/(?:overrideLogicalId|override_logical_id)\(\s*(['"`])([A-Za-z0-9]{1,255})\1/g)) {
        const start = match.index + match[0].indexOf(match[2]!);
        out.set(match[2]!, { file, range: { start: { line: index, character: start }, end: { line: index, character: start + match[2]!.length } }, message: `overrideLogicalId sets the logical id ${match[2]!} here` });
      }
    });
  }
  return out;
}

