/**
 * Debounces validation per document: a burst of edits runs one validation,
 * `delayMs` after the last edit. The validation itself checks the document
 * version before publishing, so results for stale versions are dropped.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly delayMs: () => number,
    private readonly validate: (uri: string) => Promise<void>,
  ) {}

  /** Schedules (or re-schedules) validation of a document. */
  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const timer = setTimeout(
      () => {
        this.timers.delete(uri);
        // validate never rejects (it logs); the catch is a last line of defence.
        this.validate(uri).catch(() => undefined);
      },
      immediately ? 0 : this.delayMs(),
    );
    this.timers.set(uri, timer);
  }

  /** Cancels a pending validation (document closed or superseded). */
  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Cancels everything (shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
