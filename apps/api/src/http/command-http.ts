import { createParamDecorator, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { idFromKey, StaleRevision, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { DomainError } from '@ruamjai/kernel';
import { Metrics } from '@ruamjai/platform';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { withReplyHeaders, type ReplyHeaders, REPLY_HEADERS } from './reply-headers';
import { StoreWriteHealth } from './store-health';
import { preconditionFailedWeak, preconditionMalformed, preconditionRequired } from './problem';

const ETAG = /^"(\d{1,18})"$/;
const WEAK_ETAG = /^W\/"(\d{1,18})"$/;

/** The revision named by If-Match; a missing header is a 428. */
export function parseIfMatch(request: FastifyRequest): bigint {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw preconditionRequired();
  const value = header.trim();
  const match = ETAG.exec(value);
  if (match) return BigInt(match[1]);
  // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches.
  if (WEAK_ETAG.test(value)) throw preconditionFailedWeak();
  throw preconditionMalformed(header);
}

function outcomeOf(error: unknown): string {
  if (error instanceof DomainError) return error.kind === 'conflict' ? 'conflict' : 'refused';
  if (error instanceof StaleRevision) return 'conflict';
  return 'error';
}

export const etagOf = (revision: bigint | number): string => `"${revision}"`;

/** The authenticated actor, set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>().actor;
  if (!actor) throw new UnauthorizedException();
  return actor;
});

export interface CommandResponse {
  readonly revision: string;
  readonly position: string;
  /** ETag (the stream version), X-Ruamjai-Position and Location, written on the reply by ReplyHeadersInterceptor. */
  readonly [REPLY_HEADERS]: ReplyHeaders;
}

type CommandRequest = FastifyRequest & { actor?: Actor; requestFingerprint?: string };

/**
 * A command's context from its request: the actor, the correlation id, Idempotency-Key (with the
 * request's fingerprint) and, for an `update`, the revision named by If-Match (428 without it); a
 * `create` expects the stream not to exist yet.
 */
export function commandContextOf(request: CommandRequest, kind: 'update' | 'create'): CommandContext {
  if (!request.actor) throw new UnauthorizedException();
  const key = request.headers['idempotency-key'];
  const expectedRevision = kind === 'update' ? parseIfMatch(request) : -1n;
  const fingerprint = request.requestFingerprint;
  return {
    actor: request.actor,
    correlationId: request.id,
    // Each command is its own cause; the correlation id ties it to the caller's wider work.
    causationId: randomUUID(),
    ...(typeof key === 'string' && key
      ? { idempotencyKey: key, ...(fingerprint ? { requestFingerprint: fingerprint } : {}) }
      : {}),
    expectedRevision,
  };
}

/** The context of a command that changes a stream the caller read: If-Match required. */
export const UpdateCommand = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<CommandRequest>(), 'update'),
);
/** The context of a command that starts a stream: it must not exist yet. */
export const CreateCommand = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<CommandRequest>(), 'create'),
);

/** A new item's id: derived from the Idempotency-Key when one is sent, so that a retry names the same item. */
export function newIdFor(context: CommandContext, kind: string): string {
  return context.idempotencyKey ? idFromKey(context.actor.id, context.idempotencyKey, kind) : randomUUID();
}

/**
 * Runs each command on the command bus, with its metrics and the store's write health, and answers
 * the stream version and the position written, with the headers that say them (ETag,
 * X-Ruamjai-Position, and Location when given) for the interceptor to write.
 */
@Injectable()
export class CommandHttp {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: Metrics,
    private readonly storeHealth: StoreWriteHealth,
  ) {}

  async execute<Event>(command: Command<CommandOutcome<Event>>, location?: string): Promise<CommandResponse> {
    const name = (command as { type?: string }).type ?? command.constructor.name;
    const stop = this.metrics.commandSeconds.startTimer({ command: name });
    let outcome: CommandOutcome<Event>;
    try {
      outcome = await this.bus.execute(command);
      this.storeHealth.succeeded();
      this.metrics.commands.inc({ command: name, outcome: 'ok' });
    } catch (error) {
      this.metrics.commands.inc({ command: name, outcome: outcomeOf(error) });
      throw error;
    } finally {
      stop();
    }
    return writtenAnswer(outcome, location);
  }
}

/** The answer to a command that wrote: its revision and position, in the body and in the headers. */
export function writtenAnswer(outcome: { revision: bigint; position: bigint }, location?: string): CommandResponse {
  return withReplyHeaders(
    { revision: outcome.revision.toString(), position: outcome.position.toString() },
    {
      ETag: etagOf(outcome.revision),
      'X-Ruamjai-Position': outcome.position.toString(),
      ...(location ? { Location: location } : {}),
    },
  );
}
