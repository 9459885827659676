import { fiscalYearRange, type Actor } from '@ruamjai/kernel';
import { requireActive } from './agency/agency';
import type {
  AddActivity,
  AddBudgetLine,
  AddKpi,
  AgencyFacts,
  ChangeActivity,
  ChangeKpi,
  ChangeProject,
  ReassignActivity,
  ReassignBudgetLine,
  ReassignProject,
  RecordKpiActual,
  ReportActivityProgress,
  ReviseBudgetLine,
  WithdrawActivity,
  WithdrawBudgetLine,
  WithdrawKpi,
  WithdrawProject,
} from './plan.commands';
import { BudgetUnchanged, DistrictNotInProvince, InvalidBudget, ProjectNotFound, ReasonRequired } from './plan.errors';
import type { PlanEvent } from './plan.events';
import type { ActivityState, BudgetLineState, ExistingPlan, KpiState, ProjectState } from './plan.state';
import { TARGET_GROUPS, type ParticipantCounts } from './plan-structure';
import {
  AgencyNotInProject,
  AgencyStillResponsible,
  AmendmentBySecretariat,
  FirstBudgetLineKept,
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
import { PROVINCES } from './provinces';

/* ----- lookups ----- */

export function liveProject(plan: ExistingPlan, projectId: string): ProjectState {
  const project = plan.projects.get(projectId);
  if (!project) throw new ProjectNotFound(projectId);
  if (project.withdrawn) throw new ItemWithdrawn('project', projectId);
  return project;
}

function liveActivity(plan: ExistingPlan, activityId: string): { activity: ActivityState; project: ProjectState } {
  const activity = plan.activities.get(activityId);
  if (!activity) throw new ItemNotFound('activity', activityId);
  const project = liveProject(plan, activity.projectId);
  if (activity.withdrawn) throw new ItemWithdrawn('activity', activityId);
  return { activity, project };
}

function liveKpi(plan: ExistingPlan, kpiId: string): { kpi: KpiState; project: ProjectState } {
  const kpi = plan.kpis.get(kpiId);
  if (!kpi) throw new ItemNotFound('kpi', kpiId);
  const project = liveProject(plan, kpi.projectId);
  if (kpi.withdrawn) throw new ItemWithdrawn('kpi', kpiId);
  return { kpi, project };
}

function liveLine(plan: ExistingPlan, lineId: string): { line: BudgetLineState; project: ProjectState } {
  const line = plan.budgetLines.get(lineId);
  if (!line) throw new ItemNotFound('budget_line', lineId);
  const project = liveProject(plan, line.projectId);
  if (line.withdrawn) throw new ItemWithdrawn('budget_line', lineId);
  return { line, project };
}

function isNew(plan: ExistingPlan, item: 'activity' | 'kpi' | 'budget_line', id: string): void {
  const taken =
    item === 'activity'
      ? plan.activities.has(id)
      : item === 'kpi'
        ? plan.kpis.has(id)
        : plan.budgetLines.has(id) || plan.projects.has(id);
  if (taken) throw new ItemAlreadyExists(item, id);
}

/* ----- who may change what ----- */

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
function mayReport(actor: Actor, project: ProjectState): void {
  if (actor.role !== 'agency_officer') return;
  if (project.leadAgencyCode !== actor.agency && !project.participatingAgencyCodes.includes(actor.agency)) {
    throw new NotOwnAgencyProject(actor.agency, project.projectId, 'lead_or_partner');
  }
}

/* ----- checks ----- */

const trimmed = (value: string | undefined, field: string): string => {
  const text = value?.trim();
  if (!text) throw new TextRequired(field);
  return text;
};
const optionalText = (value: string | undefined): string | null => value?.trim() || null;
const reasonOf = (reason: string | undefined): string => {
  if (!reason?.trim()) throw new ReasonRequired();
  return reason.trim();
};

export function checkDistricts(plan: ExistingPlan, codes: readonly string[]): string[] {
  const districts = new Set(PROVINCES[plan.provinceCode].districts.map((d) => d.code));
  const foreign = codes.filter((code) => !districts.has(code));
  if (foreign.length > 0) throw new DistrictNotInProvince(foreign, plan.provinceCode);
  return [...new Set(codes)];
}

function checkAmount(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudget(amount);
  return amount;
}

function checkCounts(counts: ParticipantCounts, field: string): ParticipantCounts {
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
const isDate = (value: string) =>
  ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);

function checkSchedule(plan: ExistingPlan, startDate: string, endDate: string): void {
  const { start, end } = fiscalYearRange(plan.fiscalYear);
  if (!isDate(startDate) || !isDate(endDate) || startDate > endDate || startDate < start || endDate > end) {
    throw new ScheduleInvalid(startDate, endDate, plan.fiscalYear, start, end);
  }
}

function checkKpiValue(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new KpiTargetInvalid(value);
  return value;
}

/** Participants in a project: the lead first, the others once each, never the lead twice. */
function participantsOf(lead: string, codes: readonly string[] | undefined): string[] {
  return [...new Set(codes ?? [])].filter((code) => code !== lead);
}

function requireAgencies(agencies: AgencyFacts, codes: readonly string[]): void {
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

function sameJson(a: unknown, b: unknown, field?: string): boolean {
  if (field && SET_FIELDS.has(field) && Array.isArray(a) && Array.isArray(b))
    return canonical([...(a as unknown[])].sort()) === canonical([...(b as unknown[])].sort());
  return canonical(a) === canonical(b);
}

/** Keeps only the fields whose values differ from the current ones; refuses a change that changes nothing. */
function changesOf<T extends object>(current: T, proposed: Partial<T>, item: PlanItem, id: string): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(proposed) as (keyof T)[]) {
    const value = proposed[key];
    if (value !== undefined && !sameJson(value, current[key], String(key))) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) throw new NothingChanged(item, id);
  return changes;
}

