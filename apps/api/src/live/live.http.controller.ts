import { Inject, Req, Sse, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { PROJECTION_PROGRESS, projectionsHere, type ProjectionProgress } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { EMPTY, Observable } from 'rxjs';
import { ApiController } from '../http/controllers';

/**
 * How often an idle stream says it is alive: well inside the server's idle timeout
 * (HTTP_IDLE_TIMEOUT_MS closes a socket quiet that long), at most every 15 s. A heartbeat at the
 * timeout itself raced it, and every idle stream was cut after 15 s, the console reconnecting (and
 * refreshing every view) every 18 s.
 */
export const keepAliveMs = (idleTimeoutMs: number): number =>
  Math.max(500, Math.min(15_000, Math.floor(idleTimeoutMs / 3)));

/** The position as the message's data and as its id, which a reconnecting EventSource sends back. */
const positionMessage = (position: bigint): MessageEvent => ({
  type: 'position',
  id: position.toString(),
  data: { position: position.toString() },
});

/**
 * Server-sent events carrying the position every projection has reached: the console refreshes its
 * views with `?minPosition=` when one arrives, instead of polling. Nothing but positions is sent, so
 * any signed-in role may listen.
 */
@ApiController('live', 'api/v1/live')
export class LiveController implements OnModuleDestroy {
  /** The open streams, each by the function that ends it. */
  private readonly streams = new Set<() => void>();

  private readonly keepAlive: number;

  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keepAlive = keepAliveMs(config.http.idleTimeoutMs);
  }

  /**
   * Nest writes the headers and each message, and ends the stream when the Observable completes;
   * the client leaving unsubscribes, which ends the loop.
   */
  @Sse()
  @ApiOkResponse({
    description: 'text/event-stream: `event: position` with `{"position":"…"}` whenever the views move',
  })
  stream(@Req() request: FastifyRequest): Observable<MessageEvent> {
    // HEAD asks only whether the stream is there: the headers, and done.
    if (request.method === 'HEAD') return EMPTY;
    return new Observable<MessageEvent>((subscriber) => {
      let open = true;
      const end = (): void => {
        open = false;
        subscriber.complete();
      };
      this.streams.add(end);
      void (async () => {
        let seen = (await this.store.headPosition()) ?? 0n;
        subscriber.next({ ...positionMessage(seen), retry: 3000 });
        while (open) {
          // Beside a worker, or while another replica holds the projections' lease: keep-alives only.
          const here = projectionsHere(this.progress);
          const moved = here
            ? await here.waitFor(seen + 1n, this.keepAlive)
            : (await new Promise((r) => setTimeout(r, this.keepAlive)), false);
          if (!open) break;
          if (!moved) {
            subscriber.next({ comment: 'keep-alive' });
            continue;
          }
          seen = this.reached(seen);
          subscriber.next(positionMessage(seen));
        }
      })().catch((error: unknown) => subscriber.error(error));
      return () => {
        open = false;
        this.streams.delete(end);
      };
    });
  }

  /** The position every projection has reached, and at least one past the last one sent. */
  private reached(seen: bigint): bigint {
    const reached =
      [...(this.progress?.checkpoints().values() ?? [])].reduce<bigint | undefined>(
        (min, p) => (min === undefined || p < min ? p : min),
        undefined,
      ) ?? seen + 1n;
    return reached > seen ? reached : seen + 1n;
  }

  /** Shutdown ends the streams, so the server does not wait for clients that never hang up. */
  onModuleDestroy(): void {
    for (const end of [...this.streams]) end();
    this.streams.clear();
  }
}
