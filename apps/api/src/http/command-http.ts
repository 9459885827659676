import { createParamDecorator, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { StaleRevision, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { DomainError } from '@ruamjai/kernel';
import { Metrics } from '@ruamjai/platform';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
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
}

/**
 * Builds each command's context from the request (actor, correlation, If-Match, Idempotency-Key),
 * runs it on the command bus, and answers with the stream version (ETag) and the position written.
 */
@Injectable()
export class CommandHttp {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: Metrics,
    private readonly storeHealth: StoreWriteHealth,
  ) {}

  /** `update` commands need If-Match; `create` commands expect the stream not to exist yet. */
  context(request: FastifyRequest, actor: Actor, options: { kind: 'update' | 'create' }): CommandContext {
    const key = request.headers['idempotency-key'];
    const expectedRevision = options.kind === 'update' ? parseIfMatch(request) : -1n;
    const fingerprint = (request as FastifyRequest & { requestFingerprint?: string }).requestFingerprint;
    return {
      actor,
      correlationId: request.id,
      // Each command is its own cause; the correlation id ties it to the caller's wider work.
      causationId: randomUUID(),
      ...(typeof key === 'string' && key ? { idempotencyKey: key, ...(fingerprint ? { requestFingerprint: fingerprint } : {}) } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    };
  }

  async execute<Event>(command: Command<CommandOutcome<Event>>, reply: FastifyReply, location?: string): Promise<CommandResponse> {
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
    void reply.header('ETag', etagOf(outcome.revision));
    void reply.header('X-Ruamjai-Position', outcome.position.toString());
    if (location) void reply.header('Location', location);
    return { revision: outcome.revision.toString(), position: outcome.position.toString() };
  }
}
