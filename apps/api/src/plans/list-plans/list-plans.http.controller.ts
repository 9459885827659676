import { Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { PlanReads, type PlanSummary } from '@ruamjai/planning';
import { Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../../http/command-http';
import { Omittable } from '../../http/omittable';
import { ReadYourWrites } from '../../http/read-your-writes';
import { VIEWS } from '../../http/views';
import { ApiController } from '../../http/controllers';

export class ListPlansQueryDto {
  @ApiPropertyOptional({
    example: 'TH-27',
    description: 'บทบาทส่วนกลาง: เฉพาะจังหวัดนี้ / National roles: only this province (others always see their own)',
  })
  @Omittable()
  @Matches(/^TH-\d{2}$/, { message: 'province must look like TH-27' })
  province?: string;

  @ApiPropertyOptional({ description: 'Wait until the list includes this position (read your write)' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}

/** The plans' summaries (title, province, fiscal year, status, revision): the console's way into a plan or its dashboard. */
@ApiController('plans', 'api/v1/plans')
export class ListPlansController {
  constructor(
    private readonly reads: PlanReads,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      'แผนของจังหวัดผู้ใช้ (บทบาทส่วนกลาง: ทุกจังหวัด) ปีงบประมาณล่าสุดก่อน / The plans of your province (national roles: every province), latest fiscal year first',
  })
  async list(
    @Query() query: ListPlansQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ plans: PlanSummary[] }> {
    await this.consistency.await(request, VIEWS.plans);
    return { plans: await this.reads.list(actor, query.province) };
  }
}
