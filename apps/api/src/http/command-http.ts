import { createParamDecorator, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { Request, Response } from 'express';
import { correlationId, requestId } from './correlation';
import { preconditionMalformed, preconditionRequired } from './problem';

const ETAG = /^(?:W\/)?"(\d{1,18})"$/;

/** The revision named by If-Match; `required` makes a missing header a 428. */
export function parseIfMatch(request: Request, required: boolean): bigint | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    if (required) throw preconditionRequired();
    return undefined;
  }
  const match = ETAG.exec(header.trim());
  if (!match) throw preconditionMalformed(header);
  return BigInt(match[1]);
}

export const etagOf = (revision: bigint | number): string => `"${revision}"`;

/** The authenticated actor, set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<Request & { actor?: Actor }>().actor;
  if (!actor) throw new UnauthorizedException();
  return actor;
});

export interface CommandResponse {
  readonly revision: string;
  readonly position: string;
}

/**
 * Builds each command's context from the request (actor, correlation, If-Match, Idempotency-Key),
 * runs it on the command bus, and answers with the stream version (ETag) and the position written.
 */
@Injectable()
export class CommandHttp {
  constructor(private readonly bus: CommandBus) {}

  context(request: Request, actor: Actor, options: { ifMatch: 'required' | 'none' }): CommandContext {
    const key = request.headers['idempotency-key'];
    const expectedRevision = options.ifMatch === 'required' ? parseIfMatch(request, true) : undefined;
    return {
      actor,
      correlationId: correlationId() ?? requestId(),
      causationId: requestId(),
      ...(typeof key === 'string' && key ? { idempotencyKey: key } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    };
  }

  async execute<Event>(command: Command<CommandOutcome<Event>>, response: Response, location?: string): Promise<CommandResponse> {
    const outcome = await this.bus.execute(command);
    response.setHeader('ETag', etagOf(outcome.revision));
    response.setHeader('X-Ruamjai-Position', outcome.position.toString());
    if (location) response.setHeader('Location', location);
    return { revision: outcome.revision.toString(), position: outcome.position.toString() };
  }
}
