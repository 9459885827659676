/** Callers waiting for projections to reach a position: read-your-writes, wherever projections run. */
export class PositionWaiters {
  private waiters: Array<{ position: bigint; resolve: (reached: boolean) => void }> = [];

  /** `reached` is asked now and again on every `progress()`. */
  constructor(private readonly reached: (position: bigint) => boolean) {}

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
    });
  }

  /** Releases every waiter whose position has now been reached. */
  progress(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!this.reached(w.position)) return true;
      w.resolve(true);
      return false;
    });
  }
}
