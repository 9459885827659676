import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddProjectHandler } from './application/add-project/add-project.handler';
import { DraftPlanHandler } from './application/draft-plan/draft-plan.handler';
import { ReviseProjectBudgetHandler } from './application/revise-project-budget/revise-project-budget.handler';
import { ApprovePlanHandler } from './application/approve-plan/approve-plan.handler';
import { ClosePlanHandler } from './application/close-plan/close-plan.handler';
import { ReturnPlanHandler } from './application/return-plan/return-plan.handler';
import { SubmitPlanHandler } from './application/submit-plan/submit-plan.handler';
import { PlanAudit } from './projections/plan-audit';
import { PlanQueries } from './projections/plan-queries';

/** The planning bounded context: command handlers and plan queries. */
@Module({
  imports: [CqrsModule],
  providers: [
    DraftPlanHandler,
    AddProjectHandler,
    ReviseProjectBudgetHandler,
    SubmitPlanHandler,
    ReturnPlanHandler,
    ApprovePlanHandler,
    ClosePlanHandler,
    PlanQueries,
    PlanAudit,
  ],
  exports: [PlanQueries, PlanAudit],
})
export class PlanningModule {}
