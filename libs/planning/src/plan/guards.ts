import { fiscalYearRange, type Actor } from '@ruamjai/kernel';
import { requireActive } from '../agency/guards';
import type { AgencyFacts } from './plan.command-base';
import {
  BudgetUnchanged,
  DistrictNotInProvince,
  FundAmountInvalid,
  FundRequestIllegalTransition,
  FundRequestNotFound,
  InvalidBudget,
  PlanNotEditable,
  PlanNotFound,
  ProjectNotFound,
  ReasonRequired,
} from './plan.errors';
import type { PlanEvent } from './plan.events';
import type {
  ActivityState,
  BudgetLineState,
  ExistingPlan,
  FundRequestState,
  KpiState,
  PlanState,
  ProjectState,
} from './plan.state';
import { TARGET_GROUPS, type ParticipantCounts } from './plan-structure';
import {
  AmendmentBySecretariat,
  ItemAlreadyExists,
  ItemNotFound,
  ItemWithdrawn,
  KpiTargetInvalid,
  NotOwnAgencyProject,
  NothingChanged,
  ParticipantCountsInvalid,
  PlanNotInExecution,
  ReportDateInvalid,
  ScheduleInvalid,
  TextRequired,
  type PlanItem,
} from './plan-structure.errors';
import { PROVINCES } from '../domain/provinces';

/**
 * The checks several plan use cases share: the plan and its items as they stand, who may change
 * what, amendments after approval, and the values a plan takes. Pure, like the use cases.
 */

/** The plan a command is for: it must have been drafted. */
export function existingPlan(state: PlanState, planId: string): ExistingPlan {
  if (state.status === 'empty') throw new PlanNotFound(planId);
  return state;
}

/**
 * A change to the plan's content. While drafting it is simply made; a submitted plan is locked
 * until the chair returns it; after approval every change needs a reason and makes the next edition.
 */
export function change(plan: ExistingPlan, reason: string | undefined, make: () => PlanEvent[]): PlanEvent[] {
  switch (plan.status) {
    case 'drafting':
      return make();
    case 'submitted':
    case 'closed':
      throw new PlanNotEditable(plan.status);
    case 'approved':
    case 'amended': {
      // Who may change comes before why: an officer refused after approval hears that, not "give a reason".
      const events = make();
      if (!reason?.trim()) throw new ReasonRequired();
      return [
        ...events,
        { type: 'PlanAmended', data: { planId: plan.planId, edition: plan.edition + 1, reason: reason.trim() } },
      ];
    }
    default: {
      const _: never = plan.status;
      throw new Error(`unknown status ${String(_)}`);
    }
  }
}

/** The project, still in the plan. */
export function liveProject(plan: ExistingPlan, projectId: string): ProjectState {
  const project = plan.projects.get(projectId);
  if (!project) throw new ProjectNotFound(projectId);
  if (project.withdrawn) throw new ItemWithdrawn('project', projectId);
  return project;
}

/** The activity and its project, both still in the plan. */
export function liveActivity(
  plan: ExistingPlan,
  activityId: string,
): { activity: ActivityState; project: ProjectState } {
  const activity = plan.activities.get(activityId);
  if (!activity) throw new ItemNotFound('activity', activityId);
  const project = liveProject(plan, activity.projectId);
  if (activity.withdrawn) throw new ItemWithdrawn('activity', activityId);
  return { activity, project };
}

export function liveKpi(plan: ExistingPlan, kpiId: string): { kpi: KpiState; project: ProjectState } {
  const kpi = plan.kpis.get(kpiId);
  if (!kpi) throw new ItemNotFound('kpi', kpiId);
  const project = liveProject(plan, kpi.projectId);
  if (kpi.withdrawn) throw new ItemWithdrawn('kpi', kpiId);
  return { kpi, project };
}

export function liveLine(plan: ExistingPlan, lineId: string): { line: BudgetLineState; project: ProjectState } {
  const line = plan.budgetLines.get(lineId);
  if (!line) throw new ItemNotFound('budget_line', lineId);
  const project = liveProject(plan, line.projectId);
  if (line.withdrawn) throw new ItemWithdrawn('budget_line', lineId);
  return { line, project };
}