/* ----- projects ----- */

export function changeProject({ data, actor }: ChangeProject, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const proposed = {
    titleTh: data.titleTh === undefined ? undefined : trimmed(data.titleTh, 'titleTh'),
    titleEn: data.titleEn === undefined ? undefined : optionalText(data.titleEn),
    strategy: data.strategy,
    districtCodes: data.districtCodes && checkDistricts(plan, data.districtCodes),
    targetGroups: data.targetGroups && [...new Set(data.targetGroups)],
    objectives: data.objectives?.map((o) => o.trim()).filter(Boolean),
  };
  const changes = changesOf(project, proposed as Partial<ProjectState>, 'project', project.projectId);
  return [
    {
      type: 'ProjectChanged',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        changes: changes as Extract<PlanEvent, { type: 'ProjectChanged' }>['data']['changes'],
      },
    },
  ];
}

export function reassignProject({ data, actor, agencies }: ReassignProject, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const participating = participantsOf(
    data.leadAgencyCode,
    data.participatingAgencyCodes ?? [...project.participatingAgencyCodes, project.leadAgencyCode],
  );
  requireAgencies(agencies, [
    data.leadAgencyCode,
    ...participating.filter(
      (code) => !project.participatingAgencyCodes.includes(code) && code !== project.leadAgencyCode,
    ),
  ]);
  if (
    data.leadAgencyCode === project.leadAgencyCode &&
    sameJson(participating, project.participatingAgencyCodes, 'participatingAgencyCodes')
  )
    throw new NothingChanged('project', project.projectId);
  // An agency still running an activity stays in the project until its activities are handed on.
  const remaining = new Set([data.leadAgencyCode, ...participating]);
  const stranded = [...plan.activities.values()].filter(
    (a) => a.projectId === project.projectId && !a.withdrawn && !remaining.has(a.responsibleAgencyCode),
  );
  if (stranded.length > 0)
    throw new AgencyStillResponsible(
      stranded[0].responsibleAgencyCode,
      stranded.map((a) => a.activityId),
    );
  return [
    {
      type: 'ProjectReassigned',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        leadAgencyCode: data.leadAgencyCode,
        participatingAgencyCodes: participating,
        previousLeadAgencyCode: project.leadAgencyCode,
        previousParticipatingAgencyCodes: [...project.participatingAgencyCodes],
      },
    },
  ];
}

export function withdrawProject({ data, actor }: WithdrawProject, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  return [
    {
      type: 'ProjectWithdrawn',
      data: { planId: plan.planId, projectId: project.projectId, reason: reasonOf(data.reason) },
    },
  ];
}

/* ----- activities ----- */

