import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '@ruamjai/kernel';

/**
 * One request budget per signed-in user, so a whole centre behind one NAT does not share one; per
 * client address only for calls without a token. Runs after the AuthGuard, which sets the actor. The
 * address is the socket's unless TRUSTED_PROXIES names the proxy in front (Fastify's trustProxy),
 * so a client cannot buy a fresh budget by sending its own X-Forwarded-For.
 */
@Injectable()
export class PerUserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.actor as Actor | undefined;
    return actor ? `user:${actor.agency}:${actor.id}` : `address:${String(request.ip)}`;
  }
}
