import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import {
  CASE_EVENT_TYPES,
  caseRegisterProjection,
  evolveCaseRow,
  type CaseEvent,
  type CasesTables,
} from '@ruamjai/cases';
import { EVENT_STORE, StreamNotFound, type EventStore, type RecordedEvent } from '@ruamjai/event-store';
import { CLOCK, withinReach, type Actor, type Clock, type EventMetadata } from '@ruamjai/kernel';
import {
  agencyStreamId,
  authoriseRead,
  evolveAgencyView,
  foldPlanView,
  NotPermitted,
  planStreamId,
  provinceInReach,
  PlanNotFound,
  type AgencyEvent,
  type AgencyView,
  type PlanEvent,
  type PlanView,
  type ViewEvent,
} from '@ruamjai/planning';
import type { FiscalQuarter } from '../domain/thai-format';
import {
  caseStatistics,
  caseStatisticsDocument,
  htcdsExport,
  type CaseRecord,
  type CaseStatistics,
  type HtcdsExport,
} from '../reports/case-statistics';
import { fundDocument, fundReport, type FundReport } from '../reports/fund-report';
import { planDocument, type AgencyNames } from '../reports/plan-document';
import { quarterlyDocument, quarterlyProgress, type QuarterlyProgress } from '../reports/quarterly-progress';
import type { Provenance, ReportDocument } from '../reports/report-document';

interface PlanLog {
  readonly view: PlanView;
  readonly events: ReadonlyArray<ViewEvent>;
  readonly provenance: Provenance;
}

const occurredAtOf = (event: RecordedEvent): string =>
  ((event.metadata ?? {}) as Partial<EventMetadata>).occurredAt ?? event.created.toISOString();

