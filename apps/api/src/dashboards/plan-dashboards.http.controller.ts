import { Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { PlanNotFound, PlanReads, type PlanDashboard } from '@ruamjai/planning';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../http/command-http';
import { ReadYourWrites } from '../http/read-your-writes';
import { uuidParam } from '../http/uuid-param';
import { Omittable } from '../http/omittable';
import { VIEWS } from '../http/views';
import { ApiController } from '../http/controllers';

class FiscalYearParams {
  @Type(() => Number)
  @IsInt()
  @Min(2551)
  @Max(2700)
  fiscalYear!: number;
}

class DashboardQueryDto {
  @ApiPropertyOptional({ example: 'TH-27' })
  @Omittable()
  @Matches(/^TH-\d{2}$/, { message: 'provinceCode must look like TH-27' })
  provinceCode?: string;

  @ApiPropertyOptional({ description: 'Wait until the dashboards include this position (read your write)' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}

/**
 * Dashboards: budgets requested, approved and spent, activities planned and done, participants
 * and KPIs, by strategy, district, lead agency, funding source and target group. Numbers only.
 */
@ApiController('dashboards', 'api/v1')
export class PlanDashboardsController {
  constructor(
    private readonly reads: PlanReads,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get('plans/:planId/dashboard')
  @ApiOkResponse({ description: 'ภาพรวมของแผน / One plan, cut by strategy, district, agency, source and target group' })
  async plan(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() _query: DashboardQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PlanDashboard> {
    await this.consistency.await(request, VIEWS.planDashboards);
    const dashboard = await this.reads.dashboard(actor, planId);
    if (!dashboard) throw new PlanNotFound(planId);
    return dashboard;
  }

  @Get('dashboards/fiscal-years/:fiscalYear')
  @ApiParam({ name: 'fiscalYear', type: Number, example: 2562, description: 'Buddhist-era fiscal year' })
  @ApiOkResponse({
    description: 'ทุกแผนของปีงบประมาณ (พ.ศ.) / Every plan of a fiscal year (B.E.), optionally one province',
  })
  async fiscalYear(
    @Param() params: FiscalYearParams,
    @Query() query: DashboardQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PlanDashboard> {
    await this.consistency.await(request, VIEWS.planDashboards);
    return this.reads.fiscalYearDashboard(actor, params.fiscalYear, query.provinceCode);
  }
}
