/** Callers waiting for projections to reach a position: read-your-writes, wherever projections run. */
export class PositionWaiters {
  private waiters: Array<{
    position: bigint;
    names: readonly string[] | undefined;
    resolve: (reached: boolean) => void;
  }> = [];

  /** `reached` is asked now and again on every `progress()`; `names` are the projections waited for (all when absent). */
  constructor(private readonly reached: (position: bigint, names: readonly string[] | undefined) => boolean) {}

  wait(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    if (this.reached(position, names)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, names, resolve };
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
      if (!this.reached(w.position, w.names)) return true;
      w.resolve(true);
      return false;
    });
  }
}

/** Whether every named projection (every one, without names) has a checkpoint at or past `position`. */
export function checkpointsReach(
  checkpoints: ReadonlyMap<string, bigint>,
  position: bigint,
  names: readonly string[] | undefined,
): boolean {
  if (checkpoints.size === 0) return false;
  for (const name of names ?? checkpoints.keys()) if ((checkpoints.get(name) ?? 0n) < position) return false;
  return true;
}
