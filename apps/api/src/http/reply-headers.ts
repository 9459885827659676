import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

/**
 * What a route's answer asks of the reply (ETag, X-Ruamjai-Position, Location, Cache-Control, and
 * at times a status), under a symbol key: object spread keeps it (`{ planId, ...written }`), JSON
 * leaves it out, and ReplyHeadersInterceptor writes it. Routes return values and never touch the reply.
 */
export const REPLY_HEADERS: unique symbol = Symbol('replyHeaders');
const REPLY_STATUS: unique symbol = Symbol('replyStatus');
/** A header's value, or several (Set-Cookie). */
export type ReplyHeaders = Readonly<Record<string, string | readonly string[]>>;

interface ReplyAsks {
  [REPLY_HEADERS]?: ReplyHeaders;
  [REPLY_STATUS]?: number;
}

export function withReplyHeaders<T extends object>(
  value: T,
  headers: ReplyHeaders,
): T & { readonly [REPLY_HEADERS]: ReplyHeaders } {
  const previous = (value as ReplyAsks)[REPLY_HEADERS];
  return Object.assign(value, { [REPLY_HEADERS]: { ...previous, ...headers } });
}

/** An answer whose status depends on what it says (a health check that is down is a 503). */
export function withReplyStatus<T extends object>(value: T, status: number): T {
  return Object.assign(value, { [REPLY_STATUS]: status });
}

/** A file to download (CSV, PDF, XLSX, a metrics scrape): its bytes or text, its type, and its name if it is to be saved. */
export class Download {
  constructor(
    readonly body: string | Buffer | Uint8Array,
    readonly type: string,
    readonly filename?: string,
    readonly headers: ReplyHeaders = {},
  ) {}
}

/** Sends the browser elsewhere (302 or 303), with the headers given (a cookie, Cache-Control). */
export class Redirect {
  constructor(
    readonly location: string,
    readonly status: 302 | 303,
    readonly headers: ReplyHeaders = {},
  ) {}
}

type StatusRequest = FastifyRequest & { [REPLY_STATUS]?: number };

/**
 * The status an answer asked for. Nest sets the route's own status (@HttpCode, or the method's
 * default) as it sends, after every interceptor, so the status is applied here, as the reply is
 * sent; registered once on the Fastify instance (api-app.ts).
 */
export function applyAskedStatus(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request: StatusRequest, reply, payload, done) => {
    const status = request[REPLY_STATUS];
    if (status !== undefined) void reply.status(status);
    done(null, payload);
  });
}

/** Writes what an answer asks. Registered after the idempotency interceptor, so it runs first on the way out, and a stored answer keeps the headers for its replay. */
@Injectable()
export class ReplyHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === null || typeof body !== 'object') return body;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        const request = context.switchToHttp().getRequest<StatusRequest>();
        if (body instanceof Redirect) {
          for (const [name, value] of Object.entries(body.headers)) void reply.header(name, value);
          void reply.header('Location', body.location);
          request[REPLY_STATUS] = body.status;
          return '';
        }
        if (body instanceof Download) {
          for (const [name, value] of Object.entries(body.headers)) void reply.header(name, value);
          void reply.header('Content-Type', body.type);
          if (body.filename) void reply.header('Content-Disposition', `attachment; filename="${body.filename}"`);
          return body.body;
        }
        const asks = body as ReplyAsks;
        for (const [name, value] of Object.entries(asks[REPLY_HEADERS] ?? {})) void reply.header(name, value);
        if (asks[REPLY_STATUS] !== undefined) request[REPLY_STATUS] = asks[REPLY_STATUS];
        return body;
      }),
    );
  }
}

/** The media type of every CSV download: UTF-8, so Thai reads right in a spreadsheet. */
export const CSV = 'text/csv; charset=utf-8';
