import { fiscalYearRange } from '@ruamjai/kernel';
import type { FundingSource } from '../plan/funding-source';
import { upcastProjectAdded, type PlanEvent } from '../plan/plan.events';
import type { PlanStatus } from '../plan/plan.state';
import type { FundCategory } from '../plan/funding-source';
import {
  TARGET_GROUPS,
  totalParticipants,
  type ParticipantCounts,
  type ProjectStrategy,
  type TargetGroup,
} from '../plan/plan-structure';

export interface ActivityView {
  readonly activityId: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly districtCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly responsibleAgencyCode: string;
  /** planned until the first report, in_progress after it, done when a report says so. */
  readonly status: 'planned' | 'in_progress' | 'done' | 'withdrawn';
  readonly withdrawalReason: string | null;
  readonly targets: ParticipantCounts;
  readonly reached: ParticipantCounts;
  readonly spentSatang: number;
  readonly reports: number;
  readonly lastReportedOn: string | null;
}

export interface KpiView {
  readonly kpiId: string;
  readonly descriptionTh: string;
  readonly descriptionEn: string | null;
  readonly unit: string;
  readonly target: number;
  readonly actual: number | null;
  readonly measuredOn: string | null;
  /** The actual has reached the target. */
  readonly attained: boolean;
  readonly withdrawn: boolean;
}

export interface BudgetLineView {
  readonly lineId: string;
  readonly fundingSource: FundingSource;
  readonly amountSatang: number;
  readonly descriptionTh: string | null;
  /** Spending reported against the line. */
  readonly spentSatang: number;
  readonly withdrawn: boolean;
}

export interface ProjectView {
  readonly projectId: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly strategy: ProjectStrategy;
  readonly leadAgencyCode: string;
  readonly participatingAgencyCodes: readonly string[];
  readonly districtCodes: readonly string[];
  readonly targetGroups: readonly TargetGroup[];
  readonly objectives: readonly string[];
  /** The sum of the project's budget lines still in the plan. */
  readonly requestedBudgetSatang: number;
  /** The source of the project's first budget line. */
  readonly fundingSource: FundingSource;
  readonly withdrawal: { reason: string; withdrawnAt: string } | null;
  /** Revision of the plan at which the project was added: keeps projects in the order they came. */
  readonly addedAtRevision: number;
  readonly updatedAt: string;
  readonly budgetLines: readonly BudgetLineView[];
  readonly activities: readonly ActivityView[];
  readonly kpis: readonly KpiView[];
  readonly fundRequests: readonly FundRequestView[];
}

export interface FundRequestView {
  readonly requestId: string;
  readonly category: FundCategory;
  readonly status: 'submitted' | 'returned' | 'approved' | 'rejected';
  readonly amountSatang: number;
  readonly approvedSatang: number;
  readonly disbursedSatang: number;
  readonly justification: string;
  readonly note: string | null;
}

export interface FundTotals {
  /** What was asked of the Fund and not rejected. */
  readonly requestedSatang: number;
  readonly approvedSatang: number;
  readonly disbursedSatang: number;
}

/** The plan's own fields; its projects are stored one row each, so a long plan stays cheap to update. */
export interface PlanSummary {
  readonly planId: string;
  readonly provinceCode: string;
  readonly fiscalYear: number;
  readonly fiscalYearStart: string;
  readonly fiscalYearEnd: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly status: PlanStatus;
  /** 0 before approval, 1 when approved, then one more for every amendment. */
  readonly edition: number;
  readonly approvals: ReadonlyArray<{
    edition: number;
    meetingReference: string;
    meetingDate: string;
    revision: number;
    approvedAt: string;
  }>;
  readonly amendments: ReadonlyArray<{ edition: number; reason: string; revision: number; amendedAt: string }>;
  readonly submittedAt: string | null;
  readonly closure: { resultsSummary: string; closedAt: string } | null;
  readonly revision: number;
  readonly draftedAt: string;
  readonly updatedAt: string;
  /** The latest time among all the plan's events (times are the commands' own, so not always the last one's). */
  readonly latestEventAt: string;
}

