import type { FundCategory, FundingSource } from './funding-source';
import type { ParticipantCounts, ProjectStrategy, StrategyArea, TargetGroup } from './plan-structure';
import { PLAN_EVENT_TYPE_NAMES } from '../domain/plan-event-types';

/** Plan events are a public contract of the audit trail: never rename a type or field; version instead. */
export type PlanDrafted = {
  type: 'PlanDrafted';
  data: { planId: string; provinceCode: string; fiscalYear: number; titleTh: string; titleEn: string | null };
};

export type ProjectAdded = {
  type: 'ProjectAdded';
  data: {
    planId: string;
    projectId: string;
    titleTh: string;
    titleEn: string | null;
    strategy: StrategyArea;
    leadAgencyCode: string;
    participatingAgencyCodes: string[];
    districtCodes: string[];
    targetGroups: TargetGroup[];
    objectives: string[];
    requestedBudgetSatang: number;
    fundingSource: FundingSource;
  };
};

/** Only the fields that changed, with their new values. */
export type ProjectChanged = {
  type: 'ProjectChanged';
  data: {
    planId: string;
    projectId: string;
    changes: Partial<{
      titleTh: string;
      titleEn: string | null;
      strategy: StrategyArea;
      districtCodes: string[];
      targetGroups: TargetGroup[];
      objectives: string[];
    }>;
  };
};
export type ProjectReassigned = {
  type: 'ProjectReassigned';
  data: {
    planId: string;
    projectId: string;
    leadAgencyCode: string;
    participatingAgencyCodes: string[];
    previousLeadAgencyCode: string;
    previousParticipatingAgencyCodes: string[];
  };
};
export type ProjectWithdrawn = {
  type: 'ProjectWithdrawn';
  data: { planId: string; projectId: string; reason: string };
};

export type ActivityAdded = {
  type: 'ActivityAdded';
  data: {
    planId: string;
    projectId: string;
    activityId: string;
    titleTh: string;
    titleEn: string | null;
    districtCode: string;
    startDate: string;
    endDate: string;
    targets: ParticipantCounts;
    responsibleAgencyCode: string;
  };
};
export type ActivityChanged = {
  type: 'ActivityChanged';
  data: {
    planId: string;
    projectId: string;
    activityId: string;
    changes: Partial<{
      titleTh: string;
      titleEn: string | null;
      districtCode: string;
      startDate: string;
      endDate: string;
      targets: ParticipantCounts;
    }>;
  };
};
export type ActivityReassigned = {
  type: 'ActivityReassigned';
  data: {
    planId: string;
    projectId: string;
    activityId: string;
    responsibleAgencyCode: string;
    previousAgencyCode: string;
  };
};
export type ActivityWithdrawn = {
  type: 'ActivityWithdrawn';
  data: { planId: string; projectId: string; activityId: string; reason: string };
};

export type KpiAdded = {
  type: 'KpiAdded';
  data: {
    planId: string;
    projectId: string;
    kpiId: string;
    descriptionTh: string;
    descriptionEn: string | null;
    unit: string;
    target: number;
  };
};
export type KpiChanged = {
  type: 'KpiChanged';
  data: {
    planId: string;
    projectId: string;
    kpiId: string;
    changes: Partial<{ descriptionTh: string; descriptionEn: string | null; unit: string; target: number }>;
  };
};
export type KpiWithdrawn = {
  type: 'KpiWithdrawn';
  data: { planId: string; projectId: string; kpiId: string; reason: string };
};

export type BudgetLineAdded = {
  type: 'BudgetLineAdded';
  data: {
    planId: string;
    projectId: string;
    lineId: string;
    fundingSource: FundingSource;
    amountSatang: number;
    descriptionTh: string | null;
  };
};
export type BudgetLineRevised = {
  type: 'BudgetLineRevised';
  data: {
    planId: string;
    projectId: string;
    lineId: string;
    previousSatang: number;
    amountSatang: number;
    reason: string;
  };
};
export type BudgetLineReassigned = {
  type: 'BudgetLineReassigned';
  data: {
    planId: string;
    projectId: string;
    lineId: string;
    fundingSource: FundingSource;
    previousFundingSource: FundingSource;
  };
};
export type BudgetLineWithdrawn = {
  type: 'BudgetLineWithdrawn';
  data: { planId: string; projectId: string; lineId: string; reason: string };
};

