import { CallHandler, ExecutionContext, HttpCode, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IdempotencyStore } from '@ruamjai/read-models';
import { CLOCK, type Actor, type Clock } from '@ruamjai/kernel';
import { Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, mergeMap, of, type Observable } from 'rxjs';
import { idempotencyKeyMalformed, idempotencyKeyReused } from './problem';

const KEY = /^[\x21-\x7e]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location', 'x-ruamjai-position'];
const HTTP_CODE = '__httpCode__';

/**
 * Idempotency-Key on commands: the first successful response is stored and replayed for retries;
 * the same key with a different request is refused (422). Events of a retried request carry the
 * same ids, so even a retry that races the first attempt appends nothing.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) throw idempotencyKeyMalformed();
    const path = request.url.split('?')[0];
    const scope = `${request.actor?.id ?? 'anonymous'} ${request.method} ${path}`;
    const hash = createHash('sha256')
      .update(JSON.stringify([request.method, path, request.headers['if-match'] ?? null, request.body ?? null]))
      .digest('hex');
    const stored = await this.store.find(scope, key);
    if (stored) {
      if (stored.requestHash !== hash) throw idempotencyKeyReused();
      for (const [name, value] of Object.entries(stored.headers)) void reply.header(name, value);
      void reply.header('Idempotent-Replayed', 'true');
      void reply.status(stored.status);
      return of(stored.body);
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE, context.getHandler()) ?? 201;
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          (async () => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = reply.getHeader(name);
              if (value !== undefined) headers[name] = String(value);
            }
            await this.store.save(scope, key, { requestHash: hash, status, headers, body }, this.clock.now());
            return body;
          })(),
        ),
      ),
    );
  }
}

export { HttpCode };