/** Planned against done: what dashboards and the plan view show for a plan or a project. */
export interface ProgressTotals {
  readonly spentSatang: number;
  readonly spentBySource: Readonly<Partial<Record<FundingSource, number>>>;
  readonly activitiesPlanned: number;
  readonly activitiesDone: number;
  readonly participantsTarget: number;
  readonly participantsReached: number;
  readonly kpis: number;
  readonly kpisAttained: number;
}

/** The current plan as coordination staff and dashboards read it. Withdrawn projects are listed but not counted. */
export interface PlanView extends PlanSummary {
  readonly projects: readonly ProjectView[];
  readonly totals: {
    readonly projectCount: number;
    readonly requestedBudgetSatang: number;
    readonly requestedBySource: Readonly<Partial<Record<FundingSource, number>>>;
    readonly fund: FundTotals;
    readonly progress: ProgressTotals;
  };
}

export interface ViewEvent {
  readonly event: PlanEvent;
  readonly revision: number;
  readonly occurredAt: string;
}

/** summary + event -> summary: pure, so a rebuild and the live runner cannot disagree. */
export function evolvePlanSummary(
  summary: PlanSummary | undefined,
  { event, revision, occurredAt }: ViewEvent,
): PlanSummary | undefined {
  if (event.type === 'PlanDrafted') {
    const { start, end } = fiscalYearRange(event.data.fiscalYear);
    return {
      planId: event.data.planId,
      provinceCode: event.data.provinceCode,
      fiscalYear: event.data.fiscalYear,
      fiscalYearStart: start,
      fiscalYearEnd: end,
      titleTh: event.data.titleTh,
      titleEn: event.data.titleEn,
      status: 'drafting',
      edition: 0,
      approvals: [],
      amendments: [],
      submittedAt: null,
      closure: null,
      revision,
      draftedAt: occurredAt,
      updatedAt: occurredAt,
      latestEventAt: occurredAt,
    };
  }
  if (!summary) return summary;
  const next = {
    ...summary,
    revision,
    updatedAt: occurredAt,
    latestEventAt: summary.latestEventAt && summary.latestEventAt > occurredAt ? summary.latestEventAt : occurredAt,
  };
  // Project events move only the revision and time; the plan's own fields change with its lifecycle.
  if (isProjectEvent(event)) return next;
  switch (event.type) {
    case 'PlanSubmitted':
      return { ...next, status: 'submitted', submittedAt: occurredAt };
    case 'PlanReturned':
      return { ...next, status: 'drafting', submittedAt: null };
    case 'PlanApproved': {
      const { edition, meetingReference, meetingDate } = event.data;
      return {
        ...next,
        status: 'approved',
        edition,
        approvals: [...summary.approvals, { edition, meetingReference, meetingDate, revision, approvedAt: occurredAt }],
      };
    }
    case 'PlanAmended':
      return {
        ...next,
        status: 'amended',
        edition: event.data.edition,
        amendments: [
          ...summary.amendments,
          { edition: event.data.edition, reason: event.data.reason, revision, amendedAt: occurredAt },
        ],
      };
    case 'PlanClosed':
      return {
        ...next,
        status: 'closed',
        closure: { resultsSummary: event.data.resultsSummary, closedAt: occurredAt },
      };
    default: {
      const _: never = event;
      return next;
    }
  }
}

type LifecycleEvent = Extract<
  PlanEvent,
  { type: 'PlanDrafted' | 'PlanSubmitted' | 'PlanReturned' | 'PlanApproved' | 'PlanAmended' | 'PlanClosed' }
>;
type ProjectEvent = Exclude<PlanEvent, LifecycleEvent>;

/** Every plan event but the lifecycle's names the one project it changes. */
function isProjectEvent(event: PlanEvent): event is ProjectEvent {
  return 'projectId' in event.data;
}

/** The id of the project an event changes, if it changes one. */
export function projectIdOf(event: PlanEvent): string | undefined {
  return isProjectEvent(event) ? event.data.projectId : undefined;
}

