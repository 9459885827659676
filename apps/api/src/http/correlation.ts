import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestScope {
  correlationId: string;
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();
const ACCEPTABLE = /^[\w.:-]{1,100}$/;

/** Takes X-Correlation-Id from the caller (or makes one), echoes it, and scopes it to the request. */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  const requestId = randomUUID();
  response.setHeader('X-Correlation-Id', correlationId);
  (request as Request & { id?: string }).id = requestId;
  storage.run({ correlationId, requestId }, next);
}

export function correlationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function requestId(): string {
  return storage.getStore()?.requestId ?? randomUUID();
}
