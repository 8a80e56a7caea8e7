/**
 * Moves places in a source file across an edit: findings of a CDK app were placed on the source
 * as it was when the app was linted; when the source is edited (in the editor or on disk), lines
 * move, and the findings must move with them without linting again. The old and new texts are
 * compared line by line (Myers' diff on the lines, bounded): an unchanged line maps to its new
 * line, a changed line to its nearest unchanged line above plus the same distance.
 */

/**
 * Above this many differing lines the diff stops and only the common head and tail are matched:
 * the diff keeps one frontier per step (at most ~500 x 4 KB), and an edit that large is a rewrite.
 */
const MAX_EDIT_DISTANCE = 500;

/** Unchanged lines, old index -> new index, by Myers' O(ND) diff; undefined when over the bound. */
function myersMatches(a: readonly string[], b: readonly string[], maxDistance: number): Map<number, number> | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxDistance);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, offset, n, m, d);
      }
    }
    v = next;
  }
  return undefined;
}

/** Walks the recorded frontiers back from (n, m), collecting the diagonal (unchanged) steps. */
function backtrack(trace: readonly Int32Array[], offset: number, n: number, m: number, distance: number): Map<number, number> {
  const matches = new Map<number, number>();
  let x = n;
  let y = m;
  for (let d = distance; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    let previousK: number;
    if (d === 0) previousK = k;
    else previousK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v[offset + previousK]!;
    const previousY = previousX - previousK;
    const startX = d === 0 ? 0 : previousK === k + 1 ? previousX : previousX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      x--;
      y--;
      matches.set(x, y);
    }
    x = previousX;
    y = previousY;
  }
  return matches;
}

/** Unchanged lines when the diff is too large: the common head and tail only. */
function headAndTail(a: readonly string[], b: readonly string[]): Map<number, number> {
  const matches = new Map<number, number>();
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) matches.set(head, head++);
  for (let tail = 1; tail <= Math.min(a.length, b.length) - head && a[a.length - tail] === b[b.length - tail]; tail++) matches.set(a.length - tail, b.length - tail);
  return matches;
}

/** Maps zero-based lines of `oldText` to lines of `newText`. */
export class LineMapping {
  private readonly matches: Map<number, number>;
  private readonly newLineCount: number;

  constructor(oldText: string, newText: string) {
    const a = oldText.split(/\r?\n/);
    const b = newText.split(/\r?\n/);
    this.newLineCount = b.length;
    this.matches = myersMatches(a, b, MAX_EDIT_DISTANCE) ?? headAndTail(a, b);
  }

  /** The new line of old line `line`: exact when unchanged, else by its nearest unchanged line above. */
  map(line: number): number {
    const exact = this.matches.get(line);
    if (exact !== undefined) return exact;
    for (let above = line - 1; above >= 0; above--) {
      const anchor = this.matches.get(above);
      if (anchor !== undefined) return Math.min(this.newLineCount - 1, anchor + (line - above));
    }
    return Math.min(this.newLineCount - 1, line);
  }
}
