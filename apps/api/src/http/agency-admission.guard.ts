import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ruamjai/kernel';
import { AgencyAdmission } from '@ruamjai/planning';
import type { FastifyRequest } from 'fastify';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write (a command, a personal-data read, an access grant: all POSTs) needs the token's agency
 * to be registered and active in the directory. Runs after the AuthGuard; public routes have no actor.
 */
@Injectable()
export class AgencyAdmissionGuard implements CanActivate {
  constructor(private readonly admission: AgencyAdmission) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (!request.actor || READS.has(request.method)) return true;
    const path = request.routeOptions.url ?? request.url;
    await this.admission.admit(request.actor, {
      registersAgency: request.method === 'POST' && path === '/api/v1/agencies',
    });
    return true;
  }
}
