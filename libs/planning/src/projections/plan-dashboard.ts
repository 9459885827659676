import { TARGET_GROUPS, totalParticipants } from '../plan/plan-structure';
import type { ActivityView, ProjectView } from './plan-view';

/** The ways dashboards cut a plan. */
export const DASHBOARD_DIMENSIONS = ['plan', 'strategy', 'district', 'agency', 'source', 'target_group'] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

export const MEASURES = [
  'projects',
  'budgetSatang',
  'fundRequestedSatang',
  'fundApprovedSatang',
  'fundDisbursedSatang',
  'spentSatang',
  'activitiesPlanned',
  'activitiesDone',
  'participantsTarget',
  'participantsReached',
  'kpis',
  'kpisAttained',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

export const noMeasures = (): Measures => ({
  projects: 0,
  budgetSatang: 0,
  fundRequestedSatang: 0,
  fundApprovedSatang: 0,
  fundDisbursedSatang: 0,
  spentSatang: 0,
  activitiesPlanned: 0,
  activitiesDone: 0,
  participantsTarget: 0,
  participantsReached: 0,
  kpis: 0,
  kpisAttained: 0,
});

/** `${dimension}|${key}` → measures. */
export type DashboardCells = Map<string, Measures>;
export const cellKey = (dimension: DashboardDimension, key: string): string => `${dimension}|${key}`;
export const splitCellKey = (cell: string): { dimension: DashboardDimension; key: string } => {
  const at = cell.indexOf('|');
  return { dimension: cell.slice(0, at) as DashboardDimension, key: cell.slice(at + 1) };
};

function add(
  cells: DashboardCells,
  dimension: DashboardDimension,
  key: string,
  part: Partial<Measures>,
  sign = 1,
): void {
  const id = cellKey(dimension, key);
  let cell = cells.get(id);
  if (!cell) {
    cell = noMeasures();
    cells.set(id, cell);
  }
  // Only the measures given: most parts name two or three.
  for (const m in part) {
    const value = part[m as Measure];
    if (value) cell[m as Measure] += sign * value;
  }
}

const liveActivities = (p: ProjectView): ActivityView[] => p.activities.filter((a) => a.status !== 'withdrawn');

/** What one project adds up to as a whole: the same numbers the plan view's totals count. */
function wholeProject(p: ProjectView): Measures {
  const m = noMeasures();
  m.projects = 1;
  for (const line of p.budgetLines) {
    m.spentSatang += line.spentSatang;
    if (!line.withdrawn) m.budgetSatang += line.amountSatang;
  }
  for (const r of p.fundRequests) {
    if (r.status !== 'rejected') m.fundRequestedSatang += r.amountSatang;
    m.fundApprovedSatang += r.approvedSatang;
    m.fundDisbursedSatang += r.disbursedSatang;
  }
  for (const a of liveActivities(p)) {
    m.activitiesPlanned += 1;
    if (a.status === 'done') m.activitiesDone += 1;
    m.participantsTarget += totalParticipants(a.targets);
    m.participantsReached += totalParticipants(a.reached);
  }
  for (const k of p.kpis) {
    if (k.withdrawn) continue;
    m.kpis += 1;
    if (k.attained) m.kpisAttained += 1;
  }
  return m;
}

/**
 * Adds (or, with sign -1, takes away) what a project contributes to each dashboard cell.
 * - plan, strategy and lead agency: the whole project, so each of these cuts sums to the plan.
 * - district: the project counts in full in each district it names (a project spanning districts
 *   shows in each, so district rows may sum to more than the plan); activities and participants
 *   count in the district the activity takes place in.
 * - funding source: each budget line's amount and spending in its source; Fund requests under the Fund.
 * - target group: the project counts in full in each group it names; planned and reached
 *   participants by group, and activities under each group they target.
 * A withdrawn project contributes nothing.
 */
export function addContribution(cells: DashboardCells, project: ProjectView | undefined, sign: 1 | -1): void {
  if (!project || project.withdrawal) return;
  const whole = wholeProject(project);
  add(cells, 'plan', '', whole, sign);
  add(cells, 'strategy', project.strategy, whole, sign);
  add(cells, 'agency', project.leadAgencyCode, whole, sign);

  const activities = project.activities.length > 0 ? liveActivities(project) : [];
  const projectLevel =
    project.districtCodes.length + project.targetGroups.length > 0
      ? { ...whole, activitiesPlanned: 0, activitiesDone: 0, participantsTarget: 0, participantsReached: 0 }
      : whole;
  for (const district of project.districtCodes) add(cells, 'district', district, projectLevel, sign);
  for (const a of activities) {
    add(
      cells,
      'district',
      a.districtCode,
      {
        activitiesPlanned: 1,
        activitiesDone: a.status === 'done' ? 1 : 0,
        participantsTarget: totalParticipants(a.targets),
        participantsReached: totalParticipants(a.reached),
      },
      sign,
    );
  }

  // A project counts once in each source it draws on.
  const sources: string[] = [];
  for (const line of project.budgetLines) {
    if (line.withdrawn && line.spentSatang === 0) continue;
    const first = !sources.includes(line.fundingSource);
    if (first) sources.push(line.fundingSource);
    add(
      cells,
      'source',
      line.fundingSource,
      { budgetSatang: line.withdrawn ? 0 : line.amountSatang, spentSatang: line.spentSatang, projects: first ? 1 : 0 },
      sign,
    );
  }
  if (whole.fundRequestedSatang || whole.fundApprovedSatang || whole.fundDisbursedSatang) {
    const first = !sources.includes('anti_trafficking_fund');
    add(
      cells,
      'source',
      'anti_trafficking_fund',
      {
        fundRequestedSatang: whole.fundRequestedSatang,
        fundApprovedSatang: whole.fundApprovedSatang,
        fundDisbursedSatang: whole.fundDisbursedSatang,
        projects: first ? 1 : 0,
      },
      sign,
    );
  }

  for (const group of project.targetGroups) add(cells, 'target_group', group, projectLevel, sign);
  for (const a of activities) {
    for (const group of TARGET_GROUPS) {
      const target = a.targets[group] ?? 0;
      const reached = a.reached[group] ?? 0;
      if (!target && !reached) continue;
      add(
        cells,
        'target_group',
        group,
        {
          activitiesPlanned: target ? 1 : 0,
          activitiesDone: target && a.status === 'done' ? 1 : 0,
          participantsTarget: target,
          participantsReached: reached,
        },
        sign,
      );
    }
  }
}

export const isEmpty = (m: Measures): boolean => MEASURES.every((k) => m[k] === 0);
