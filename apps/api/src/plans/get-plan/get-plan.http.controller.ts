import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PlanNotFound, PlanQueries, type PlanView } from '@ruamjai/planning';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId')
export class GetPlanController {
  constructor(
    private readonly plans: PlanQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiQuery({ name: 'minPosition', required: false, description: 'Wait until the view includes this position (from X-Ruamjai-Position)' })
  @ApiOkResponse({ description: 'แผนปัจจุบัน / The current plan; ETag is its version' })
  async get(@Param('planId', uuidParam('planId')) planId: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<PlanView> {
    await this.consistency.await(request);
    const view = await this.plans.view(planId);
    if (!view) throw new PlanNotFound(planId);
    void response.header('ETag', etagOf(view.revision));
    return view;
  }
}
