import {
  CanActivate,
  ExecutionContext,
  Injectable,
  Optional,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ruamjai/kernel';
import { InvalidToken, TokenVerifier } from './token-verifier';

const PUBLIC = 'ruamjai:public';
/** Marks a route that needs no token (health only). */
export const Public = () => SetMetadata(PUBLIC, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  /** The sign-in session of the access token, when it came from a sign-in (not a machine token). */
  sessionId?: string;
}

/**
 * Whether a sign-in session is still live: provided by the identity context. An access token that
 * names a revoked session is refused at once, however long it has left to run.
 */
export abstract class SessionCheck {
  abstract isActive(sessionId: string): Promise<boolean>;
}

/** Every route needs a verified Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
    @Optional() private readonly sessions?: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException({ code: 'AUTH.TOKEN_MISSING' });
    let verified;
    try {
      verified = await this.verifier.verifyToken(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException({ code: 'AUTH.TOKEN_INVALID' });
      throw error;
    }
    if (verified.sessionId) {
      if (!this.sessions || !(await this.sessions.isActive(verified.sessionId)))
        throw new UnauthorizedException({ code: 'AUTH.SESSION_REVOKED' });
      request.sessionId = verified.sessionId;
    }
    request.actor = verified.actor;
    return true;
  }
}
