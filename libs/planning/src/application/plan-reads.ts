import { PlanRevisionNotFound } from '../plan/plan.errors';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, verifyChains, type ChainReport, type EventStore } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { authoriseRead } from '../plan/plan.policy';
import { PlanAudit, type HistoryFilter, type PlanAuditEntry, type PlanComparison } from '../projections/plan-audit';
import { PlanDashboardQueries, type PlanDashboard } from '../projections/plan-dashboard-queries';
import { PlanQueries } from '../projections/plan-queries';
import type { PlanSummary, PlanView } from '../projections/plan-view';

/**
 * Every read of plans, checked against the reader's role first: the same place for the rule
 * whichever door the read comes through.
 */
@Injectable()
export class PlanReads {
  constructor(
    private readonly plans: PlanQueries,
    private readonly audit: PlanAudit,
    private readonly dashboards: PlanDashboardQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  view(actor: Actor, planId: string): Promise<PlanView | undefined> {
    authoriseRead(actor, 'ReadPlan');
    return this.plans.view(planId);
  }

  /** Plan summaries (titles, years, status): every role may list them, to reach dashboards. */
  list(): Promise<PlanSummary[]> {
    return this.plans.list();
  }

  /** The plan as it was: auditors' as-of and revision views come from the log. */
  async viewAt(actor: Actor, planId: string, point: { at?: Date; revision?: number }): Promise<PlanView | undefined> {
    authoriseRead(actor, 'ReadPlanHistory');
    const view = await this.audit.viewAt(planId, point);
    // A revision beyond the last is not the current plan under another number: it does not exist.
    if (view && point.revision !== undefined && view.revision < point.revision)
      throw new PlanRevisionNotFound(planId, point.revision, view.revision);
    return view;
  }

  history(actor: Actor, planId: string, filter: HistoryFilter): Promise<PlanAuditEntry[] | undefined> {
    authoriseRead(actor, 'ReadPlanHistory');
    return this.audit.history(planId, filter);
  }

  async compare(actor: Actor, planId: string, from: number, to: number): Promise<PlanComparison | undefined> {
    await this.viewAt(actor, planId, { revision: Math.max(from, to) });
    return this.audit.compare(planId, from, to);
  }

  verifyAuditChain(actor: Actor): Promise<ChainReport> {
    authoriseRead(actor, 'VerifyAuditChain');
    return verifyChains(this.store);
  }

  dashboard(actor: Actor, planId: string): Promise<PlanDashboard | undefined> {
    authoriseRead(actor, 'ReadDashboard');
    return this.dashboards.forPlan(planId);
  }

  fiscalYearDashboard(actor: Actor, fiscalYear: number, provinceCode?: string): Promise<PlanDashboard> {
    authoriseRead(actor, 'ReadDashboard');
    return this.dashboards.forFiscalYear(fiscalYear, provinceCode);
  }
}