/**
 * Builds the subcommittee's reports from the log (plans and cases folded with the projections' own
 * functions) and the agency directory, under the same read rules as the data they contain: plan
 * detail for those who read plans, a past point (`asOf`) for those who read the history, counts for
 * every role, and the record-level HTCDS export for the secretariat and auditors.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private authorisePlan(actor: Actor, asOf: Date | undefined): void {
    authoriseRead(actor, 'ReadPlan');
    if (asOf) authoriseRead(actor, 'ReadPlanHistory');
  }

  /** The plan's events up to `asOf` (the run of them whose times are at or before it, as the as-of view reads), folded. */
  private async planLog(actor: Actor, planId: string, asOf: Date | undefined): Promise<PlanLog> {
    const events: ViewEvent[] = [];
    let position = 0n;
    let latest: string | null = null;
    try {
      for await (const recorded of this.store.readStream(planStreamId(planId))) {
        const occurredAt = occurredAtOf(recorded);
        if (asOf && Date.parse(occurredAt) > asOf.getTime()) break;
        events.push({
          event: { type: recorded.type, data: recorded.data } as PlanEvent,
          revision: Number(recorded.revision),
          occurredAt,
        });
        position = recorded.position;
        if (!latest || occurredAt > latest) latest = occurredAt;
      }
    } catch (error) {
      if (error instanceof StreamNotFound) throw new PlanNotFound(planId);
      throw error;
    }
    const view = foldPlanView(events);
    // Another province's plan is, for a province's people, unknown: its reports too.
    if (!view || !withinReach(actor, view.provinceCode)) throw new PlanNotFound(planId);
    return {
      view,
      events,
      provenance: {
        position: position.toString(),
        latestEventAt: latest,
        asOf: asOf?.toISOString() ?? null,
        reproduceAsOf: asOf?.toISOString() ?? latest,
      },
    };
  }

  /**
   * The Thai names of the agencies a plan names, read from their own streams up to the plan's log
   * position (an agency is registered before a plan can name it, whatever the commands' own times say).
   */
  private async agencyNames(plan: PlanView, upTo: bigint): Promise<AgencyNames> {
    const codes = new Set(
      plan.projects.flatMap((p) => [
        p.leadAgencyCode,
        ...p.participatingAgencyCodes,
        ...p.activities.map((a) => a.responsibleAgencyCode),
      ]),
    );
    const names = new Map<string, string>();
    await Promise.all(
      [...codes].map(async (code) => {
        let view: AgencyView | undefined;
        try {
          for await (const recorded of this.store.readStream(agencyStreamId(code))) {
            if (recorded.position > upTo) break;
            view = evolveAgencyView(
              view,
              { type: recorded.type, data: recorded.data } as AgencyEvent,
              Number(recorded.revision),
              occurredAtOf(recorded),
            );
          }
        } catch (error) {
          if (!(error instanceof StreamNotFound)) throw error;
        }
        if (view) names.set(code, view.nameTh);
      }),
    );
    return names;
  }

  async planDocument(actor: Actor, planId: string, asOf?: Date): Promise<ReportDocument> {
    this.authorisePlan(actor, asOf);
    const log = await this.planLog(actor, planId, asOf);
    return planDocument(log.view, await this.agencyNames(log.view, BigInt(log.provenance.position)), log.provenance);
  }

  async quarterly(
    actor: Actor,
    planId: string,
    quarter: FiscalQuarter,
    asOf?: Date,
  ): Promise<{ data: QuarterlyProgress; document: ReportDocument }> {
    this.authorisePlan(actor, asOf);
    const log = await this.planLog(actor, planId, asOf);
    const progress = log.events.flatMap(({ event }) =>
      event.type === 'ActivityProgressReported'
        ? [
            {
              projectId: event.data.projectId,
              activityId: event.data.activityId,
              reportedOn: event.data.reportedOn,
              reached: Object.values(event.data.participantsReached).reduce<number>((a, b) => a + (b ?? 0), 0),
              spendSatang: event.data.spendSatang,
              budgetLineId: event.data.budgetLineId,
              completed: event.data.completed,
            },
          ]
        : [],
    );
    const kpis = log.events.flatMap(({ event }) =>
      event.type === 'KpiActualRecorded'
        ? [{ kpiId: event.data.kpiId, actual: event.data.actual, measuredOn: event.data.measuredOn }]
        : [],
    );
    const data = quarterlyProgress(log.view, progress, kpis, quarter, log.provenance);
    return { data, document: quarterlyDocument(data) };
  }

  async fund(actor: Actor, planId: string, asOf?: Date): Promise<{ data: FundReport; document: ReportDocument }> {
    this.authorisePlan(actor, asOf);
    const log = await this.planLog(actor, planId, asOf);
    const data = fundReport(log.view, log.events, log.provenance);
    return { data, document: fundDocument(data) };
  }

  /** Every case as the case register would have it at `asOf`, folded from the log with the register's own function. */
  /**
   * Which province's cases a report counts: a national role's choice (the deployment's when none),
   * else the reader's own; another province is refused.
   */
  private provinceFor(actor: Actor, asked: string | undefined): string {
    return provinceInReach(actor, asked) ?? this.config.deploymentProvince;
  }

  private async caseLog(
    province: string,
    asOf: Date | undefined,
  ): Promise<{ cases: CaseRecord[]; provenance: Provenance }> {
    const rows = new Map<string, CasesTables['case_register'] | undefined>();
    let position = 0n;
    let latest: string | null = null;
    for await (const recorded of this.store.readAll({ fromPosition: 'start' })) {
      if (!caseRegisterProjection.handles(recorded) || !CASE_EVENT_TYPES.has(recorded.type)) continue;
      const occurredAt = occurredAtOf(recorded);
      if (asOf && Date.parse(occurredAt) > asOf.getTime()) continue;
      const caseId = (recorded.data as { caseId: string }).caseId;
      rows.set(
        caseId,
        evolveCaseRow(rows.get(caseId), {
          event: { type: recorded.type, data: recorded.data } as CaseEvent,
          revision: Number(recorded.revision),
          occurredAt,
          recorded,
        }),
      );
      position = recorded.position;
      if (!latest || occurredAt > latest) latest = occurredAt;
    }
    const cases = [...rows.values()].filter(
      (r): r is CasesTables['case_register'] =>
        r !== undefined && (r.province ?? this.config.deploymentProvince) === province,
    );
    return {
      cases,
      provenance: {
        position: position.toString(),
        latestEventAt: latest,
        asOf: asOf?.toISOString() ?? null,
        reproduceAsOf: asOf?.toISOString() ?? latest,
      },
    };
  }

  /** Counts only, under the small-count rule: every role that reads dashboards. */
  async caseStatistics(
    actor: Actor,
    asked: string | undefined,
    asOf?: Date,
  ): Promise<{ data: CaseStatistics; document: ReportDocument }> {
    authoriseRead(actor, 'ReadDashboard');
    const provinceCode = this.provinceFor(actor, asked);
    const { cases, provenance } = await this.caseLog(provinceCode, asOf);
    const data = caseStatistics(cases, this.config.cases.dashboardMinCount, provenance);
    return { data, document: caseStatisticsDocument(data, provinceCode) };
  }

  /** Records, however coarsened: the secretariat's and auditors', as the case register export is. */
  async htcds(actor: Actor, asked: string | undefined, asOf?: Date): Promise<HtcdsExport> {
    if (actor.role !== 'coordinator' && actor.role !== 'auditor') throw new NotPermitted(actor.role, 'ExportHtcds');
    const provinceCode = this.provinceFor(actor, asked);
    const { cases, provenance } = await this.caseLog(provinceCode, asOf);
    return htcdsExport(cases, provinceCode, this.config.cases.dashboardMinCount, provenance);
  }

  now(): Date {
    return this.clock.now();
  }
}