export type ActivityProgressReported = {
  type: 'ActivityProgressReported';
  data: {
    planId: string;
    projectId: string;
    activityId: string;
    /** The agency whose officer reported (the actor's agency). */
    agencyCode: string;
    reportedOn: string;
    participantsReached: ParticipantCounts;
    spendSatang: number;
    budgetLineId: string;
    note: string | null;
    completed: boolean;
  };
};
export type KpiActualRecorded = {
  type: 'KpiActualRecorded';
  data: {
    planId: string;
    projectId: string;
    kpiId: string;
    actual: number;
    previousActual: number | null;
    measuredOn: string;
    note: string | null;
  };
};

/** The events that change one project's content (each names its project). */
export type ProjectStructureEvent =
  | ProjectChanged
  | ProjectReassigned
  | ProjectWithdrawn
  | ActivityAdded
  | ActivityChanged
  | ActivityReassigned
  | ActivityWithdrawn
  | KpiAdded
  | KpiChanged
  | KpiWithdrawn
  | BudgetLineAdded
  | BudgetLineRevised
  | BudgetLineReassigned
  | BudgetLineWithdrawn
  | ActivityProgressReported
  | KpiActualRecorded;

export type ProjectBudgetRevised = {
  type: 'ProjectBudgetRevised';
  data: {
    planId: string;
    projectId: string;
    previousBudgetSatang: number;
    requestedBudgetSatang: number;
    reason: string;
  };
};

export type PlanSubmitted = { type: 'PlanSubmitted'; data: { planId: string } };

export type PlanReturned = { type: 'PlanReturned'; data: { planId: string; reason: string } };

export type PlanApproved = {
  type: 'PlanApproved';
  data: { planId: string; edition: number; meetingReference: string; meetingDate: string };
};

/** Recorded with every change to an approved plan: the plan's edition moves to N+1, with the reason. */
export type PlanAmended = { type: 'PlanAmended'; data: { planId: string; edition: number; reason: string } };

export type PlanClosed = { type: 'PlanClosed'; data: { planId: string; resultsSummary: string } };

export type FundRequestSubmitted = {
  type: 'FundRequestSubmitted';
  data: {
    planId: string;
    projectId: string;
    requestId: string;
    amountSatang: number;
    justification: string;
    category: FundCategory;
  };
};
export type FundRequestReturned = {
  type: 'FundRequestReturned';
  data: { planId: string; projectId: string; requestId: string; reason: string };
};
export type FundRequestRevised = {
  type: 'FundRequestRevised';
  data: { planId: string; projectId: string; requestId: string; amountSatang: number; justification: string };
};
export type FundRequestApproved = {
  type: 'FundRequestApproved';
  data: { planId: string; projectId: string; requestId: string; requestedSatang: number; approvedSatang: number };
};
export type FundRequestRejected = {
  type: 'FundRequestRejected';
  data: { planId: string; projectId: string; requestId: string; reason: string };
};
export type FundDisbursed = {
  type: 'FundDisbursed';
  data: { planId: string; projectId: string; requestId: string; amountSatang: number; disbursedSatang: number };
};

export type PlanEvent =
  | PlanDrafted
  | ProjectAdded
  | ProjectStructureEvent
  | ProjectBudgetRevised
  | PlanSubmitted
  | PlanReturned
  | PlanApproved
  | PlanAmended
  | PlanClosed
  | FundRequestSubmitted
  | FundRequestReturned
  | FundRequestRevised
  | FundRequestApproved
  | FundRequestRejected
  | FundDisbursed;

/** Names every plan event type, and nothing else: a type the list left out would not compile. */
type Unlisted = Exclude<PlanEvent['type'], (typeof PLAN_EVENT_TYPE_NAMES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;
export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set<PlanEvent['type']>(PLAN_EVENT_TYPE_NAMES);

/**
 * ProjectAdded as first recorded had no strategy, participating agencies, target groups or
 * objectives: such events read with none of them (and an unclassified strategy).
 */
export function upcastProjectAdded(data: ProjectAdded['data']): ProjectAdded['data'] & { strategy: ProjectStrategy } {
  const d = data as Partial<ProjectAdded['data']> & ProjectAdded['data'];
  return {
    ...d,
    strategy: d.strategy ?? ('unclassified' as StrategyArea),
    participatingAgencyCodes: d.participatingAgencyCodes ?? [],
    targetGroups: d.targetGroups ?? [],
    objectives: d.objectives ?? [],
  };
}

export function isPlanEvent(event: { type: string }): event is PlanEvent {
  return PLAN_EVENT_TYPES.has(event.type);
}
