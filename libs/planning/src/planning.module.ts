import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddProjectHandler } from './application/add-project/add-project.handler';
import { DraftPlanHandler } from './application/draft-plan/draft-plan.handler';
import { ReviseProjectBudgetHandler } from './application/revise-project-budget/revise-project-budget.handler';
import { PlanAudit } from './projections/plan-audit';
import { PlanQueries } from './projections/plan-queries';

/** The planning bounded context: command handlers and plan queries. */
@Module({
  imports: [CqrsModule],
  providers: [DraftPlanHandler, AddProjectHandler, ReviseProjectBudgetHandler, PlanQueries, PlanAudit],
  exports: [PlanQueries, PlanAudit],
})
export class PlanningModule {}
