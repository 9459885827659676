import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ruamjai/kernel';
import { InvalidToken, TokenVerifier } from './token-verifier';

const PUBLIC = 'ruamjai:public';
/** Marks a route that needs no token (health only). */
export const Public = () => SetMetadata(PUBLIC, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/** Every route needs a verified Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException({ code: 'AUTH.TOKEN_MISSING' });
    try {
      request.actor = await this.verifier.verify(match[1]);
      return true;
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException({ code: 'AUTH.TOKEN_INVALID' });
      throw error;
    }
  }
}
