import { Controller, Get, Inject, Req, Res, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { PROJECTION_PROGRESS, type ProjectionProgress } from '@ruamjai/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * How often an idle stream says it is alive: well inside the server's idle timeout
 * (HTTP_IDLE_TIMEOUT_MS closes a socket quiet that long), at most every 15 s. A heartbeat at the
 * timeout itself raced it, and every idle stream was cut after 15 s, the console reconnecting (and
 * refreshing every view) every 18 s.
 */
export const keepAliveMs = (idleTimeoutMs: number): number =>
  Math.max(500, Math.min(15_000, Math.floor(idleTimeoutMs / 3)));

/**
 * Server-sent events carrying the position every projection has reached: the console refreshes its
 * views with `?minPosition=` when one arrives, instead of polling. Nothing but positions is sent, so
 * any signed-in role may listen.
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1/live')
export class LiveController implements OnModuleDestroy {
  private readonly streams = new Set<{ raw: ServerResponse; close(): void }>();

  private readonly keepAlive: number;

  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keepAlive = keepAliveMs(config.http.idleTimeoutMs);
  }

  @Get()
  @ApiOkResponse({
    description: 'text/event-stream: `event: position` with `{"position":"…"}` whenever the views move',
  })
  async stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // HEAD asks only whether the stream is there: the headers, and done.
    if (request.method === 'HEAD') {
      raw.end();
      return;
    }
    let open = true;
    const entry = { raw, close: () => (open = false) };
    this.streams.add(entry);
    request.raw.on('close', () => {
      open = false;
      this.streams.delete(entry);
    });
    let seen = (await this.store.headPosition()) ?? 0n;
    raw.write(`retry: 3000\nevent: position\ndata: ${JSON.stringify({ position: seen.toString() })}\n\n`);
    while (open) {
      const moved = this.progress
        ? await this.progress.waitFor(seen + 1n, this.keepAlive)
        : (await new Promise((r) => setTimeout(r, this.keepAlive)), false);
      if (!open) break;
      if (!moved) {
        raw.write(': keep-alive\n\n');
        continue;
      }
      const reached =
        [...(this.progress?.checkpoints().values() ?? [])].reduce<bigint | undefined>(
          (min, p) => (min === undefined || p < min ? p : min),
          undefined,
        ) ?? seen + 1n;
      seen = reached > seen ? reached : seen + 1n;
      raw.write(`event: position\ndata: ${JSON.stringify({ position: seen.toString() })}\n\n`);
    }
    this.streams.delete(entry);
    raw.end();
  }

  /** Shutdown ends the streams, so the server does not wait for clients that never hang up. */
  onModuleDestroy(): void {
    for (const stream of this.streams) {
      stream.close();
      stream.raw.end();
    }
    this.streams.clear();
  }
}
