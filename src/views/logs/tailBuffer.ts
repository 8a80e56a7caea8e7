// The live tail's bounded line buffer. A busy log group can send 500 events a second for hours;
// the buffer keeps the newest `capacity` lines and counts what it dropped, so memory is bounded
// whatever the service sends. `drain()` hands out what arrived since the last drain, so the UI
// can append incrementally and rewrite everything only when lines were dropped.

export interface TailDrain {
  /** Lines added since the last drain (only those still in the buffer). */
  readonly added: readonly string[];
  /** True when lines were dropped since the last drain: the sink should be rewritten from `lines()`. */
  readonly rewrite: boolean;
}

export class TailBuffer {
  private readonly ring: string[];
  private start = 0;
  private size = 0;
  private pending = 0;
  private droppedSinceDrain = false;
  /** Lines dropped since the buffer was created (oldest first). */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`TailBuffer capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array<string>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(...lines: string[]): void {
    for (const line of lines) {
      if (this.size < this.capacity) {
        this.ring[(this.start + this.size) % this.capacity] = line;
        this.size += 1;
      } else {
        this.ring[this.start] = line;
        this.start = (this.start + 1) % this.capacity;
        this.dropped += 1;
        this.droppedSinceDrain = true;
      }
      this.pending = Math.min(this.capacity, this.pending + 1);
    }
  }

  /** All buffered lines, oldest first. */
  lines(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.ring[(this.start + i) % this.capacity]!);
    return out;
  }

  drain(): TailDrain {
    const added: string[] = [];
    for (let i = this.size - this.pending; i < this.size; i++) added.push(this.ring[(this.start + i) % this.capacity]!);
    const result = { added, rewrite: this.droppedSinceDrain };
    this.pending = 0;
    this.droppedSinceDrain = false;
    return result;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    this.pending = 0;
    this.droppedSinceDrain = false;
  }
}