export function addActivity({ data, actor, agencies }: AddActivity, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  isNew(plan, 'activity', data.activityId);
  const responsible = data.responsibleAgencyCode ?? project.leadAgencyCode;
  if (responsible !== project.leadAgencyCode && !project.participatingAgencyCodes.includes(responsible))
    throw new AgencyNotInProject(responsible, project.projectId);
  // An agency named here must be active; the lead, when none is named, was checked when it took the project.
  if (data.responsibleAgencyCode) requireAgencies(agencies, [responsible]);
  checkDistricts(plan, [data.districtCode]);
  checkSchedule(plan, data.startDate, data.endDate);
  return [
    {
      type: 'ActivityAdded',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: data.activityId,
        titleTh: trimmed(data.titleTh, 'titleTh'),
        titleEn: optionalText(data.titleEn),
        districtCode: data.districtCode,
        startDate: data.startDate,
        endDate: data.endDate,
        targets: checkCounts(data.targets, 'targets'),
        responsibleAgencyCode: responsible,
      },
    },
  ];
}

export function changeActivity({ data, actor }: ChangeActivity, plan: ExistingPlan): PlanEvent[] {
  const { activity, project } = liveActivity(plan, data.activityId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  if (data.districtCode !== undefined) checkDistricts(plan, [data.districtCode]);
  checkSchedule(plan, data.startDate ?? activity.startDate, data.endDate ?? activity.endDate);
  const proposed = {
    titleTh: data.titleTh === undefined ? undefined : trimmed(data.titleTh, 'titleTh'),
    titleEn: data.titleEn === undefined ? undefined : optionalText(data.titleEn),
    districtCode: data.districtCode,
    startDate: data.startDate,
    endDate: data.endDate,
    targets: data.targets && checkCounts(data.targets, 'targets'),
  };
  const changes = changesOf(activity, proposed as Partial<ActivityState>, 'activity', activity.activityId);
  return [
    {
      type: 'ActivityChanged',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: activity.activityId,
        changes: changes,
      },
    },
  ];
}

export function reassignActivity({ data, actor, agencies }: ReassignActivity, plan: ExistingPlan): PlanEvent[] {
  const { activity, project } = liveActivity(plan, data.activityId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const code = data.responsibleAgencyCode;
  if (code !== project.leadAgencyCode && !project.participatingAgencyCodes.includes(code))
    throw new AgencyNotInProject(code, project.projectId);
  requireAgencies(agencies, [code]);
  if (code === activity.responsibleAgencyCode) throw new NothingChanged('activity', activity.activityId);
  return [
    {
      type: 'ActivityReassigned',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: activity.activityId,
        responsibleAgencyCode: code,
        previousAgencyCode: activity.responsibleAgencyCode,
      },
    },
  ];
}

export function withdrawActivity({ data, actor }: WithdrawActivity, plan: ExistingPlan): PlanEvent[] {
  const { activity, project } = liveActivity(plan, data.activityId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  return [
    {
      type: 'ActivityWithdrawn',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: activity.activityId,
        reason: reasonOf(data.reason),
      },
    },
  ];
}

/* ----- KPIs ----- */

export function addKpi({ data, actor }: AddKpi, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  isNew(plan, 'kpi', data.kpiId);
  return [
    {
      type: 'KpiAdded',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        kpiId: data.kpiId,
        descriptionTh: trimmed(data.descriptionTh, 'descriptionTh'),
        descriptionEn: optionalText(data.descriptionEn),
        unit: trimmed(data.unit, 'unit'),
        target: checkKpiValue(data.target),
      },
    },
  ];
}

export function changeKpi({ data, actor }: ChangeKpi, plan: ExistingPlan): PlanEvent[] {
  const { kpi, project } = liveKpi(plan, data.kpiId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const proposed = {
    descriptionTh: data.descriptionTh === undefined ? undefined : trimmed(data.descriptionTh, 'descriptionTh'),
    descriptionEn: data.descriptionEn === undefined ? undefined : optionalText(data.descriptionEn),
    unit: data.unit === undefined ? undefined : trimmed(data.unit, 'unit'),
    target: data.target === undefined ? undefined : checkKpiValue(data.target),
  };
  const changes = changesOf(kpi, proposed as Partial<KpiState>, 'kpi', kpi.kpiId);
  return [
    {
      type: 'KpiChanged',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        kpiId: kpi.kpiId,
        changes: changes,
      },
    },
  ];
}

