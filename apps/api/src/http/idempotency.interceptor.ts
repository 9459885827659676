import { CallHandler, ExecutionContext, Inject, Injectable, SetMetadata, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CLOCK, type Actor, type Clock } from '@ruamjai/kernel';
import { IdempotencyStore } from '@ruamjai/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { idempotencyKeyInProgress, idempotencyKeyMalformed, idempotencyKeyReused } from './problem';

const KEY = /^[\x21-\x7e]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location', 'x-ruamjai-position'];
const HTTP_CODE = '__httpCode__';

const NOT_REPLAYED = 'ruamjai:not-replayed';
/** A POST whose answer must never be stored for replay (it carries personal data); a key on it is ignored. */
export const NotReplayed = () => SetMetadata(NOT_REPLAYED, true);

type KeyedRequest = FastifyRequest & { actor?: Actor; requestFingerprint?: string };

/**
 * Idempotency-Key on commands. The key is reserved before the command runs, so concurrent requests
 * with one key run it once (the others get 409 IDEMPOTENCY.IN_PROGRESS); the first successful
 * response is stored and replayed; the same key with another request is refused (422). The
 * request's fingerprint goes into the derived event ids, so even a retry after a crash between the
 * append and the record writes nothing twice, and another request under the same key never passes
 * for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (
      request.method !== 'POST' ||
      key === undefined ||
      this.reflector.get<boolean>(NOT_REPLAYED, context.getHandler())
    )
      return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) throw idempotencyKeyMalformed();
    const path = request.url.split('?')[0];
    const scope = `${request.actor?.id ?? 'anonymous'} ${request.method} ${path}`;
    const hash = createHash('sha256')
      .update(JSON.stringify([request.method, path, request.headers['if-match'] ?? null, request.body ?? null]))
      .digest('hex');
    request.requestFingerprint = hash;
    const reservation = await this.store.reserve(scope, key, hash, this.clock.now());
    switch (reservation.kind) {
      case 'mismatch':
        throw idempotencyKeyReused();
      case 'in_progress':
        throw idempotencyKeyInProgress();
      case 'replay': {
        const { response } = reservation;
        for (const [name, value] of Object.entries(response.headers)) void reply.header(name, value);
        void reply.header('Idempotent-Replayed', 'true');
        void reply.status(response.status);
        return of(response.body);
      }
      case 'reserved':
        break;
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE, context.getHandler()) ?? 201;
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          (async () => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = reply.getHeader(name);
              if (value !== undefined) headers[name] = String(value);
            }
            await this.store.complete(scope, key, { requestHash: hash, status, headers, body });
            return body;
          })(),
        ),
      ),
      // A refused or failed request changed nothing: free the key for a corrected retry.
      catchError((error: unknown) =>
        from(this.store.release(scope, key)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