/** An id is used once in a plan, even after its item is withdrawn; a budget line never takes a project's id. */
export function isNew(plan: ExistingPlan, item: 'activity' | 'kpi' | 'budget_line', id: string): void {
  const taken =
    item === 'activity'
      ? plan.activities.has(id)
      : item === 'kpi'
        ? plan.kpis.has(id)
        : plan.budgetLines.has(id) || plan.projects.has(id);
  if (taken) throw new ItemAlreadyExists(item, id);
}

/**
 * Agency officers change only projects their agency leads, and only while the plan is drafted:
 * that is how they propose. Once approved, the secretariat amends the plan.
 */
export function mayChange(actor: Actor, plan: ExistingPlan, leadAgencyCode: string, projectId: string): void {
  if (actor.role !== 'agency_officer') return;
  if (leadAgencyCode !== actor.agency) throw new NotOwnAgencyProject(actor.agency, projectId);
  if (plan.status !== 'drafting') throw new AmendmentBySecretariat(plan.status);
}

/** Officers report on projects their agency leads or takes part in. */
export function mayReport(actor: Actor, project: ProjectState): void {
  if (actor.role !== 'agency_officer') return;
  if (project.leadAgencyCode !== actor.agency && !project.participatingAgencyCodes.includes(actor.agency)) {
    throw new NotOwnAgencyProject(actor.agency, project.projectId, 'lead_or_partner');
  }
}

export const trimmed = (value: string | undefined, field: string): string => {
  const text = value?.trim();
  if (!text) throw new TextRequired(field);
  return text;
};
export const optionalText = (value: string | undefined): string | null => value?.trim() || null;
export const reasonOf = (reason: string | undefined): string => {
  if (!reason?.trim()) throw new ReasonRequired();
  return reason.trim();
};

export function checkDistricts(plan: ExistingPlan, codes: readonly string[]): string[] {
  const districts = new Set(PROVINCES[plan.provinceCode].districts.map((d) => d.code));
  const foreign = codes.filter((code) => !districts.has(code));
  if (foreign.length > 0) throw new DistrictNotInProvince(foreign, plan.provinceCode);
  return [...new Set(codes)];
}

export function checkAmount(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudget(amount);
  return amount;
}

export function checkCounts(counts: ParticipantCounts, field: string): ParticipantCounts {
  const out: Partial<Record<(typeof TARGET_GROUPS)[number], number>> = {};
  for (const [group, count] of Object.entries(counts ?? {})) {
    if (count === undefined) continue;
    if (!(TARGET_GROUPS as readonly string[]).includes(group) || !Number.isSafeInteger(count) || count < 0)
      throw new ParticipantCountsInvalid(field);
    if (count > 0) out[group as (typeof TARGET_GROUPS)[number]] = count;
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (value: string) =>
  ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);

export function checkSchedule(plan: ExistingPlan, startDate: string, endDate: string): void {
  const { start, end } = fiscalYearRange(plan.fiscalYear);
  if (!isDate(startDate) || !isDate(endDate) || startDate > endDate || startDate < start || endDate > end) {
    throw new ScheduleInvalid(startDate, endDate, plan.fiscalYear, start, end);
  }
}

export function checkKpiValue(value: number): number {
  // Number.isFinite takes no string or other non-number (it does not convert), so it checks the type too.
  if (!Number.isFinite(value) || value < 0) throw new KpiTargetInvalid(value);
  return value;
}

/** Participants in a project: the lead first, the others once each, never the lead twice. */
export function participantsOf(lead: string, codes: readonly string[]): string[] {
  return [...new Set(codes)].filter((code) => code !== lead);
}

export function requireAgencies(agencies: AgencyFacts, codes: readonly string[]): void {
  for (const code of codes) requireActive(code, agencies[code] ?? { status: 'unknown' });
}

/** Today's date in Thai time, as an ISO date. */
function bangkokDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Lists of codes are sets: their order carries no meaning. */
const SET_FIELDS = new Set(['districtCodes', 'targetGroups', 'participatingAgencyCodes']);

/** JSON with object keys in order, so { a, b } and { b, a } are the same value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameJson(a: unknown, b: unknown, field?: string): boolean {
  if (field && SET_FIELDS.has(field) && Array.isArray(a) && Array.isArray(b))
    return canonical([...(a as unknown[])].sort()) === canonical([...(b as unknown[])].sort());
  return canonical(a) === canonical(b);
}

/** Keeps only the fields whose values differ from the current ones; refuses a change that changes nothing. */
export function changesOf<T extends object>(current: T, proposed: Partial<T>, item: PlanItem, id: string): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(proposed) as (keyof T)[]) {
    const value = proposed[key];
    if (value !== undefined && !sameJson(value, current[key], String(key))) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) throw new NothingChanged(item, id);
  return changes;
}

