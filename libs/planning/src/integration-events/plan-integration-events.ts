import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { IntegrationMapper } from '@ruamjai/messaging';
import { isPlanEvent, type PlanEvent } from '../plan/plan.events';
import { TARGET_GROUPS, type ParticipantCounts } from '../plan/plan-structure';

export const PLANS_TOPIC = 'ruamjai.plans.v1';

/**
 * The public contract of plan events (docs/integration-events.md, JSON Schemas in
 * docs/integration-events/). Fields are listed one by one: nothing reaches Kafka by accident, and
 * no person's data is among them (the acting official is named by agency, not by person). The free-text
 * notes of progress reports and KPI actuals are never published: officers may write about people there.
 */
export const planIntegrationEvents: IntegrationMapper = (event: RecordedEvent) => {
  if (!event.streamId.startsWith('plan-') || !isPlanEvent(event)) return undefined;
  const e = event as unknown as PlanEvent;
  const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
  const envelope = (type: string, data: object) => ({
    topic: PLANS_TOPIC,
    key: event.streamId,
    envelope: {
      specversion: '1.0' as const,
      id: event.id,
      source: '/ruamjai/plans',
      type,
      subject: e.data.planId,
      time: meta.occurredAt ?? event.created.toISOString(),
      datacontenttype: 'application/json' as const,
      sequence: event.position.toString(),
      data: { ...data, revision: Number(event.revision), agency: meta.agency ?? null },
    },
  });
  switch (e.type) {
    case 'PlanDrafted':
      return envelope('th.ruamjai.plans.plan-drafted.v1', {
        planId: e.data.planId,
        provinceCode: e.data.provinceCode,
        fiscalYear: e.data.fiscalYear,
        titleTh: e.data.titleTh,
        titleEn: e.data.titleEn,
      });
    case 'ProjectAdded':
      // A project recorded before projects had a strategy (and participants, target groups, objectives) has
      // none of them to publish: it keeps its original contract rather than an invalid v2.
      if ((e.data as Partial<typeof e.data>).strategy === undefined) {
        return envelope('th.ruamjai.plans.project-added.v1', {
          planId: e.data.planId,
          projectId: e.data.projectId,
          titleTh: e.data.titleTh,
          titleEn: e.data.titleEn,
          leadAgencyCode: e.data.leadAgencyCode,
          districtCodes: e.data.districtCodes,
          requestedBudgetSatang: e.data.requestedBudgetSatang,
          fundingSource: e.data.fundingSource,
        });
      }
      // v2 supersedes th.ruamjai.plans.project-added.v1.
      return envelope('th.ruamjai.plans.project-added.v2', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        titleTh: e.data.titleTh,
        titleEn: e.data.titleEn,
        strategy: e.data.strategy,
        leadAgencyCode: e.data.leadAgencyCode,
        participatingAgencyCodes: e.data.participatingAgencyCodes,
        districtCodes: e.data.districtCodes,
        targetGroups: e.data.targetGroups,
        objectives: e.data.objectives,
        requestedBudgetSatang: e.data.requestedBudgetSatang,
        fundingSource: e.data.fundingSource,
      });
    case 'ProjectChanged':
      return envelope('th.ruamjai.plans.project-changed.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        changes: only(e.data.changes, [
          'titleTh',
          'titleEn',
          'strategy',
          'districtCodes',
          'targetGroups',
          'objectives',
        ]),
      });
    case 'ProjectReassigned':
      return envelope('th.ruamjai.plans.project-reassigned.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        leadAgencyCode: e.data.leadAgencyCode,
        participatingAgencyCodes: e.data.participatingAgencyCodes,
        previousLeadAgencyCode: e.data.previousLeadAgencyCode,
        previousParticipatingAgencyCodes: e.data.previousParticipatingAgencyCodes,
      });
    case 'ProjectWithdrawn':
      return envelope('th.ruamjai.plans.project-withdrawn.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        reason: e.data.reason,
      });
    case 'ActivityAdded':
      return envelope('th.ruamjai.plans.activity-added.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        activityId: e.data.activityId,
        titleTh: e.data.titleTh,
        titleEn: e.data.titleEn,
        districtCode: e.data.districtCode,
        startDate: e.data.startDate,
        endDate: e.data.endDate,
        targets: counts(e.data.targets),
        responsibleAgencyCode: e.data.responsibleAgencyCode,
      });
    case 'ActivityChanged': {
      const { targets, ...rest } = e.data.changes;
      return envelope('th.ruamjai.plans.activity-changed.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        activityId: e.data.activityId,
        changes: {
          ...only(rest, ['titleTh', 'titleEn', 'districtCode', 'startDate', 'endDate']),
          ...(targets !== undefined && { targets: counts(targets) }),
        },
      });
    }
    case 'ActivityReassigned':
      return envelope('th.ruamjai.plans.activity-reassigned.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        activityId: e.data.activityId,
        responsibleAgencyCode: e.data.responsibleAgencyCode,
        previousAgencyCode: e.data.previousAgencyCode,
      });
    case 'ActivityWithdrawn':
      return envelope('th.ruamjai.plans.activity-withdrawn.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        activityId: e.data.activityId,
        reason: e.data.reason,
      });
    case 'KpiAdded':
      return envelope('th.ruamjai.plans.kpi-added.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        kpiId: e.data.kpiId,
        descriptionTh: e.data.descriptionTh,
        descriptionEn: e.data.descriptionEn,
        unit: e.data.unit,
        target: e.data.target,
      });
    case 'KpiChanged':
      return envelope('th.ruamjai.plans.kpi-changed.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        kpiId: e.data.kpiId,
        changes: only(e.data.changes, ['descriptionTh', 'descriptionEn', 'unit', 'target']),
      });
    case 'KpiWithdrawn':
      return envelope('th.ruamjai.plans.kpi-withdrawn.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        kpiId: e.data.kpiId,
        reason: e.data.reason,
      });
    case 'BudgetLineAdded':
      return envelope('th.ruamjai.plans.budget-line-added.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        lineId: e.data.lineId,
        fundingSource: e.data.fundingSource,
        amountSatang: e.data.amountSatang,
        descriptionTh: e.data.descriptionTh,
      });
    case 'BudgetLineRevised':
      return envelope('th.ruamjai.plans.budget-line-revised.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        lineId: e.data.lineId,
        previousSatang: e.data.previousSatang,
        amountSatang: e.data.amountSatang,
        reason: e.data.reason,
      });
    case 'BudgetLineReassigned':
      return envelope('th.ruamjai.plans.budget-line-reassigned.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        lineId: e.data.lineId,
        fundingSource: e.data.fundingSource,
        previousFundingSource: e.data.previousFundingSource,
      });
    case 'BudgetLineWithdrawn':
      return envelope('th.ruamjai.plans.budget-line-withdrawn.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        lineId: e.data.lineId,
        reason: e.data.reason,
      });
    case 'ActivityProgressReported':
      // Not the note: officers may write about people in it.
      return envelope('th.ruamjai.plans.activity-progress-reported.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        activityId: e.data.activityId,
        agencyCode: e.data.agencyCode,
        reportedOn: e.data.reportedOn,
        participantsReached: counts(e.data.participantsReached),
        spendSatang: e.data.spendSatang,
        budgetLineId: e.data.budgetLineId,
        completed: e.data.completed,
      });
    case 'KpiActualRecorded':
      // Not the note: officers may write about people in it.
      return envelope('th.ruamjai.plans.kpi-actual-recorded.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        kpiId: e.data.kpiId,
        actual: e.data.actual,
        previousActual: e.data.previousActual,
        measuredOn: e.data.measuredOn,
      });
    case 'ProjectBudgetRevised':
      return envelope('th.ruamjai.plans.project-budget-revised.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        previousBudgetSatang: e.data.previousBudgetSatang,
        requestedBudgetSatang: e.data.requestedBudgetSatang,
        reason: e.data.reason,
      });
    case 'PlanSubmitted':
      return envelope('th.ruamjai.plans.plan-submitted.v1', { planId: e.data.planId });
    case 'PlanReturned':
      return envelope('th.ruamjai.plans.plan-returned.v1', { planId: e.data.planId, reason: e.data.reason });
    case 'PlanApproved':
      return envelope('th.ruamjai.plans.plan-approved.v1', {
        planId: e.data.planId,
        edition: e.data.edition,
        meetingReference: e.data.meetingReference,
        meetingDate: e.data.meetingDate,
      });
    case 'PlanAmended':
      return envelope('th.ruamjai.plans.plan-amended.v1', {
        planId: e.data.planId,
        edition: e.data.edition,
        reason: e.data.reason,
      });
    case 'PlanClosed':
      return envelope('th.ruamjai.plans.plan-closed.v1', {
        planId: e.data.planId,
        resultsSummary: e.data.resultsSummary,
      });
    case 'FundRequestSubmitted':
      return envelope('th.ruamjai.plans.fund-request-submitted.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        amountSatang: e.data.amountSatang,
        category: e.data.category,
        justification: e.data.justification,
      });
    case 'FundRequestReturned':
      return envelope('th.ruamjai.plans.fund-request-returned.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        reason: e.data.reason,
      });
    case 'FundRequestRevised':
      return envelope('th.ruamjai.plans.fund-request-revised.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        amountSatang: e.data.amountSatang,
        justification: e.data.justification,
      });
    case 'FundRequestApproved':
      return envelope('th.ruamjai.plans.fund-request-approved.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        requestedSatang: e.data.requestedSatang,
        approvedSatang: e.data.approvedSatang,
      });
    case 'FundRequestRejected':
      return envelope('th.ruamjai.plans.fund-request-rejected.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        reason: e.data.reason,
      });
    case 'FundDisbursed':
      return envelope('th.ruamjai.plans.fund-disbursed.v1', {
        planId: e.data.planId,
        projectId: e.data.projectId,
        requestId: e.data.requestId,
        amountSatang: e.data.amountSatang,
        disbursedSatang: e.data.disbursedSatang,
      });
    default: {
      const _: never = e;
      return undefined;
    }
  }
};

/** The listed fields a change carries, and no other: a field added to the domain event is not published until listed here. */
function only<T extends object, K extends keyof T>(changes: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (changes[key] !== undefined) out[key] = changes[key];
  return out;
}

/** Participant counts by the known target groups only. */
function counts(value: ParticipantCounts): ParticipantCounts {
  const out: Partial<Record<(typeof TARGET_GROUPS)[number], number>> = {};
  for (const group of TARGET_GROUPS) if (value?.[group] !== undefined) out[group] = value[group];
  return out;
}
