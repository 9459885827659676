import type { AllStreamResolvedEvent, AllStreamSubscription, Filter, ReadPosition } from '@kurrent/kurrentdb-client';
import type { SubscribeToAllOptions, Subscription, SubscriptionMessage } from '../event-store.port';
import { matchesFilter } from '../subscription-filter';
import { subscriptionStart, toRecorded, toServerFilter } from './kurrentdb-mapping';

export type OpenSubscription = (fromPosition: ReadPosition, filter: Filter | undefined) => AllStreamSubscription;

interface LiveSource {
  readonly source: AllStreamSubscription;
  readonly wake: () => void;
}

// A catch-up subscription over the client's $all subscription. Each iteration opens its own server
// subscription (as each iteration of the embedded store's subscription keeps its own cursor).
export class KurrentDbSubscription implements Subscription {
  private closed = false;
  private readonly live = new Set<LiveSource>();

  constructor(
    private readonly open: OpenSubscription,
    private readonly options: SubscribeToAllOptions,
    private readonly onUnsubscribe: () => void,
  ) {}

  async unsubscribe(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onUnsubscribe();
    const live = [...this.live];
    for (const { wake } of live) wake();
    // A consumer parked between messages never resumes its generator, so cancel its gRPC call here.
    await Promise.allSettled(live.map(({ source }) => source.unsubscribe()));
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.closed) return;
    const { from, filter } = this.options;
    const source = this.open(subscriptionStart(from), toServerFilter(filter));
    let consumed = 0;
    // The client announces caught-up as an emitter event, not in the data flow: when it fires, the
    // events before it sit in the readable buffer, not yet read. Count them so that caughtUp comes out
    // after them and before anything later.
    let caughtUpAfter: number | undefined;
    let caughtUpSent = false;
    // The position reported with caughtUp is the last event read, safe to resume after. The server's own
    // caught-up checkpoint may be a log position no event has yet, and resuming after it could skip the
    // next event written there.
    let lastPosition = from === 'start' ? undefined : from.after;
    let failure: Error | undefined;
    let ended = false;
    // Set by wake(), cleared before each read of the server's messages.
    let signalled: boolean;
    let resume: (() => void) | undefined;
    const wake = () => {
      signalled = true;
      resume?.();
    };
    const onCaughtUp = () => {
      caughtUpAfter ??= consumed + source.readableLength;
      wake();
    };
    const onError = (error: Error) => {
      failure ??= error;
      wake();
    };
    const onEnd = () => {
      ended = true;
      wake();
    };
    source.on('caughtUp', onCaughtUp);
    source.on('error', onError);
    source.on('readable', wake);
    source.on('end', onEnd);
    source.on('close', onEnd);
    const entry: LiveSource = { source, wake };
    this.live.add(entry);
    try {
      while (!this.closed) {
        signalled = false;
        if (!caughtUpSent && caughtUpAfter !== undefined && consumed >= caughtUpAfter) {
          caughtUpSent = true;
          yield { kind: 'caughtUp', position: lastPosition };
          continue;
        }
        const resolved = source.read() as AllStreamResolvedEvent | null;
        if (resolved !== null) {
          consumed += 1;
          const event = toRecorded(resolved);
          if (!event) continue;
          lastPosition = event.position;
          if (matchesFilter(event, filter)) yield { kind: 'event', event };
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        if (!signalled) await new Promise<void>((resolve) => (resume = resolve));
        resume = undefined;
      }
    } finally {
      this.live.delete(entry);
      source.removeListener('caughtUp', onCaughtUp);
      source.removeListener('readable', wake);
      source.removeListener('end', onEnd);
      source.removeListener('close', onEnd);
      source.removeListener('error', onError);
      // An error emitted after we stop listening would otherwise crash the process.
      source.on('error', () => undefined);
      await source.unsubscribe().catch(() => undefined);
      source.destroy();
    }
  }
}