/** project + event -> project, for the events that change one project. */
export function evolveProjectView(project: ProjectView | undefined, change: ViewEvent): ProjectView | undefined {
  const { event, revision, occurredAt } = change;
  if (event.type === 'ProjectAdded') {
    const d = upcastProjectAdded(event.data);
    return withTotals({
      projectId: d.projectId,
      titleTh: d.titleTh,
      titleEn: d.titleEn,
      strategy: d.strategy,
      leadAgencyCode: d.leadAgencyCode,
      participatingAgencyCodes: d.participatingAgencyCodes,
      districtCodes: d.districtCodes,
      targetGroups: d.targetGroups,
      objectives: d.objectives,
      requestedBudgetSatang: d.requestedBudgetSatang,
      fundingSource: d.fundingSource,
      withdrawal: null,
      addedAtRevision: revision,
      updatedAt: occurredAt,
      budgetLines: [
        {
          lineId: d.projectId,
          fundingSource: d.fundingSource,
          amountSatang: d.requestedBudgetSatang,
          descriptionTh: null,
          spentSatang: 0,
          withdrawn: false,
        },
      ],
      activities: [],
      kpis: [],
      fundRequests: [],
    });
  }
  if (!project) return project;
  const next = evolveProjectContent(project, change);
  return next === project ? project : withTotals({ ...next, updatedAt: occurredAt });
}

const replace = <T>(items: readonly T[], matches: (item: T) => boolean, update: (item: T) => T): T[] =>
  items.map((item) => (matches(item) ? update(item) : item));
const addCounts = (a: ParticipantCounts, b: ParticipantCounts): ParticipantCounts => {
  const out: Partial<Record<TargetGroup, number>> = { ...a };
  for (const group of TARGET_GROUPS) if (b[group]) out[group] = (out[group] ?? 0) + b[group];
  return out;
};

/** The requested budget and first line's source follow the budget lines. */
function withTotals(project: ProjectView): ProjectView {
  const live = project.budgetLines.filter((l) => !l.withdrawn);
  const first = project.budgetLines.find((l) => l.lineId === project.projectId);
  return {
    ...project,
    requestedBudgetSatang: live.reduce((sum, l) => sum + l.amountSatang, 0),
    fundingSource: first?.fundingSource ?? project.fundingSource,
  };
}

