import { PlanRevisionNotFound } from '../plan/plan.errors';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, StreamNotFound, verifyChains, type ChainReport, type EventStore } from '@ruamjai/event-store';
import { planStreamId } from '../plan/plan.decider';
import { withinReach, type Actor } from '@ruamjai/kernel';
import { authoriseRead, provinceInReach } from '../plan/plan.policy';
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

  async view(actor: Actor, planId: string): Promise<PlanView | undefined> {
    authoriseRead(actor, 'ReadPlan');
    return this.reachable(actor, await this.plans.view(planId));
  }

  /**
   * Plan summaries (titles, years, status): every role may list them, to reach dashboards. A
   * province's people list their province's plans; national roles every province's, or one.
   */
  async list(actor: Actor, province?: string): Promise<PlanSummary[]> {
    const only = provinceInReach(actor, province);
    const plans = await this.plans.list();
    return only === undefined ? plans : plans.filter((p) => p.provinceCode === only);
  }

  /** The plan as it was: auditors' as-of and revision views come from the log. */
  async viewAt(actor: Actor, planId: string, point: { at?: Date; revision?: number }): Promise<PlanView | undefined> {
    authoriseRead(actor, 'ReadPlanHistory');
    const view = this.reachable(actor, await this.audit.viewAt(planId, point));
    // A revision beyond the last is not the current plan under another number: it does not exist.
    if (view && point.revision !== undefined && view.revision < point.revision)
      throw new PlanRevisionNotFound(planId, point.revision, view.revision);
    return view;
  }

  async history(actor: Actor, planId: string, filter: HistoryFilter): Promise<PlanAuditEntry[] | undefined> {
    authoriseRead(actor, 'ReadPlanHistory');
    // The history is read from the log, which may be ahead of the views: so is the plan's province.
    const province = await this.provinceInLog(planId);
    if (province === undefined || !withinReach(actor, province)) return undefined;
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

  async dashboard(actor: Actor, planId: string): Promise<PlanDashboard | undefined> {
    authoriseRead(actor, 'ReadDashboard');
    if (!(await this.inReach(actor, planId))) return undefined;
    return this.dashboards.forPlan(planId);
  }

  fiscalYearDashboard(actor: Actor, fiscalYear: number, provinceCode?: string): Promise<PlanDashboard> {
    authoriseRead(actor, 'ReadDashboard');
    return this.dashboards.forFiscalYear(fiscalYear, provinceInReach(actor, provinceCode));
  }

  /**
   * Another province's plan is, for a province's people, a plan that does not exist: the same
   * answer as an unknown id, so that not even its existence is told.
   */
  private reachable<V extends { provinceCode: string }>(actor: Actor, view: V | undefined): V | undefined {
    return view && withinReach(actor, view.provinceCode) ? view : undefined;
  }

  /** The province a plan was drafted for, from the first event of its stream. */
  private async provinceInLog(planId: string): Promise<string | undefined> {
    try {
      for await (const first of this.store.readStream(planStreamId(planId), { maxCount: 1 }))
        return (first.data as { provinceCode?: string }).provinceCode;
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
    return undefined;
  }

  private async inReach(actor: Actor, planId: string): Promise<boolean> {
    return this.reachable(actor, await this.plans.view(planId)) !== undefined;
  }
}
