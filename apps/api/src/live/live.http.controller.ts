import { Controller, Get, Inject, Req, Res, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { PROJECTION_PROGRESS, type ProjectionProgress } from '@ruamjai/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';

const KEEPALIVE_MS = 15_000;

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

  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress | null,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'text/event-stream: `event: position` with `{"position":"…"}` whenever the views move' })
  async stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
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
      const moved = this.progress ? await this.progress.waitFor(seen + 1n, KEEPALIVE_MS) : (await new Promise((r) => setTimeout(r, KEEPALIVE_MS)), false);
      if (!open) break;
      if (!moved) {
        raw.write(': keep-alive\n\n');
        continue;
      }
      const reached = [...(this.progress?.checkpoints().values() ?? [])].reduce<bigint | undefined>((min, p) => (min === undefined || p < min ? p : min), undefined) ?? seen + 1n;
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
