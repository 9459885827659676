import type { PlanningTables } from './planning-tables';
import type { ProjectView } from './plan-view';

/** A project's row in plan_projects, as the plan view writes it and the queries read it. */
export type ProjectRow = PlanningTables['plan_projects'];

/** What a project row keeps beyond its columns. */
type ProjectDetail = Pick<
  ProjectView,
  | 'strategy'
  | 'participatingAgencyCodes'
  | 'targetGroups'
  | 'objectives'
  | 'withdrawal'
  | 'budgetLines'
  | 'activities'
  | 'kpis'
>;

/** The first budget line as a project is added: its id is the project's, its amount and source are the row's columns. */
function isFirstLineOnly(p: ProjectView): boolean {
  if (p.budgetLines.length !== 1) return false;
  const [line] = p.budgetLines;
  return (
    line.lineId === p.projectId &&
    line.fundingSource === p.fundingSource &&
    line.amountSatang === p.requestedBudgetSatang &&
    line.descriptionTh === null &&
    line.spentSatang === 0 &&
    !line.withdrawn
  );
}

/**
 * A project row keeps beyond its columns only what differs from a new project's defaults (empty
 * lists, no withdrawal, the first budget line alone): most projects are written often and read
 * little, and a rebuild writes them all.
 */
export function projectRow(planId: string, p: ProjectView): ProjectRow {
  const detail: { -readonly [K in keyof ProjectDetail]?: ProjectDetail[K] } = { strategy: p.strategy };
  if (p.participatingAgencyCodes.length > 0) detail.participatingAgencyCodes = p.participatingAgencyCodes;
  if (p.targetGroups.length > 0) detail.targetGroups = p.targetGroups;
  if (p.objectives.length > 0) detail.objectives = p.objectives;
  if (p.withdrawal) detail.withdrawal = p.withdrawal;
  if (!isFirstLineOnly(p)) detail.budgetLines = p.budgetLines;
  if (p.activities.length > 0) detail.activities = p.activities;
  if (p.kpis.length > 0) detail.kpis = p.kpis;
  return {
    plan_id: planId,
    project_id: p.projectId,
    title_th: p.titleTh,
    title_en: p.titleEn,
    lead_agency_code: p.leadAgencyCode,
    district_codes: JSON.stringify(p.districtCodes),
    requested_budget_satang: p.requestedBudgetSatang,
    funding_source: p.fundingSource,
    added_at_revision: p.addedAtRevision,
    updated_at: p.updatedAt,
    fund_requests: p.fundRequests.length > 0 ? JSON.stringify(p.fundRequests) : '[]',
    detail: JSON.stringify(detail),
  };
}

export function projectFromRow(row: Omit<ProjectRow, 'plan_id'>): ProjectView {
  const detail = JSON.parse(row.detail) as Partial<ProjectDetail>;
  const fundingSource = row.funding_source as ProjectView['fundingSource'];
  const requestedBudgetSatang = Number(row.requested_budget_satang);
  return {
    strategy: detail.strategy ?? 'unclassified',
    participatingAgencyCodes: detail.participatingAgencyCodes ?? [],
    targetGroups: detail.targetGroups ?? [],
    objectives: detail.objectives ?? [],
    withdrawal: detail.withdrawal ?? null,
    budgetLines: detail.budgetLines ?? [
      {
        lineId: row.project_id,
        fundingSource,
        amountSatang: requestedBudgetSatang,
        descriptionTh: null,
        spentSatang: 0,
        withdrawn: false,
      },
    ],
    activities: detail.activities ?? [],
    kpis: detail.kpis ?? [],
    projectId: row.project_id,
    titleTh: row.title_th,
    titleEn: row.title_en,
    leadAgencyCode: row.lead_agency_code,
    districtCodes: JSON.parse(row.district_codes) as string[],
    requestedBudgetSatang,
    fundingSource,
    addedAtRevision: row.added_at_revision,
    updatedAt: row.updated_at,
    fundRequests: JSON.parse(row.fund_requests) as ProjectView['fundRequests'],
  };
}
