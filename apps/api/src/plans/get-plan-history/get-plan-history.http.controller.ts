import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PlanNotFound, PlanQueries, type PlanHistoryEntry } from '@ruamjai/planning';
import { uuidParam } from '../../http/uuid-param';
import { PlanHistoryQueryDto } from './plan-history-query.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/history')
export class GetPlanHistoryController {
  constructor(private readonly plans: PlanQueries) {}

  @Get()
  @ApiOkResponse({ description: 'ประวัติทุกเหตุการณ์ของแผน / Every event of the plan: who, agency, role, when, why, data' })
  async history(@Param('planId', uuidParam('planId')) planId: string, @Query() query: PlanHistoryQueryDto): Promise<{ planId: string; events: PlanHistoryEntry[]; next: string | null }> {
    const limit = query.limit ?? 100;
    const events = await this.plans.history(planId, { afterRevision: query.afterRevision, limit });
    if (!events) throw new PlanNotFound(planId);
    const last = events[events.length - 1];
    const next = events.length === limit ? `/api/v1/plans/${planId}/history?afterRevision=${last.revision}&limit=${limit}` : null;
    return { planId, events, next };
  }
}