function evolveProjectContent(project: ProjectView, { event, occurredAt }: ViewEvent): ProjectView {
  switch (event.type) {
    case 'ProjectBudgetRevised':
      return {
        ...project,
        budgetLines: replace(
          project.budgetLines,
          (l) => l.lineId === project.projectId,
          (l) => ({ ...l, amountSatang: event.data.requestedBudgetSatang }),
        ),
      };
    case 'ProjectChanged':
      return { ...project, ...event.data.changes };
    case 'ProjectReassigned':
      return {
        ...project,
        leadAgencyCode: event.data.leadAgencyCode,
        participatingAgencyCodes: event.data.participatingAgencyCodes,
      };
    case 'ProjectWithdrawn':
      return { ...project, withdrawal: { reason: event.data.reason, withdrawnAt: occurredAt } };
    case 'ActivityAdded': {
      const { planId: _p, projectId: _j, ...d } = event.data;
      const activity: ActivityView = {
        ...d,
        status: 'planned',
        withdrawalReason: null,
        reached: {},
        spentSatang: 0,
        reports: 0,
        lastReportedOn: null,
      };
      return { ...project, activities: [...project.activities, activity] };
    }
    case 'ActivityChanged':
      return {
        ...project,
        activities: replace(
          project.activities,
          (a) => a.activityId === event.data.activityId,
          (a) => ({ ...a, ...event.data.changes }),
        ),
      };
    case 'ActivityReassigned':
      return {
        ...project,
        activities: replace(
          project.activities,
          (a) => a.activityId === event.data.activityId,
          (a) => ({ ...a, responsibleAgencyCode: event.data.responsibleAgencyCode }),
        ),
      };
    case 'ActivityWithdrawn':
      return {
        ...project,
        activities: replace(
          project.activities,
          (a) => a.activityId === event.data.activityId,
          (a) => ({ ...a, status: 'withdrawn', withdrawalReason: event.data.reason }),
        ),
      };
    case 'ActivityProgressReported': {
      const d = event.data;
      return {
        ...project,
        activities: replace(
          project.activities,
          (a) => a.activityId === d.activityId,
          (a) => ({
            ...a,
            status: a.status === 'done' || d.completed ? 'done' : 'in_progress',
            reached: addCounts(a.reached, d.participantsReached),
            spentSatang: a.spentSatang + d.spendSatang,
            reports: a.reports + 1,
            lastReportedOn: a.lastReportedOn && a.lastReportedOn > d.reportedOn ? a.lastReportedOn : d.reportedOn,
          }),
        ),
        budgetLines: replace(
          project.budgetLines,
          (l) => l.lineId === d.budgetLineId,
          (l) => ({ ...l, spentSatang: l.spentSatang + d.spendSatang }),
        ),
      };
    }
    case 'KpiAdded': {
      const { planId: _p, projectId: _j, ...d } = event.data;
      return {
        ...project,
        kpis: [...project.kpis, { ...d, actual: null, measuredOn: null, attained: false, withdrawn: false }],
      };
    }
    case 'KpiChanged':
      return {
        ...project,
        kpis: replace(
          project.kpis,
          (k) => k.kpiId === event.data.kpiId,
          (k) => attainment({ ...k, ...event.data.changes }),
        ),
      };
    case 'KpiWithdrawn':
      return {
        ...project,
        kpis: replace(
          project.kpis,
          (k) => k.kpiId === event.data.kpiId,
          (k) => ({ ...k, withdrawn: true }),
        ),
      };
    case 'KpiActualRecorded':
      return {
        ...project,
        kpis: replace(
          project.kpis,
          (k) => k.kpiId === event.data.kpiId,
          (k) => attainment({ ...k, actual: event.data.actual, measuredOn: event.data.measuredOn }),
        ),
      };
    case 'BudgetLineAdded': {
      const { lineId, fundingSource, amountSatang, descriptionTh } = event.data;
      return {
        ...project,
        budgetLines: [
          ...project.budgetLines,
          { lineId, fundingSource, amountSatang, descriptionTh, spentSatang: 0, withdrawn: false },
        ],
      };
    }
    case 'BudgetLineRevised':
      return {
        ...project,
        budgetLines: replace(
          project.budgetLines,
          (l) => l.lineId === event.data.lineId,
          (l) => ({ ...l, amountSatang: event.data.amountSatang }),
        ),
      };
    case 'BudgetLineReassigned':
      return {
        ...project,
        budgetLines: replace(
          project.budgetLines,
          (l) => l.lineId === event.data.lineId,
          (l) => ({ ...l, fundingSource: event.data.fundingSource }),
        ),
      };
    case 'BudgetLineWithdrawn':
      return {
        ...project,
        budgetLines: replace(
          project.budgetLines,
          (l) => l.lineId === event.data.lineId,
          (l) => ({ ...l, withdrawn: true }),
        ),
      };
    case 'FundRequestSubmitted': {
      const { requestId, category, amountSatang, justification } = event.data;
      return {
        ...project,
        fundRequests: [
          ...project.fundRequests,
          {
            requestId,
            category,
            status: 'submitted',
            amountSatang,
            approvedSatang: 0,
            disbursedSatang: 0,
            justification,
            note: null,
          },
        ],
      };
    }
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed':
      return {
        ...project,
        fundRequests: project.fundRequests.map((r) =>
          r.requestId === event.data.requestId ? evolveFundRequestView(r, event) : r,
        ),
      };
    case 'ProjectAdded':
    case 'PlanDrafted':
    case 'PlanSubmitted':
    case 'PlanReturned':
    case 'PlanApproved':
    case 'PlanAmended':
    case 'PlanClosed':
      return project;
    default: {
      const _: never = event;
      return project;
    }
  }
}

