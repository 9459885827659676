import { Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { PlanNotFound, PlanReads, type PlanView } from '@ruamjai/planning';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, etagOf } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';
import { PlanViewQueryDto } from './plan-view-query.dto';
import { VIEWS } from '../../http/views';
import { withReplyHeaders } from '../../http/reply-headers';
import { ApiController } from '../../http/controllers';

@ApiController('plans', 'api/v1/plans/:planId')
export class GetPlanController {
  constructor(
    private readonly plans: PlanReads,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'แผนปัจจุบัน หรือ ณ เวลา/รุ่นที่ระบุ / The plan now, or as it was (asOf, revision); ETag is its version',
  })
  async get(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: PlanViewQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PlanView> {
    const past = query.asOf !== undefined || query.revision !== undefined;
    if (!past) await this.consistency.await(request, VIEWS.plans);
    const view = past
      ? await this.plans.viewAt(actor, planId, {
          at: query.asOf ? new Date(query.asOf) : undefined,
          revision: query.revision,
        })
      : await this.plans.view(actor, planId);
    if (!view) throw new PlanNotFound(planId);
    return withReplyHeaders(view, { ETag: etagOf(view.revision) });
  }
}