export function withdrawKpi({ data, actor }: WithdrawKpi, plan: ExistingPlan): PlanEvent[] {
  const { kpi, project } = liveKpi(plan, data.kpiId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  return [
    {
      type: 'KpiWithdrawn',
      data: { planId: plan.planId, projectId: project.projectId, kpiId: kpi.kpiId, reason: reasonOf(data.reason) },
    },
  ];
}

/* ----- budget lines ----- */

export function addBudgetLine({ data, actor }: AddBudgetLine, plan: ExistingPlan): PlanEvent[] {
  const project = liveProject(plan, data.projectId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  isNew(plan, 'budget_line', data.lineId);
  return [
    {
      type: 'BudgetLineAdded',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        lineId: data.lineId,
        fundingSource: data.fundingSource,
        amountSatang: checkAmount(data.amountSatang),
        descriptionTh: optionalText(data.descriptionTh),
      },
    },
  ];
}

export function reviseBudgetLine({ data, actor }: ReviseBudgetLine, plan: ExistingPlan): PlanEvent[] {
  const { line, project } = liveLine(plan, data.lineId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  const amount = checkAmount(data.amountSatang);
  const reason = reasonOf(data.reason);
  if (amount === line.amountSatang) throw new BudgetUnchanged(project.projectId, amount);
  // The first line is the project's requested budget: revising it keeps the event that always meant that.
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

export function reassignBudgetLine({ data, actor }: ReassignBudgetLine, plan: ExistingPlan): PlanEvent[] {
  const { line, project } = liveLine(plan, data.lineId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  if (line.fundingSource === data.fundingSource) throw new NothingChanged('budget_line', line.lineId);
  return [
    {
      type: 'BudgetLineReassigned',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        lineId: line.lineId,
        fundingSource: data.fundingSource,
        previousFundingSource: line.fundingSource,
      },
    },
  ];
}

export function withdrawBudgetLine({ data, actor }: WithdrawBudgetLine, plan: ExistingPlan): PlanEvent[] {
  const { line, project } = liveLine(plan, data.lineId);
  mayChange(actor, plan, project.leadAgencyCode, project.projectId);
  if (line.lineId === project.projectId) throw new FirstBudgetLineKept(line.lineId);
  return [
    {
      type: 'BudgetLineWithdrawn',
      data: { planId: plan.planId, projectId: project.projectId, lineId: line.lineId, reason: reasonOf(data.reason) },
    },
  ];
}

/* ----- progress ----- */

function inExecution(plan: ExistingPlan): void {
  if (plan.status !== 'approved' && plan.status !== 'amended') throw new PlanNotInExecution(plan.status);
}

/** Work is reported for days of the plan's fiscal year that have come: not before it, not after it, not in the future. */
function checkReportDate(plan: ExistingPlan, date: string, at: Date): void {
  const { start, end } = fiscalYearRange(plan.fiscalYear);
  const today = bangkokDate(at);
  const last = today < end ? today : end;
  if (!isDate(date) || date < start || date > last) throw new ReportDateInvalid(date, start, last);
}

export function reportActivityProgress({ data, actor, at }: ReportActivityProgress, plan: ExistingPlan): PlanEvent[] {
  inExecution(plan);
  const { activity, project } = liveActivity(plan, data.activityId);
  mayReport(actor, project);
  checkReportDate(plan, data.reportedOn, at);
  const lineId = data.budgetLineId ?? project.projectId;
  const { line } = liveLine(plan, lineId);
  if (line.projectId !== project.projectId) throw new ItemNotFound('budget_line', lineId);
  return [
    {
      type: 'ActivityProgressReported',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: activity.activityId,
        agencyCode: actor.agency,
        reportedOn: data.reportedOn,
        participantsReached: checkCounts(data.participantsReached, 'participantsReached'),
        spendSatang: checkAmount(data.spendSatang),
        budgetLineId: lineId,
        note: optionalText(data.note),
        completed: data.completed === true,
      },
    },
  ];
}

export function recordKpiActual({ data, actor, at }: RecordKpiActual, plan: ExistingPlan): PlanEvent[] {
  inExecution(plan);
  const { kpi, project } = liveKpi(plan, data.kpiId);
  mayReport(actor, project);
  checkReportDate(plan, data.measuredOn, at);
  return [
    {
      type: 'KpiActualRecorded',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        kpiId: kpi.kpiId,
        actual: checkKpiValue(data.actual),
        previousActual: kpi.actual,
        measuredOn: data.measuredOn,
        note: optionalText(data.note),
      },
    },
  ];
}
