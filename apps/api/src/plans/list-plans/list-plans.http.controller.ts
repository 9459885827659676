import { Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { PlanReads, type PlanSummary } from '@ruamjai/planning';
import type { FastifyRequest } from 'fastify';
import { ReadYourWrites } from '../../http/read-your-writes';
import { VIEWS } from '../../http/views';
import { ApiController } from '../../http/controllers';

/** Every plan's summary (title, province, fiscal year, status, revision): the console's way into a plan or its dashboard. */
@ApiController('plans', 'api/v1/plans')
export class ListPlansController {
  constructor(
    private readonly reads: PlanReads,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'แผนทั้งหมด ปีงบประมาณล่าสุดก่อน / Every plan, latest fiscal year first' })
  async list(@Req() request: FastifyRequest): Promise<{ plans: PlanSummary[] }> {
    await this.consistency.await(request, VIEWS.plans);
    return { plans: await this.reads.list() };
  }
}
