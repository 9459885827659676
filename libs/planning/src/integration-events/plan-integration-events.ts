import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { IntegrationMapper } from '@ruamjai/messaging';
import { isPlanEvent, type PlanEvent } from '../domain/plan.events';

export const PLANS_TOPIC = 'ruamjai.plans.v1';

/**
 * The public contract of plan events (docs/integration-events.md, JSON Schemas in
 * docs/integration-events/). Fields are listed one by one: nothing reaches Kafka by accident, and
 * no person's data is among them (the acting official is named by agency, not by person).
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
      return envelope('th.ruamjai.plans.plan-amended.v1', { planId: e.data.planId, edition: e.data.edition, reason: e.data.reason });
    case 'PlanClosed':
      return envelope('th.ruamjai.plans.plan-closed.v1', { planId: e.data.planId, resultsSummary: e.data.resultsSummary });
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
      return envelope('th.ruamjai.plans.fund-request-returned.v1', { planId: e.data.planId, projectId: e.data.projectId, requestId: e.data.requestId, reason: e.data.reason });
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
      return envelope('th.ruamjai.plans.fund-request-rejected.v1', { planId: e.data.planId, projectId: e.data.projectId, requestId: e.data.requestId, reason: e.data.reason });
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
