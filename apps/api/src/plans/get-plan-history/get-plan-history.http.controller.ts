import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { PlanNotFound, PlanReads, type PlanAuditEntry } from '@ruamjai/planning';
import { CurrentActor } from '../../http/command-http';
import type { FastifyReply } from 'fastify';
import { uuidParam } from '../../http/uuid-param';
import { historyCsv } from './history-csv';
import { PlanHistoryQueryDto } from './plan-history-query.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/history')
export class GetPlanHistoryController {
  constructor(private readonly plans: PlanReads) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'ประวัติทุกเหตุการณ์ของแผน / Every event of the plan: who, agency, role, when, why, what changed' })
  async history(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: PlanHistoryQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ planId: string; events: PlanAuditEntry[]; next: string | null } | string> {
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
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="plan-${planId}-history.csv"`);
      return historyCsv(events);
    }
    const last = events[events.length - 1];
    const next = events.length === limit ? `/api/v1/plans/${planId}/history?afterRevision=${last.revision}&limit=${limit}` : null;
    return { planId, events, next };
  }
}