function attainment(kpi: KpiView): KpiView {
  return { ...kpi, attained: kpi.actual !== null && kpi.actual >= kpi.target };
}

function evolveFundRequestView(
  request: FundRequestView,
  event: Extract<
    PlanEvent,
    {
      type:
        'FundRequestReturned' | 'FundRequestRevised' | 'FundRequestApproved' | 'FundRequestRejected' | 'FundDisbursed';
    }
  >,
): FundRequestView {
  switch (event.type) {
    case 'FundRequestReturned':
      return { ...request, status: 'returned', note: event.data.reason };
    case 'FundRequestRevised':
      return {
        ...request,
        status: 'submitted',
        amountSatang: event.data.amountSatang,
        justification: event.data.justification,
        note: null,
      };
    case 'FundRequestApproved':
      return { ...request, status: 'approved', approvedSatang: event.data.approvedSatang };
    case 'FundRequestRejected':
      return { ...request, status: 'rejected', note: event.data.reason };
    case 'FundDisbursed':
      return { ...request, disbursedSatang: event.data.disbursedSatang };
    default: {
      const _: never = event;
      return request;
    }
  }
}

/** A project's (or several projects') standing with the Fund. */
export function fundTotals(requests: readonly FundRequestView[]): FundTotals {
  let requestedSatang = 0;
  let approvedSatang = 0;
  let disbursedSatang = 0;
  for (const r of requests) {
    if (r.status !== 'rejected') requestedSatang += r.amountSatang;
    approvedSatang += r.approvedSatang;
    disbursedSatang += r.disbursedSatang;
  }
  return { requestedSatang, approvedSatang, disbursedSatang };
}

/** Planned against done over projects still in the plan (withdrawn items are not counted). */
export function progressTotals(projects: readonly ProjectView[]): ProgressTotals {
  let spentSatang = 0;
  const spentBySource: Partial<Record<FundingSource, number>> = {};
  let activitiesPlanned = 0;
  let activitiesDone = 0;
  let participantsTarget = 0;
  let participantsReached = 0;
  let kpis = 0;
  let kpisAttained = 0;
  for (const p of projects) {
    if (p.withdrawal) continue;
    for (const line of p.budgetLines) {
      if (line.spentSatang === 0) continue;
      spentSatang += line.spentSatang;
      spentBySource[line.fundingSource] = (spentBySource[line.fundingSource] ?? 0) + line.spentSatang;
    }
    for (const a of p.activities) {
      if (a.status === 'withdrawn') continue;
      activitiesPlanned += 1;
      if (a.status === 'done') activitiesDone += 1;
      participantsTarget += totalParticipants(a.targets);
      participantsReached += totalParticipants(a.reached);
    }
    for (const k of p.kpis) {
      if (k.withdrawn) continue;
      kpis += 1;
      if (k.attained) kpisAttained += 1;
    }
  }
  return {
    spentSatang,
    spentBySource,
    activitiesPlanned,
    activitiesDone,
    participantsTarget,
    participantsReached,
    kpis,
    kpisAttained,
  };
}

/** The whole view from its parts, with totals. */
export function assemblePlanView(summary: PlanSummary, projects: readonly ProjectView[]): PlanView {
  const ordered = [...projects].sort((a, b) => a.addedAtRevision - b.addedAtRevision);
  const live = ordered.filter((p) => !p.withdrawal);
  const requestedBySource: Partial<Record<FundingSource, number>> = {};
  let requested = 0;
  for (const p of live) {
    for (const line of p.budgetLines) {
      if (line.withdrawn) continue;
      requested += line.amountSatang;
      requestedBySource[line.fundingSource] = (requestedBySource[line.fundingSource] ?? 0) + line.amountSatang;
    }
  }
  const fund = fundTotals(live.flatMap((p) => p.fundRequests));
  return {
    ...summary,
    projects: ordered,
    totals: {
      projectCount: live.length,
      requestedBudgetSatang: requested,
      requestedBySource,
      fund,
      progress: progressTotals(live),
    },
  };
}
