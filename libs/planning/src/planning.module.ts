import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AGENCY_HANDLERS } from './agency/agency.module';
import { PLAN_HANDLERS } from './plan/plan.module';
import { PlanAudit } from './projections/plan-audit';
import { PlanQueries } from './projections/plan-queries';
import { PlanDashboardQueries } from './projections/plan-dashboard-queries';
import { PlanReads } from './application/plan-reads';
import { AgencyAdmission } from './application/agency-admission';

/** The planning bounded context: command handlers and plan queries. */
@Module({
  imports: [CqrsModule],
  providers: [
    ...PLAN_HANDLERS,
    ...AGENCY_HANDLERS,
    PlanQueries,
    PlanAudit,
    PlanDashboardQueries,
    PlanReads,
    AgencyAdmission,
  ],
  exports: [PlanQueries, PlanAudit, PlanDashboardQueries, PlanReads, AgencyAdmission],
})
export class PlanningModule {}
