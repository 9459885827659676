import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AgencyCommandHandler } from './application/agency-command-handler';
import { PlanCommandHandler } from './application/plan-command-handler';
import { PlanAudit } from './projections/plan-audit';
import { PlanQueries } from './projections/plan-queries';
import { PlanDashboardQueries } from './projections/plan-dashboard-queries';
import { PlanReads } from './application/plan-reads';
import { AgencyAdmission } from './application/agency-admission';

/** The planning bounded context: command handlers and plan queries. */
@Module({
  imports: [CqrsModule],
  providers: [
    PlanCommandHandler,
    AgencyCommandHandler,
    PlanQueries,
    PlanAudit,
    PlanDashboardQueries,
    PlanReads,
    AgencyAdmission,
  ],
  exports: [PlanQueries, PlanAudit, PlanDashboardQueries, PlanReads, AgencyAdmission],
})
export class PlanningModule {}
