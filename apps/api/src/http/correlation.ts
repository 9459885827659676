import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE = /^[\w.:-]{1,100}$/;

/**
 * The request id is the correlation id: taken from X-Correlation-Id when the caller sends a sane one,
 * made up otherwise. Fastify's request logger carries it on every line of the request.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