/** Progress is reported while the approved plan is carried out. */
export function inExecution(plan: ExistingPlan): void {
  if (plan.status !== 'approved' && plan.status !== 'amended') throw new PlanNotInExecution(plan.status);
}

/** Work is reported for days of the plan's fiscal year that have come: not before it, not after it, not in the future. */
export function checkReportDate(plan: ExistingPlan, date: string, at: Date): void {
  const { start, end } = fiscalYearRange(plan.fiscalYear);
  const today = bangkokDate(at);
  const last = today < end ? today : end;
  if (!isDate(date) || date < start || date > last) throw new ReportDateInvalid(date, start, last);
}

/**
 * A budget line's amount, revised with a reason. The first line is the project's requested budget:
 * revising it keeps the event that always meant that.
 */
export function reviseLine(
  plan: ExistingPlan,
  actor: Actor,
  revision: { lineId: string; amountSatang: number; reason: string },
): PlanEvent[] {
  const { line, project } = liveLine(plan, revision.lineId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const amount = checkAmount(revision.amountSatang);
  const reason = reasonOf(revision.reason);
  if (amount === line.amountSatang) throw new BudgetUnchanged(project.projectId, amount);
  if (line.lineId === project.projectId) {
    return [
      {
        type: 'ProjectBudgetRevised',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          previousBudgetSatang: line.amountSatang,
          requestedBudgetSatang: amount,
          reason,
        },
      },
    ];
  }
  return [
    {
      type: 'BudgetLineRevised',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        lineId: line.lineId,
        previousSatang: line.amountSatang,
        amountSatang: amount,
        reason,
      },
    },
  ];
}

/** The largest single amount the system takes: ten billion baht, well past any provincial project. */
export const MAX_SATANG = 1_000_000_000_000;

/** An amount of the Fund's business: a whole number of satang, above zero, at most the limit. */
export function fundAmount(value: number, limit: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > limit) throw new FundAmountInvalid(value, limit, what);
  return value;
}

/** A closed plan takes no more Fund business. */
export function openForFund(state: PlanState, planId: string): ExistingPlan {
  const plan = existingPlan(state, planId);
  if (plan.status === 'closed') throw new PlanNotEditable(plan.status);
  return plan;
}

/**
 * The Fund request a decision or payment is about, in one of the statuses that take it. Agency
 * officers act only on requests for projects their agency leads.
 */
export function fundRequest(
  plan: ExistingPlan,
  { type, data, actor }: { type: string; data: { requestId: string }; actor: Actor },
  ...statuses: FundRequestState['status'][]
): FundRequestState {
  const request = plan.fundRequests.get(data.requestId);
  if (!request) throw new FundRequestNotFound(data.requestId);
  const { projectId } = request;
  if (actor.role === 'agency_officer' && plan.projects.get(projectId)?.leadAgencyCode !== actor.agency)
    throw new NotOwnAgencyProject(actor.agency, projectId);
  if (!statuses.includes(request.status)) throw new FundRequestIllegalTransition(request.status, type);
  return request;
}
