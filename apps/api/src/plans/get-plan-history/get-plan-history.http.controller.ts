import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { PlanNotFound, PlanReads, type PlanAuditEntry } from '@ruamjai/planning';
import { CurrentActor } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { historyCsv } from './history-csv';
import { PlanHistoryQueryDto } from './plan-history-query.dto';
import { CSV, Download } from '../../http/reply-headers';
import { ApiController } from '../../http/controllers';

@ApiController('plans', 'api/v1/plans/:planId/history')
export class GetPlanHistoryController {
  constructor(private readonly plans: PlanReads) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'ประวัติทุกเหตุการณ์ของแผน / Every event of the plan: who, agency, role, when, why, what changed',
  })
  async history(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: PlanHistoryQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ planId: string; events: PlanAuditEntry[]; next: string | null } | Download> {
    const limit = query.limit ?? (query.format === 'csv' ? 1000 : 100);
    const events = await this.plans.history(actor, planId, {
      afterRevision: query.afterRevision,
      limit,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      actor: query.actor,
      agency: query.agency,
      types: query.type,
    });
    if (!events) throw new PlanNotFound(planId);
    if (query.format === 'csv') {
      return new Download(historyCsv(events), CSV, `plan-${planId}-history.csv`);
    }
    const last = events[events.length - 1];
    const next =
      events.length === limit ? `/api/v1/plans/${planId}/history?afterRevision=${last.revision}&limit=${limit}` : null;
    return { planId, events, next };
  }
}
