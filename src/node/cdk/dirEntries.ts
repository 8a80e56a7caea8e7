import * as fs from 'node:fs';

/** A folder's entries in name order (walks print and place things the same way on every machine); empty when unreadable. */
export function sortedEntries(dir: string): fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
