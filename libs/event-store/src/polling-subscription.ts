import type { RecordedEvent, SubscriptionFilter, Subscription, SubscriptionMessage } from './event-store.port';
import { matchesFilter } from './subscription-filter';

export interface PollingSubscriptionSource {
  readonly from: 'start' | { readonly after: bigint };
  readonly filter?: SubscriptionFilter;
  /** Events of $all after a position, in order, at most `limit`. */
  fetch(after: bigint, limit: number): Promise<RecordedEvent[]>;
  /** Registers a wake-up for new commits; returns how to unregister. */
  onNotify(wake: () => void): () => void;
  readonly pollIntervalMs: number;
}

const PAGE = 1000;

/**
 * A catch-up subscription over a store that can be paged by position: reads everything after the
 * start, signals caught-up once, then waits for commits (or polls, for writers in other processes).
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly source: PollingSubscriptionSource) {}

  async unsubscribe(): Promise<void> {
    this.closed = true;
    this.wakeUp?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    let cursor = this.source.from === 'start' ? 0n : this.source.from.after;
    let caughtUp = false;
    // Set by a notification, cleared before each fetch.
    let dirty: boolean;
    const unregister = this.source.onNotify(() => {
      dirty = true;
      this.wakeUp?.();
    });
    try {
      while (!this.closed) {
        dirty = false;
        const page = await this.source.fetch(cursor, PAGE);
        for (const event of page) {
          if (this.closed) return;
          cursor = event.position;
          if (matchesFilter(event, this.source.filter)) yield { kind: 'event', event };
        }
        if (page.length === PAGE) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: cursor === 0n ? undefined : cursor };
        }
        if (dirty || this.closed) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.source.pollIntervalMs);
          timer.unref?.();
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
    } finally {
      unregister();
    }
  }
}
